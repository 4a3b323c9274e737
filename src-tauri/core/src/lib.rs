//! The app's core: everything that talks to Directus or handles a secret. It has no Tauri types,
//! so it is tested with plain `cargo test` against a real server and a real keychain.

pub mod directus;
pub mod error;
pub mod server_url;
pub mod session;
pub mod settings;
pub mod vault;

pub use directus::{AuthTokens, CurrentUser, DirectusClient, Registration, ServerInfo, Timeouts};
pub use error::CoreError;
pub use server_url::{resolve_server_url, ServerUrl, LOCAL_DEFAULT, SERVER_URL_ENV};
pub use session::Session;
pub use vault::{StoredSession, Vault};

use account_bridge::{ServerInfoView, ServerSettingsView, ServerUrlSource, SessionView};
use secrecy::SecretString;
use std::sync::Arc;

/// Where the links in Directus's emails point: the app's own scheme, or an https hand-off
/// page the organisation hosts. Directus appends `?token=…` to each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTargets {
    pub verify_email: String,
    pub reset_password: String,
}

impl LinkTargets {
    /// `<scheme>://verify-email` and `<scheme>://reset-password`.
    pub fn for_scheme(scheme: &str) -> Self {
        LinkTargets {
            verify_email: format!("{scheme}://verify-email"),
            reset_password: format!("{scheme}://reset-password"),
        }
    }
}

/// A new account as the register screen collects it.
pub struct NewAccount {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub password: SecretString,
}

/// The server the app is pointed at, and every operation the screens call on it.
pub struct AccountService {
    client: DirectusClient,
    session: Arc<Session>,
    source: ServerUrlSource,
    links: LinkTargets,
}

impl AccountService {
    pub fn new(
        url: ServerUrl,
        source: ServerUrlSource,
        timeouts: Timeouts,
        vault: Arc<Vault>,
        links: LinkTargets,
    ) -> Result<Self, CoreError> {
        let client = DirectusClient::new(url, timeouts)?;
        let session = Session::new(client.clone(), vault);
        Ok(AccountService {
            client,
            session,
            source,
            links,
        })
    }

    pub fn session(&self) -> &Arc<Session> {
        &self.session
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

    pub async fn sign_in(
        &self,
        email: &str,
        password: &SecretString,
        otp: Option<&str>,
    ) -> Result<SessionView, CoreError> {
        self.session.sign_in(email, password, otp).await
    }

    pub async fn sign_out(&self) -> SessionView {
        self.session.sign_out().await
    }

    pub async fn register(&self, account: &NewAccount) -> Result<(), CoreError> {
        self.client
            .register(&Registration {
                email: account.email.trim(),
                password: &account.password,
                first_name: Some(account.first_name.as_str()),
                last_name: Some(account.last_name.as_str()),
                verification_url: &self.links.verify_email,
            })
            .await
    }

    pub async fn verify_email(&self, token: &SecretString) -> Result<(), CoreError> {
        self.client.verify_email(token).await
    }

    pub async fn request_password_reset(&self, email: &str) -> Result<(), CoreError> {
        self.client
            .request_password_reset(email.trim(), &self.links.reset_password)
            .await
    }

    /// Sets the new password; a local session of the same account ends with it.
    pub async fn reset_password(
        &self,
        token: &SecretString,
        account_email: Option<&str>,
        password: &SecretString,
    ) -> Result<(), CoreError> {
        self.client.reset_password(token, password).await?;
        if let Some(email) = account_email {
            self.session.password_changed(email).await;
        }
        Ok(())
    }
}
