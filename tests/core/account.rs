//! The customer's own account, against the real local Directus (an unlicensed 12, "Core"):
//! the name, the password, two-factor on and off, the organisation's requirement of it
//! (`enforce_tfa`), and a policy that grants nothing. A licensed server's answers, where they
//! differ, come from a fault proxy shaped like one. Every service reaches the server through a
//! proxy of its own, so each has its own keychain entry (entries are per server address).

use account_bridge::{ItemQuery, NameSource, SessionView, SignOutReason, TwoFactorState};
use account_core::{AccountService, AllowedCollections, CoreError, Vault};
use secrecy::ExposeSecret;
use std::sync::Arc;
use test_support::admin::{fresh_code, totp_for, Admin};
use test_support::fault_proxy::{Fault, FaultProxy};
use test_support::{
    repo_root, secret, service_for, service_with, test_password, Customer, LocalDirectus,
    TEST_KEYCHAIN_SERVICE,
};
use totp_rs::TOTP;

/// The collections the app ships with, for an item read that the requirement refuses.
fn shipped_collections() -> AllowedCollections {
    let config = std::fs::read_to_string(repo_root().join("app-config.json")).unwrap();
    AllowedCollections::from_config(&config).unwrap()
}

fn announcements() -> ItemQuery {
    ItemQuery {
        fields: vec!["id".into(), "title".into()],
        limit: Some(1),
        ..ItemQuery::default()
    }
}

/// A service for `customer` on a proxy of its own, signed in.
async fn signed_in(local: &LocalDirectus, customer: &Customer) -> (AccountService, FaultProxy) {
    let proxy = FaultProxy::start(&local.url, None).await;
    let service = service_for(&proxy.url).with_collections(shipped_collections());
    service
        .sign_in(&customer.email, &customer.secret_password(), None)
        .await
        .unwrap();
    (service, proxy)
}

/// The core's log of this test binary (named as `log_to_file` names it), which scripts/test
/// also scans. It must exist: a check of a missing log would prove nothing.
fn core_log() -> String {
    let exe = std::env::current_exe().unwrap();
    let name = exe.file_stem().unwrap().to_string_lossy();
    let log = repo_root().join(format!("target/test-logs/{name}.log"));
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(!text.is_empty(), "{} is empty", log.display());
    text
}

/// Whether a six-digit code stands on its own somewhere in `log` (not inside a longer number,
/// nor the microseconds of a timestamp).
fn logs_code(log: &str, code: &str) -> bool {
    log.match_indices(code).any(|(at, _)| {
        let before = log[..at].chars().last();
        let after = log[at + code.len()..].chars().next();
        !before.is_some_and(|c| c.is_ascii_digit() || c == '.')
            && !after.is_some_and(|c| c.is_ascii_digit())
    })
}

/// The set-up's secret as the customer would type it from the screen.
fn typed_secret(groups: &[String]) -> String {
    groups.concat()
}

/// Turns two-factor on through the service as a customer would: the password, then a code
/// computed from the secret the screen shows. Returns the code generator.
/// A device that never saw two-factor turned on: its sign-in asks for a code, takes the right
/// one, and then knows two-factor is on.
async fn another_device_signs_in_with_a_code(
    local: &LocalDirectus,
    customer: &Customer,
    totp: &TOTP,
) -> AccountService {
    let next = service_for(&FaultProxy::start(&local.url, None).await.url);
    assert!(matches!(
        next.sign_in(&customer.email, &customer.secret_password(), None)
            .await,
        Err(CoreError::OtpRequired)
    ));
    next.sign_in(
        &customer.email,
        &customer.secret_password(),
        Some(&fresh_code(totp).await),
    )
    .await
    .unwrap();
    assert_eq!(next.account().await.unwrap().two_factor, TwoFactorState::On);
    next
}

async fn turn_two_factor_on(service: &AccountService, password: &str) -> TOTP {
    let setup = service.two_factor_begin(&secret(password)).await.unwrap();
    assert!(setup.qr_code.starts_with("data:image/svg+xml;base64,"));
    assert!(setup.secret_groups.iter().all(|group| group.len() <= 4));
    let typed = typed_secret(&setup.secret_groups);
    assert_eq!(
        service.pending_two_factor_secret().unwrap().expose_secret(),
        typed,
        "the copy button copies the secret on the screen"
    );
    let totp = totp_for(&typed);
    // A wrong code keeps the secret for another try.
    assert!(matches!(
        service.two_factor_enable("000000").await,
        Err(CoreError::OtpInvalid)
    ));
    let code = fresh_code(&totp).await;
    let view = service.two_factor_enable(&code).await.unwrap();
    assert_eq!(view.two_factor, TwoFactorState::On);
    assert!(
        service.pending_two_factor_secret().is_err(),
        "the secret is forgotten once enabled"
    );
    let log = core_log();
    assert!(!log.contains(&typed), "the secret reached the log");
    assert!(!logs_code(&log, &code), "a one-time code reached the log");
    totp
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn the_name_is_saved_and_the_server_confirms_it() {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, "name").await;
    let (service, _proxy) = signed_in(&local, &customer).await;

    // An unlicensed server says only the id, and this device never saw the name.
    let before = service.account().await.unwrap();
    assert_eq!(before.name_known_from, NameSource::Unknown);
    assert_eq!(before.user.email, customer.email);

    let saved = service.update_name(" Ada ", "Lovelace").await.unwrap();
    assert_eq!(saved.name_known_from, NameSource::ThisDevice);
    assert_eq!(saved.user.first_name.as_deref(), Some("Ada"));
    assert_eq!(saved.user.last_name.as_deref(), Some("Lovelace"));
    let stored = Admin::new(&local)
        .user(&customer.id, "first_name,last_name")
        .await;
    assert_eq!(stored["first_name"], "Ada");
    assert_eq!(stored["last_name"], "Lovelace");

    // Emptied: the server decides whether a name may be empty; Directus allows it.
    let emptied = service.update_name("Ada", "").await.unwrap();
    assert_eq!(emptied.user.last_name, None);
    let stored = Admin::new(&local).user(&customer.id, "last_name").await;
    assert!(stored["last_name"].is_null());
    assert_eq!(
        service.account().await.unwrap().name_known_from,
        NameSource::ThisDevice
    );
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_policy_without_the_update_permission_is_forbidden_and_changes_nothing() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let customer = Customer::create(&local, "no-update").await;
    admin
        .set_role(&customer.id, &admin.role_without_account_changes().await)
        .await;
    let (service, _proxy) = signed_in(&local, &customer).await;

    assert!(matches!(
        service.update_name("Mallory", "Nope").await,
        Err(CoreError::Forbidden)
    ));
    assert_eq!(
        admin.user(&customer.id, "first_name").await["first_name"],
        "Test"
    );
    // Not reported as saved: the device did not keep the name either.
    assert_eq!(
        service.account().await.unwrap().name_known_from,
        NameSource::Unknown
    );

    let new_password = test_password();
    assert!(matches!(
        service
            .change_password(&customer.secret_password(), None, &secret(&new_password))
            .await,
        Err(CoreError::Forbidden)
    ));
    // The old password still works, and this device is still signed in.
    let other = service_for(&FaultProxy::start(&local.url, None).await.url);
    other
        .sign_in(&customer.email, &customer.secret_password(), None)
        .await
        .unwrap();
    service.current_user().await.unwrap();
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn the_password_changes_the_other_devices_are_signed_out_and_this_one_stays() {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, "password").await;
    let vault = Arc::new(Vault::new(TEST_KEYCHAIN_SERVICE));
    let settings: Arc<dyn account_core::SettingsStore> =
        Arc::new(account_core::settings::MemorySettings::default());
    let proxy = FaultProxy::start(&local.url, None).await;
    let this_device = service_with(&proxy.url, vault.clone(), settings.clone());
    this_device
        .sign_in(&customer.email, &customer.secret_password(), None)
        .await
        .unwrap();
    let (other_device, _other_proxy) = signed_in(&local, &customer).await;

    let new_password = test_password();
    // A wrong current password: its own code, nothing changed.
    assert!(matches!(
        this_device
            .change_password(&secret(&test_password()), None, &secret(&new_password))
            .await,
        Err(CoreError::InvalidCredentials)
    ));
    let logins_before = proxy.count("POST /auth/login");

    let changed = this_device
        .change_password(&customer.secret_password(), None, &secret(&new_password))
        .await
        .unwrap();
    assert!(changed.signed_in_again);
    // The check's sign-in and the new one; the check's session was ended at once.
    assert_eq!(proxy.count("POST /auth/login"), logins_before + 2);
    assert!(proxy.count("POST /auth/logout") >= 1);

    // The other device's session ended with the change.
    other_device.session().expire_access_token().await;
    assert!(matches!(
        other_device.current_user().await,
        Err(CoreError::SessionExpired)
    ));
    // This one still works, refreshing with the new session's token.
    this_device.session().expire_access_token().await;
    this_device.current_user().await.unwrap();
    assert!(matches!(
        this_device.session_view(),
        SessionView::SignedIn { .. }
    ));

    // The keychain holds the new session: a restart restores it.
    this_device.flush().await;
    drop(this_device);
    let restarted = service_with(&proxy.url, vault, settings);
    assert!(matches!(
        restarted.start().await,
        SessionView::SignedIn { .. }
    ));

    // The new password signs in, the old one does not.
    let elsewhere = service_for(&FaultProxy::start(&local.url, None).await.url);
    assert!(matches!(
        elsewhere
            .sign_in(&customer.email, &customer.secret_password(), None)
            .await,
        Err(CoreError::InvalidCredentials)
    ));
    elsewhere
        .sign_in(&customer.email, &secret(&new_password), None)
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn two_factor_on_the_next_sign_in_asks_for_a_code_and_it_turns_off_with_one() {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, "two-factor").await;
    let (service, _proxy) = signed_in(&local, &customer).await;
    assert_eq!(
        service.account().await.unwrap().two_factor,
        TwoFactorState::Off,
        "a sign-in without a code says two-factor is off"
    );

    assert!(matches!(
        service.two_factor_begin(&secret(&test_password())).await,
        Err(CoreError::InvalidCredentials)
    ));
    let totp = turn_two_factor_on(&service, &customer.password).await;

    let next = another_device_signs_in_with_a_code(&local, &customer, &totp).await;
    // Set-up again on a device that did not see it turned on: nothing to set up, and noted.
    assert!(matches!(
        next.two_factor_begin(&customer.secret_password()).await,
        Err(CoreError::Unexpected { status: 400, .. })
    ));
    assert!(next.pending_two_factor_secret().is_err());

    // A password change with two-factor on: the current code is asked, and taken again for
    // this device's new sign-in (Directus does not refuse a code used once).
    assert!(matches!(
        next.change_password(&customer.secret_password(), None, &secret(&test_password()))
            .await,
        Err(CoreError::OtpRequired)
    ));

    assert!(matches!(
        next.two_factor_disable("000000").await,
        Err(CoreError::OtpInvalid)
    ));
    let off = next
        .two_factor_disable(&fresh_code(&totp).await)
        .await
        .unwrap();
    assert_eq!(off.two_factor, TwoFactorState::Off);
    service_for(&FaultProxy::start(&local.url, None).await.url)
        .sign_in(&customer.email, &customer.secret_password(), None)
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_password_change_with_two_factor_signs_this_device_in_again_with_the_same_code() {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, "password-2fa").await;
    let (service, proxy) = signed_in(&local, &customer).await;
    let totp = turn_two_factor_on(&service, &customer.password).await;
    let new_password = test_password();
    let changed = service
        .change_password(
            &customer.secret_password(),
            Some(&fresh_code(&totp).await),
            &secret(&new_password),
        )
        .await
        .unwrap();
    // Directus 12 takes a code again within its window (measured): no fresh code is asked.
    assert!(changed.signed_in_again);
    service.session().expire_access_token().await;
    service.current_user().await.unwrap();
    let elsewhere = service_for(&FaultProxy::start(&local.url, None).await.url);
    elsewhere
        .sign_in(
            &customer.email,
            &secret(&new_password),
            Some(&fresh_code(&totp).await),
        )
        .await
        .unwrap();

    // A server that will not take the code again: the change stands, this device is signed
    // out for it, and signs in with the new password and a fresh code.
    let logins = std::sync::atomic::AtomicUsize::new(0);
    proxy.set_faults(move |request| match request {
        // The first is the check of the current password; the second signs in again.
        "POST /auth/login" if logins.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 1 => {
            Fault::ForwardThenAnswer(
                401,
                r#"{"errors":[{"message":"Invalid user OTP.","extensions":{"code":"INVALID_OTP"}}]}"#,
            )
        }
        _ => Fault::Pass,
    });
    let newer_password = test_password();
    let changed = service
        .change_password(
            &secret(&new_password),
            Some(&fresh_code(&totp).await),
            &secret(&newer_password),
        )
        .await
        .unwrap();
    assert!(!changed.signed_in_again);
    assert!(matches!(
        service.session_view(),
        SessionView::SignedOut {
            reason: Some(SignOutReason::PasswordChanged),
            ..
        }
    ));
    proxy.clear_faults();
    service
        .sign_in(
            &customer.email,
            &secret(&newer_password),
            Some(&fresh_code(&totp).await),
        )
        .await
        .unwrap();
    assert!(matches!(
        service.session_view(),
        SessionView::SignedIn { .. }
    ));
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn an_organisation_that_requires_two_factor_is_honoured_until_it_is_set_up() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let customer = Customer::create(&local, "required").await;
    let _requirement = admin.require_two_factor_of_customers().await;
    let vault = Arc::new(Vault::new(TEST_KEYCHAIN_SERVICE));
    let settings: Arc<dyn account_core::SettingsStore> =
        Arc::new(account_core::settings::MemorySettings::default());
    let proxy = FaultProxy::start(&local.url, None).await;
    let first_run = service_with(&proxy.url, vault.clone(), settings.clone());
    first_run
        .sign_in(&customer.email, &customer.secret_password(), None)
        .await
        .unwrap();
    assert!(first_run.account().await.unwrap().two_factor_required);
    // A restart restores the session by a refresh, whose token carries no mark: the
    // requirement the sign-in found still stands.
    first_run.flush().await;
    drop(first_run);
    let service = service_with(&proxy.url, vault, settings).with_collections(shipped_collections());
    service.start().await;

    assert!(matches!(
        service.session_view(),
        SessionView::SignedIn {
            two_factor_required: true,
            ..
        }
    ));
    assert!(service.account().await.unwrap().two_factor_required);
    assert!(matches!(
        service.list_items("announcements", &announcements()).await,
        Err(CoreError::TwoFactorRequired)
    ));
    assert!(matches!(
        service.update_name("Ada", "Lovelace").await,
        Err(CoreError::TwoFactorRequired)
    ));
    // A refresh does not lift it (Directus marks only a sign-in's token).
    service.session().expire_access_token().await;
    service.current_user().await.unwrap();
    assert!(matches!(
        service.list_items("announcements", &announcements()).await,
        Err(CoreError::TwoFactorRequired)
    ));

    let totp = turn_two_factor_on(&service, &customer.password).await;
    assert!(!service.account().await.unwrap().two_factor_required);
    assert!(matches!(
        service.session_view(),
        SessionView::SignedIn {
            two_factor_required: false,
            ..
        }
    ));
    service
        .list_items("announcements", &announcements())
        .await
        .unwrap();

    // The next sign-in (with its code) is not marked: the requirement is met.
    let next = service_for(&FaultProxy::start(&local.url, None).await.url);
    next.sign_in(
        &customer.email,
        &customer.secret_password(),
        Some(&fresh_code(&totp).await),
    )
    .await
    .unwrap();
    assert!(matches!(
        next.session_view(),
        SessionView::SignedIn {
            two_factor_required: false,
            ..
        }
    ));
    // Signing out stays possible, and forgets any secret being set up.
    assert!(matches!(
        service.sign_out().await,
        SessionView::SignedOut { .. }
    ));
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_requirement_turned_on_while_signed_in_is_found_after_the_next_refresh() {
    let local = LocalDirectus::from_env();
    let admin = Admin::new(&local);
    let customer = Customer::create(&local, "required-later").await;
    let (service, _proxy) = signed_in(&local, &customer).await;
    assert!(!service.account().await.unwrap().two_factor_required);

    let _requirement = admin.require_two_factor_of_customers().await;
    // A refresh's token never carries the mark: the core asks the server after it.
    service.session().expire_access_token().await;
    service.current_user().await.unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !matches!(
        service.session_view(),
        SessionView::SignedIn {
            two_factor_required: true,
            ..
        }
    ) {
        assert!(
            std::time::Instant::now() < deadline,
            "the requirement was not found after the refresh"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(matches!(
        service.list_items("announcements", &announcements()).await,
        Err(CoreError::TwoFactorRequired)
    ));

    // An empty password (which Directus answers like "already on") lifts nothing.
    assert!(matches!(
        service.two_factor_begin(&secret("")).await,
        Err(CoreError::InvalidCredentials)
    ));
    assert!(matches!(
        service.list_items("announcements", &announcements()).await,
        Err(CoreError::TwoFactorRequired)
    ));

    // Set up here: the requirement is met, and the next refresh does not bring it back.
    let totp = turn_two_factor_on(&service, &customer.password).await;
    service.session().expire_access_token().await;
    service.current_user().await.unwrap();
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert!(!service.account().await.unwrap().two_factor_required);
    service
        .list_items("announcements", &announcements())
        .await
        .unwrap();

    // Turned off while the organisation requires it: the screens close again at once.
    service
        .two_factor_disable(&fresh_code(&totp).await)
        .await
        .unwrap();
    assert!(matches!(
        service.list_items("announcements", &announcements()).await,
        Err(CoreError::TwoFactorRequired)
    ));
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_licensed_server_that_lets_the_customer_read_their_profile_is_believed() {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, "licensed").await;
    let (service, proxy) = signed_in(&local, &customer).await;
    // Shaped like a licensed Directus 12 whose policy lets customers read their own user.
    let profile: &'static str = Box::leak(
        serde_json::json!({"data": {
            "id": customer.id, "email": customer.email,
            "first_name": "Grace", "last_name": "Hopper", "tfa_secret": null,
        }})
        .to_string()
        .into_boxed_str(),
    );
    proxy.set_faults(move |request| match request {
        "GET /users/me" | "PATCH /users/me" => Fault::ForwardThenAnswer(200, profile),
        _ => Fault::Pass,
    });
    let account = service.account().await.unwrap();
    assert_eq!(account.name_known_from, NameSource::Server);
    assert_eq!(account.user.first_name.as_deref(), Some("Grace"));
    assert_eq!(account.two_factor, TwoFactorState::Off);

    // The save's own answer is trusted: no permission look-up follows it.
    let saved = service.update_name("Grace", "Hopper").await.unwrap();
    assert_eq!(saved.name_known_from, NameSource::Server);
    assert_eq!(proxy.count("GET /permissions/me"), 0);
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_name_change_whose_answer_is_lost_is_not_sent_again() {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, "lost-name").await;
    let (service, proxy) = signed_in(&local, &customer).await;
    proxy.set_faults(|request| match request {
        "PATCH /users/me" => Fault::DropAfterForward,
        _ => Fault::Pass,
    });
    assert!(matches!(
        service.update_name("Ada", "Lovelace").await,
        Err(CoreError::ServerUnreachable)
    ));
    assert_eq!(proxy.count("PATCH /users/me"), 1, "no double submit");
    // The server saved it; the device does not claim it, and a retry saves the same again.
    assert_eq!(
        service.account().await.unwrap().name_known_from,
        NameSource::Unknown
    );
    proxy.clear_faults();
    let saved = service.update_name("Ada", "Lovelace").await.unwrap();
    assert_eq!(saved.name_known_from, NameSource::ThisDevice);

    // An access token the server calls expired is refreshed and the change sent once more:
    // the first was never carried out.
    let expired = std::sync::atomic::AtomicBool::new(false);
    proxy.set_faults(move |request| match request {
        "PATCH /users/me" if !expired.swap(true, std::sync::atomic::Ordering::SeqCst) => {
            Fault::TokenExpired
        }
        _ => Fault::Pass,
    });
    service.update_name("Grace", "Hopper").await.unwrap();
    assert_eq!(
        Admin::new(&local).user(&customer.id, "first_name").await["first_name"],
        "Grace"
    );
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_lost_answer_to_enable_is_not_sent_again_and_the_next_sign_in_settles_it() {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, "lost-enable").await;
    let (service, proxy) = signed_in(&local, &customer).await;
    let setup = service
        .two_factor_begin(&customer.secret_password())
        .await
        .unwrap();
    let totp = totp_for(&typed_secret(&setup.secret_groups));
    proxy.set_faults(|request| match request {
        "POST /users/me/tfa/enable" => Fault::DropAfterForward,
        _ => Fault::Pass,
    });
    let code = fresh_code(&totp).await;
    assert!(matches!(
        service.two_factor_enable(&code).await,
        Err(CoreError::ServerUnreachable)
    ));
    proxy.clear_faults();
    // Tried again: the account is read instead of the secret being sent twice. An unlicensed
    // server will not say, so the state is unknown until the next sign-in.
    let view = service.two_factor_enable(&code).await.unwrap();
    assert_eq!(view.two_factor, TwoFactorState::Unknown);
    assert_eq!(
        proxy.count("POST /users/me/tfa/enable"),
        1,
        "no double submit"
    );

    another_device_signs_in_with_a_code(&local, &customer, &totp).await;
    service.two_factor_abandon();
    assert!(service.pending_two_factor_secret().is_err());
}
