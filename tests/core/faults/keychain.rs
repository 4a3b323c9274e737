//! The keychain failing or stalling under a working session: deletes and saves refused, an
//! unlock prompt nobody answers, a late write, an app closed before a failed save lands, a
//! corrupt entry.

use crate::{
    is_online, newest_token_stored, quick, remembered_then_closed, signed_in_remembered,
    signed_in_with_faulty_keychain, stored_token, vault, wait_for_view, FaultySetup,
};
use account_bridge::{ErrorCode, SessionView, SignOutReason};
use account_core::settings::MemorySettings;
use account_core::{CoreError, ServerUrl, SettingsStore, StoredSession, Vault};
use secrecy::ExposeSecret;
use std::sync::Arc;
use std::time::{Duration, Instant};
use test_support::fault_proxy::FaultProxy;
use test_support::faulty_keychain::{faulty_platform_store, KeychainFaults};
use test_support::{secret, service_with, Customer, LocalDirectus, TEST_KEYCHAIN_SERVICE};

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_sign_out_whose_keychain_delete_fails_is_said_retried_and_never_restored() {
    let FaultySetup {
        proxy,
        switch,
        faulty,
        settings,
        service: first,
        ..
    } = signed_in_with_faulty_keychain("stuck-delete").await;
    let token = stored_token(&proxy.url).await.expect("saved");

    // The server is away and the keychain refuses the delete: the worst sign-out.
    proxy.set_down(true);
    switch.set(KeychainFaults {
        fail_deletes: true,
        ..Default::default()
    });
    let view = first.sign_out().await;
    let SessionView::SignedOut {
        reason: Some(SignOutReason::SignedOut),
        keychain_problem: Some(problem),
    } = view
    else {
        panic!("the signed-out view says the keychain kept the session: {view:?}")
    };
    assert_eq!(problem.code, ErrorCode::KeychainLocked);
    assert!(
        stored_token(&proxy.url).await == Some(token.clone()),
        "the entry is still there"
    );

    // The app is closed and opened again, the server is back: the stale entry, still valid on
    // the server, must not sign the user back in.
    drop(first);
    proxy.set_down(false);
    let second = quick(service_with(&proxy.url, faulty.clone(), settings.clone()));
    let view = second.start().await;
    assert!(
        matches!(view, SessionView::SignedOut { .. }),
        "not signed back in: {view:?}"
    );
    assert_eq!(
        proxy.count("POST /auth/refresh"),
        0,
        "the stale token was not used"
    );
    assert_eq!(
        proxy.count("POST /auth/logout"),
        1,
        "the next start ended the session the last sign-out could not"
    );

    // Once the keychain works again, the background task deletes the entry.
    switch.set(KeychainFaults::default());
    let deadline = Instant::now() + Duration::from_secs(5);
    while stored_token(&proxy.url).await.is_some() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        stored_token(&proxy.url).await.is_none(),
        "deleted by the retry"
    );
    assert!(
        wait_for_view(&second, Duration::from_secs(2), |view| matches!(
            view,
            SessionView::SignedOut {
                keychain_problem: None,
                ..
            }
        ))
        .await
        .is_some(),
        "and the notice goes away: {:?}",
        second.session_view()
    );
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_late_keychain_write_never_overwrites_a_newer_one_or_undoes_a_delete() {
    let server = ServerUrl::parse("https://late-write.example/").unwrap();
    let (store, switch) = faulty_platform_store();
    let vault =
        Vault::with_store(TEST_KEYCHAIN_SERVICE, store).with_timeout(Duration::from_millis(300));
    let stored = |token: &str| StoredSession {
        refresh_token: secret(token),
        user_id: "u1".into(),
        email: "late@example.com".into(),
    };

    // A save stalls past the timeout (an unlock prompt), a newer save is asked for meanwhile.
    switch.set(KeychainFaults {
        stall: Duration::from_millis(800),
        ..Default::default()
    });
    let error = vault.save(&server, &stored("old-token")).await.unwrap_err();
    assert!(matches!(error, CoreError::KeychainLocked), "{error:?}");
    switch.set(KeychainFaults::default());
    vault.save(&server, &stored("new-token")).await.ok();
    tokio::time::sleep(Duration::from_millis(1200)).await; // the stalled save has finished
    let held = vault.load(&server).await.unwrap().unwrap();
    assert_eq!(held.refresh_token.expose_secret(), "new-token");

    // A save stalls, then the user signs out: the late save must not bring the entry back.
    switch.set(KeychainFaults {
        stall: Duration::from_millis(800),
        ..Default::default()
    });
    assert!(vault.save(&server, &stored("late-token")).await.is_err());
    switch.set(KeychainFaults::default());
    let _ = vault.delete(&server).await;
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert!(
        vault.load(&server).await.unwrap().is_none(),
        "the delete stands"
    );
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_refresh_whose_keychain_save_keeps_failing_leaves_no_dead_token_stored() {
    let FaultySetup {
        proxy,
        switch,
        service,
        ..
    } = signed_in_with_faulty_keychain("unsaved").await;
    let first_token = stored_token(&proxy.url).await.unwrap();

    // Saves fail, deletes too for a moment: the refresh rotates the token, the old one stays
    // stored for now and the save is retried.
    switch.set(KeychainFaults {
        fail_saves: true,
        fail_deletes: true,
        ..Default::default()
    });
    service.session().expire_access_token().await;
    service
        .current_user()
        .await
        .expect("the session itself works");
    let not_remembered = |view: &SessionView| matches!(view, SessionView::SignedIn { remembered: false, keychain_problem: Some(ref p), .. } if p.code == ErrorCode::KeychainLocked);
    assert!(
        wait_for_view(&service, Duration::from_secs(2), not_remembered)
            .await
            .is_some(),
        "{:?}",
        service.session_view()
    );
    assert!(
        stored_token(&proxy.url).await == Some(first_token.clone()),
        "the old token is still stored while the save is retried"
    );

    // Deletes work again, saves do not: after the retries the dead token is deleted.
    switch.set(KeychainFaults {
        fail_saves: true,
        ..Default::default()
    });
    let deadline = Instant::now() + Duration::from_secs(5);
    while stored_token(&proxy.url).await.is_some() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(
        stored_token(&proxy.url).await.is_none(),
        "the rotated-away token is not left as the only stored copy"
    );
    assert!(matches!(
        service.session_view(),
        SessionView::SignedIn {
            remembered: false,
            ..
        }
    ));

    // A save that works again remembers the session once more.
    switch.set(KeychainFaults::default());
    service.session().expire_access_token().await;
    service.current_user().await.unwrap();
    assert!(
        wait_for_view(&service, Duration::from_secs(2), signed_in_remembered(true))
            .await
            .is_some(),
        "{:?}",
        service.session_view()
    );
    assert!(
        stored_token(&proxy.url).await == proxy.last_delivered_refresh_token(),
        "the keychain holds the newest refresh token"
    );
    service.sign_out().await;
}

/// How the keychain behaves while the app ends, in `an_app_closed_before_a_failed_save_lands`.
#[derive(Debug, Clone, Copy)]
enum AtClose {
    /// The failing save has not even returned yet (an unlock prompt nobody answers).
    StillSaving,
    /// Still refusing saves: the last try at the exit fails too.
    Refusing,
    /// Waiting on an unlock prompt longer than the app waits to end (and refusing after).
    Stalled,
    /// Working again: the exit's save lands.
    Back,
}

/// A refresh rotates the token (the stored one is dead on the server from then on), its
/// keychain save fails, and the app ends before the background retry: returns the proxy and
/// the settings the next run shares.
async fn closed_with_a_failed_save(
    what: &str,
    at_close: AtClose,
) -> (FaultProxy, Arc<dyn SettingsStore>) {
    let local = LocalDirectus::from_env();
    let Customer {
        email, password, ..
    } = Customer::create(&local, what).await;
    let proxy = FaultProxy::start(&local.url, None).await;
    let (store, switch) = faulty_platform_store();
    let faulty = Arc::new(Vault::with_store(TEST_KEYCHAIN_SERVICE, store));
    let settings: Arc<dyn SettingsStore> = Arc::new(MemorySettings::default());
    // Retries far apart: the app ends before the second try, let alone the third.
    let patient = account_core::RetryPolicy {
        first: Duration::from_secs(60),
        max: Duration::from_secs(60),
        keychain_saves: 3,
    };
    let service = service_with(&proxy.url, faulty, settings.clone())
        .with_retry_policy(patient)
        .unwrap();
    service.start().await;
    service
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap();
    let signed_in_token = stored_token(&proxy.url).await.unwrap();

    let stalled = KeychainFaults {
        fail_saves: true,
        stall: Duration::from_secs(4),
        ..Default::default()
    };
    if let AtClose::StillSaving = at_close {
        switch.set(stalled);
        service.session().expire_access_token().await;
        service.current_user().await.expect("the session works");
        let _ = tokio::time::timeout(Duration::from_secs(3), service.flush()).await;
        service.session().retire();
        return (proxy, settings);
    }
    switch.set(KeychainFaults {
        fail_saves: true,
        ..Default::default()
    });
    service.session().expire_access_token().await;
    service.current_user().await.expect("the session works");
    assert!(
        wait_for_view(
            &service,
            Duration::from_secs(3),
            signed_in_remembered(false)
        )
        .await
        .is_some(),
        "{:?}",
        service.session_view()
    );
    assert_eq!(
        stored_token(&proxy.url).await.as_deref(),
        Some(signed_in_token.as_str()),
        "the keychain still holds the token the refresh replaced"
    );

    // The app ends, as the edge ends it: the pending save is finished within 3 s, or given up.
    switch.set(match at_close {
        AtClose::StillSaving | AtClose::Refusing => KeychainFaults {
            fail_saves: true,
            ..Default::default()
        },
        AtClose::Stalled => stalled,
        AtClose::Back => KeychainFaults::default(),
    });
    let session = service.session();
    let _ = tokio::time::timeout(Duration::from_secs(3), service.flush()).await;
    session.retire();
    drop(service);
    (proxy, settings)
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn an_app_closed_before_a_failed_save_lands_never_sends_the_dead_token() {
    for at_close in [AtClose::StillSaving, AtClose::Refusing, AtClose::Stalled] {
        let (proxy, settings) = closed_with_a_failed_save("dead-token", at_close).await;
        let (refreshes, logouts) = (
            proxy.count("POST /auth/refresh"),
            proxy.count("POST /auth/logout"),
        );

        let next = quick(service_with(&proxy.url, vault(), settings));
        let view = next.start().await;
        assert!(
            matches!(
                view,
                SessionView::SignedOut {
                    reason: Some(SignOutReason::SessionExpired),
                    ..
                }
            ),
            "{at_close:?}: {view:?}"
        );
        assert_eq!(
            (
                proxy.count("POST /auth/refresh"),
                proxy.count("POST /auth/logout")
            ),
            (refreshes, logouts),
            "{at_close:?}: the replaced token was sent at the next start"
        );
        assert!(
            stored_token(&proxy.url).await.is_none(),
            "{at_close:?}: the dead token is deleted"
        );
    }
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn an_app_closed_when_the_keychain_is_back_stays_signed_in() {
    let (proxy, settings) = closed_with_a_failed_save("saved-at-exit", AtClose::Back).await;
    assert_eq!(
        stored_token(&proxy.url).await,
        proxy.last_delivered_refresh_token(),
        "the exit saved the newest token"
    );
    let next = quick(service_with(&proxy.url, vault(), settings));
    let view = next.start().await;
    assert!(is_online(&view), "{view:?}");
    next.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_refresh_does_not_wait_for_the_keychain_and_a_sign_out_still_wins() {
    let FaultySetup {
        proxy,
        switch,
        service,
        ..
    } = signed_in_with_faulty_keychain("slow-save").await;
    let stalled = KeychainFaults {
        stall: Duration::from_secs(2),
        ..Default::default()
    };

    // A keychain that takes 2 s (an unlock prompt): the refresh answers without it…
    switch.set(stalled);
    service.session().expire_access_token().await;
    let started = Instant::now();
    service.current_user().await.expect("the session works");
    let took = started.elapsed();
    assert!(
        took < Duration::from_secs(1),
        "the refresh waited for the keychain: {took:?}"
    );
    // …and the new token is stored once the keychain is done.
    assert!(
        newest_token_stored(&proxy).await,
        "the keychain holds the newest refresh token"
    );

    // Quitting while a refresh's save is still waiting: the app's exit finishes it.
    switch.set(stalled);
    service.session().expire_access_token().await;
    service.current_user().await.unwrap();
    service.flush().await;
    assert!(
        stored_token(&proxy.url).await == proxy.last_delivered_refresh_token(),
        "the keychain holds the newest refresh token when the app ends"
    );

    // A sign-out while a refresh's save is still waiting: the save never brings it back.
    service.session().expire_access_token().await;
    service.current_user().await.unwrap();
    switch.set(KeychainFaults::default());
    service.sign_out().await;
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert!(
        stored_token(&proxy.url).await.is_none(),
        "the sign-out's delete stands"
    );
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_corrupt_stored_token_is_deleted_not_sent() {
    let local = LocalDirectus::from_env();
    let proxy = FaultProxy::start(&local.url, None).await;
    let server = ServerUrl::parse(&proxy.url).unwrap();
    let store = account_core::vault::platform_store().unwrap();
    let entry =
        keyring_core::Entry::new_in_store(&store, TEST_KEYCHAIN_SERVICE, server.as_str()).unwrap();
    for corrupt in [
        r#"{"refresh_token":"has spaces and\nnewlines","user_id":"u","email":"e"}"#,
        r#"{"refresh_token":"","user_id":"u","email":"e"}"#,
        "not json at all",
    ] {
        entry.set_password(corrupt).unwrap();
        let service = service_with(&proxy.url, vault(), Arc::new(MemorySettings::default()));
        let view = service.start().await;
        assert!(matches!(view, SessionView::SignedOut { .. }), "{view:?}");
        assert_eq!(proxy.count("POST /auth/refresh"), 0);
        assert!(stored_token(&proxy.url).await.is_none(), "deleted");
    }
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_keychain_locked_at_start_says_so_and_try_again_restores() {
    let (email, proxy, settings) = remembered_then_closed("locked-start").await;

    // An unlock prompt nobody answers: every call stalls past the vault's bound.
    let (store, switch) = faulty_platform_store();
    let locked = Arc::new(
        Vault::with_store(TEST_KEYCHAIN_SERVICE, store).with_timeout(Duration::from_millis(300)),
    );
    switch.set(KeychainFaults {
        stall: Duration::from_millis(600),
        ..Default::default()
    });
    let second = quick(service_with(&proxy.url, locked, settings));
    let view = second.start().await;
    let SessionView::SignedOut {
        reason: None,
        keychain_problem: Some(problem),
    } = &view
    else {
        panic!("{view:?}")
    };
    assert_eq!(problem.code, ErrorCode::KeychainLocked);

    // The user unlocks the keychain and presses "Try again".
    switch.set(KeychainFaults::default());
    tokio::time::sleep(Duration::from_millis(700)).await; // the stalled read has given up
    let view = second.retry_restore().await;
    assert!(
        matches!(view, SessionView::SignedIn { ref user, .. } if user.email == email),
        "{view:?}"
    );
    second.sign_out().await;
}
