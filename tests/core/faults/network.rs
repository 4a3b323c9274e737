//! The network between the core and the server failing: a server that is down when a
//! remembered session starts, refreshes answered 429 and 503, a slow sign-in overtaken by a
//! switch of servers.

use crate::{
    is_online, newest_token_stored, quick, quick_service, remembered_then_closed, stored_token,
    vault, wait_for_view,
};
use account_bridge::{ErrorCode, SessionView};
use account_core::{CoreError, ServerUrl};
use std::sync::Arc;
use std::time::Duration;
use test_support::fault_proxy::{Fault, FaultProxy};
use test_support::{quick_retry, secret, service_with, Customer, LocalDirectus};

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_session_restored_offline_recovers_by_itself_when_the_server_returns() {
    let (email, proxy, settings) = remembered_then_closed("recover").await;

    proxy.set_down(true);
    let second = quick(service_with(&proxy.url, vault(), settings));
    let view = second.start().await;
    assert!(
        matches!(&view, SessionView::SignedIn { user, .. } if user.email == email),
        "the remembered user, while the server is down"
    );
    assert!(
        matches!(view, SessionView::SignedIn { offline: true, connection_problem: Some(ref p), retry_at_ms: Some(_), .. } if p.code == ErrorCode::ServerUnreachable),
        "{view:?}"
    );
    tokio::time::sleep(Duration::from_secs(2)).await; // several retries against a dead server
    assert!(
        proxy.count("POST /auth/refresh") == 0,
        "nothing reached the server while it was down"
    );
    assert!(
        matches!(
            second.session_view(),
            SessionView::SignedIn { offline: true, .. }
        ),
        "still signed in, still offline"
    );

    proxy.set_down(false);
    let bound = quick_retry().max + Duration::from_secs(2);
    let took = wait_for_view(&second, bound, is_online).await;
    assert!(
        took.is_some(),
        "back online within the backoff bound with no call from the UI: {:?}",
        second.session_view()
    );
    println!("recovered {:?} after the server came back", took.unwrap());
    assert!(
        newest_token_stored(&proxy).await,
        "the keychain holds the newest refresh token"
    );
    second.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn rate_limited_and_unavailable_refreshes_back_off_and_keep_the_session() {
    let local = LocalDirectus::from_env();
    let Customer {
        email, password, ..
    } = Customer::create(&local, "backoff").await;
    let proxy = FaultProxy::start(&local.url, None).await;
    let service = quick_service(&proxy.url);
    service.start().await;
    service
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap();

    // 429 with Retry-After: 1: the background task waits a whole second between tries, even
    // though the quick policy alone would try every 50-400 ms.
    proxy.set_faults(|request| match request {
        "POST /auth/refresh" => Fault::RateLimited,
        _ => Fault::Pass,
    });
    service.session().expire_access_token().await;
    let error = service.current_user().await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::RateLimited);
    let before = proxy.count("POST /auth/refresh");
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let tries = proxy.count("POST /auth/refresh") - before;
    assert!(
        (1..=3).contains(&tries),
        "Retry-After obeyed: {tries} tries in 2.5 s"
    );
    assert!(matches!(
        service.session_view(),
        SessionView::SignedIn { offline: true, connection_problem: Some(ref p), .. } if p.code == ErrorCode::RateLimited
    ));

    // 503: backs off (50 ms doubling to 400 ms: a handful of tries, not hundreds).
    proxy.set_faults(|request| match request {
        "POST /auth/refresh" => Fault::Unavailable,
        _ => Fault::Pass,
    });
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let before = proxy.count("POST /auth/refresh");
    tokio::time::sleep(Duration::from_secs(2)).await;
    let tries = proxy.count("POST /auth/refresh") - before;
    assert!((3..=12).contains(&tries), "{tries} tries in 2 s at the cap");

    proxy.clear_faults();
    assert!(
        wait_for_view(&service, Duration::from_secs(3), is_online)
            .await
            .is_some(),
        "recovers by itself"
    );
    service.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn what_a_replaced_server_s_session_does_after_the_switch_is_dropped() {
    let local = LocalDirectus::from_env();
    let Customer {
        email, password, ..
    } = Customer::create(&local, "switch").await;
    let old = FaultProxy::start(&local.url, None).await;
    let new = FaultProxy::start(&local.url, None).await;
    let service = Arc::new(quick_service(&old.url));
    service.start().await;

    // A slow sign-in on the old server finishes after the user switched servers.
    old.set_faults(|request| match request {
        "POST /auth/login" => Fault::Delay(Duration::from_millis(800)),
        _ => Fault::Pass,
    });
    let signing_in = {
        let service = service.clone();
        let (email, password) = (email.clone(), password.clone());
        tokio::spawn(async move { service.sign_in(&email, &secret(&password), None).await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    service.change_server(&new.url, None).await.unwrap();
    let result = signing_in.await.unwrap();
    assert!(
        matches!(result, Err(CoreError::ServerChanged)),
        "{result:?}"
    );
    assert!(
        matches!(service.session_view(), SessionView::SignedOut { .. }),
        "the new server's view stands: {:?}",
        service.session_view()
    );
    assert!(
        stored_token(&old.url).await.is_none(),
        "nothing written for it"
    );
    assert!(stored_token(&new.url).await.is_none());
    assert_eq!(
        old.count("POST /auth/logout"),
        1,
        "the late sign-in was ended on its server"
    );
    let server = service.server_settings().url;
    assert_eq!(server, ServerUrl::parse(&new.url).unwrap().to_string());
}
