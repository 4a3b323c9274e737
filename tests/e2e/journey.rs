//! The customer's whole journey through the real app, as a person would do it, keyboard first:
//! register → confirm by pasting the emailed link → sign in → restart (still signed in, no
//! sign-in screen shown) → sign out → wrong password → forgot → paste the reset link → new
//! password → sign in with it. And a two-factor account signing in with a code.

use std::time::{Duration, Instant};
use test_support::admin::Admin;
use test_support::app::AppUnderTest;
use test_support::fault_proxy::{Fault, FaultProxy};
use test_support::{mailbox, test_password, unique_email, LocalDirectus};

/// The local Directus behind a forwarder of the test's own: a server URL (and so a keychain
/// entry) no other test shares, and a registration rate-limit budget of its own.
async fn own_server(local: &LocalDirectus, address: &str) -> FaultProxy {
    FaultProxy::start(&local.url, Some(address)).await
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn register_verify_sign_in_restart_sign_out_forgot_reset() {
    let local = LocalDirectus::from_env();
    let server = own_server(&local, "10.200.0.1").await;
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", server.url.as_str())];
    let name = "journey";
    let (email, password, new_password) =
        (unique_email("journey"), test_password(), test_password());

    // First start: nobody is signed in.
    let app = AppUnderTest::launch(name, &env).await;
    app.element("#sign-in-form").await;
    app.screenshot("01-sign-in").await;

    // Register, keyboard only: type, Tab is the browser's, Enter submits.
    app.click("#go-register").await;
    app.fill("#first-name", "Ada").await;
    app.fill("#last-name", "Lovelace").await;
    app.fill("#email", &email).await;
    // Only an empty password is refused here: how long it must be is the server's to say.
    app.press_enter("#password").await;
    assert_eq!(app.text_of("#password-error").await, "Choose a password.");
    assert_eq!(
        app.text_of("#confirm-error").await,
        "Type the password again."
    );
    app.fill("#password", &password).await;
    app.fill("#confirm", &password).await;
    app.screenshot("02-register").await;
    app.press_enter("#confirm").await;
    assert_eq!(
        app.text_of("#register-done-title").await,
        "Check your email"
    );
    assert!(app.text_of("#register-done").await.contains(&email));
    app.screenshot("03-check-your-email").await;

    // The mail, read from the sink; its link pasted into the app.
    let link = mailbox::wait_for_app_link(&local.maildev_url, &email, mailbox::VERIFY_EMAIL).await;
    app.click("#go-paste-link").await;
    app.fill("#link", &link).await;
    app.screenshot("04-paste-link").await;
    app.click("#use-link").await;
    // Nothing is sent before the user sees which server confirms the address.
    assert!(app.text_of("#confirm-address").await.contains(&email));
    assert!(app.text_of("#confirm-server").await.contains("127.0.0.1"));
    app.screenshot("05-confirm-email").await;
    app.click("#confirm-email").await;
    assert_eq!(app.text_of("#verified-title").await, "Email confirmed");
    app.screenshot("05-email-confirmed").await;

    // Sign in with the email prefilled.
    app.click("#go-sign-in").await;
    assert_eq!(app.value_of("#email").await, email);
    assert!(app.text_of("#banner").await.contains("confirmed"));
    app.fill("#password", &password).await;
    app.press_enter("#password").await;
    assert_eq!(
        app.text_of("#who").await,
        email,
        "an unlicensed server shows the email"
    );
    assert!(app.text_of("#remembered").await.contains("stay signed in"));
    assert_eq!(app.text_of("#server").await, server.url);
    app.screenshot("06-signed-in").await;
    app.quit().await;

    // Restart, with a slow server: the remembered user shows at once as being checked, then
    // signed in from the keychain; the sign-in form never shows.
    server.set_faults(|request| match request {
        "POST /auth/refresh" => Fault::Delay(Duration::from_millis(1500)),
        _ => Fault::Pass,
    });
    let app = AppUnderTest::relaunch(name, &env).await;
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut checking_shown = false;
    loop {
        assert!(
            !app.is_present("#sign-in-form").await,
            "the sign-in screen flashed at start-up"
        );
        // Read in one go: the checking screen can give way to the account between finding the
        // element and reading it (a stale element then means it has moved on, not a failure).
        let checking = match app
            .client
            .find(fantoccini::Locator::Css("#checking-who"))
            .await
        {
            Ok(element) => element.text().await.ok(),
            Err(_) => None,
        };
        if let Some(who) = checking {
            assert_eq!(who, email);
            if !checking_shown {
                app.screenshot("07a-checking-at-start").await;
            }
            checking_shown = true;
        }
        if app.is_present("#signed-in").await {
            break;
        }
        assert!(Instant::now() < deadline, "not signed in after a restart");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    server.clear_faults();
    assert!(
        checking_shown,
        "the remembered user was not shown while checking"
    );
    assert_eq!(app.text_of("#who").await, email);
    app.screenshot("07-signed-in-after-restart").await;

    // Sign out: the server ends the session too.
    let logouts = server.count("POST /auth/logout");
    app.click("#sign-out").await;
    assert_eq!(app.text_of("#banner").await, "You signed out.");
    assert_eq!(server.count("POST /auth/logout"), logouts + 1);
    app.screenshot("08-signed-out").await;

    // A wrong password has its own message, and the form stays usable.
    app.fill("#password", &format!("{}wrong", test_password()))
        .await;
    app.press_enter("#password").await;
    assert!(app
        .text_of("#form-error")
        .await
        .starts_with("The email or password is wrong."));
    assert_eq!(
        app.attribute("#form-error", "data-code").await.as_deref(),
        Some("INVALID_CREDENTIALS")
    );
    app.screenshot("09-wrong-password").await;

    // Forgot: the email carries over; the answer does not say whether the account exists.
    app.click("#go-forgot").await;
    assert_eq!(app.value_of("#email").await, email);
    app.screenshot("10-forgot").await;
    app.press_enter("#email").await;
    assert!(app
        .text_of("#forgot-sent")
        .await
        .contains("If an account exists for"));
    app.screenshot("11-reset-link-sent").await;

    app.paste_mailed_link(&local.maildev_url, &email, mailbox::RESET_PASSWORD)
        .await;
    assert_eq!(
        app.text_of("#reset-email").await,
        email,
        "the screen says whose password"
    );
    app.fill("#password", &new_password).await;
    app.fill("#confirm", &new_password).await;
    app.screenshot("12-reset-password").await;
    app.press_enter("#confirm").await;

    // Back at sign-in with the email prefilled; the new password works.
    assert!(app
        .text_of("#banner")
        .await
        .starts_with("Password changed."));
    assert_eq!(app.value_of("#email").await, email);
    app.screenshot("13-password-changed").await;
    app.fill("#password", &new_password).await;
    app.press_enter("#password").await;
    assert_eq!(app.text_of("#who").await, email);
    app.click("#sign-out").await;
    app.element("#sign-in-form").await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver, a Secret Service and the local Directus: run scripts/test"]
async fn a_two_factor_account_signs_in_with_a_code() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let (email, password) = (unique_email("journey-2fa"), test_password());
    let totp = admin
        .create_customer_with_two_factor(&email, &password)
        .await;
    let server = own_server(&local, "10.200.0.2").await;
    let app = AppUnderTest::launch(
        "two-factor",
        &[("DIRECTUS_DESKTOP_SERVER_URL", server.url.as_str())],
    )
    .await;

    app.fill("#email", &email).await;
    app.fill("#password", &password).await;
    app.press_enter("#password").await;
    // Only now, asked by the server, the code field appears, focused.
    let otp = app.element("#otp").await;
    assert_eq!(
        app.client
            .active_element()
            .await
            .unwrap()
            .attr("id")
            .await
            .unwrap()
            .as_deref(),
        Some("otp")
    );
    assert!(
        !app.is_present("#otp-error").await,
        "a field just asked for is not yet wrong"
    );
    app.screenshot("two-factor-code").await;
    otp.send_keys("000000").await.unwrap();
    app.press_enter("#otp").await;
    let wrong = app.text_of("#otp-error").await;
    if !wrong.is_empty() {
        assert!(wrong.starts_with("That code didn't work."), "{wrong}");
    }
    app.fill("#otp", &test_support::admin::fresh_code(&totp).await)
        .await;
    app.press_enter("#otp").await;
    assert_eq!(app.text_of("#who").await, email);
    app.screenshot("two-factor-signed-in").await;

    // Changing the email hides the code field again.
    app.click("#sign-out").await;
    app.element("#sign-in-form").await;
    app.fill("#password", &password).await;
    app.press_enter("#password").await;
    app.element("#otp").await;
    app.fill("#email", &unique_email("someone-else")).await;
    assert!(!app.is_present("#otp").await);
    app.quit().await;
}

/// The server's password policy is stricter than anything the app checks: its refusal is said
/// at the password field, the meter stops calling that password strong, and another password
/// goes through.
#[tokio::test]
#[ignore = "needs the built app, Xvfb, tauri-driver and the local Directus: run scripts/test"]
async fn a_password_the_server_refuses_is_said_at_the_password_field() {
    let local = LocalDirectus::from_env();
    let server = own_server(&local, "10.200.0.3").await;
    let env = [("DIRECTUS_DESKTOP_SERVER_URL", server.url.as_str())];
    let policy = Admin::new(&local).password_policy("/^.{30,}$/").await;
    let app = AppUnderTest::launch("password-policy", &env).await;
    app.click("#go-register").await;
    app.fill("#first-name", "Grace").await;
    app.fill("#last-name", "Hopper").await;
    app.fill("#email", &unique_email("policy")).await;
    let refused = "Tr0ub4dor&3-Xylophone!";
    app.fill("#password", refused).await;
    app.fill("#confirm", refused).await;
    assert!(app
        .text_of("#password-hint")
        .await
        .starts_with("Strength: strong"));
    app.press_enter("#confirm").await;

    let said = app.text_of("#password-error").await;
    assert!(said.contains("password rules refused"), "{said}");
    let hint = app.text_of("#password-hint").await;
    assert!(hint.contains("not accepted by this server"), "{hint}");
    assert!(!hint.contains("strong"), "{hint}");
    assert_eq!(
        app.attribute("#password-strength", "class")
            .await
            .as_deref(),
        Some("strength refused")
    );
    assert!(
        !app.is_present("#form-error").await,
        "said once, at the field"
    );
    app.screenshot("password-refused").await;

    let accepted = "correct horse battery staple, twice over";
    app.fill("#password", accepted).await;
    app.fill("#confirm", accepted).await;
    app.press_enter("#confirm").await;
    assert_eq!(
        app.text_of("#register-done-title").await,
        "Check your email"
    );
    app.quit().await;
    drop(policy);
}
