//! Non-secret settings in tauri-plugin-store's `settings.json`.

use tauri::AppHandle;
use tauri_plugin_store::StoreExt;

const SETTINGS_FILE: &str = "settings.json";
const SERVER_URL_KEY: &str = "server_url";

/// The saved server URL, if any. A store that cannot be read is logged and treated as empty,
/// so a damaged file never keeps the app from starting.
pub fn saved_server_url(app: &AppHandle) -> Option<String> {
    match app.store(SETTINGS_FILE) {
        Ok(store) => store
            .get(SERVER_URL_KEY)
            .and_then(|value| value.as_str().map(str::to_owned)),
        Err(error) => {
            tracing::warn!(%error, "the settings file could not be read; using defaults");
            None
        }
    }
}
