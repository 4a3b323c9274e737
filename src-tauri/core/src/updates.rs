//! Updates: where they come from (the organisation's choice, built into the app), when the app
//! looks, what it remembers between runs, and what the window is told. Reading the manifest,
//! verifying a package's signature and running the system's installer are the platform's
//! (tauri-plugin-updater, at the edge), behind `UpdateChannel`.

use crate::configuration::Build;
use crate::settings::Settings;
use crate::CoreError;
use account_bridge::{
    AvailableUpdate, UpdateActivity, UpdateCheck, UpdateFailure, UpdateOutcome, UpdateView,
};
use base64::Engine;
use serde::Deserialize;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::watch;
use url::Url;

/// How long after the first screen the first check waits: the start belongs to the customer.
pub const FIRST_CHECK_DELAY: Duration = Duration::from_secs(3);
/// How often a running app looks again.
pub const CHECK_INTERVAL_SECS: u64 = 24 * 60 * 60;
/// How often a running app asks itself whether a check is due. Wall-clock time decides, so a
/// computer that slept through the night checks within the hour after it wakes.
pub const SCHEDULE_TICK: Duration = Duration::from_secs(60 * 60);
/// Release notes longer than this are cut: a banner is no place for a changelog.
const MAX_NOTES: usize = 2_000;

/// Where updates come from: the manifest (the updater's `latest.json`) and the minisign public
/// key whose signature every package must carry.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UpdateSource {
    pub manifest: Url,
    /// As `tauri signer generate` prints it: the public key file, base64.
    pub public_key: String,
    /// The key's id as minisign prints it, for the diagnostic report.
    pub key_id: String,
}

/// The `updates` object of `app-config.json`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "camelCase")]
pub struct UpdateConfig {
    manifest: String,
    public_key: String,
}

impl UpdateSource {
    /// Checks the organisation's settings: a release build takes only an https manifest (a
    /// development build also a loopback http one, for a local test server).
    pub fn from_config(config: &UpdateConfig, build: Build) -> Result<Self, String> {
        let manifest = Url::parse(config.manifest.trim())
            .map_err(|error| format!("the update manifest address: {error}"))?;
        let loopback = matches!(
            manifest.host_str(),
            Some("127.0.0.1" | "localhost" | "[::1]")
        );
        match (manifest.scheme(), build) {
            ("https", _) => {}
            ("http", Build::Development) if loopback => {}
            _ => {
                return Err(format!(
                    "the update manifest must be an https address, not {:?}",
                    manifest.scheme()
                ))
            }
        }
        let key_id = minisign_key_id(config.public_key.trim())
            .ok_or("the update public key is not a minisign public key (`tauri signer generate` prints one)")?;
        Ok(UpdateSource {
            manifest,
            public_key: config.public_key.trim().to_string(),
            key_id,
        })
    }
}

/// The id of a minisign public key given as Tauri writes it (base64 of the key file: a comment
/// line, then base64 of "Ed", the 8-byte key id and the 32-byte Ed25519 key).
fn minisign_key_id(public_key: &str) -> Option<String> {
    let engine = base64::engine::general_purpose::STANDARD;
    let file = String::from_utf8(engine.decode(public_key).ok()?).ok()?;
    let line = file
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with("untrusted comment:"))?;
    let key = engine.decode(line).ok()?;
    if key.len() != 42 || &key[..2] != b"Ed" {
        return None;
    }
    let id = u64::from_le_bytes(key[2..10].try_into().ok()?);
    Some(format!("{id:016X}"))
}

/// A release the source offers: its version and its notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    pub version: String,
    pub notes: String,
}

/// How far an install has come, told to the window as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstallStage {
    Downloaded {
        bytes: u64,
        total: Option<u64>,
    },
    /// Downloaded and verified; the system's installer runs.
    Installing,
}

pub type Progress = Arc<dyn Fn(InstallStage) + Send + Sync>;

/// The platform's updater: it reads the manifest, verifies and installs.
pub trait UpdateChannel: Send + Sync + 'static {
    /// The release the source offers for this system when it is newer than this app; `None`
    /// when there is none.
    fn check(&self) -> impl Future<Output = Result<Option<Release>, UpdateFailure>> + Send;

    /// Downloads the release the last `check` found, verifies its signature before anything
    /// is run or replaced, installs it and restarts the app. Returns only when it could not:
    /// then the installed app is unchanged.
    fn install(&self, progress: Progress)
        -> impl Future<Output = Result<(), UpdateFailure>> + Send;
}

#[derive(Debug, Default)]
struct State {
    available: Option<Release>,
    activity: Option<UpdateActivity>,
}

/// Checking for updates, remembering what was found and what the customer chose, and
/// installing; one of each at a time.
pub struct Updates<C> {
    channel: Option<C>,
    current: semver::Version,
    settings: Settings,
    state: Arc<Mutex<State>>,
    views: Arc<watch::Sender<UpdateView>>,
    checking: tokio::sync::Mutex<()>,
    clock: fn() -> u64,
}

impl<C: UpdateChannel> Updates<C> {
    /// `channel` is `None` when this build names no update source: updates are off.
    pub fn new(channel: Option<C>, current_version: &str, settings: Settings) -> Self {
        let current =
            semver::Version::parse(current_version).unwrap_or(semver::Version::new(0, 0, 0));
        let initial = UpdateView {
            enabled: channel.is_some(),
            current_version: current_version.to_string(),
            last_check: None,
            available: None,
            activity: UpdateActivity::Idle,
        };
        let updates = Updates {
            channel,
            current,
            settings,
            state: Arc::default(),
            views: Arc::new(watch::channel(initial).0),
            checking: tokio::sync::Mutex::new(()),
            clock: now_unix,
        };
        updates.publish();
        updates
    }

    /// Wall-clock time as seconds since 1970, for the schedule's tests.
    pub fn with_clock(mut self, clock: fn() -> u64) -> Self {
        self.clock = clock;
        self
    }

    pub fn view(&self) -> UpdateView {
        self.views.borrow().clone()
    }

    /// Every change of the view, for the window.
    pub fn subscribe(&self) -> watch::Receiver<UpdateView> {
        self.views.subscribe()
    }

    /// The first check once `first_screen` resolves (and a short pause), then one a day for as
    /// long as the app runs. Never returns when updates are on.
    pub async fn run_schedule(&self, first_screen: impl Future<Output = ()>) {
        if self.channel.is_none() {
            return;
        }
        first_screen.await;
        tokio::time::sleep(FIRST_CHECK_DELAY).await;
        self.check().await;
        loop {
            tokio::time::sleep(SCHEDULE_TICK).await;
            if self.check_due() {
                self.check().await;
            }
        }
    }

    /// Whether a day has passed since the last check (or the clock went back).
    pub fn check_due(&self) -> bool {
        let now = (self.clock)();
        match self.settings.last_update_check() {
            None => true,
            Some(last) => now < last.at_unix || now - last.at_unix >= CHECK_INTERVAL_SECS,
        }
    }

    /// Asks the source now. A check already under way is waited for, not repeated.
    pub async fn check(&self) -> UpdateView {
        let Some(channel) = &self.channel else {
            return self.view();
        };
        let Ok(_only) = self.checking.try_lock() else {
            let _waited = self.checking.lock().await;
            return self.view();
        };
        if !self.begin(UpdateActivity::Checking) {
            return self.view();
        }
        let outcome = match channel.check().await {
            Ok(Some(release)) => match semver::Version::parse(&release.version) {
                Ok(version) if version > self.current => {
                    tracing::info!(version = %release.version, "an update is available");
                    let found = UpdateOutcome::Found {
                        version: release.version.clone(),
                    };
                    self.state.lock().expect("never poisoned").available = Some(Release {
                        notes: plain_notes(&release.notes),
                        ..release
                    });
                    found
                }
                Ok(_) => {
                    // The platform already compares versions; a source that offers this
                    // version or an older one is never offered to the customer all the same.
                    tracing::warn!(version = %release.version, "the update source offers no newer version");
                    self.state.lock().expect("never poisoned").available = None;
                    UpdateOutcome::UpToDate
                }
                Err(_) => {
                    tracing::warn!("the update manifest's version is not a version");
                    UpdateOutcome::Failed {
                        reason: UpdateFailure::BadManifest,
                    }
                }
            },
            Ok(None) => {
                tracing::info!("no update: this version is the newest");
                self.state.lock().expect("never poisoned").available = None;
                UpdateOutcome::UpToDate
            }
            Err(reason) => {
                tracing::warn!(?reason, "the update check failed");
                UpdateOutcome::Failed { reason }
            }
        };
        self.settings.save_update_check(&UpdateCheck {
            at_unix: (self.clock)(),
            outcome,
        });
        self.finish();
        self.view()
    }

    /// "Later": no banner for this version, in this run or the next; a newer one is offered.
    pub fn postpone(&self) -> UpdateView {
        if let Some(version) = self.available_version() {
            tracing::info!(%version, "update postponed");
            self.settings.save_postponed_update(&version);
            self.publish();
        }
        self.view()
    }

    /// Downloads, verifies and installs the update a check found; the app restarts on the new
    /// version. Returns only when that did not happen, with the reason.
    pub async fn install(&self) -> Result<(), CoreError> {
        let Some(channel) = &self.channel else {
            return Err(CoreError::Update(UpdateFailure::NoPackage));
        };
        // A check waits for the install, and an install for a check (or another install) that
        // is under way; what to install is read once it may go ahead.
        let _no_check = self.checking.lock().await;
        let version = self
            .available_version()
            .ok_or(CoreError::Update(UpdateFailure::NoPackage))?;
        if !self.begin(UpdateActivity::Downloading { percent: None }) {
            return Ok(());
        }
        tracing::info!(%version, "installing an update");
        let progress: Progress = {
            let (state, views) = (self.state.clone(), self.views.clone());
            Arc::new(move |stage| {
                let activity = match stage {
                    InstallStage::Downloaded { bytes, total } => UpdateActivity::Downloading {
                        percent: total
                            .filter(|total| *total > 0)
                            .map(|total| (bytes.min(total) * 100 / total) as u8),
                    },
                    InstallStage::Installing => UpdateActivity::Installing,
                };
                let mut state = state.lock().expect("never poisoned");
                if state.activity != Some(activity) {
                    state.activity = Some(activity);
                    views.send_modify(|view| view.activity = activity);
                }
            })
        };
        let result = channel.install(progress).await;
        self.finish();
        match result {
            Ok(()) => {
                tracing::info!(%version, "the update is installed");
                Ok(())
            }
            Err(reason) => {
                tracing::warn!(%version, ?reason, "the update was not installed");
                Err(CoreError::Update(reason))
            }
        }
    }

    /// The version a check found, until it is installed.
    fn available_version(&self) -> Option<String> {
        let state = self.state.lock().expect("never poisoned");
        state
            .available
            .as_ref()
            .map(|release| release.version.clone())
    }

    /// Starts an activity unless another is under way.
    fn begin(&self, activity: UpdateActivity) -> bool {
        let mut state = self.state.lock().expect("never poisoned");
        if state.activity.is_some() {
            return false;
        }
        state.activity = Some(activity);
        drop(state);
        self.publish();
        true
    }

    fn finish(&self) {
        self.state.lock().expect("never poisoned").activity = None;
        self.publish();
    }

    fn publish(&self) {
        let state = self.state.lock().expect("never poisoned");
        let postponed = self.settings.postponed_update();
        let view = UpdateView {
            enabled: self.channel.is_some(),
            current_version: self.current.to_string(),
            last_check: self.settings.last_update_check(),
            available: state.available.as_ref().map(|release| AvailableUpdate {
                version: release.version.clone(),
                notes: release.notes.clone(),
                postponed: postponed.as_deref() == Some(release.version.as_str()),
            }),
            activity: state.activity.unwrap_or(UpdateActivity::Idle),
        };
        drop(state);
        self.views.send_if_modified(|current| {
            let changed = *current != view;
            *current = view;
            changed
        });
    }
}

/// What a manifest offers, as the diagnostic report reads it: the version, and which entries
/// it has for this system (`linux-x86_64`, `linux-x86_64-deb`, …).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ManifestOffer {
    pub version: String,
    pub for_this_system: Vec<String>,
}

/// A manifest is a few hundred bytes; a larger answer is not one.
const MAX_MANIFEST: usize = 256 * 1024;
/// A package is a few megabytes: a host that sends more is stopped before it fills memory.
pub const MAX_PACKAGE: usize = 256 * 1024 * 1024;
/// How long a package may take to come, and how long the connection to its host.
pub const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(15 * 60);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// A host that stops sending for this long has stalled, whatever time is left in total.
const STALL_TIMEOUT: Duration = Duration::from_secs(60);

/// The client for update hosts: bounded in time, following the few redirects release hosts
/// use (the signature is what is trusted, not the address), https only in a release build,
/// redirects included.
fn update_client(timeout: Duration) -> Result<reqwest::Client, UpdateFailure> {
    reqwest::Client::builder()
        .timeout(timeout)
        .connect_timeout(CONNECT_TIMEOUT.min(timeout))
        .read_timeout(STALL_TIMEOUT.min(timeout))
        .redirect(reqwest::redirect::Policy::limited(5))
        .https_only(Build::current() == Build::Release)
        .build()
        .map_err(|error| {
            tracing::warn!(%error, "no HTTP client for updates could be made");
            UpdateFailure::Unreachable
        })
}

fn network_failure(error: reqwest::Error) -> UpdateFailure {
    if error.is_timeout() {
        UpdateFailure::Timeout
    } else {
        UpdateFailure::Unreachable
    }
}

/// The manifest as JSON, at most `MAX_MANIFEST` of it; `None`: the host answered 204 No
/// Content, the updater's "no update".
pub async fn fetch_manifest(
    source: &UpdateSource,
    timeout: Duration,
) -> Result<Option<serde_json::Value>, UpdateFailure> {
    let mut response = update_client(timeout)?
        .get(source.manifest.clone())
        .header(reqwest::header::ACCEPT, "application/json")
        .send()
        .await
        .map_err(network_failure)?;
    if response.status() == reqwest::StatusCode::NO_CONTENT {
        return Ok(None);
    }
    if !response.status().is_success() {
        return Err(UpdateFailure::ServerError);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(network_failure)? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_MANIFEST {
            return Err(UpdateFailure::BadManifest);
        }
    }
    serde_json::from_slice(&body)
        .map(Some)
        .map_err(|_| UpdateFailure::BadManifest)
}

/// Downloads a package, at most `max` bytes of it within `timeout` (the app gives
/// `DOWNLOAD_TIMEOUT`), telling `progress` as it comes. Its signature is the caller's to check
/// before anything is run.
pub async fn download_package(
    url: &Url,
    max: usize,
    timeout: Duration,
    progress: &Progress,
) -> Result<Vec<u8>, UpdateFailure> {
    let failed = |error: reqwest::Error| match network_failure(error) {
        UpdateFailure::Timeout => UpdateFailure::Timeout,
        _ => UpdateFailure::DownloadFailed,
    };
    let mut response = update_client(timeout)?
        .get(url.clone())
        .header(reqwest::header::ACCEPT, "application/octet-stream")
        .send()
        .await
        .map_err(failed)?;
    if !response.status().is_success() {
        return Err(UpdateFailure::DownloadFailed);
    }
    let total = response.content_length();
    if total.is_some_and(|total| total > max as u64) {
        return Err(UpdateFailure::DownloadFailed);
    }
    let mut package = Vec::with_capacity(total.unwrap_or(0) as usize);
    while let Some(chunk) = response.chunk().await.map_err(failed)? {
        package.extend_from_slice(&chunk);
        if package.len() > max {
            return Err(UpdateFailure::DownloadFailed);
        }
        progress(InstallStage::Downloaded {
            bytes: package.len() as u64,
            total,
        });
    }
    Ok(package)
}

/// Reads the manifest the way a check does, without the platform's updater (the report runs
/// outside the app): for the report's "what would a check find now". `None`: the host answered
/// 204 No Content.
pub async fn read_manifest(
    source: &UpdateSource,
    timeout: Duration,
) -> Result<Option<ManifestOffer>, UpdateFailure> {
    #[derive(Deserialize)]
    struct Manifest {
        version: String,
        #[serde(default)]
        platforms: std::collections::BTreeMap<String, serde_json::Value>,
    }
    let Some(json) = fetch_manifest(source, timeout).await? else {
        return Ok(None);
    };
    let manifest: Manifest =
        serde_json::from_value(json).map_err(|_| UpdateFailure::BadManifest)?;
    let system = this_system();
    // The keys are the host's text: only the few that name this system, each cleaned, reach
    // the report.
    let for_this_system = manifest
        .platforms
        .keys()
        .filter(|key| *key == &system || key.starts_with(&format!("{system}-")))
        .take(8)
        .map(|key| crate::diagnostics::printable(key, 40))
        .collect();
    Ok(Some(ManifestOffer {
        version: crate::diagnostics::printable(&manifest.version, 40),
        for_this_system,
    }))
}

/// This system's key in a manifest, as the updater names it: `linux-x86_64`,
/// `darwin-aarch64`, `windows-x86_64`.
pub fn this_system() -> String {
    let os = match std::env::consts::OS {
        "macos" => "darwin",
        os => os,
    };
    format!("{os}-{}", std::env::consts::ARCH)
}

/// Whether `offered` is newer than `current`, as a check decides it.
pub fn is_newer(offered: &str, current: &str) -> bool {
    match (
        semver::Version::parse(offered),
        semver::Version::parse(current),
    ) {
        (Ok(offered), Ok(current)) => offered > current,
        _ => false,
    }
}

/// Release notes as plain text for the banner: no control or direction-override characters
/// but line breaks, bounded.
fn plain_notes(notes: &str) -> String {
    let is_format = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}');
    let kept: String = notes
        .trim()
        .chars()
        .filter(|&c| c == '\n' || (!c.is_control() && !is_format(c)))
        .collect();
    match kept.char_indices().nth(MAX_NOTES) {
        Some((cut, _)) => format!("{}…", &kept[..cut]),
        None => kept,
    }
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

#[cfg(test)]
mod tests;
