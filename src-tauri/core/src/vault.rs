//! The OS keychain: one small secret per server, holding what restores a session.

use crate::error::CoreError;
use crate::server_url::ServerUrl;
use keyring_core::{CredentialStore, Entry, Error as KeyringError};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::keychain::entry_modifiers;
/// The store a `Vault::new` connects to (tests wrap it to inject faults).
pub use crate::keychain::platform_store;
use std::time::Duration;

/// What is kept between runs: the refresh token and whose it is. The access token never is.
/// As JSON this stays far below Windows' limit of 2,560 bytes per secret (a test below
/// measures the largest one Directus can cause).
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

impl StoredSession {
    /// The keychain secret: JSON text (the Windows store writes it as UTF-16).
    fn to_secret(&self) -> SecretString {
        let json = serde_json::to_string(&StoredJson {
            refresh_token: self.refresh_token.expose_secret().to_owned(),
            user_id: self.user_id.clone(),
            email: self.email.clone(),
        })
        .expect("plain strings serialize");
        SecretString::from(json)
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
    // Shared with the blocking calls, which connect in their own thread (see `run`).
    store: Arc<Mutex<Option<Arc<CredentialStore>>>>,
    // Set by `with_store`: the store is never dropped and reconnected.
    fixed_store: bool,
    timeout: Duration,
    lanes: Mutex<HashMap<String, Arc<Lane>>>,
}

/// One entry's queue. A keychain call that timed out keeps running on its thread (an unlock
/// prompt may answer it minutes later), so calls on one entry take turns on this lock, and a
/// write runs only if no newer write or delete was asked for meanwhile: a late save can never
/// overwrite a newer token or bring back a deleted entry.
#[derive(Default)]
struct Lane {
    turn: Mutex<()>,
    newest: AtomicU64,
}

/// What became of a write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Done,
    /// A newer write or delete of the same entry was asked for first; this one was dropped.
    Superseded,
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
            store: Arc::new(Mutex::new(None)),
            fixed_store: false,
            timeout: KEYCHAIN_TIMEOUT,
            lanes: Mutex::new(HashMap::new()),
        }
    }

    /// A vault on a given store (tests wrap the platform store to inject delays and failures).
    pub fn with_store(service: impl Into<String>, store: Arc<CredentialStore>) -> Self {
        Vault {
            service: service.into(),
            store: Arc::new(Mutex::new(Some(store))),
            fixed_store: true,
            timeout: KEYCHAIN_TIMEOUT,
            lanes: Mutex::new(HashMap::new()),
        }
    }

    /// How long a keychain call may take before it counts as locked.
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How long a keychain call may take before it counts as locked.
    pub fn timeout(&self) -> Duration {
        self.timeout
    }

    fn lane(&self, server: &ServerUrl) -> Arc<Lane> {
        self.lanes
            .lock()
            .expect("never poisoned")
            .entry(server.as_str().to_string())
            .or_default()
            .clone()
    }

    /// The session stored for `server`, if any. A damaged entry is deleted and reported as none.
    pub async fn load(&self, server: &ServerUrl) -> Result<Option<StoredSession>, CoreError> {
        match self.read(server).await {
            Ok(Stored::Session(stored)) => Ok(Some(stored)),
            Ok(Stored::Nothing) => Ok(None),
            Ok(Stored::Unreadable) => {
                tracing::warn!(server = %server, "the stored session is unreadable; deleting it");
                self.delete(server).await?;
                Ok(None)
            }
            Err(stalled) => Err(stalled.into_core()),
        }
    }

    /// What the keychain holds for `server`, changing nothing: the diagnostic report looks,
    /// and an unreadable entry stays for the app to deal with.
    pub async fn inspect(&self, server: &ServerUrl) -> Inspection {
        match self.read(server).await {
            Ok(Stored::Session(_)) => Inspection::Stored,
            Ok(Stored::Nothing) => Inspection::Nothing,
            Ok(Stored::Unreadable) => Inspection::Unreadable,
            Err(Stalled::TimedOut) => Inspection::TimedOut,
            Err(Stalled::Failed(CoreError::KeychainLocked)) => Inspection::Locked,
            Err(Stalled::Failed(_)) => Inspection::Unavailable,
        }
    }

    async fn read(&self, server: &ServerUrl) -> Result<Stored, Stalled> {
        let lane = self.lane(server);
        let read = move |entry: &Entry| {
            let _turn = lane.turn.lock().unwrap_or_else(|e| e.into_inner());
            entry.get_password()
        };
        let text = match self.run(server, read).await? {
            Ok(text) => text,
            Err(KeyringError::NoEntry) => return Ok(Stored::Nothing),
            Err(error) => return Err(Stalled::Failed(keychain_error(error))),
        };
        let plausible = |stored: &StoredJson| {
            let token = &stored.refresh_token;
            !token.is_empty() && token.len() <= 4096 && token.bytes().all(|b| b.is_ascii_graphic())
        };
        Ok(match serde_json::from_str::<StoredJson>(&text) {
            Ok(stored) if plausible(&stored) => Stored::Session(StoredSession {
                refresh_token: SecretString::from(stored.refresh_token),
                user_id: stored.user_id,
                email: stored.email,
            }),
            _ => Stored::Unreadable,
        })
    }

    /// Stores `session` for `server`, unless a newer write or delete of that entry was asked for
    /// before this one's turn came. The write's place in line is taken when this is called, not
    /// when the future is first polled.
    pub fn save(
        &self,
        server: &ServerUrl,
        session: &StoredSession,
    ) -> impl Future<Output = Result<Written, CoreError>> + Send + '_ {
        let secret = session.to_secret();
        self.write(server, move |entry| {
            entry.set_password(secret.expose_secret())
        })
    }

    /// Deletes the entry for `server`; deleting what is not there succeeds. Its place in line
    /// is taken when this is called.
    pub fn delete(
        &self,
        server: &ServerUrl,
    ) -> impl Future<Output = Result<Written, CoreError>> + Send + '_ {
        self.write(server, |entry| match entry.delete_credential() {
            Ok(()) | Err(KeyringError::NoEntry) => Ok(()),
            Err(error) => Err(error),
        })
    }

    /// A save or delete, in its turn on the entry's lane, dropped when superseded.
    fn write(
        &self,
        server: &ServerUrl,
        call: impl FnOnce(&Entry) -> keyring_core::Result<()> + Send + 'static,
    ) -> impl Future<Output = Result<Written, CoreError>> + Send + '_ {
        let lane = self.lane(server);
        let generation = lane.newest.fetch_add(1, Ordering::SeqCst) + 1;
        let server = server.clone();
        async move {
            let write = move |entry: &Entry| {
                let _turn = lane.turn.lock().unwrap_or_else(|e| e.into_inner());
                if lane.newest.load(Ordering::SeqCst) != generation {
                    return Ok(Written::Superseded);
                }
                call(entry).map(|()| Written::Done)
            };
            self.run(&server, write)
                .await
                .map_err(Stalled::into_core)?
                .map_err(keychain_error)
        }
    }

    /// Runs a blocking keychain call on `server`'s entry off the async runtime, bounded in
    /// time, connecting to the store first when there is no connection: connecting is a call
    /// to the keychain too (a session bus that accepts and never answers holds it forever).
    /// The outer error is the call not coming back; the inner result is the keychain's answer.
    async fn run<T: Send + 'static>(
        &self,
        server: &ServerUrl,
        call: impl FnOnce(&Entry) -> keyring_core::Result<T> + Send + 'static,
    ) -> Result<keyring_core::Result<T>, Stalled> {
        let slot = self.store.clone();
        let service = self.service.clone();
        let user = server.as_str().to_string();
        let task = tokio::task::spawn_blocking(move || {
            let entry = Entry::new_in_store_with_modifiers(
                &connected(&slot)?,
                &service,
                &user,
                &entry_modifiers(),
            )?;
            call(&entry)
        });
        match tokio::time::timeout(self.timeout, task).await {
            Ok(Ok(result)) => Ok(result),
            Ok(Err(_panicked)) => Err(Stalled::Failed(CoreError::KeychainUnavailable(
                "the keychain call failed".into(),
            ))),
            Err(_elapsed) => {
                // Forget the connection: the next call starts a fresh one. The call that
                // timed out goes on in its thread; nothing waits for it (`--diagnose` ends
                // its runtime without waiting, see src-tauri/src/cli.rs).
                if !self.fixed_store {
                    self.store.lock().expect("never poisoned").take();
                }
                Err(Stalled::TimedOut)
            }
        }
    }
}

/// The platform store, connected on first use and again after a failure (the user may start
/// or unlock the keychain while the app runs). The slot is not held while connecting, so a
/// connection that never comes back blocks only its own call.
fn connected(
    slot: &Mutex<Option<Arc<CredentialStore>>>,
) -> keyring_core::Result<Arc<CredentialStore>> {
    if let Some(store) = slot.lock().unwrap_or_else(|e| e.into_inner()).as_ref() {
        return Ok(store.clone());
    }
    let store = platform_store()?;
    Ok(slot
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert(store)
        .clone())
}

/// What an entry holds, read.
enum Stored {
    Session(StoredSession),
    Nothing,
    /// Not a session this app wrote (damaged, or from an incompatible version).
    Unreadable,
}

/// A keychain call that gave no answer of its own.
enum Stalled {
    TimedOut,
    Failed(CoreError),
}

impl Stalled {
    /// A call that did not come back counts as locked: a locked Secret Service can wait
    /// forever on an unlock prompt nobody sees.
    fn into_core(self) -> CoreError {
        match self {
            Stalled::TimedOut => CoreError::KeychainLocked,
            Stalled::Failed(error) => error,
        }
    }
}

/// What the keychain holds for a server, as the diagnostic report sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inspection {
    Stored,
    Nothing,
    /// An entry the app can't read; the app deletes it at its next start, the report does not.
    Unreadable,
    Locked,
    /// No answer within the vault's bound (`timeout`), connecting included.
    TimedOut,
    Unavailable,
}

fn keychain_error(error: KeyringError) -> CoreError {
    match error {
        KeyringError::NoStorageAccess(_) => CoreError::KeychainLocked,
        other => CoreError::KeychainUnavailable(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Windows' Credential Manager keeps at most this many bytes per secret
    /// (`CRED_MAX_CREDENTIAL_BLOB_SIZE`); Wine does not enforce it, so it is checked here.
    const WINDOWS_SECRET_LIMIT: usize = 2560;

    /// The largest entry Directus 12 can make us store, in the form the Windows store writes
    /// it (UTF-16, two bytes a unit): an email of 254 UTF-16 units (its `Joi.string().email()`
    /// refuses longer, after RFC 5321; the column itself holds 128), here with characters
    /// outside the BMP that take two units each; its refresh token, always `nanoid(64)`; the
    /// user id, a UUID.
    #[test]
    fn the_largest_entry_fits_in_a_windows_credential() {
        let local = "a".repeat(64);
        let label = "\u{1D4B9}".repeat(30); // 60 UTF-16 units, 120 bytes of UTF-8
        let domain = format!("{label}.{label}.{label}.");
        let tld_units = 254 - local.len() - 1 - domain.encode_utf16().count();
        let email = format!("{local}@{domain}{}", "e".repeat(tld_units));
        assert_eq!(email.encode_utf16().count(), 254);
        let session = StoredSession {
            refresh_token: SecretString::from("R".repeat(64)),
            user_id: "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b".into(),
            email,
        };
        let bytes = session.to_secret().expose_secret().encode_utf16().count() * 2;
        println!(
            "largest keychain entry: {bytes} bytes as UTF-16, limit {WINDOWS_SECRET_LIMIT}, margin {} bytes",
            WINDOWS_SECRET_LIMIT - bytes
        );
        assert!(bytes <= WINDOWS_SECRET_LIMIT);
    }
}
