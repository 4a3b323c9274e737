//! The app's core: everything that talks to Directus or handles a secret. It has no Tauri types,
//! so it is tested with plain `cargo test` against a real server and a real keychain.

pub mod app_config;
pub mod configuration;
pub mod diagnostics;
pub mod directus;
pub mod error;
pub mod items;
pub mod keychain;
pub mod language;
pub mod links;
pub mod server_url;
pub mod service;
pub mod session;
pub mod settings;
pub mod two_factor;
pub mod updates;
pub mod vault;

pub use account_bridge::NewAccount;
pub use app_config::AppConfig;
pub use configuration::{
    Build, Configuration, Overrides, LINK_PAGE_ENV, LOCAL_DEFAULT, SERVER_URL_ENV,
};
pub use directus::{
    AuthTokens, Credentials, CurrentUser, DirectusClient, Registration, ServerInfo, Timeouts,
};
pub use error::CoreError;
pub use items::AllowedCollections;
pub use links::{parse_link, LinkPage, LinkTargets, ParsedLink};
pub use server_url::ServerUrl;
pub use service::AccountService;
pub use session::{RetryPolicy, Session};
pub use settings::{Settings, SettingsStore};
pub use updates::{UpdateChannel, UpdateSource, Updates};
pub use vault::{Inspection, StoredSession, Vault, Written};
