//! The platform's updater (the real plugin, in a Tauri app on the mock runtime) against a local
//! https update host, with a key pair and signatures made for the run: what a check finds, what
//! a download verifies before anything could be installed, and how each failure is named.
//! Installing itself runs the system's installer: the end-to-end test of the installed `.deb`
//! covers it (tests/e2e/updates.rs).

use super::*;
use account_core::settings::MemorySettings;
use account_core::{Build, Settings, SettingsStore, Updates};
use std::sync::Arc;
use std::time::Duration;
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime};
use update_server::{manifest, this_platform, Answer, SigningKey, UpdateServer};

/// The mock app's version (tauri::test's package info).
const CURRENT: &str = "0.1.0";
const PACKAGE: &[u8] = b"the new version's package: any bytes, the signature is what counts";

struct Host {
    server: UpdateServer,
    key: SigningKey,
}

impl Host {
    async fn start() -> Host {
        let folder = std::env::temp_dir().join(format!("updater-tests-{}", std::process::id()));
        let server = UpdateServer::start(&folder, 0).await;
        // Every server of this process shares one authority, so one file serves them all.
        std::env::set_var("SSL_CERT_FILE", &server.ca_file);
        Host {
            server,
            key: SigningKey::generate(),
        }
    }

    fn manifest_url(&self) -> String {
        format!("{}/latest.json", self.server.url)
    }

    /// Offers `version` for this system, the package signed by `signature`.
    fn offer(&self, version: &str, signature: &str) {
        let package = format!("{}/package", self.server.url);
        self.server.answer(
            "/latest.json",
            Answer::Ok(manifest(
                version,
                "Faster sign-in.",
                &[&this_platform()],
                &package,
                signature,
            )),
        );
    }

    /// A channel in an app whose built-in key is `public_key`.
    fn channel(&self, public_key: &str) -> PluginChannel<MockRuntime> {
        let config: account_core::updates::UpdateConfig = serde_json::from_value(
            serde_json::json!({ "manifest": self.manifest_url(), "publicKey": public_key }),
        )
        .unwrap();
        let source = UpdateSource::from_config(&config, Build::Release).unwrap();
        let mut context = mock_context(noop_assets());
        context
            .config_mut()
            .plugins
            .0
            .insert("updater".into(), plugin_config(&source));
        let app = mock_builder()
            .plugin(tauri_plugin_updater::Builder::new().build())
            .build(context)
            .expect("the mock app");
        PluginChannel::new(app.handle().clone(), source).without_restart()
    }
}

fn no_progress() -> Progress {
    Arc::new(|_| {})
}

#[tokio::test]
async fn a_newer_version_is_found_and_the_same_or_an_older_one_is_not() {
    let host = Host::start().await;
    let channel = host.channel(&host.key.public_key());
    host.offer("0.2.0", &host.key.sign(PACKAGE, "0.2.0"));
    let found = channel.check().await.unwrap().expect("0.2.0 is newer");
    assert_eq!(found.version, "0.2.0");
    assert_eq!(found.notes, "Faster sign-in.");
    for version in [CURRENT, "0.0.9"] {
        host.offer(version, &host.key.sign(PACKAGE, version));
        assert_eq!(channel.check().await.unwrap(), None, "{version}");
    }
}

#[tokio::test]
async fn a_package_signed_by_the_key_is_downloaded_and_verified() {
    let host = Host::start().await;
    let channel = host.channel(&host.key.public_key());
    host.offer("0.2.0", &host.key.sign(PACKAGE, "0.2.0"));
    host.server.answer("/package", Answer::Ok(PACKAGE.to_vec()));
    channel.check().await.unwrap().unwrap();
    let stages = Arc::new(std::sync::Mutex::new(Vec::new()));
    let progress: Progress = {
        let stages = stages.clone();
        Arc::new(move |stage| stages.lock().unwrap().push(stage))
    };
    channel.install(progress).await.unwrap();
    let stages = stages.lock().unwrap();
    assert_eq!(
        stages.first(),
        Some(&InstallStage::Downloaded {
            bytes: PACKAGE.len() as u64,
            total: Some(PACKAGE.len() as u64)
        })
    );
    assert_eq!(stages.last(), Some(&InstallStage::Installing));
}

#[tokio::test]
async fn a_package_that_does_not_match_its_signature_is_refused_before_installing() {
    let host = Host::start().await;
    let channel = host.channel(&host.key.public_key());
    let installing = || {
        let reached = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let progress: Progress = {
            let reached = reached.clone();
            Arc::new(move |stage| {
                if stage == InstallStage::Installing {
                    reached.store(true, std::sync::atomic::Ordering::SeqCst);
                }
            })
        };
        (reached, progress)
    };
    let tampered = b"the package with one byte changed".to_vec();
    let other_key = SigningKey::generate();
    let cases = [
        // The bytes were changed after signing.
        (tampered.clone(), host.key.sign(PACKAGE, "0.2.0")),
        // Signed, but by a key that is not the one built in.
        (PACKAGE.to_vec(), other_key.sign(PACKAGE, "0.2.0")),
        // An older package, validly signed, announced as the new version.
        (PACKAGE.to_vec(), host.key.sign(PACKAGE, "0.1.5")),
        // Signed by the key, but for no version: it could be any release's.
        (PACKAGE.to_vec(), host.key.sign_without_version(PACKAGE)),
        // Not a signature at all.
        (PACKAGE.to_vec(), "bm90IGEgc2lnbmF0dXJl".to_string()),
    ];
    for (index, (package, signature)) in cases.into_iter().enumerate() {
        host.offer("0.2.0", &signature);
        host.server.answer("/package", Answer::Ok(package));
        channel.check().await.unwrap().unwrap();
        let (reached, progress) = installing();
        assert_eq!(
            channel.install(progress).await,
            Err(UpdateFailure::Rejected),
            "case {index}"
        );
        assert!(
            !reached.load(std::sync::atomic::Ordering::SeqCst),
            "case {index}: the installer was reached"
        );
    }
}

#[tokio::test]
async fn a_download_cut_in_the_middle_is_a_failed_download() {
    let host = Host::start().await;
    let channel = host.channel(&host.key.public_key());
    host.offer("0.2.0", &host.key.sign(PACKAGE, "0.2.0"));
    host.server
        .answer("/package", Answer::Cut(PACKAGE.to_vec()));
    channel.check().await.unwrap().unwrap();
    assert_eq!(
        channel.install(no_progress()).await,
        Err(UpdateFailure::DownloadFailed)
    );
    host.server.answer("/package", Answer::Status(503));
    assert_eq!(
        channel.install(no_progress()).await,
        Err(UpdateFailure::DownloadFailed)
    );
    // More than a package can be is stopped, not held in memory.
    host.server.answer("/package", Answer::Ok(vec![0; 4096]));
    let url: url::Url = format!("{}/package", host.server.url).parse().unwrap();
    assert_eq!(
        account_core::updates::download_package(
            &url,
            1024,
            Duration::from_secs(10),
            &no_progress()
        )
        .await,
        Err(UpdateFailure::DownloadFailed)
    );
    assert_eq!(
        account_core::updates::download_package(
            &url,
            4096,
            Duration::from_secs(10),
            &no_progress()
        )
        .await
        .map(|package| package.len()),
        Ok(4096)
    );
}

#[tokio::test]
async fn each_way_a_check_fails_has_its_reason() {
    let host = Host::start().await;
    let channel = host.channel(&host.key.public_key());
    host.server.answer("/latest.json", Answer::Garbage);
    assert_eq!(channel.check().await, Err(UpdateFailure::BadManifest));
    // No manifest is that large: refused before it is read whole.
    host.server
        .answer("/latest.json", Answer::Ok(vec![b' '; 1024 * 1024]));
    assert_eq!(channel.check().await, Err(UpdateFailure::BadManifest));
    host.server.answer("/latest.json", Answer::Status(204));
    assert_eq!(channel.check().await, Ok(None), "204: no update");
    host.server.answer("/latest.json", Answer::Status(500));
    assert_eq!(channel.check().await, Err(UpdateFailure::ServerError));
    host.server.answer(
        "/latest.json",
        Answer::Ok(manifest(
            "0.2.0",
            "",
            &["plan9-mips"],
            "https://example.invalid/p",
            "x",
        )),
    );
    assert_eq!(channel.check().await, Err(UpdateFailure::NoPackage));

    // A host that is gone: its port closed.
    let gone = Host::start().await;
    let channel = gone.channel(&gone.key.public_key());
    drop(gone.server);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert_eq!(channel.check().await, Err(UpdateFailure::Unreachable));
}

#[tokio::test]
async fn later_holds_across_a_restart_for_that_version_and_not_for_the_next() {
    let host = Host::start().await;
    let store: Arc<dyn SettingsStore> = Arc::new(MemorySettings::default());
    let start = || {
        Updates::new(
            Some(host.channel(&host.key.public_key())),
            CURRENT,
            Settings::new(store.clone()),
        )
    };
    host.offer("0.2.0", &host.key.sign(PACKAGE, "0.2.0"));
    let updates = start();
    assert_eq!(updates.check().await.offer().unwrap().version, "0.2.0");
    assert!(updates.postpone().offer().is_none());

    let restarted = start();
    assert!(
        restarted.check().await.offer().is_none(),
        "Later holds for 0.2.0"
    );
    host.offer("0.3.0", &host.key.sign(PACKAGE, "0.3.0"));
    assert_eq!(restarted.check().await.offer().unwrap().version, "0.3.0");
}
