//! Which OS keychain this build keeps sessions in: its name for the UI and the report, the
//! store to connect to, and how entries are made there. Chosen at compile time, one per OS;
//! the vault (`vault.rs`) does the reading and writing.

use account_bridge::Keychain;
use keyring_core::CredentialStore;
#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
use keyring_core::Error as KeyringError;
use std::collections::HashMap;
use std::sync::Arc;

/// The store the session is kept in, for error details (the UI names it).
#[cfg(target_os = "macos")]
pub const KEYCHAIN: Keychain = Keychain::MacosKeychain;
#[cfg(target_os = "windows")]
pub const KEYCHAIN: Keychain = Keychain::WindowsCredentialManager;
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
pub const KEYCHAIN: Keychain = Keychain::SecretService;

/// The OS's own store: Secret Service on Linux, the Keychain on macOS, the Credential Manager
/// on Windows.
pub fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    native_store()
}

/// Windows stores a new credential with "enterprise" persistence by default, which a roaming
/// profile copies to the domain's servers and every computer the user signs in to. A refresh
/// token is single-use and rotates: it stays on this computer ("local").
#[cfg(target_os = "windows")]
pub(crate) fn entry_modifiers() -> HashMap<&'static str, &'static str> {
    HashMap::from([("persistence", "Local")])
}

#[cfg(not(target_os = "windows"))]
pub(crate) fn entry_modifiers() -> HashMap<&'static str, &'static str> {
    HashMap::new()
}

#[cfg(target_os = "linux")]
fn native_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(dbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn native_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn native_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn native_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(KeyringError::NotSupportedByStore(
        "no keychain support for this operating system".into(),
    ))
}
