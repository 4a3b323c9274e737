//! Every account flow and every error code the real local Directus can produce.
//! Run one at a time (scripts/test): some tests change server settings for a moment.

use account_bridge::{ErrorCode, LinkKind, SessionView};
use account_core::{CoreError, Credentials, DirectusClient, NewAccount, ServerUrl, Timeouts};
use serde_json::json;
use std::time::Duration;
use test_support::admin::Admin;
use test_support::fault_proxy::FaultProxy;
use test_support::{
    forged_token, mailbox, secret, service_for, service_from_own_address, test_password,
    unique_email, LocalDirectus,
};

fn new_account(email: &str, password: &str) -> NewAccount {
    NewAccount {
        first_name: "Ada".into(),
        last_name: "Lovelace".into(),
        email: email.into(),
        password: password.to_string(),
    }
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn register_verify_and_sign_in() {
    let local = LocalDirectus::from_env();
    let (service, _proxy) = service_from_own_address(&local).await;
    let (email, password) = (unique_email("register"), test_password());

    service
        .register(&new_account(&email, &password))
        .await
        .unwrap();
    let link = mailbox::wait_for_app_link(&local.maildev_url, &email, mailbox::VERIFY_EMAIL).await;

    // Not verified yet: the server says only "invalid credentials".
    let error = service
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::InvalidCredentials), "{error:?}");

    let opened = service.open_link(&link, None).unwrap();
    assert_eq!(
        (opened.kind, opened.email.as_deref()),
        (LinkKind::VerifyEmail, Some(email.as_str()))
    );
    assert_eq!(
        service.verify_email().await.unwrap().as_deref(),
        Some(email.as_str())
    );
    service.open_link(&link, None).unwrap();
    let again = service.verify_email().await.unwrap_err();
    assert_eq!(again.code(), ErrorCode::LinkUsed);
    // The right shape and scope, a forged signature: the server calls it invalid.
    let forged = forged_token::verify_token_signed_with("not-the-secret", &email);
    service.open_link(&forged, None).unwrap();
    let garbage = service.verify_email().await.unwrap_err();
    assert_eq!(garbage.code(), ErrorCode::LinkInvalid);
    assert_eq!(
        service.open_link("not-a-token", None).unwrap_err().code(),
        ErrorCode::LinkInvalid
    );

    let view = service
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap();
    let SessionView::SignedIn {
        user, remembered, ..
    } = view
    else {
        panic!("not signed in: {view:?}")
    };
    assert_eq!(user.email, email);
    assert!(remembered, "the keychain is available in the tests");
    service.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn registering_an_existing_address_looks_the_same() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let email = unique_email("existing");
    admin.create_customer(&email, &test_password()).await;
    let (service, _proxy) = service_from_own_address(&local).await;
    service
        .register(&new_account(&email, &test_password()))
        .await
        .expect("an existing address gets the same answer as a new one");
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn registration_closed() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let (service, _proxy) = service_from_own_address(&local).await;
    admin
        .patch_settings(json!({"public_registration": false}))
        .await;
    let result = service
        .register(&new_account(&unique_email("closed"), &test_password()))
        .await;
    admin
        .patch_settings(json!({"public_registration": true}))
        .await;
    assert_eq!(result.unwrap_err().code(), ErrorCode::RegistrationClosed);
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn the_password_policy_rejects_weak_passwords() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let email = unique_email("policy");
    admin.create_customer(&email, &test_password()).await;
    let (service, _proxy) = service_from_own_address(&local).await;
    service.request_password_reset(&email).await.unwrap();
    let link =
        mailbox::wait_for_app_link(&local.maildev_url, &email, mailbox::RESET_PASSWORD).await;

    // At least 30 characters: the tests' passwords are shorter.
    let policy = admin.password_policy("/^.{30,}$/").await;
    let registered = service
        .register(&new_account(&unique_email("policy-new"), "Pw-Canary-short"))
        .await;
    service
        .open_link(&link, Some(LinkKind::ResetPassword))
        .unwrap();
    let reset = service.reset_password(&secret("Pw-Canary-short")).await;
    drop(policy);
    assert_eq!(registered.unwrap_err().code(), ErrorCode::PasswordRejected);
    assert_eq!(reset.unwrap_err().code(), ErrorCode::PasswordRejected);
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn forgot_and_reset_the_password() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let (email, old_password, new_password) =
        (unique_email("reset"), test_password(), test_password());
    admin.create_customer(&email, &old_password).await;
    let service = service_for(&local.url);

    // Signed in when the password changes elsewhere: the session ends with that reason.
    service
        .sign_in(&email, &secret(&old_password), None)
        .await
        .unwrap();

    service.request_password_reset(&email).await.unwrap();
    service
        .request_password_reset(&unique_email("nobody"))
        .await
        .expect("an unknown address gets the same answer");
    let link =
        mailbox::wait_for_app_link(&local.maildev_url, &email, mailbox::RESET_PASSWORD).await;
    let opened = service
        .open_link(&link, Some(LinkKind::ResetPassword))
        .unwrap();
    assert_eq!(
        opened.email.as_deref(),
        Some(email.as_str()),
        "the reset screen can say whose password"
    );
    assert!(!opened.expired);
    service
        .reset_password(&secret(&new_password))
        .await
        .unwrap();
    assert!(matches!(
        service.session().view(),
        SessionView::SignedOut {
            reason: Some(account_bridge::SignOutReason::PasswordChanged),
            ..
        }
    ));

    service.open_link(&link, None).unwrap();
    let used = service.reset_password(&secret(&test_password())).await;
    assert_eq!(used.unwrap_err().code(), ErrorCode::LinkUsed);
    let forged = forged_token::reset_token_signed_with("not-the-secret", &email, false);
    service.open_link(&forged, None).unwrap();
    let garbage = service.reset_password(&secret(&test_password())).await;
    assert_eq!(garbage.unwrap_err().code(), ErrorCode::LinkInvalid);
    let expired = forged_token::reset_token_signed_with(&local.secret, &email, true);
    assert!(
        service.open_link(&expired, None).unwrap().expired,
        "the screen can warn before sending"
    );
    let expired = service.reset_password(&secret(&test_password())).await;
    assert_eq!(expired.unwrap_err().code(), ErrorCode::LinkExpired);

    let old = service
        .sign_in(&email, &secret(&old_password), None)
        .await
        .unwrap_err();
    assert_eq!(old.code(), ErrorCode::InvalidCredentials);
    service
        .sign_in(&email, &secret(&new_password), None)
        .await
        .unwrap();
    service.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn two_factor_sign_in() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let (email, password) = (unique_email("2fa"), test_password());
    let totp = admin
        .create_customer_with_two_factor(&email, &password)
        .await;
    let service = service_for(&local.url);

    let missing = service
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap_err();
    assert_eq!(missing.code(), ErrorCode::OtpRequired);
    let current = test_support::admin::fresh_code(&totp).await;
    let wrong = if current == "000000" {
        "111111"
    } else {
        "000000"
    };
    let wrong = service
        .sign_in(&email, &secret(&password), Some(wrong))
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), ErrorCode::OtpInvalid);
    let view = service
        .sign_in(
            &email,
            &secret(&password),
            Some(&test_support::admin::fresh_code(&totp).await),
        )
        .await
        .unwrap();
    assert!(matches!(view, SessionView::SignedIn { .. }));
    service.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_suspended_account_is_signed_out_and_cannot_sign_in() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let (email, password) = (unique_email("suspended"), test_password());
    let id = admin.create_customer(&email, &password).await;
    let service = service_for(&local.url);
    service
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap();
    admin.set_status(&id, "suspended").await;

    // The next refresh is refused for good: the session ends and its keychain entry goes.
    tokio::time::sleep(Duration::from_secs(5)).await; // the access token (5 s) runs out
    let error = service.session().current_user().await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::SessionExpired);
    assert!(matches!(
        service.session().view(),
        SessionView::SignedOut {
            reason: Some(account_bridge::SignOutReason::SessionExpired),
            ..
        }
    ));
    // Directus answers a suspended account's sign-in exactly like a wrong password.
    let error = service
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidCredentials);
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn an_expired_access_token_is_token_expired() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let (email, password) = (unique_email("expired"), test_password());
    admin.create_customer(&email, &password).await;
    let client = DirectusClient::new(ServerUrl::parse(&local.url).unwrap(), Timeouts::default());
    let tokens = client
        .login(&Credentials {
            email: &email,
            password: &secret(&password),
            otp: None,
        })
        .await
        .unwrap();
    client.current_user(&tokens.access_token).await.unwrap();
    tokio::time::sleep(tokens.expires_in + Duration::from_secs(1)).await;
    let error = client.current_user(&tokens.access_token).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::SessionExpired);
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn too_many_registrations_are_rate_limited() {
    let local = LocalDirectus::from_env();
    // An address of this test's own, so no other test shares its budget (5 a minute).
    let proxy = FaultProxy::start(&local.url, Some("10.99.0.1")).await;
    let service = service_for(&proxy.url);
    let mut limited = None;
    for _ in 0..7 {
        match service
            .register(&new_account(&unique_email("flood"), &test_password()))
            .await
        {
            Ok(()) => {}
            Err(error) => {
                limited = Some(error);
                break;
            }
        }
    }
    let error = limited.expect("the sixth registration within a minute is refused");
    let CoreError::RateLimited { retry_after } = &error else {
        panic!("{error:?}")
    };
    let wait = retry_after.expect("Directus says when to retry");
    assert!(
        wait > Duration::ZERO && wait <= Duration::from_secs(60),
        "{wait:?}"
    );
    assert_eq!(
        account_bridge::BridgeError::from(error).retry_after_secs,
        Some(wait.as_secs())
    );
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn the_project_logo_reaches_the_ui_as_a_data_url() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    // A 1x1 PNG.
    let png = base64_png();
    let id = admin.upload("logo.png", "image/png", png.clone()).await;
    admin.patch_settings(json!({"project_logo": id})).await;
    let info = service_for(&local.url).test_connection(None).await;
    admin.patch_settings(json!({"project_logo": null})).await;
    let logo = info.unwrap().project_logo.expect("the logo is there");
    assert!(
        logo.starts_with("data:image/png;base64,"),
        "{}",
        &logo[..30.min(logo.len())]
    );
    let without = service_for(&local.url).test_connection(None).await.unwrap();
    assert_eq!(without.project_logo, None);
}

fn base64_png() -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
        .unwrap()
}
