//! The non-secret settings file (kept by tauri-plugin-store at the edge): its name, its keys
//! behind a typed facade (`Settings`), and what happens when it is damaged.

use crate::links::LinkPage;
use crate::server_url::ServerUrl;
use account_bridge::{ServerInfoView, UpdateCheck, UserView};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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

// The keys are the settings file's format: installed apps keep their settings across versions,
// so a key is never renamed. Only this module builds them.

/// The server address saved on the Server screen. Public for tests that watch its saves.
pub const SERVER_URL_KEY: &str = "server_url";
const LAST_EMAIL_KEY: &str = "last_email";
const LINK_PAGE_KEY: &str = "link_page_url";
/// The language the customer picked in the app (a catalogue's tag); absent: "Automatic".
const LANGUAGE_KEY: &str = "language";
/// `signed_out:<server URL>`: that server's keychain entry belongs to a session the user ended
/// (or one that could not be saved) and must not be restored; set until the entry is deleted.
const SIGNED_OUT_PREFIX: &str = "signed_out:";
/// `remembered:<server URL>`: who the keychain entry of that server belongs to (a `UserView` as
/// JSON, no token), so the next start shows them at once while the keychain is read.
const REMEMBERED_PREFIX: &str = "remembered:";
/// `branding:<server URL>`: that server's name, colour and logo as last read (a
/// `ServerInfoView` as JSON), so the window is branded before `/server/info` answers.
const BRANDING_PREFIX: &str = "branding:";

/// The last update check (an `UpdateCheck` as JSON): when, and what it found.
const UPDATE_CHECK_KEY: &str = "update_last_check";
/// The version the customer said "Later" to: no banner for it, in this run or the next.
const UPDATE_POSTPONED_KEY: &str = "update_postponed";
/// What this device knows of an account on a server, beyond what the server tells: under
/// `account:<server>|<email>`. Never a secret and never a code.
const ACCOUNT_PREFIX: &str = "account:";

/// The value of a `signed_out:` setting written for `EntryMark::Outdated`.
const OUTDATED: &str = "outdated";

/// Why a server's keychain entry must not be restored (the value of its `signed_out:` setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryMark {
    /// The user signed out (or the server ended the session): the next start ends it on the
    /// server too, if it still can, and deletes it.
    SignedOut,
    /// It holds a token older than the session's (a save that never landed): the next start
    /// deletes it without sending it.
    Outdated,
}

impl EntryMark {
    fn value(self) -> &'static str {
        match self {
            EntryMark::SignedOut => "1",
            EntryMark::Outdated => OUTDATED,
        }
    }

    /// Any value but `outdated` marks the entry signed out: a mark is never read as absent.
    fn read(value: &str) -> Self {
        match value {
            OUTDATED => EntryMark::Outdated,
            _ => EntryMark::SignedOut,
        }
    }
}

/// What the Server screen saved, as saved (each is checked when it is used).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ServerChoice {
    pub url: Option<String>,
    /// The hand-off page; None: the emails link straight to the app.
    pub link_page: Option<String>,
}

/// The app's settings by name, over whichever store keeps them: the one place that knows the
/// keys and how each value is written. Values noted again and again (who is remembered, a
/// server's branding) are written only when they change, so the settings file is not
/// rewritten on every refresh or connection check.
#[derive(Clone)]
pub struct Settings(Arc<dyn SettingsStore>);

impl Settings {
    pub fn new(store: Arc<dyn SettingsStore>) -> Self {
        Settings(store)
    }

    fn store(&self) -> &dyn SettingsStore {
        self.0.as_ref()
    }

    /// The server address and hand-off page the user saved on the Server screen.
    pub fn server_choice(&self) -> ServerChoice {
        ServerChoice {
            url: self.store().load(SERVER_URL_KEY),
            link_page: self.store().load(LINK_PAGE_KEY),
        }
    }

    /// Saves the Server screen's choice; no page: the emails link straight to the app.
    pub fn save_server_choice(&self, url: &ServerUrl, link_page: Option<&LinkPage>) {
        self.store().save(SERVER_URL_KEY, url.as_str());
        match link_page {
            Some(page) => self.store().save(LINK_PAGE_KEY, page.as_str()),
            None => self.store().remove(LINK_PAGE_KEY),
        }
    }

    /// The email of the last successful sign-in.
    pub fn last_email(&self) -> Option<String> {
        self.store().load(LAST_EMAIL_KEY)
    }

    pub fn save_last_email(&self, email: &str) {
        self.store().save(LAST_EMAIL_KEY, email);
    }

    /// The language the customer picked (a catalogue's tag); None: "Automatic".
    pub fn language(&self) -> Option<String> {
        self.store().load(LANGUAGE_KEY)
    }

    /// Saves the customer's pick; None: "Automatic" again.
    pub fn save_language(&self, code: Option<&str>) {
        match code {
            Some(code) => self.store().save(LANGUAGE_KEY, code),
            None => remove_if_present(self.store(), LANGUAGE_KEY),
        }
    }

    /// `server`'s `/server/info` as last read.
    pub fn last_update_check(&self) -> Option<UpdateCheck> {
        load_json(self.store(), UPDATE_CHECK_KEY)
    }

    pub fn save_update_check(&self, check: &UpdateCheck) {
        save_json_if_changed(self.store(), UPDATE_CHECK_KEY, check);
    }

    pub fn postponed_update(&self) -> Option<String> {
        self.store().load(UPDATE_POSTPONED_KEY)
    }

    pub fn save_postponed_update(&self, version: &str) {
        self.store().save(UPDATE_POSTPONED_KEY, version);
    }

    pub fn branding(&self, server: &ServerUrl) -> Option<ServerInfoView> {
        load_json(self.store(), &per_server(BRANDING_PREFIX, server))
    }

    pub fn save_branding(&self, server: &ServerUrl, info: &ServerInfoView) {
        save_json_if_changed(self.store(), &per_server(BRANDING_PREFIX, server), info);
    }

    /// Who `server`'s keychain entry belongs to, as last noted.
    pub fn remembered(&self, server: &ServerUrl) -> Option<UserView> {
        load_json(self.store(), &per_server(REMEMBERED_PREFIX, server))
    }

    pub fn save_remembered(&self, server: &ServerUrl, user: &UserView) {
        save_json_if_changed(self.store(), &per_server(REMEMBERED_PREFIX, server), user);
    }

    pub fn remove_remembered(&self, server: &ServerUrl) {
        remove_if_present(self.store(), &per_server(REMEMBERED_PREFIX, server));
    }

    /// Why `server`'s keychain entry must not be restored; None: it may be.
    pub fn signed_out(&self, server: &ServerUrl) -> Option<EntryMark> {
        self.store()
            .load(&per_server(SIGNED_OUT_PREFIX, server))
            .map(|value| EntryMark::read(&value))
    }

    /// Marks `server`'s keychain entry; written only when the value changes.
    pub fn save_signed_out(&self, server: &ServerUrl, mark: EntryMark) {
        let key = per_server(SIGNED_OUT_PREFIX, server);
        if self.store().load(&key).as_deref() != Some(mark.value()) {
            self.store().save(&key, mark.value());
        }
    }

    /// Removes the mark; the file is written only when there was one.
    pub fn remove_signed_out(&self, server: &ServerUrl) {
        remove_if_present(self.store(), &per_server(SIGNED_OUT_PREFIX, server));
    }
}

/// What this device knows of one account on one server, where the server will not say (an
/// unlicensed Directus 12 lets a customer read only their id): the name registered or last
/// saved with this app, whether two-factor was on when last seen, and whether the
/// organisation's requirement of it was met. No secret, no code.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AccountMemory {
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    /// Whether the name was ever saved here (registered or edited with this app).
    #[serde(default)]
    pub name_saved: bool,
    /// Two-factor on (true) or off (false) when this app last saw it; None: never seen.
    #[serde(default)]
    pub two_factor: Option<bool>,
    /// The last sign-in's access token said the organisation requires two-factor, and it has
    /// not been set up since. Directus 12 marks only a sign-in's token, never a refreshed one,
    /// so a restored session learns it from here.
    #[serde(default)]
    pub two_factor_required: bool,
}

impl Settings {
    /// What this device knows of `email`'s account on `server`.
    pub fn account_memory(&self, server: &ServerUrl, email: &str) -> AccountMemory {
        load_json(self.store(), &account_key(server, email)).unwrap_or_default()
    }

    /// Changes what this device knows of `email`'s account on `server`.
    pub fn update_account_memory(
        &self,
        server: &ServerUrl,
        email: &str,
        change: impl FnOnce(&mut AccountMemory),
    ) {
        let mut memory = self.account_memory(server, email);
        change(&mut memory);
        save_json_if_changed(self.store(), &account_key(server, email), &memory);
    }
}

/// Accounts are keyed by their email, lower-cased: registration knows no id yet, and Directus
/// compares emails without case.
fn account_key(server: &ServerUrl, email: &str) -> String {
    format!("{ACCOUNT_PREFIX}{server}|{}", email.trim().to_lowercase())
}

/// The key of a setting kept for each server: `<prefix><server URL>`.
fn per_server(prefix: &str, server: &ServerUrl) -> String {
    format!("{prefix}{server}")
}

/// A value kept as JSON (who is remembered, a server's branding); None when missing or not
/// readable (an older or damaged value is treated as absent).
fn load_json<T: serde::de::DeserializeOwned>(settings: &dyn SettingsStore, key: &str) -> Option<T> {
    serde_json::from_str(&settings.load(key)?).ok()
}

/// Saves `value` as JSON, only when it differs from what is stored: values noted on every
/// refresh or connection check must not rewrite the settings file each time.
fn save_json_if_changed<T: serde::Serialize>(settings: &dyn SettingsStore, key: &str, value: &T) {
    let json = serde_json::to_string(value).expect("plain data serializes");
    if settings.load(key).as_deref() != Some(json.as_str()) {
        settings.save(key, &json);
    }
}

/// Removes `key`, writing the file only when there was something to remove.
fn remove_if_present(settings: &dyn SettingsStore, key: &str) {
    if settings.load(key).is_some() {
        settings.remove(key);
    }
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

    /// The keys and values are what installed apps have in their settings file: a renamed key
    /// would lose a customer's server, language and remembered session.
    #[test]
    fn the_facade_keeps_the_keys_installed_apps_have() {
        let store = Arc::new(MemorySettings::default());
        let settings = Settings::new(store.clone());
        let server = ServerUrl::parse("https://cms.example.com").unwrap();
        let page = LinkPage::parse("https://example.com/app/").unwrap();
        let user = UserView {
            id: "u1".into(),
            email: "ada@example.com".into(),
            first_name: None,
            last_name: None,
        };
        let info: ServerInfoView = serde_json::from_value(serde_json::json!({
            "url": server.as_str(),
            "project_name": "CMS",
            "public_registration": false,
            "verify_email": true,
        }))
        .unwrap();
        settings.save_server_choice(&server, Some(&page));
        settings.save_last_email("ada@example.com");
        settings.save_language(Some("de"));
        settings.save_remembered(&server, &user);
        settings.save_branding(&server, &info);
        settings.save_signed_out(&server, EntryMark::Outdated);
        let mut keys: Vec<String> = store.0.lock().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "branding:https://cms.example.com/",
                "language",
                "last_email",
                "link_page_url",
                "remembered:https://cms.example.com/",
                "server_url",
                "signed_out:https://cms.example.com/",
            ]
        );
        let raw = |key: &str| store.load(key);
        assert_eq!(
            raw("server_url").as_deref(),
            Some("https://cms.example.com/")
        );
        assert_eq!(
            raw("link_page_url").as_deref(),
            Some("https://example.com/app/")
        );
        assert_eq!(
            raw("signed_out:https://cms.example.com/").as_deref(),
            Some("outdated")
        );
        settings.save_signed_out(&server, EntryMark::SignedOut);
        assert_eq!(
            raw("signed_out:https://cms.example.com/").as_deref(),
            Some("1")
        );

        assert_eq!(
            settings.server_choice(),
            ServerChoice {
                url: Some(server.to_string()),
                link_page: Some(page.as_str().to_string()),
            }
        );
        assert_eq!(settings.remembered(&server), Some(user));
        assert_eq!(settings.branding(&server), Some(info));
        assert_eq!(settings.language().as_deref(), Some("de"));
        assert_eq!(settings.last_email().as_deref(), Some("ada@example.com"));
        // A value an older version wrote, whatever it is, still keeps the entry from being used.
        store.save("signed_out:https://cms.example.com/", "yes");
        assert_eq!(settings.signed_out(&server), Some(EntryMark::SignedOut));

        settings.save_server_choice(&server, None);
        settings.save_language(None);
        settings.remove_remembered(&server);
        settings.remove_signed_out(&server);
        assert_eq!(settings.server_choice().link_page, None);
        assert_eq!(settings.language(), None);
        assert_eq!(settings.remembered(&server), None);
        assert_eq!(settings.signed_out(&server), None);
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
