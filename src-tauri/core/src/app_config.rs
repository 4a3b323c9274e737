//! The organisation's part of the configuration (`app-config.json`, built into the app): the
//! collections the screens may read, and where updates come from. Built in, so neither the page
//! nor a file on the customer's disk can widen what the app reads or where it installs from.

use crate::configuration::Build;
use crate::error::CoreError;
use crate::items::{AllowedCollections, CollectionShape};
use crate::updates::{UpdateConfig, UpdateSource};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct AppConfig {
    pub collections: AllowedCollections,
    /// None: this build has updates off.
    pub updates: Option<UpdateSource>,
}

impl AppConfig {
    pub fn parse(json: &str, build: Build) -> Result<Self, CoreError> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct File {
            collections: BTreeMap<String, CollectionShape>,
            #[serde(default)]
            updates: Option<UpdateConfig>,
        }
        let file: File = serde_json::from_str(json)
            .map_err(|error| config_error(format!("the app configuration: {error}")))?;
        Ok(AppConfig {
            collections: AllowedCollections::from_shapes(file.collections).map_err(config_error)?,
            updates: file
                .updates
                .map(|updates| UpdateSource::from_config(&updates, build))
                .transpose()
                .map_err(config_error)?,
        })
    }
}

fn config_error(detail: String) -> CoreError {
    CoreError::Unexpected { status: 0, detail }
}
