use test_support::app::AppUnderTest;
use test_support::{faulty_server, LocalDirectus};

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver and the local Directus: run scripts/test"]
async fn test_connection_shows_the_project_name() {
    let local = LocalDirectus::from_env();
    let app = AppUnderTest::launch(
        "server-connected",
        &[("DIRECTUS_DESKTOP_SERVER_URL", local.url.as_str())],
    )
    .await;
    app.click("#go-server").await;
    assert_eq!(app.text_of("#server-url").await, local.url);
    assert!(app
        .text_of("#server-url-source")
        .await
        .contains("environment variable"));
    app.click("#test-connection").await;
    assert_eq!(
        app.text_of("#project-name").await,
        "Directus Desktop (local)"
    );
    let shot = app.screenshot("connected").await;
    assert!(std::fs::metadata(&shot).unwrap().len() > 1000);
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test"]
async fn each_failure_gets_its_own_message() {
    let down = faulty_server::closed_port().await;
    let cases = [
        (
            "down",
            down.url.clone(),
            "SERVER_UNREACHABLE",
            "Nothing answers at that address",
        ),
        (
            "not-directus",
            faulty_server::html_server(200).await,
            "NOT_DIRECTUS",
            "That address answers, but not as a Directus server",
        ),
    ];
    for (what, url, code, sentence) in cases {
        let app = AppUnderTest::launch(
            &format!("server-{what}"),
            &[("DIRECTUS_DESKTOP_SERVER_URL", url.as_str())],
        )
        .await;
        app.click("#go-server").await;
        app.click("#test-connection").await;
        let message = app.text_of("#connection-error").await;
        assert!(message.starts_with(sentence), "{what}: {message}");
        let shown_code = app
            .client
            .find(fantoccini::Locator::Css("#connection-error"))
            .await
            .unwrap()
            .attr("data-code")
            .await
            .unwrap();
        assert_eq!(shown_code.as_deref(), Some(code), "{what}");
        app.screenshot("error").await;
        // The screen stays usable: the button can be pressed again.
        app.click("#test-connection").await;
        assert!(app.text_of("#connection-error").await.starts_with(sentence));
        app.quit().await;
    }
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver and the local Directus: run scripts/test"]
async fn the_saved_server_url_is_used_without_the_environment_variable() {
    let local = LocalDirectus::from_env();
    let settings = serde_json::json!({ "server_url": local.url }).to_string();
    let app = AppUnderTest::launch_with_settings("server-saved", &[], Some(&settings)).await;
    app.click("#go-server").await;
    assert_eq!(app.text_of("#server-url").await, local.url);
    assert!(app.text_of("#server-url-source").await.contains("settings"));
    app.click("#test-connection").await;
    assert_eq!(
        app.text_of("#project-name").await,
        "Directus Desktop (local)"
    );
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb and tauri-driver: run scripts/test"]
async fn a_damaged_settings_file_is_moved_aside_and_the_server_settings_open() {
    let name = "server-corrupt-settings";
    let app =
        AppUnderTest::launch_with_settings(name, &[], Some("{\"server_url\": \"https://exa")).await;
    // A release build has no server of its own to fall back to: with the saved address lost,
    // the window opens the server settings and says a server is needed, instead of sending a
    // sign-in to whatever listens on this computer's port 8055.
    assert!(app
        .text_of("#server-needed")
        .await
        .starts_with("No server is set up yet"));
    assert_eq!(app.text_of("#server-url-source").await, "nothing yet");
    let kept: Vec<_> = std::fs::read_dir(AppUnderTest::app_data_dir(name))
        .unwrap()
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|file| file.starts_with("settings.json.corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside: {kept:?}");
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver and the local Directus: run scripts/test"]
async fn a_link_page_is_checked_saved_and_kept_across_restarts() {
    let local = LocalDirectus::from_env();
    let name = "server-link-page";
    let settings = serde_json::json!({ "server_url": local.url }).to_string();
    let app = AppUnderTest::launch_with_settings(name, &[], Some(&settings)).await;
    app.click("#go-server").await;
    assert_eq!(app.text_of("#email-links").await, "straight to this app");

    app.fill("#link-page-input", "http://example.com/directus-desktop/")
        .await;
    app.click("#save-server").await;
    assert!(
        app.text_of("#connection-error")
            .await
            .starts_with("That link page address can't be used"),
        "plain http to another computer is refused"
    );
    assert_eq!(app.text_of("#email-links").await, "straight to this app");

    app.fill(
        "#link-page-input",
        "https://example.com/directus-desktop/reset-password",
    )
    .await;
    app.click("#save-server").await;
    app.element("#server-saved").await;
    let page = "https://example.com/directus-desktop/";
    assert_eq!(
        app.text_of("#email-links").await,
        format!("through the link page at {page}"),
        "the folder of a pasted page address is kept"
    );
    assert_eq!(app.value_of("#link-page-input").await, page);
    app.screenshot("link-page").await;
    app.quit().await;

    let app = AppUnderTest::relaunch(name, &[]).await;
    app.click("#go-server").await;
    assert_eq!(app.value_of("#link-page-input").await, page);
    // Emptied as a person would: select all, delete.
    app.element("#link-page-input")
        .await
        .send_keys("\u{E009}a\u{E000}\u{E003}")
        .await
        .unwrap();
    app.click("#save-server").await;
    app.element("#server-saved").await;
    assert_eq!(app.text_of("#email-links").await, "straight to this app");
    app.quit().await;
}
