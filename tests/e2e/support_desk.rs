//! What a support desk uses, on the release binary: the Help screen (copy the diagnostic
//! report, open the log folder, check the email links) and the command line (`--diagnose`,
//! `--version`, `--help`), which runs without a window, even while the app is open.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use test_support::app::{app_binary, AppUnderTest};
use test_support::{faulty_server, LocalDirectus};

struct Ran {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args` and no display at all (a window could not open), with the
/// XDG folders of the test `name`; bounded in time.
fn run_cli(name: &str, args: &[&str]) -> Ran {
    let home = AppUnderTest::home(name);
    std::fs::create_dir_all(&home).unwrap();
    // The app is built to take updates from the tests' host: the report asks it too.
    let trusting = test_support::update_host::trusting_the_update_host();
    let mut child = Command::new(app_binary())
        .args(args)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        // The report's headings in English, whatever this machine's language.
        .env("LANGUAGE", "en")
        .env(trusting.0, &trusting.1)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{args:?} did not exit within 60 s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = child.wait_with_output().unwrap();
    Ran {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into(),
        stderr: String::from_utf8_lossy(&output.stderr).into(),
    }
}

/// Keeps what the test saw where scripts/test scans for secrets.
fn keep(name: &str, file: &str, text: &str) -> PathBuf {
    let path = AppUnderTest::home(name).join(file);
    std::fs::write(&path, text).unwrap();
    path
}

#[tokio::test]
#[ignore = "needs the built app, a Secret Service and the local Directus: run scripts/test"]
async fn the_command_line_answers_without_a_window() {
    let local = LocalDirectus::from_env();
    let name = "cli";
    let _ = std::fs::remove_dir_all(AppUnderTest::home(name));

    let version = run_cli(name, &["--version"]);
    assert_eq!(version.code, 0);
    assert!(
        version.stdout.starts_with("Directus Desktop ") && version.stdout.contains("commit "),
        "{}",
        version.stdout
    );
    let help = run_cli(name, &["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("--diagnose"), "{}", help.stdout);
    let misuse = run_cli(name, &["--json"]);
    assert_eq!(misuse.code, 2);
    assert!(misuse.stderr.contains("--diagnose"), "{}", misuse.stderr);

    let fine = run_cli(name, &["--diagnose", "--json", "--server", &local.url]);
    keep(name, "report.json", &fine.stdout);
    assert_eq!(fine.code, 0, "{}", fine.stderr);
    let report: serde_json::Value = serde_json::from_str(&fine.stdout).unwrap();
    assert_eq!(report["server"]["project_name"], "Directus Desktop (local)");
    assert_eq!(report["server"]["source"], "command_line");
    assert_eq!(report["email_links"]["reset_url_allowed"], true);
    assert!(report["session"].is_null(), "the session lives in the app");
    let checks = report["checks"].as_array().unwrap();
    assert!(checks.iter().all(|check| check["ok"] == true), "{checks:?}");

    let text = run_cli(name, &["--diagnose", "--server", &local.url]);
    keep(name, "report.txt", &text.stdout);
    assert_eq!(text.code, 0);
    assert!(text.stdout.contains("Result: everything checked is fine"));

    let down = faulty_server::closed_port().await;
    let failed = run_cli(name, &["--diagnose", "--server", &down.url]);
    assert_eq!(failed.code, 1);
    assert!(
        failed.stderr.contains("problems found: server"),
        "{}",
        failed.stderr
    );
    assert!(failed.stdout.contains("SERVER_UNREACHABLE"));
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, xclip, a Secret Service and the local Directus: run scripts/test"]
async fn the_help_screen_copies_the_report_and_opens_the_log_folder() {
    let local = LocalDirectus::from_env();
    let name = "help";
    let app = AppUnderTest::launch(name, &[("DIRECTUS_DESKTOP_SERVER_URL", &local.url)]).await;
    app.click("#go-help").await;
    assert!(app
        .text_of("#app-version")
        .await
        .starts_with("Directus Desktop "));
    assert!(app.text_of("#log-folder").await.ends_with("/logs"));

    app.click("#copy-report").await;
    app.element("#report-copied").await;
    let copied = Command::new("timeout")
        .args(["10", "xclip", "-selection", "clipboard", "-o"])
        .output()
        .expect("xclip (scripts/setup --tests installs it)");
    let report = String::from_utf8_lossy(&copied.stdout).to_string();
    keep(name, "copied-report.txt", &report);
    assert!(report.contains("diagnostic report"), "{report}");
    assert!(report.contains(&local.url));
    assert!(report.contains("Session"));

    app.click("#open-logs").await;
    let log = AppUnderTest::log_file(name);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !std::fs::read_to_string(&log).is_ok_and(|text| text.contains("opening the log folder")) {
        assert!(
            Instant::now() < deadline,
            "the log folder was never asked for"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    app.click("#check-links").await;
    assert_eq!(
        app.text_of("#links-accepted").await,
        "The server accepts the app's password-reset link."
    );
    // The test server allows the app's scheme link, so any scheme's passes too: said.
    assert!(app
        .text_of("#links-any-scheme")
        .await
        .contains("could be sent to another program"));
    app.screenshot("help").await;

    // The command line runs beside the open app, and leaves it alone.
    let beside = run_cli(name, &["--diagnose", "--server", &local.url]);
    assert_eq!(beside.code, 0, "{}", beside.stderr);
    app.click("#help-back").await;
    app.element("#sign-in-form").await;
    app.quit().await;
}
