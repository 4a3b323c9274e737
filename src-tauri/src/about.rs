//! What the app knows about itself (name, version, build, system, where it logs) for the help
//! screen, the diagnostic report and `--version`.

use account_bridge::AboutView;
use account_core::diagnostics::AppFacts;
use account_core::UpdateSource;
use std::path::PathBuf;

pub struct Identity {
    pub name: String,
    pub version: String,
    pub identifier: String,
    /// The scheme the deep-link plugin registers (tauri.conf.json), which the emailed links use.
    pub scheme: String,
    pub log_folder: Option<PathBuf>,
    /// Where this build takes updates from (`app-config.json`); None: off.
    pub updates: Option<UpdateSource>,
}

impl Identity {
    pub fn from_config(config: &tauri::Config, updates: Option<UpdateSource>) -> Self {
        let scheme = config
            .plugins
            .0
            .get("deep-link")
            .and_then(|deep_link| deep_link.pointer("/desktop/schemes/0"))
            .and_then(|scheme| scheme.as_str())
            .unwrap_or("directus-desktop")
            .to_string();
        Identity {
            name: config
                .product_name
                .clone()
                .unwrap_or_else(|| "Directus Desktop".into()),
            version: config
                .version
                .clone()
                .unwrap_or_else(|| env!("CARGO_PKG_VERSION").into()),
            identifier: config.identifier.clone(),
            scheme,
            log_folder: crate::logging::log_folder(&config.identifier),
            updates,
        }
    }

    /// Development builds keep their secrets apart from an installed release build.
    pub fn keychain_service(&self) -> String {
        if cfg!(debug_assertions) {
            format!("{}.dev", self.identifier)
        } else {
            self.identifier.clone()
        }
    }

    /// `commit 1a2b3c4d5e6f, built 2026-11-28, release`.
    pub fn build(&self) -> String {
        let profile = if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        };
        format!(
            "commit {}, built {}, {profile}",
            env!("DIRECTUS_DESKTOP_COMMIT"),
            env!("DIRECTUS_DESKTOP_BUILT")
        )
    }

    pub fn log_folder_text(&self) -> String {
        self.log_folder
            .as_ref()
            .map_or_else(|| "unknown".into(), |folder| folder.display().to_string())
    }

    pub fn about(&self) -> AboutView {
        AboutView {
            name: self.name.clone(),
            version: self.version.clone(),
            build: self.build(),
            log_folder: self.log_folder_text(),
        }
    }

    pub fn facts(&self) -> AppFacts {
        let os = os_info::get();
        AppFacts {
            name: self.name.clone(),
            version: self.version.clone(),
            build: self.build(),
            os: format!("{} {}", os.os_type(), os.version()),
            arch: std::env::consts::ARCH.into(),
            webview: match tauri::webview_version() {
                Ok(version) => format!("{} {version}", webview_name()),
                Err(_) => format!("{} (version unknown)", webview_name()),
            },
            log_folder: self.log_folder_text(),
            scheme: self.scheme.clone(),
            updates: self.updates.clone(),
        }
    }
}

fn webview_name() -> &'static str {
    if cfg!(target_os = "windows") {
        "WebView2"
    } else if cfg!(target_os = "macos") {
        "WKWebView"
    } else {
        "WebKitGTK"
    }
}
