//! Non-secret settings (server URL, last email) in tauri-plugin-store's `settings.json`: the
//! store behind the core's `SettingsStore`; which keys exist is the core's business (its
//! `Settings` facade).

use account_core::settings::{set_aside_if_corrupt, SETTINGS_FILE};
use account_core::SettingsStore;
use tauri::{AppHandle, Manager};
use tauri_plugin_store::StoreExt;

/// Checks the settings file before the store first reads it: a damaged one is moved aside
/// (the store would otherwise start empty and later overwrite it).
pub fn check_settings_file(app: &AppHandle) {
    let Ok(dir) = app.path().app_data_dir() else {
        return;
    };
    match set_aside_if_corrupt(&dir.join(SETTINGS_FILE)) {
        Ok(None) => {}
        Ok(Some(aside)) => tracing::warn!(
            moved_to = %aside.display(),
            "the settings file was damaged; it was moved aside and defaults are used"
        ),
        Err(error) => tracing::warn!(%error, "the settings file could not be checked"),
    }
}

/// The core's settings, kept by tauri-plugin-store.
pub struct PluginStoreSettings(pub AppHandle);

impl SettingsStore for PluginStoreSettings {
    fn load(&self, key: &str) -> Option<String> {
        match self.0.store(SETTINGS_FILE) {
            Ok(store) => store
                .get(key)
                .and_then(|value| value.as_str().map(str::to_owned)),
            Err(error) => {
                tracing::warn!(%error, "the settings could not be opened; using defaults");
                None
            }
        }
    }

    fn save(&self, key: &str, value: &str) {
        let saved = self.0.store(SETTINGS_FILE).and_then(|store| {
            store.set(key, value);
            store.save()
        });
        if let Err(error) = saved {
            tracing::warn!(%error, key, "a setting could not be saved");
        }
    }

    fn remove(&self, key: &str) {
        let removed = self.0.store(SETTINGS_FILE).and_then(|store| {
            store.delete(key);
            store.save()
        });
        if let Err(error) = removed {
            tracing::warn!(%error, key, "a setting could not be removed");
        }
    }
}

/// The app's settings file as the command line reads it, without the app (or its store
/// plugin) running: read once; the diagnostic report never changes a setting.
pub struct FileSettings(serde_json::Map<String, serde_json::Value>);

impl FileSettings {
    /// The file tauri-plugin-store keeps in the app's data folder (Tauri's `app_data_dir`).
    /// Missing or unreadable: no settings, as the app itself would start.
    pub fn of_app(identifier: &str) -> Self {
        let values = dirs::data_dir()
            .map(|data| data.join(identifier).join(SETTINGS_FILE))
            .and_then(|path| std::fs::read(path).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        FileSettings(values)
    }
}

impl SettingsStore for FileSettings {
    fn load(&self, key: &str) -> Option<String> {
        self.0
            .get(key)
            .and_then(|value| value.as_str())
            .map(str::to_owned)
    }

    fn save(&self, key: &str, _value: &str) {
        tracing::debug!(key, "the command line does not change settings");
    }

    fn remove(&self, key: &str) {
        tracing::debug!(key, "the command line does not change settings");
    }
}
