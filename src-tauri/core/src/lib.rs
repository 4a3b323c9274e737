//! The app's core: everything that talks to Directus or handles a secret. It has no Tauri types,
//! so it is tested with plain `cargo test` against a real server and a real keychain.

pub mod diagnostics;
pub mod directus;
pub mod error;
pub mod items;
pub mod language;
pub mod links;
pub mod server_url;
pub mod service;
pub mod session;
pub mod settings;
pub mod vault;

pub use account_bridge::NewAccount;
pub use directus::{
    AuthTokens, Credentials, CurrentUser, DirectusClient, Registration, ServerInfo, Timeouts,
};
pub use error::CoreError;
pub use items::AllowedCollections;
pub use links::{parse_link, LinkPage, LinkTargets, ParsedLink, LINK_PAGE_ENV};
pub use server_url::{
    resolve_server_url, resolve_server_url_for, Build, ServerUrl, LOCAL_DEFAULT, SERVER_URL_ENV,
};
pub use service::AccountService;
pub use session::{RetryPolicy, Session};
pub use settings::SettingsStore;
pub use vault::{Inspection, StoredSession, Vault, Written};
