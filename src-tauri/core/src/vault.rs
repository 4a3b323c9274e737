//! The OS keychain: one small secret per server, holding what restores a session.

use crate::error::CoreError;
use crate::server_url::ServerUrl;
use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// What is kept between runs: the refresh token and whose it is. The access token never is.
/// As JSON this stays far below Windows' limit of 2560 bytes per secret.
pub struct StoredSession {
    pub refresh_token: SecretString,
    pub user_id: String,
    pub email: String,
}

impl std::fmt::Debug for StoredSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredSession")
            .field("refresh_token", &"[redacted]")
            .field("user_id", &self.user_id)
            .field("email", &self.email)
            .finish()
    }
}

#[derive(Serialize, Deserialize)]
struct StoredJson {
    refresh_token: String,
    user_id: String,
    email: String,
}

/// A keychain call that does not come back within this bound is treated as locked: a locked
/// Secret Service can wait forever on an unlock prompt nobody sees.
pub const KEYCHAIN_TIMEOUT: Duration = Duration::from_secs(5);

/// The OS keychain under one service name. Development and release builds use different
/// service names, so they never read or overwrite each other's secrets.
pub struct Vault {
    service: String,
    store: Mutex<Option<Arc<CredentialStore>>>,
    timeout: Duration,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("service", &self.service)
            .finish()
    }
}

impl Vault {
    pub fn new(service: impl Into<String>) -> Self {
        Vault {
            service: service.into(),
            store: Mutex::new(None),
            timeout: KEYCHAIN_TIMEOUT,
        }
    }

    pub fn service(&self) -> &str {
        &self.service
    }

    /// The session stored for `server`, if any. A damaged entry is deleted and reported as none.
    pub async fn load(&self, server: &ServerUrl) -> Result<Option<StoredSession>, CoreError> {
        let entry = self.entry(server)?;
        let text = match self.run(move || entry.get_password()).await? {
            Ok(text) => text,
            Err(KeyringError::NoEntry) => return Ok(None),
            Err(error) => return Err(keychain_error(error)),
        };
        match serde_json::from_str::<StoredJson>(&text) {
            Ok(stored) => Ok(Some(StoredSession {
                refresh_token: SecretString::from(stored.refresh_token),
                user_id: stored.user_id,
                email: stored.email,
            })),
            Err(_) => {
                tracing::warn!(server = %server, "the stored session is unreadable; deleting it");
                self.delete(server).await?;
                Ok(None)
            }
        }
    }

    pub async fn save(&self, server: &ServerUrl, session: &StoredSession) -> Result<(), CoreError> {
        let json = serde_json::to_string(&StoredJson {
            refresh_token: session.refresh_token.expose_secret().to_owned(),
            user_id: session.user_id.clone(),
            email: session.email.clone(),
        })
        .expect("plain strings serialize");
        let secret = SecretString::from(json);
        let entry = self.entry(server)?;
        self.run(move || entry.set_password(secret.expose_secret()))
            .await?
            .map_err(keychain_error)
    }

    /// Deletes the entry for `server`; deleting what is not there succeeds.
    pub async fn delete(&self, server: &ServerUrl) -> Result<(), CoreError> {
        let entry = self.entry(server)?;
        match self.run(move || entry.delete_credential()).await? {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(error) => Err(keychain_error(error)),
        }
    }

    fn entry(&self, server: &ServerUrl) -> Result<Entry, CoreError> {
        let store = self.store()?;
        Entry::new_in_store(&store, &self.service, server.as_str()).map_err(keychain_error)
    }

    /// The platform store, connected on first use and again after a failure (the user may
    /// start or unlock the keychain while the app runs).
    fn store(&self) -> Result<Arc<CredentialStore>, CoreError> {
        let mut slot = self.store.lock().expect("the store slot is never poisoned");
        if let Some(store) = slot.as_ref() {
            return Ok(store.clone());
        }
        let store = platform_store().map_err(keychain_error)?;
        *slot = Some(store.clone());
        Ok(store)
    }

    /// Runs a blocking keychain call off the async runtime, bounded in time. The outer error is
    /// the call not coming back; the inner result is the keychain's own answer.
    async fn run<T: Send + 'static>(
        &self,
        call: impl FnOnce() -> keyring_core::Result<T> + Send + 'static,
    ) -> Result<keyring_core::Result<T>, CoreError> {
        let task = tokio::task::spawn_blocking(call);
        match tokio::time::timeout(self.timeout, task).await {
            Ok(Ok(result)) => Ok(result),
            Ok(Err(_panicked)) => Err(CoreError::KeychainUnavailable(
                "the keychain call failed".into(),
            )),
            Err(_elapsed) => {
                // Forget the connection: the next call starts a fresh one.
                self.store.lock().expect("never poisoned").take();
                Err(CoreError::KeychainLocked)
            }
        }
    }
}

#[cfg(target_os = "linux")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(dbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(KeyringError::NotSupportedByStore(
        "no keychain support for this operating system".into(),
    ))
}

fn keychain_error(error: KeyringError) -> CoreError {
    match error {
        KeyringError::NoStorageAccess(_) => CoreError::KeychainLocked,
        other => CoreError::KeychainUnavailable(other.to_string()),
    }
}
