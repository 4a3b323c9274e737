//! The non-secret settings file (kept by tauri-plugin-store at the edge): its name, its keys,
//! and what happens when it is damaged.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where non-secret settings are kept. The app implements it with tauri-plugin-store; the
/// tests with `MemorySettings`.
pub trait SettingsStore: Send + Sync {
    fn load(&self, key: &str) -> Option<String>;
    fn save(&self, key: &str, value: &str);
    fn remove(&self, key: &str);
}

/// Settings that last as long as the process: for tests and tools that have no settings file.
#[derive(Default)]
pub struct MemorySettings(Mutex<HashMap<String, String>>);

impl SettingsStore for MemorySettings {
    fn load(&self, key: &str) -> Option<String> {
        self.0.lock().expect("never poisoned").get(key).cloned()
    }

    fn save(&self, key: &str, value: &str) {
        self.0
            .lock()
            .expect("never poisoned")
            .insert(key.to_string(), value.to_string());
    }

    fn remove(&self, key: &str) {
        self.0.lock().expect("never poisoned").remove(key);
    }
}

pub const SETTINGS_FILE: &str = "settings.json";
pub const SERVER_URL_KEY: &str = "server_url";
pub const LAST_EMAIL_KEY: &str = "last_email";
pub const LINK_PAGE_KEY: &str = "link_page_url";
/// The language the customer picked in the app (a catalogue's tag); absent: "Automatic".
pub const LANGUAGE_KEY: &str = "language";
/// `signed_out:<server URL>`: that server's keychain entry belongs to a session the user ended
/// (or one that could not be saved) and must not be restored; set until the entry is deleted.
pub const SIGNED_OUT_PREFIX: &str = "signed_out:";
/// `remembered:<server URL>`: who the keychain entry of that server belongs to (a `UserView` as
/// JSON, no token), so the next start shows them at once while the keychain is read.
pub const REMEMBERED_PREFIX: &str = "remembered:";
/// `branding:<server URL>`: that server's name, colour and logo as last read (a
/// `ServerInfoView` as JSON), so the window is branded before `/server/info` answers.
pub const BRANDING_PREFIX: &str = "branding:";

/// A value kept as JSON (who is remembered, a server's branding); None when missing or not
/// readable (an older or damaged value is treated as absent).
pub fn load_json<T: serde::de::DeserializeOwned>(
    settings: &dyn SettingsStore,
    key: &str,
) -> Option<T> {
    serde_json::from_str(&settings.load(key)?).ok()
}

/// Saves `value` as JSON, only when it differs from what is stored: values noted on every
/// refresh or connection check must not rewrite the settings file each time.
pub fn save_json_if_changed<T: serde::Serialize>(
    settings: &dyn SettingsStore,
    key: &str,
    value: &T,
) {
    let json = serde_json::to_string(value).expect("plain data serializes");
    if settings.load(key).as_deref() != Some(json.as_str()) {
        settings.save(key, &json);
    }
}

/// Removes `key`, writing the file only when there was something to remove.
pub fn remove_if_present(settings: &dyn SettingsStore, key: &str) {
    if settings.load(key).is_some() {
        settings.remove(key);
    }
}

/// The server URL the user saved on the Server screen, if any.
pub fn saved_server_url(settings: &dyn SettingsStore) -> Option<String> {
    settings.load(SERVER_URL_KEY)
}

/// The hand-off page the user saved on the Server screen, if any.
pub fn saved_link_page(settings: &dyn SettingsStore) -> Option<String> {
    settings.load(LINK_PAGE_KEY)
}

/// tauri-plugin-store silently starts empty on a file it cannot parse, and its next save
/// overwrites it. Moving a damaged file aside first keeps it for a support desk to look at.
/// Returns where it went, or None when the file is missing or sound.
pub fn set_aside_if_corrupt(path: &Path) -> std::io::Result<Option<PathBuf>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(error),
    };
    if serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(&bytes).is_ok() {
        return Ok(None);
    }
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let mut aside = path.as_os_str().to_owned();
    aside.push(format!(".corrupt-{stamp}"));
    let aside = PathBuf::from(aside);
    std::fs::rename(path, &aside)?;
    Ok(Some(aside))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Memory settings that count writes.
    #[derive(Default)]
    struct CountingSettings {
        inner: MemorySettings,
        writes: Mutex<usize>,
    }

    impl SettingsStore for CountingSettings {
        fn load(&self, key: &str) -> Option<String> {
            self.inner.load(key)
        }
        fn save(&self, key: &str, value: &str) {
            *self.writes.lock().unwrap() += 1;
            self.inner.save(key, value);
        }
        fn remove(&self, key: &str) {
            *self.writes.lock().unwrap() += 1;
            self.inner.remove(key);
        }
    }

    #[test]
    fn json_values_are_written_only_when_they_change() {
        let settings = CountingSettings::default();
        save_json_if_changed(&settings, "k", &vec!["a".to_string()]);
        save_json_if_changed(&settings, "k", &vec!["a".to_string()]);
        assert_eq!(*settings.writes.lock().unwrap(), 1);
        save_json_if_changed(&settings, "k", &vec!["b".to_string()]);
        assert_eq!(
            load_json::<Vec<String>>(&settings, "k"),
            Some(vec!["b".into()])
        );
        assert_eq!(*settings.writes.lock().unwrap(), 2);

        settings.save("damaged", "{not json");
        assert_eq!(load_json::<Vec<String>>(&settings, "damaged"), None);

        remove_if_present(&settings, "k");
        remove_if_present(&settings, "k");
        remove_if_present(&settings, "never-set");
        assert_eq!(
            *settings.writes.lock().unwrap(),
            4,
            "one remove, no empty ones"
        );
        assert_eq!(settings.load("k"), None);
    }

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "account-core-settings-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_damaged_file_is_moved_aside() {
        let dir = scratch("damaged");
        let path = dir.join(SETTINGS_FILE);
        std::fs::write(&path, b"{\"server_url\": \"https://exa").unwrap();
        let aside = set_aside_if_corrupt(&path).unwrap().expect("moved");
        assert!(!path.exists());
        assert_eq!(
            std::fs::read(&aside).unwrap(),
            b"{\"server_url\": \"https://exa"
        );
        assert!(aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("settings.json.corrupt-"));
    }

    #[test]
    fn a_sound_or_missing_file_is_left_alone() {
        let dir = scratch("sound");
        let path = dir.join(SETTINGS_FILE);
        assert_eq!(set_aside_if_corrupt(&path).unwrap(), None);
        std::fs::write(&path, b"{\"server_url\": \"https://example.com/\"}").unwrap();
        assert_eq!(set_aside_if_corrupt(&path).unwrap(), None);
        assert!(path.exists());
    }

    #[test]
    fn json_that_is_not_an_object_counts_as_damaged() {
        let dir = scratch("array");
        let path = dir.join(SETTINGS_FILE);
        std::fs::write(&path, b"[1, 2]").unwrap();
        assert!(set_aside_if_corrupt(&path).unwrap().is_some());
    }
}
