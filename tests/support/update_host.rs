//! The update host the app under test is built to use (`scripts/test` writes its address and
//! public key into `target/test-update/app-config.json` and builds the app with it). One per
//! test process, on a thread of its own so it outlives each test's runtime; it offers the app's
//! own version (no update) until a test offers another, and is trusted by every app the tests
//! start (`SSL_CERT_FILE`).

use crate::repo_root;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use update_server::{manifest, this_platform, Answer, UpdateServer};

pub struct UpdateHost {
    server: UpdateServer,
    /// `https://127.0.0.1:<port>`
    pub url: String,
}

/// The folder of the tests' update key pair and app configuration.
pub fn update_folder() -> PathBuf {
    repo_root().join("target/test-update")
}

/// The tests' update host, started on first use.
pub fn update_host() -> &'static UpdateHost {
    static HOST: OnceLock<UpdateHost> = OnceLock::new();
    HOST.get_or_init(|| {
        let config = update_folder().join("app-config.json");
        let text = std::fs::read_to_string(&config).unwrap_or_else(|error| {
            panic!(
                "{}: {error}: run the tests through scripts/test",
                config.display()
            )
        });
        let config: serde_json::Value = serde_json::from_str(&text).unwrap();
        let manifest_url =
            url::Url::parse(config["updates"]["manifest"].as_str().unwrap()).unwrap();
        let port = manifest_url.port().expect("the test host's port");
        let (sender, receiver) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async move {
                let server = UpdateServer::start(&update_folder(), port).await;
                sender.send(server).unwrap();
                std::future::pending::<()>().await;
            });
        });
        let server = receiver.recv().expect("the update host started");
        let host = UpdateHost {
            url: server.url.clone(),
            server,
        };
        host.offer_nothing_new();
        host
    })
}

/// The environment variable that makes an app trust the update host.
pub fn trusting_the_update_host() -> (&'static str, String) {
    (
        "SSL_CERT_FILE",
        update_host().server.ca_file.display().to_string(),
    )
}

/// The app's own version, as `tauri.conf.json` gives it.
pub fn app_version() -> String {
    let config: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("tauri.conf.json")).unwrap(),
    )
    .unwrap();
    config["version"].as_str().unwrap().to_string()
}

impl UpdateHost {
    /// The manifest offers the app's own version: no update.
    pub fn offer_nothing_new(&self) {
        self.offer(&app_version(), "", "unused");
    }

    /// The manifest offers `version` with `notes`, its package at `/package` signed by
    /// `signature` (the content of a `.sig` file).
    pub fn offer(&self, version: &str, notes: &str, signature: &str) {
        let package = format!("{}/package", self.url);
        self.server.answer(
            "/latest.json",
            Answer::Ok(manifest(
                version,
                notes,
                &[&this_platform()],
                &package,
                signature,
            )),
        );
    }

    pub fn answer(&self, path: &str, answer: Answer) {
        self.server.answer(path, answer);
    }

    pub fn requests(&self, path: &str) -> usize {
        self.server.requests(path)
    }
}

/// Signs `package` for `version` with the tests' key, as the release workflow signs with the
/// organisation's: `tauri signer sign --app-version` (the pinned CLI scripts/setup installs).
/// Returns the `.sig` file's content.
pub fn sign(package: &Path, version: &str) -> String {
    let key = update_folder().join("update.key");
    let status = Command::new("tauri")
        .args(["signer", "sign", "--private-key-path"])
        .arg(&key)
        .args(["--password", "", "--app-version", version])
        .arg(package)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the Tauri CLI (scripts/setup installs it; scripts/test puts it on PATH)");
    assert!(status.success(), "tauri signer sign: {status}");
    let signature = package.with_file_name(format!(
        "{}.sig",
        package.file_name().unwrap().to_string_lossy()
    ));
    std::fs::read_to_string(signature).unwrap()
}
