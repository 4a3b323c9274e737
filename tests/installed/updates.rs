//! The installed package updates itself, as a customer's copy would: offered a newer `.deb` by
//! the organisation's host, it refuses a tampered one (the installed version stays and keeps
//! working), then downloads a signed one, verifies it, installs it with the system's package
//! manager and restarts on it, still signed in. The newer package is the one `scripts/test`
//! built, repackaged with a raised version; it is signed as the release workflow signs, with
//! `tauri signer sign --app-version` and the tests' key.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use test_support::admin::Admin;
use test_support::app::{repo_root, AppUnderTest, INSTALLED_BINARY};
use test_support::update_host::{app_version, sign, update_folder, update_host};
use test_support::{test_password, unique_email, LocalDirectus};
use update_server::Answer;

const PACKAGE: &str = "directus-desktop";

/// The package version dpkg has installed.
fn installed_version() -> String {
    let output = Command::new("dpkg-query")
        .args(["-W", "-f=${Version}", PACKAGE])
        .output()
        .unwrap();
    String::from_utf8_lossy(&output.stdout).trim().to_string()
}

/// The `.deb` `scripts/test` built.
fn built_package() -> PathBuf {
    let folder = repo_root().join("target/release/bundle/deb");
    std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "deb"))
        .unwrap_or_else(|| panic!("no .deb in {}: run scripts/test", folder.display()))
}

/// The built package with its version raised to `version` (the same program inside).
fn repackaged(version: &str) -> PathBuf {
    let work = update_folder().join(format!("repackaged-{version}"));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let tree = work.join("tree");
    let run = |command: &mut Command| {
        let status = command.status().unwrap();
        assert!(status.success(), "{command:?}: {status}");
    };
    run(Command::new("dpkg-deb")
        .arg("-R")
        .arg(built_package())
        .arg(&tree));
    let control = tree.join("DEBIAN/control");
    let text = std::fs::read_to_string(&control).unwrap();
    let raised: String = text
        .lines()
        .map(|line| match line.starts_with("Version:") {
            true => format!("Version: {version}\n"),
            false => format!("{line}\n"),
        })
        .collect();
    assert_ne!(text, raised);
    std::fs::write(&control, raised).unwrap();
    let package = work.join(format!("{PACKAGE}_{version}_amd64.deb"));
    run(Command::new("dpkg-deb")
        .args(["--root-owner-group", "-b"])
        .arg(&tree)
        .arg(&package));
    package
}

/// The copies of the installed program running with this test's folders: (pid, whether its
/// program file is the one installed now, not one dpkg replaced).
fn running_copies(home: &Path) -> Vec<(String, bool)> {
    let marker = format!("XDG_DATA_HOME={}", home.join("data").display());
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let exe = std::fs::read_link(entry.path().join("exe")).unwrap_or_default();
        let exe = exe.to_string_lossy().to_string();
        if !exe.starts_with(INSTALLED_BINARY) {
            continue;
        }
        let environ = std::fs::read(entry.path().join("environ")).unwrap_or_default();
        if environ
            .split(|b| *b == 0)
            .any(|var| var == marker.as_bytes())
        {
            let pid = entry.file_name().to_string_lossy().to_string();
            found.push((pid, exe == INSTALLED_BINARY));
        }
    }
    found
}

/// Puts the package `scripts/test` built back, whatever the test did.
struct Reinstall;

impl Drop for Reinstall {
    fn drop(&mut self) {
        let _ = Command::new("dpkg").arg("-i").arg(built_package()).status();
    }
}

#[tokio::test]
#[ignore = "needs the installed .deb, Xvfb, a Secret Service, sudo and the local Directus: run scripts/test"]
async fn the_installed_app_refuses_a_tampered_update_and_installs_a_signed_one_staying_signed_in() {
    let local = LocalDirectus::from_env();
    let host = update_host();
    let name = "installed-update";
    let _reinstall = Reinstall;
    let current = app_version();
    assert_eq!(
        installed_version(),
        current,
        "scripts/test installs the built package"
    );
    let email = unique_email("update");
    let password = test_password();
    Admin::new(&local).create_customer(&email, &password).await;

    // The newer package, signed for its version; and a copy changed after signing.
    let newer = "0.1.1".to_string();
    assert!(
        account_core::updates::is_newer(&newer, &current),
        "the test's version must be newer than {current}"
    );
    let package = repackaged(&newer);
    let signature = sign(&package, &newer);
    let bytes = std::fs::read(&package).unwrap();
    let mut tampered = bytes.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 0x55;

    host.offer(&newer, "Security fixes.", &signature);
    host.answer("/package", Answer::Ok(tampered));
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", local.url.as_str())];
    let home = AppUnderTest::home(name);
    let _ = std::fs::remove_dir_all(&home);
    let app = AppUnderTest::relaunch_installed(name, &env).await;
    app.fill("#email", &email).await;
    app.fill("#password", &password).await;
    app.press_enter("#password").await;
    assert_eq!(app.text_of("#who").await, email);
    app.wait_for_text_containing("#update-title", &newer).await;
    app.screenshot("offered").await;

    // Tampered: refused before anything ran; the installed version stays and works.
    let downloads = host.requests("/package");
    app.click("#update-install").await;
    app.wait_for_text_containing("#update-banner #form-error", "refused")
        .await;
    assert_eq!(
        app.attribute("#update-banner #form-error", "data-code")
            .await
            .as_deref(),
        Some("UPDATE_REJECTED")
    );
    assert_eq!(host.requests("/package"), downloads + 1);
    assert_eq!(installed_version(), current, "nothing was installed");
    app.screenshot("refused").await;
    app.click("#edit-name").await;
    app.element("#first-name").await;
    app.click("#back-to-account").await;
    assert_eq!(
        app.text_of("#who").await,
        email,
        "still signed in and working"
    );

    // Signed: downloaded, verified, installed by dpkg, and the app comes back on it.
    host.answer("/package", Answer::Ok(bytes));
    let before: Vec<String> = running_copies(&home)
        .into_iter()
        .map(|(pid, _)| pid)
        .collect();
    assert_eq!(before.len(), 1, "{before:?}");
    app.click("#update-install").await;
    let deadline = Instant::now() + Duration::from_secs(90);
    let restarted = loop {
        let now = running_copies(&home);
        let new: Vec<_> = now
            .iter()
            .filter(|(pid, current)| *current && !before.contains(pid))
            .collect();
        if installed_version() == newer && !new.is_empty() {
            break new[0].0.clone();
        }
        assert!(
            Instant::now() < deadline,
            "not restarted on the new version: installed {}, running {now:?}",
            installed_version()
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    // The old process ended; the new one is the installed program (not the replaced file).
    let deadline = Instant::now() + Duration::from_secs(15);
    while running_copies(&home)
        .iter()
        .any(|(pid, _)| before.contains(pid))
    {
        assert!(Instant::now() < deadline, "the old version did not end");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // The restarted copy opened its window; it runs in the test's process group, so ending the
    // driver ends it. Then the test looks again through a window it drives.
    host.offer_nothing_new();
    let log = AppUnderTest::log_file(name);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !std::fs::read_to_string(&log)
        .is_ok_and(|text| text.matches("the page has loaded").count() >= 2)
    {
        assert!(
            Instant::now() < deadline,
            "the restarted app {restarted} never opened its window"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    drop(app);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !running_copies(&home).is_empty() {
        assert!(Instant::now() < deadline, "the restarted app did not end");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let app = AppUnderTest::relaunch_installed(name, &env).await;
    assert_eq!(
        app.text_of("#who").await,
        email,
        "signed in after the update, from the keychain"
    );
    assert_eq!(installed_version(), newer);
    app.screenshot("updated").await;
    app.quit().await;
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(
        log.contains("installed; restarting on the new version"),
        "{log}"
    );
}
