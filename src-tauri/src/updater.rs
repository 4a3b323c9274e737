//! The platform's updater (tauri-plugin-updater) behind the core's `UpdateChannel`. The core
//! fetches the manifest and the package within its bounds (size, time, https); the plugin
//! reads the manifest (which entry is this system's, newer or not), verifies the package against
//! the key built into the app and runs the system's installer (dpkg or rpm through pkexec, or
//! the plugin's own password prompt and sudo; the AppImage in place; NSIS or MSI; the macOS
//! bundle), and the app restarts. Registered only when the build names an update source.

use account_bridge::UpdateFailure;
use account_core::updates::{
    self, InstallStage, Progress, Release, UpdateChannel, UpdateSource, MAX_PACKAGE,
};
use std::time::Duration;
use tauri::{AppHandle, Runtime};
use tauri_plugin_updater::{Error, Update, UpdaterExt};

/// A manifest is a few hundred bytes: a server that takes longer is treated as unreachable.
const CHECK_TIMEOUT: Duration = Duration::from_secs(20);

/// The plugin's configuration for `source`, put into the app's configuration before the app is
/// built (the plugin reads nothing else). Every package must be signed for the version the
/// manifest announces: a tampered manifest cannot pair a new version number with an older,
/// validly signed package.
pub fn plugin_config(source: &UpdateSource) -> serde_json::Value {
    serde_json::json!({
        "endpoints": [source.manifest.as_str()],
        "pubkey": source.public_key,
        "requireSignedVersion": true,
    })
}

pub struct PluginChannel<R: Runtime> {
    app: AppHandle<R>,
    source: UpdateSource,
    /// What the last check found, for `install`.
    found: tokio::sync::Mutex<Option<Update>>,
    /// Restart on the new version once installed; the tests install nothing and stay.
    restart: bool,
}

impl<R: Runtime> PluginChannel<R> {
    pub fn new(app: AppHandle<R>, source: UpdateSource) -> Self {
        PluginChannel {
            app,
            source,
            found: tokio::sync::Mutex::new(None),
            restart: true,
        }
    }

    #[cfg(test)]
    pub fn without_restart(mut self) -> Self {
        self.restart = false;
        self
    }
}

impl<R: Runtime> UpdateChannel for PluginChannel<R> {
    async fn check(&self) -> Result<Option<Release>, UpdateFailure> {
        let found = match updates::fetch_manifest(&self.source, CHECK_TIMEOUT).await? {
            None => None,
            // `restore_update` reads a manifest fetched elsewhere, the same way a check does
            // (this system's entry, only a newer version), and it always requires the
            // package's signature to name the announced version.
            Some(manifest) => self
                .app
                .updater_builder()
                .build()
                .and_then(|updater| updater.restore_update(manifest))
                .map_err(|error| failure(Stage::Check, &error))?,
        };
        let release = found.as_ref().map(|update| Release {
            version: update.version.clone(),
            notes: update.body.clone().unwrap_or_default(),
        });
        *self.found.lock().await = found;
        Ok(release)
    }

    async fn install(&self, progress: Progress) -> Result<(), UpdateFailure> {
        let Some(update) = self.found.lock().await.clone() else {
            return Err(UpdateFailure::NoPackage);
        };
        let package = updates::download_package(
            &update.download_url,
            MAX_PACKAGE,
            updates::DOWNLOAD_TIMEOUT,
            &progress,
        )
        .await?;
        // Verified here, before anything is written or run; `install` verifies it again.
        update
            .verify(&package)
            .map_err(|error| failure(Stage::Download, &error))?;
        progress(InstallStage::Installing);
        if !self.restart {
            return Ok(());
        }
        // The keychain's last save (a refresh's new token) must be on disk before another
        // version takes over, so that it restores the same session.
        crate::keychain_writes_finished(&self.app).await;
        let version = update.version.clone();
        // The installer waits on the system (a password prompt, dpkg): not on an async worker.
        tauri::async_runtime::spawn_blocking(move || update.install(package))
            .await
            .map_err(|_| UpdateFailure::InstallFailed)?
            .map_err(|error| failure(Stage::Install, &error))?;
        tracing::info!(%version, "installed; restarting on the new version");
        self.app.restart();
    }
}

#[derive(Debug, Clone, Copy)]
enum Stage {
    Check,
    Download,
    Install,
}

/// The plugin's error as the reason the customer and the report are given; the error itself
/// goes to the log (addresses and statuses, never a secret: the app sends none).
fn failure(stage: Stage, error: &Error) -> UpdateFailure {
    let reason = match error {
        Error::Reqwest(error) if error.is_timeout() => UpdateFailure::Timeout,
        Error::Reqwest(error) if error.is_connect() => UpdateFailure::Unreachable,
        Error::Reqwest(error) if error.is_status() => UpdateFailure::ServerError,
        Error::Reqwest(_) | Error::Network(_) if matches!(stage, Stage::Download) => {
            UpdateFailure::DownloadFailed
        }
        Error::Reqwest(error) if error.is_decode() || error.is_body() => UpdateFailure::BadManifest,
        Error::Reqwest(_) => UpdateFailure::Unreachable,
        // The plugin reads past a manifest server that answers with an error status, and
        // then says it found no manifest.
        Error::ReleaseNotFound | Error::Network(_) => UpdateFailure::ServerError,
        Error::Serialization(_) | Error::Semver(_) | Error::UrlParse(_) => {
            UpdateFailure::BadManifest
        }
        Error::TargetNotFound(_)
        | Error::TargetsNotFound(_)
        | Error::UnsupportedOs
        | Error::UnsupportedArch => UpdateFailure::NoPackage,
        Error::Minisign(_)
        | Error::Base64(_)
        | Error::SignatureUtf8(_)
        | Error::SignedVersionMismatch { .. }
        | Error::MissingSignedVersion
        | Error::InvalidUpdaterFormat => UpdateFailure::Rejected,
        _ => match stage {
            Stage::Check => UpdateFailure::BadManifest,
            Stage::Download => UpdateFailure::DownloadFailed,
            Stage::Install => UpdateFailure::InstallFailed,
        },
    };
    tracing::warn!(?stage, ?reason, %error, "updater");
    reason
}

#[cfg(test)]
mod tests;
