//! What sign-in is for: the organisation's own data behind it. Sign in → Announcements → the
//! published items newest first, paged → one opened, its body as plain text → sign out → the
//! screen and what it showed are gone, and going back does not bring them back. And a session
//! that expires on an announcement leads to sign-in and, once signed in again, back to it.

use test_support::admin::Admin;
use test_support::app::AppUnderTest;
use test_support::fault_proxy::FaultProxy;
use test_support::{test_password, unique_email, LocalDirectus, NEWEST_FIRST};

async fn titles(app: &AppUnderTest) -> Vec<String> {
    app.element("#announcements-list").await;
    let mut titles = Vec::new();
    for element in app
        .client
        .find_all(fantoccini::Locator::Css("#announcements-list .item-title"))
        .await
        .unwrap()
    {
        titles.push(element.text().await.unwrap());
    }
    titles
}

async fn sign_in(app: &AppUnderTest, email: &str, password: &str) {
    app.fill("#email", email).await;
    app.fill("#password", password).await;
    app.press_enter("#password").await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn announcements_behind_the_sign_in() {
    let local = LocalDirectus::from_env();
    let server = FaultProxy::start(&local.url, Some("10.200.0.9")).await;
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", server.url.as_str())];
    let (email, password) = (unique_email("announcements"), test_password());
    Admin::new(&local).create_customer(&email, &password).await;

    let app = AppUnderTest::launch("announcements", &env).await;
    app.element("#sign-in-form").await;
    assert!(!app.is_present("#open-announcements").await);
    sign_in(&app, &email, &password).await;
    app.element("#signed-in").await;
    app.click("#open-announcements").await;

    // Newest first, five a page; the draft is not there.
    assert_eq!(titles(&app).await, NEWEST_FIRST[..5]);
    assert_eq!(app.text_of("#announcements-page").await, "Page 1 of 2");
    assert_eq!(
        app.attribute("#announcements-newer", "disabled")
            .await
            .as_deref(),
        Some("true")
    );
    app.screenshot("announcements-list").await;
    app.click("#announcements-older").await;
    app.wait_for_text("#announcements-page", "Page 2 of 2")
        .await;
    assert_eq!(titles(&app).await, NEWEST_FIRST[5..]);
    app.click("#announcements-newer").await;
    app.wait_for_text("#announcements-page", "Page 1 of 2")
        .await;

    // One opened: its body as text, markup shown as typed and never run.
    let items = app
        .client
        .find_all(fantoccini::Locator::Css("#announcements-list .item-link"))
        .await
        .unwrap();
    items[1].click().await.unwrap();
    assert_eq!(app.text_of("#announcement-title").await, "Security notice");
    let body = app.text_of("#announcement-body").await;
    assert!(body.contains("<script>alert(1)</script>"), "{body}");
    assert!(body.contains("<b>bold</b>"), "{body}");
    assert!(!app.is_present("#announcement-body script").await);
    assert!(!app.is_present("#announcement-body b").await);
    app.screenshot("announcement").await;
    app.click("#announcements-back").await;
    app.wait_for_text("#announcements-page", "Page 1 of 2")
        .await;
    assert_eq!(titles(&app).await, NEWEST_FIRST[..5]);

    // Signing out: back to sign-in, nothing of the list left in the page, and the webview's
    // history does not lead back to it.
    app.click("#back-to-account").await;
    app.click("#sign-out").await;
    app.element("#sign-in-form").await;
    for gone in [
        "#announcements",
        "#announcement",
        "#signed-in",
        ".item-title",
    ] {
        assert!(!app.is_present(gone).await, "{gone} still shown");
    }
    let page_text = app.text_of("body").await;
    assert!(!page_text.contains("Planned maintenance"), "{page_text}");
    app.client.back().await.unwrap();
    app.client
        .execute("history.go(-2); return null;", vec![])
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.element("#sign-in-form").await;
    assert!(!app.is_present("#announcements").await);
    assert!(!app.text_of("body").await.contains("Security notice"));

    // Signed in again: the account screen (the user signed out: no return to the list).
    sign_in(&app, &email, &password).await;
    app.element("#signed-in").await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn a_session_that_ends_on_an_announcement_returns_there_after_signing_in() {
    let local = LocalDirectus::from_env();
    let server = FaultProxy::start(&local.url, Some("10.200.0.10")).await;
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", server.url.as_str())];
    let (email, password) = (unique_email("announcements-expiry"), test_password());
    let admin = Admin::new(&local);
    let user = admin.create_customer(&email, &password).await;

    let app = AppUnderTest::launch("announcements-expiry", &env).await;
    sign_in(&app, &email, &password).await;
    app.click("#open-announcements").await;
    app.element("#announcements-list").await;
    app.client
        .find_all(fantoccini::Locator::Css("#announcements-list .item-link"))
        .await
        .unwrap()[2]
        .click()
        .await
        .unwrap();
    assert_eq!(app.text_of("#announcement-title").await, "Holiday closing");

    // The account is suspended and reinstated on the server: its sessions are gone, the next
    // refresh is refused, and the app signs out by itself (within the test server's 5-second
    // access tokens).
    admin.set_status(&user, "suspended").await;
    admin.set_status(&user, "active").await;
    app.element("#sign-in-form").await;
    assert!(!app.is_present("#announcement").await);
    assert!(!app.text_of("body").await.contains("Holiday closing"));

    sign_in(&app, &email, &password).await;
    app.wait_for_text("#announcement-title", "Holiday closing")
        .await;
    app.click("#announcements-back").await;
    app.wait_for_text("#announcements-page", "Page 1 of 2")
        .await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn the_list_says_when_the_server_is_away_and_tries_again() {
    let local = LocalDirectus::from_env();
    let server = FaultProxy::start(&local.url, Some("10.200.0.11")).await;
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", server.url.as_str())];
    let (email, password) = (unique_email("announcements-offline"), test_password());
    Admin::new(&local).create_customer(&email, &password).await;

    let app = AppUnderTest::launch("announcements-offline", &env).await;
    sign_in(&app, &email, &password).await;
    app.element("#signed-in").await;
    server.set_down(true);
    app.click("#open-announcements").await;
    let said = app.text_of("#announcements-error").await;
    assert!(said.contains("Can't reach the server"), "{said}");
    app.screenshot("announcements-offline").await;
    server.set_down(false);
    app.click("#announcements-error-retry").await;
    assert_eq!(titles(&app).await, NEWEST_FIRST[..5]);
    app.quit().await;
}
