//! The installed .deb, as a person's desktop uses it: the system opens an email's link with
//! the app the package registered for the scheme, and the app does what the link says.
//! `scripts/test` installs the freshly built package before running this.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use test_support::admin::Admin;
use test_support::app::repo_root;
use test_support::{register_and_read_verify_link, unique_email, LocalDirectus};

const INSTALLED_BINARY: &str = "/usr/bin/directus-desktop";
const DESKTOP_ENTRY: &str = "/usr/share/applications/Directus Desktop.desktop";

#[tokio::test]
#[ignore = "needs the installed .deb, Xvfb, a Secret Service and the local Directus: run scripts/test"]
async fn gio_open_of_a_verify_link_starts_the_installed_app_which_confirms_the_address() {
    let entry = std::fs::read_to_string(DESKTOP_ENTRY)
        .unwrap_or_else(|e| panic!("{DESKTOP_ENTRY}: {e}: is the .deb installed?"));
    assert!(
        entry.contains("MimeType=x-scheme-handler/directus-desktop"),
        "{entry}"
    );
    assert!(
        entry
            .lines()
            .any(|line| line.starts_with("Exec=") && line.ends_with(" %u")),
        "the desktop entry must pass the link to the app (%u): {entry}"
    );

    let local = LocalDirectus::from_env();
    let email = unique_email("installed");
    let link = register_and_read_verify_link(&local, &email).await;
    let admin = Admin::new(&local);
    assert_eq!(admin.status_of(&email).await.as_deref(), Some("unverified"));

    // Fresh per-user folders: no registrations or settings from elsewhere take part.
    let home = repo_root().join("target/e2e-home/installed-app");
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).unwrap();
    stop_installed_app();
    let opened = Command::new("gio")
        .arg("open")
        .arg(&link)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("DIRECTUS_DESKTOP_SERVER_URL", &local.url)
        .status()
        .expect("gio (libglib2.0-bin) runs");
    assert!(opened.success(), "gio open: {opened}");

    let deadline = Instant::now() + Duration::from_secs(45);
    let mut status = None;
    while Instant::now() < deadline {
        status = admin.status_of(&email).await;
        if status.as_deref() == Some("active") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let ran = stop_installed_app();
    assert!(ran, "gio open started {INSTALLED_BINARY}");
    assert_eq!(
        status.as_deref(),
        Some("active"),
        "the installed app, started by the link, confirmed the address"
    );
}

/// Ends every running copy of the installed app; returns whether there was one.
fn stop_installed_app() -> bool {
    let mut found = false;
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let exe = std::fs::read_link(entry.path().join("exe")).unwrap_or_default();
        if exe == Path::new(INSTALLED_BINARY) {
            found = true;
            let pid = entry.file_name().to_string_lossy().to_string();
            let _ = Command::new("kill").arg(&pid).status();
        }
    }
    found
}
