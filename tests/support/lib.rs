//! What the test binaries share: where the local test Directus is, stand-in servers for the
//! failure cases, and the app under WebDriver.

pub mod app;
pub mod counting_proxy;
pub mod faulty_server;

use std::time::Duration;

/// The local test Directus and mail sink that `scripts/test` starts (`scripts/directus start
/// --test`), as it describes them in the environment.
#[derive(Debug, Clone)]
pub struct LocalDirectus {
    pub url: String,
    pub admin_email: String,
    pub admin_password: String,
    pub maildev_url: String,
}

impl LocalDirectus {
    pub fn from_env() -> Self {
        let var = |name: &str| {
            std::env::var(name).unwrap_or_else(|_| {
                panic!("{name} is not set: run these tests through scripts/test, which starts the local Directus")
            })
        };
        LocalDirectus {
            url: var("DIRECTUS_URL"),
            admin_email: var("DIRECTUS_ADMIN_EMAIL"),
            admin_password: var("DIRECTUS_ADMIN_PASSWORD"),
            maildev_url: var("MAILDEV_URL"),
        }
    }
}

/// Short timeouts, so the failure cases finish quickly.
pub fn short_timeouts() -> account_core::Timeouts {
    account_core::Timeouts {
        connect: Duration::from_secs(2),
        total: Duration::from_secs(2),
    }
}
