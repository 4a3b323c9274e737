//! The app's core: everything that talks to Directus or handles a secret. It has no Tauri types,
//! so it is tested with plain `cargo test` against a real server.

pub mod directus;
pub mod error;
pub mod server_url;

pub use directus::{AuthTokens, DirectusClient, ServerInfo, Timeouts};
pub use error::CoreError;
pub use server_url::{resolve_server_url, ServerUrl, LOCAL_DEFAULT, SERVER_URL_ENV};

use account_bridge::{ServerInfoView, ServerSettingsView, ServerUrlSource};

/// The server the app is pointed at, and the operations the screens call on it.
#[derive(Debug, Clone)]
pub struct AccountService {
    client: DirectusClient,
    source: ServerUrlSource,
}

impl AccountService {
    pub fn new(
        url: ServerUrl,
        source: ServerUrlSource,
        timeouts: Timeouts,
    ) -> Result<Self, CoreError> {
        Ok(AccountService {
            client: DirectusClient::new(url, timeouts)?,
            source,
        })
    }

    pub fn server_settings(&self) -> ServerSettingsView {
        ServerSettingsView {
            url: self.client.base().to_string(),
            source: self.source,
        }
    }

    pub async fn test_connection(&self) -> Result<ServerInfoView, CoreError> {
        let info = self.client.server_info().await?;
        Ok(ServerInfoView {
            url: self.client.base().to_string(),
            project_name: info.project_name,
            project_color: info.project_color,
            project_descriptor: info.project_descriptor,
            public_registration: info.public_registration,
            verify_email: info.verify_email,
        })
    }
}
