//! The session against the real local Directus and the real Secret Service: single-flight
//! refresh, restore after a restart, offline, sign-out.

use account_bridge::{ErrorCode, SessionView, SignOutReason};
use account_core::settings::MemorySettings;
use account_core::{CoreError, DirectusClient, ServerUrl, Timeouts};
use account_core::{SettingsStore, Vault};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;
use test_support::fault_proxy::FaultProxy;
use test_support::{
    secret, service_for, service_with, Customer, LocalDirectus, TEST_KEYCHAIN_SERVICE,
};

/// The keychain entry for `server`, read from outside the app through the OS's own interface
/// (libsecret's `secret-tool` on Linux, `CredReadW` on Windows).
fn keychain_entry(server: &str) -> Option<Value> {
    let server = ServerUrl::parse(server).unwrap().to_string();
    let text = test_support::os_keychain::read(TEST_KEYCHAIN_SERVICE, &server)?;
    Some(serde_json::from_str(&text).expect("the entry is JSON"))
}

/// Polls the keychain entry (up to 5 s) until `done` holds for it.
async fn entry_becomes(server: &str, done: impl Fn(Option<&Value>) -> bool) -> bool {
    for _ in 0..50 {
        if done(keychain_entry(server).as_ref()) {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    false
}

/// A customer signed in through a forwarder of its own (its own server URL, so its own
/// keychain entry, and a count of what reaches the server).
struct SignedIn {
    id: String,
    email: String,
    proxy: FaultProxy,
    service: account_core::AccountService,
}

async fn signed_in(what: &str) -> SignedIn {
    let local = LocalDirectus::from_env();
    let Customer {
        id,
        email,
        password,
    } = Customer::create(&local, what).await;
    let proxy = FaultProxy::start(&local.url, None).await;
    let service = service_for(&proxy.url);
    service
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap();
    SignedIn {
        id,
        email,
        proxy,
        service,
    }
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn concurrent_callers_share_one_refresh() {
    let SignedIn {
        email,
        proxy,
        service,
        ..
    } = signed_in("race").await;
    let session = service.session().clone();

    tokio::time::sleep(Duration::from_secs(6)).await; // the 5 s access token is now expired
    let before = proxy.count("POST /auth/refresh");
    let callers: Vec<_> = (0..24)
        .map(|_| {
            let session = session.clone();
            tokio::spawn(async move { session.current_user().await })
        })
        .collect();
    for caller in callers {
        let user = caller.await.unwrap().expect("every caller gets the user");
        assert_eq!(user.email, email);
    }
    assert_eq!(
        proxy.count("POST /auth/refresh") - before,
        1,
        "exactly one refresh reached the server"
    );
    assert!(proxy.count("GET /users/me") >= 24);

    // The rotated token was kept: the session goes on working, and the keychain has it.
    session.current_user().await.unwrap();
    tokio::time::sleep(Duration::from_secs(6)).await;
    session.current_user().await.unwrap();
    assert_eq!(proxy.count("POST /auth/refresh") - before, 2);
    service.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_restart_restores_the_session_from_the_keychain() {
    let SignedIn {
        id,
        email,
        proxy,
        service: first_run,
        ..
    } = signed_in("restore").await;

    let entry = keychain_entry(&proxy.url).expect("signing in wrote the keychain");
    assert_eq!(entry["user_id"], id.as_str());
    assert_eq!(entry["email"], email.as_str());
    assert_eq!(
        entry["refresh_token"].as_str().map(str::len),
        Some(64),
        "a refresh token, not an access token"
    );
    assert!(entry.get("access_token").is_none());
    #[cfg(windows)]
    assert_eq!(
        test_support::os_keychain::kept_on_this_computer(
            TEST_KEYCHAIN_SERVICE,
            &ServerUrl::parse(&proxy.url).unwrap().to_string()
        ),
        Some(true),
        "the credential must not roam with the user's profile"
    );
    drop(first_run);

    let second_run = service_for(&proxy.url);
    let view = second_run.session().restore().await;
    let SessionView::SignedIn {
        user,
        remembered,
        offline,
        ..
    } = view
    else {
        panic!("not restored: {view:?}")
    };
    assert_eq!(
        (user.id.as_str(), user.email.as_str()),
        (id.as_str(), email.as_str())
    );
    assert!(remembered && !offline);
    // The refresh at restore rotated the token, and the keychain holds the new one (written
    // just after the refresh answered: the restore does not wait for it).
    let rotated = entry_becomes(&proxy.url, |now| {
        now.is_some_and(|now| now["refresh_token"] != entry["refresh_token"])
    })
    .await;
    assert!(rotated, "the rotated token reaches the keychain");
    second_run.sign_out().await;
    assert!(
        keychain_entry(&proxy.url).is_none(),
        "signing out deletes the entry"
    );
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn an_expired_refresh_token_restores_as_signed_out_with_the_reason() {
    let SignedIn {
        proxy,
        service: first_run,
        ..
    } = signed_in("stale").await;
    drop(first_run);

    tokio::time::sleep(Duration::from_secs(21)).await; // the test server's refresh tokens live 20 s
    let second_run = service_for(&proxy.url);
    let view = second_run.session().restore().await;
    assert_eq!(
        view,
        SessionView::SignedOut {
            reason: Some(SignOutReason::SessionExpired),
            keychain_problem: None
        }
    );
    assert!(
        keychain_entry(&proxy.url).is_none(),
        "the dead session was deleted"
    );
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn offline_keeps_the_stored_session_and_recovers() {
    let SignedIn {
        email,
        proxy,
        service: first_run,
        ..
    } = signed_in("offline").await;
    drop(first_run);

    proxy.set_down(true);
    let second_run = service_for(&proxy.url);
    let view = second_run.session().restore().await;
    let SessionView::SignedIn { user, offline, .. } = view else {
        panic!("{view:?}")
    };
    assert!(offline, "the server could not be reached");
    assert_eq!(user.email, email);
    assert!(
        keychain_entry(&proxy.url).is_some(),
        "a network failure keeps the stored token"
    );
    let error = second_run.session().current_user().await.unwrap_err();
    assert!(
        matches!(
            error.code(),
            ErrorCode::ServerUnreachable | ErrorCode::Timeout
        ),
        "{error:?}"
    );

    proxy.set_down(false);
    let user = second_run
        .session()
        .current_user()
        .await
        .expect("back online");
    assert_eq!(user.email, email);
    assert!(matches!(
        second_run.session().view(),
        SessionView::SignedIn { offline: false, .. }
    ));
    second_run.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn signing_out_ends_the_session_on_the_server() {
    let SignedIn { proxy, service, .. } = signed_in("signout").await;
    let stored = keychain_entry(&proxy.url).unwrap();
    let refresh_token = secret(stored["refresh_token"].as_str().unwrap());

    let view = service.sign_out().await;
    assert_eq!(
        view,
        SessionView::SignedOut {
            reason: Some(SignOutReason::SignedOut),
            keychain_problem: None
        }
    );
    assert_eq!(proxy.count("POST /auth/logout"), 1);
    assert!(keychain_entry(&proxy.url).is_none());
    let client = DirectusClient::new(
        ServerUrl::parse(&LocalDirectus::from_env().url).unwrap(),
        Timeouts::default(),
    );
    let error = client.refresh(&refresh_token).await.unwrap_err();
    assert!(
        matches!(error, CoreError::InvalidCredentials),
        "the server no longer accepts it: {error:?}"
    );
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn signing_out_while_the_server_is_down_still_signs_out_here() {
    let SignedIn { proxy, service, .. } = signed_in("signout-down").await;
    proxy.set_down(true);
    let started = std::time::Instant::now();
    let view = service.sign_out().await;
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "sign-out does not wait for the server"
    );
    assert!(matches!(
        view,
        SessionView::SignedOut {
            reason: Some(SignOutReason::SignedOut),
            ..
        }
    ));
    assert!(keychain_entry(&proxy.url).is_none());
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn the_token_is_refreshed_before_it_expires_without_any_caller() {
    let SignedIn { proxy, service, .. } = signed_in("proactive").await;
    let background = service.session().spawn_background();
    let SessionView::SignedIn {
        access_expires_at_ms: first,
        ..
    } = service.session().view()
    else {
        panic!()
    };

    tokio::time::sleep(Duration::from_secs(9)).await; // nearly two 5 s lifetimes
    let refreshes = proxy.count("POST /auth/refresh");
    assert!(refreshes >= 1, "the background task refreshed");
    let SessionView::SignedIn {
        access_expires_at_ms: later,
        ..
    } = service.session().view()
    else {
        panic!()
    };
    assert!(later > first, "the view shows the new expiry");
    // A caller now finds a fresh token and sends no refresh of its own.
    service.session().current_user().await.unwrap();
    assert_eq!(proxy.count("POST /auth/refresh"), refreshes);
    background.abort();
    service.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn nothing_stored_means_signed_out() {
    let proxy = FaultProxy::start(&LocalDirectus::from_env().url, None).await;
    let view = service_for(&proxy.url).session().restore().await;
    assert_eq!(
        view,
        SessionView::SignedOut {
            reason: None,
            keychain_problem: None
        }
    );
    assert_eq!(proxy.count("POST /auth/refresh"), 0);
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn the_next_start_shows_the_remembered_user_before_reading_the_keychain() {
    let local = LocalDirectus::from_env();
    let Customer {
        id,
        email,
        password,
    } = Customer::create(&local, "first-paint").await;
    let proxy = FaultProxy::start(&local.url, None).await;
    let settings: Arc<dyn SettingsStore> = Arc::new(MemorySettings::default());
    let restart = || {
        service_with(
            &proxy.url,
            Arc::new(Vault::new(TEST_KEYCHAIN_SERVICE)),
            settings.clone(),
        )
    };

    // Nobody remembered: the sign-in form at once, not a wait for the keychain.
    let first_run = restart();
    assert_eq!(
        first_run.startup_view().session,
        SessionView::SignedOut {
            reason: None,
            keychain_problem: None
        }
    );
    first_run
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap();
    let info = first_run.test_connection(None).await.unwrap();
    drop(first_run);

    // Remembered: who, and the server's branding, before anything is read or fetched.
    let second_run = restart();
    let startup = second_run.startup_view();
    let SessionView::Restoring { user: Some(user) } = &startup.session else {
        panic!("not shown as being checked: {:?}", startup.session)
    };
    assert_eq!(
        (user.id.as_str(), user.email.as_str()),
        (id.as_str(), email.as_str())
    );
    assert_eq!(startup.branding, Some(info), "the last run's branding");
    assert_eq!(startup.last_email.as_deref(), Some(email.as_str()));
    assert_eq!(proxy.count("POST /auth/refresh"), 0, "nothing fetched yet");
    assert!(matches!(
        second_run.start().await,
        SessionView::SignedIn { .. }
    ));

    // Signed out: the next start offers the form at once again.
    second_run.sign_out().await;
    assert!(matches!(
        restart().startup_view().session,
        SessionView::SignedOut { .. }
    ));
}
