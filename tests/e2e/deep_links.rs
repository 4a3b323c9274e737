//! Links from emails opening the app: into the running window, at a cold start, and a bad one.

use test_support::admin::Admin;
use test_support::app::AppUnderTest;
use test_support::browser::Browser;
use test_support::hand_off::serve_hand_off_page;
use test_support::{
    mailbox, register_and_read_verify_link, service_for, test_password, unique_email, LocalDirectus,
};

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn a_reset_link_reaches_the_running_app() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let (email, new_password) = (unique_email("deep-reset"), test_password());
    admin.create_customer(&email, &test_password()).await;
    let name = "deep-link-warm";
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", local.url.as_str())];
    let app = AppUnderTest::launch(name, &env).await;
    app.element("#sign-in-form").await;

    service_for(&local.url)
        .request_password_reset(&email)
        .await
        .unwrap();
    let link =
        mailbox::wait_for_app_link(&local.maildev_url, &email, mailbox::RESET_PASSWORD).await;
    assert!(
        AppUnderTest::open_in_running_app(name, &env, &link),
        "the second launch hands over and exits"
    );

    assert_eq!(
        app.text_of("#reset-email").await,
        email,
        "the running window shows the reset screen"
    );
    app.screenshot("reset-from-deep-link").await;
    reset_then_sign_in_and_out(&app, &email, &new_password).await;
    app.quit().await;
}

/// On the reset screen: sets the new password, signs in with it, and signs out again (the
/// keychain is shared by the tests that follow).
async fn reset_then_sign_in_and_out(app: &AppUnderTest, email: &str, new_password: &str) {
    app.fill("#password", new_password).await;
    app.fill("#confirm", new_password).await;
    app.press_enter("#confirm").await;
    assert!(app
        .text_of("#banner")
        .await
        .starts_with("Password changed."));
    app.fill("#password", new_password).await;
    app.press_enter("#password").await;
    assert_eq!(app.text_of("#who").await, email);
    app.click("#sign-out").await;
    app.element("#sign-in-form").await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn a_verify_link_starts_the_app_and_confirms() {
    let local = LocalDirectus::from_env();
    let email = unique_email("deep-verify");
    let link = register_and_read_verify_link(&local, &email).await;

    let name = "deep-link-cold";
    let home = AppUnderTest::home(name);
    let _ = std::fs::remove_dir_all(&home);
    let app = AppUnderTest::relaunch_with_args(
        name,
        &[("DIRECTUS_DESKTOP_SERVER_URL", local.url.as_str())],
        &[&link],
    )
    .await;
    // The link opens the confirmation, naming the server; nothing is sent until the click.
    assert!(app.text_of("#confirm-address").await.contains(&email));
    app.screenshot("confirm-from-cold-start").await;
    let admin = test_support::admin::Admin::new(&local);
    assert_eq!(admin.status_of(&email).await.as_deref(), Some("unverified"));
    app.click("#confirm-email").await;
    assert_eq!(app.text_of("#verified-title").await, "Email confirmed");
    assert!(app.text_of("#verified").await.contains(&email));
    app.screenshot("verified-from-cold-start").await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn a_verify_link_arriving_while_the_paste_screen_is_open_is_shown() {
    let local = LocalDirectus::from_env();
    let email = unique_email("deep-verify-open");
    let link = register_and_read_verify_link(&local, &email).await;
    let name = "deep-link-verify-open";
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", local.url.as_str())];
    let app = AppUnderTest::launch(name, &env).await;
    app.click("#go-paste-link").await;
    app.element("#paste-form").await;
    assert!(AppUnderTest::open_in_running_app(name, &env, &link));
    assert!(app.text_of("#confirm-address").await.contains(&email));
    app.click("#confirm-email").await;
    assert_eq!(app.text_of("#verified-title").await, "Email confirmed");
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver and a Secret Service: run scripts/test"]
async fn a_second_reset_link_mid_reset_asks_before_replacing_the_first() {
    use test_support::forged_token::reset_token_signed_with;
    let local = LocalDirectus::from_env();
    let name = "deep-link-second-reset";
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", local.url.as_str())];
    let app = AppUnderTest::launch(name, &env).await;
    app.element("#sign-in-form").await;
    let first = reset_token_signed_with(&local.secret, "first@example.com", false);
    let second = reset_token_signed_with(&local.secret, "second@example.com", false);
    let link = |token: &str| format!("directus-desktop://reset-password?token={token}");
    assert!(AppUnderTest::open_in_running_app(name, &env, &link(&first)));
    assert_eq!(app.text_of("#reset-email").await, "first@example.com");
    app.fill("#password", "half-typed").await;

    assert!(AppUnderTest::open_in_running_app(
        name,
        &env,
        &link(&second)
    ));
    assert!(app
        .text_of("#newer-link")
        .await
        .contains("second@example.com"));
    assert_eq!(
        app.text_of("#reset-email").await,
        "first@example.com",
        "not replaced unasked"
    );
    app.screenshot("second-reset-link").await;
    app.click("#keep-link").await;
    assert!(!app.is_present("#newer-link").await);
    assert_eq!(app.text_of("#reset-email").await, "first@example.com");

    assert!(AppUnderTest::open_in_running_app(
        name,
        &env,
        &link(&second)
    ));
    app.click("#use-new-link").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while app.text_of("#reset-email").await != "second@example.com"
        && std::time::Instant::now() < deadline
    {
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(app.text_of("#reset-email").await, "second@example.com");
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn started_while_the_server_is_down_it_shows_offline_then_recovers_by_itself() {
    use test_support::fault_proxy::FaultProxy;
    let local = LocalDirectus::from_env();
    let (email, password) = (unique_email("e2e-offline"), test_password());
    test_support::admin::Admin::new(&local)
        .create_customer(&email, &password)
        .await;
    let proxy = FaultProxy::start(&local.url, None).await;
    let name = "offline-start";
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", proxy.url.as_str())];
    let app = AppUnderTest::launch(name, &env).await;
    app.fill("#email", &email).await;
    app.fill("#password", &password).await;
    app.press_enter("#password").await;
    assert_eq!(app.text_of("#who").await, email);
    app.quit().await;

    proxy.set_down(true);
    let app = AppUnderTest::relaunch(name, &env).await;
    assert_eq!(
        app.text_of("#who").await,
        email,
        "the remembered user, at once"
    );
    assert!(app
        .text_of("#offline")
        .await
        .contains("tries again by itself"));
    app.screenshot("offline-at-start").await;

    tokio::time::sleep(std::time::Duration::from_secs(3)).await;
    proxy.set_down(false);
    let back = std::time::Instant::now();
    // The default backoff: 2 s doubling to 60 s; the next try is at most 16 s away here.
    let bound = std::time::Duration::from_secs(30);
    while app.is_present("#offline").await && back.elapsed() < bound {
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    assert!(
        !app.is_present("#offline").await,
        "online again by itself within {bound:?}"
    );
    println!(
        "the app was online again {:?} after the server returned",
        back.elapsed()
    );
    assert_eq!(app.text_of("#who").await, email);
    app.screenshot("online-again").await;
    app.click("#sign-out").await;
    app.element("#sign-in-form").await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test"]
async fn a_core_that_cannot_start_shows_what_failed() {
    // A support desk's typo in the server address the app is deployed with: the app says so
    // instead of quietly using another server (or closing).
    let app = AppUnderTest::launch(
        "startup-failure",
        &[("DIRECTUS_DESKTOP_SERVER_URL", "htps://cms.example.com")],
    )
    .await;
    assert_eq!(
        app.text_of("#startup-failed-title").await,
        "The app couldn't start"
    );
    assert!(app
        .text_of("#startup-problem")
        .await
        .contains("server address can't be used"));
    assert_eq!(app.text_of("#startup-code").await, "INVALID_SERVER_URL");
    app.screenshot("startup-failure").await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver and a Secret Service: run scripts/test"]
async fn a_bad_link_gets_a_notice_and_the_app_stays_usable() {
    let local = LocalDirectus::from_env();
    let name = "deep-link-bad";
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", local.url.as_str())];
    let app = AppUnderTest::launch(name, &env).await;
    app.element("#sign-in-form").await;
    let huge = format!(
        "directus-desktop://reset-password?token={}",
        "A".repeat(100_000)
    );
    for bad in [
        "directus-desktop://reset-password?token=garbage",
        "directus-desktop://steal?token=a.b.c",
        "directus-desktop://verify-email",
        "directus-desktop://reset-password?token=🦀.🦀.🦀",
        "directus-desktop://reset-password/../../etc/passwd?token=a.b.c",
        huge.as_str(),
    ] {
        assert!(AppUnderTest::open_in_running_app(name, &env, bad));
        assert!(
            app.text_of("#link-notice")
                .await
                .starts_with("This link isn't valid."),
            "{bad}"
        );
        app.click("#dismiss-link-notice").await;
    }
    app.screenshot("bad-link").await;
    app.click("#go-register").await;
    app.element("#register-form").await;
    // Arguments that are not the app's links are not links at all: nothing moves.
    for other in [
        "--remote-debugging-port=9222",
        "/etc/passwd",
        "https://evil.example/reset-password?token=a.b.c",
    ] {
        assert!(AppUnderTest::open_in_running_app(name, &env, other));
    }
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert!(app.is_present("#register-form").await);
    assert!(!app.is_present("#link-notice").await);
    app.quit().await;
}

/// An organisation's hand-off page: the app sends reset links through it, the mail carries the
/// page's https address, the browser shows the page, and the address it offers, pasted into the
/// app, opens the reset screen.
#[tokio::test]
#[ignore = "needs the built app, Chromium, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn the_hand_off_page_address_pasted_into_the_app_resets_the_password() {
    let local = LocalDirectus::from_env();
    let page_folder =
        std::env::var("HAND_OFF_URL").expect("HAND_OFF_URL from scripts/directus env --test");
    let host = page_folder
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_string();
    assert_eq!(serve_hand_off_page(&host).await, page_folder);
    let admin = Admin::new(&local);
    let (email, new_password) = (unique_email("hand-off"), test_password());
    admin.create_customer(&email, &test_password()).await;

    let name = "hand-off-paste";
    let env = [
        ("DIRECTUS_DESKTOP_SERVER_URL", local.url.as_str()),
        ("DIRECTUS_DESKTOP_LINK_PAGE", page_folder.as_str()),
    ];
    let app = AppUnderTest::launch(name, &env).await;
    app.click("#go-forgot").await;
    app.fill("#email", &email).await;
    app.press_enter("#email").await;
    app.element("#forgot-sent").await;
    let mailed = mailbox::wait_for_link(
        &local.maildev_url,
        &email,
        &format!("{page_folder}reset-password?token="),
    )
    .await;

    let browser = Browser::launch("hand-off-paste-browser", true).await;
    browser.open(&mailed).await;
    let offered = browser.value_of("#page-link").await;
    assert_eq!(offered, mailed, "the page offers its own address to paste");
    browser.quit().await;

    app.paste_link(&offered).await;
    assert_eq!(app.text_of("#reset-email").await, email);
    reset_then_sign_in_and_out(&app, &email, &new_password).await;
    app.quit().await;
}
