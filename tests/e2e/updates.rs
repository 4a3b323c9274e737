//! Updates in the release app (built to take them from the tests' update host): a newer version
//! is found and shown, the same one is not; "Later" holds across a restart for that version and
//! not for the next; a check that fails shows no banner, and Help says when and why. Installing
//! runs the system's installer: the installed package's test does it (tests/installed/updates.rs).

use std::time::{Duration, Instant};
use test_support::app::AppUnderTest;
use test_support::update_host::update_host;
use test_support::LocalDirectus;
use update_server::Answer;

/// Waits until the app has asked the update host `after` + 1 times, then a moment for its
/// answer to reach the window.
async fn checked(after: usize) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while update_host().requests("/latest.json") <= after {
        assert!(
            Instant::now() < deadline,
            "the app never checked for updates"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(700)).await;
}

/// Starts the app for the test `name` (fresh, or keeping its settings) and waits until its
/// first check has been answered.
async fn start_and_check(name: &str, fresh: bool) -> AppUnderTest {
    let local = LocalDirectus::from_env();
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", local.url.as_str())];
    let asked = update_host().requests("/latest.json");
    let app = match fresh {
        true => AppUnderTest::launch(name, &env).await,
        false => AppUnderTest::relaunch(name, &env).await,
    };
    // The first screen comes first; the check a few seconds after it.
    app.element("#sign-in-form").await;
    checked(asked).await;
    app
}

#[tokio::test]
#[ignore = "needs the release build built by scripts/test, Xvfb and the local Directus: run scripts/test"]
async fn a_newer_version_is_offered_and_later_holds_for_it_across_a_restart() {
    let host = update_host();
    let name = "updates";

    // The same version as the app's: nothing to offer.
    host.offer_nothing_new();
    let app = start_and_check(name, true).await;
    // The window has the check's answer (Help shows it), and no banner.
    app.click("#go-help").await;
    app.wait_for_text_containing("#updates-last-check", "this is the newest version")
        .await;
    assert!(
        !app.is_present("#update-banner").await,
        "no banner for the same version"
    );
    app.quit().await;

    host.offer(
        "0.2.0",
        "Faster sign-in.\nA clearer account screen.",
        "unused",
    );
    let app = start_and_check(name, false).await;
    app.wait_for_text_containing("#update-title", "0.2.0").await;
    assert_eq!(
        app.text_of("#update-notes").await,
        "Faster sign-in.\nA clearer account screen."
    );
    app.element("#update-install").await;
    app.screenshot("banner").await;
    app.click("#update-later").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.is_present("#update-banner").await {
        assert!(Instant::now() < deadline, "Later left the banner");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Help says what was found, and can still install the version put off.
    app.click("#go-help").await;
    app.wait_for_text_containing("#updates-last-check", "version 0.2.0 is available")
        .await;
    app.element("#updates-install").await;
    app.screenshot("help").await;
    app.quit().await;

    // Restarted: the check finds 0.2.0 again, and Later still holds for it.
    let app = start_and_check(name, false).await;
    app.click("#go-help").await;
    app.wait_for_text_containing("#updates-last-check", "version 0.2.0 is available")
        .await;
    assert!(
        !app.is_present("#update-banner").await,
        "Later holds for 0.2.0 after a restart"
    );
    // A newer version than the one put off is offered, here from "Check for updates".
    host.offer("0.3.0", "", "unused");
    app.click("#check-updates").await;
    app.wait_for_text_containing("#update-title", "0.3.0").await;
    assert!(
        !app.is_present("#update-notes").await,
        "no notes, no empty paragraph"
    );
    app.quit().await;
    host.offer_nothing_new();
}

#[tokio::test]
#[ignore = "needs the release build built by scripts/test, Xvfb and the local Directus: run scripts/test"]
async fn a_check_that_fails_shows_no_banner_and_help_says_when_and_why() {
    let host = update_host();
    let name = "updates-failing";

    host.answer("/latest.json", Answer::Garbage);
    let app = start_and_check(name, true).await;
    assert!(
        !app.is_present("#update-banner").await,
        "no banner when a check fails"
    );
    app.click("#go-help").await;
    app.wait_for_text_containing("#updates-last-check", "couldn't be read")
        .await;
    assert!(app
        .text_of("#updates-last-check")
        .await
        .starts_with("Checked "));

    host.answer("/latest.json", Answer::Status(503));
    app.click("#check-updates").await;
    app.wait_for_text_containing("#updates-last-check", "answered with an error")
        .await;
    app.screenshot("help-failed").await;
    app.quit().await;

    let log = std::fs::read_to_string(AppUnderTest::log_file(name)).unwrap();
    assert!(
        log.contains("the update check failed"),
        "the reason is logged"
    );
    assert!(log.contains("BadManifest") && log.contains("ServerError"));
    host.offer_nothing_new();
}
