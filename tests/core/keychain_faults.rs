//! A keychain that is missing or locked: a clear error, no panic, and a session that still
//! works for this run without being remembered. scripts/test runs each test in the
//! environment it needs (no D-Bus, no Secret Service, a locked gnome-keyring).

use account_bridge::{ErrorCode, SessionView};
use account_core::diagnostics::KeychainState;
use account_core::{ServerUrl, StoredSession, Vault};
use std::time::{Duration, Instant};
use test_support::{secret, service_for, Customer, LocalDirectus, TEST_KEYCHAIN_SERVICE};

async fn session_works_without_the_keychain(expected: ErrorCode) {
    let local = LocalDirectus::from_env();
    let vault = Vault::new(TEST_KEYCHAIN_SERVICE);
    let server = ServerUrl::parse(&local.url).unwrap();
    let started = Instant::now();
    let stored = StoredSession {
        refresh_token: secret(&"x".repeat(64)),
        user_id: "someone".into(),
        email: "someone@example.com".into(),
    };
    let error = vault.save(&server, &stored).await.unwrap_err();
    assert_eq!(error.code(), expected, "{error}");
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "the keychain call is bounded"
    );

    let customer = Customer::create(&local, "no-keychain").await;
    let service = service_for(&local.url);
    let restored = service.session().restore().await;
    assert!(
        matches!(restored, SessionView::SignedOut { .. }),
        "{restored:?}"
    );
    let view = service
        .sign_in(&customer.email, &customer.secret_password(), None)
        .await
        .expect("signing in works without a keychain");
    let SessionView::SignedIn {
        remembered,
        keychain_problem,
        ..
    } = view
    else {
        panic!("{view:?}")
    };
    assert!(!remembered, "the session says it will not be remembered");
    assert_eq!(keychain_problem.map(|p| p.code), Some(expected));
    let user = service
        .session()
        .current_user()
        .await
        .expect("the session works in memory");
    assert_eq!(user.email, customer.email);

    // The support desk's report names the keychain's state and fails its check.
    let report = service.diagnose(test_support::app_facts()).await;
    let state = match expected {
        ErrorCode::KeychainLocked => KeychainState::Locked,
        _ => KeychainState::Unavailable,
    };
    assert_eq!(report.keychain.state, state);
    assert!(report.problems().contains(&"keychain"), "{report}");
    assert_eq!(
        report.session.as_ref().map(|s| (s.remembered, s.problem)),
        Some((Some(false), Some(expected)))
    );
    let view = service.sign_out().await;
    assert!(matches!(view, SessionView::SignedOut { .. }));
}

#[tokio::test]
#[ignore = "scripts/test runs it without a D-Bus session, or without a Secret Service on it"]
async fn keychain_unavailable() {
    session_works_without_the_keychain(ErrorCode::KeychainUnavailable).await;
}

#[tokio::test]
#[ignore = "scripts/test runs it with a gnome-keyring that was never unlocked"]
async fn keychain_locked() {
    session_works_without_the_keychain(ErrorCode::KeychainLocked).await;
}
