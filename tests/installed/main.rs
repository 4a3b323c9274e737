//! The installed .deb, as a person's desktop uses it: the system opens an email's link with
//! the app the package registered for the scheme, and the app does what the link says.
//! `scripts/test` installs the freshly built package before running this. And it updates
//! itself (`updates`).

mod updates;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use test_support::admin::Admin;
use test_support::app::{repo_root, INSTALLED_BINARY};
use test_support::{register_and_read_verify_link, unique_email, LocalDirectus};

const DESKTOP_ENTRY: &str = "/usr/share/applications/Directus Desktop.desktop";

#[tokio::test]
#[ignore = "needs the installed .deb, Xvfb, a Secret Service and the local Directus: run scripts/test"]
async fn gio_open_of_a_verify_link_starts_the_installed_app_which_asks_before_confirming() {
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
    // The app's own log folder, below the XDG_DATA_HOME given here.
    let log = home.join("data/io.directus.desktop.accounts/logs/directus-desktop.log");
    let opened = Command::new("gio")
        .arg("open")
        .arg(&link)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("DIRECTUS_DESKTOP_SERVER_URL", &local.url)
        .env("DIRECTUS_DESKTOP_LOG", "debug")
        .status()
        .expect("gio (libglib2.0-bin) runs");
    assert!(opened.success(), "gio open: {opened}");

    // The installed app started with the link: it checked it and holds it for the user to
    // confirm on the server it names (tests/e2e clicks that button); nothing is sent unseen.
    let deadline = Instant::now() + Duration::from_secs(45);
    let mut arrived = false;
    while Instant::now() < deadline && !arrived {
        arrived = std::fs::read_to_string(&log)
            .is_ok_and(|text| text.contains("link arrived") && text.contains("verify-email link"));
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let status = admin.status_of(&email).await;
    let ran = stop_app_started_with(&home);
    assert!(ran, "gio open started {INSTALLED_BINARY}");
    assert!(arrived, "the installed app received the verification link");
    assert_eq!(
        status.as_deref(),
        Some("unverified"),
        "the address is not confirmed without the user's click"
    );
}

/// Ends the copies of the installed app this test started (those running with its folders),
/// and no other; returns whether there was one.
fn stop_app_started_with(home: &Path) -> bool {
    let marker = format!("XDG_DATA_HOME={}", home.join("data").display());
    let mut found = false;
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let exe = std::fs::read_link(entry.path().join("exe")).unwrap_or_default();
        if exe != Path::new(INSTALLED_BINARY) {
            continue;
        }
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if environ
            .split(|b| *b == 0)
            .any(|var| var == marker.as_bytes())
        {
            found = true;
            let pid = entry.file_name().to_string_lossy().to_string();
            let _ = Command::new("kill").arg(&pid).status();
        }
    }
    found
}
