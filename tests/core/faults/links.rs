//! Links from emails meeting faults: a confirmation link when the network fails, a second
//! link arriving while one is in use.

use crate::vault;
use account_bridge::ErrorCode;
use account_core::settings::MemorySettings;
use std::sync::Arc;
use test_support::admin::Admin;
use test_support::fault_proxy::FaultProxy;
use test_support::{service_with, unique_email, LocalDirectus};

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_verify_link_survives_a_network_failure() {
    let local = LocalDirectus::from_env();
    let email = unique_email("verify-offline");
    let link = test_support::register_and_read_verify_link(&local, &email).await;
    let proxy = FaultProxy::start(&local.url, None).await;
    let service = service_with(&proxy.url, vault(), Arc::new(MemorySettings::default()));
    service.link_arrived(&link).unwrap();
    assert!(service.accept_arrived_link().is_some());

    proxy.set_down(true);
    let error = service.verify_email().await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::ServerUnreachable);
    assert!(service.pending_link().is_some(), "kept for the next try");

    proxy.set_down(false);
    let confirmed = service.verify_email().await.unwrap();
    assert_eq!(confirmed.as_deref(), Some(email.as_str()));
    let admin = Admin::new(&local);
    assert_eq!(admin.status_of(&email).await.as_deref(), Some("active"));
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn an_arriving_link_waits_for_the_ui_before_replacing_the_one_in_use() {
    let local = LocalDirectus::from_env();
    let service = service_with(&local.url, vault(), Arc::new(MemorySettings::default()));
    let first = test_support::forged_token::reset_token_signed_with(
        &local.secret,
        "first@example.com",
        false,
    );
    let second = test_support::forged_token::reset_token_signed_with(
        &local.secret,
        "second@example.com",
        false,
    );
    service.open_link(&first, None).unwrap();
    let arrived = service
        .link_arrived(&format!("directus-desktop://reset-password?token={second}"))
        .unwrap();
    assert_eq!(arrived.email.as_deref(), Some("second@example.com"));
    // Not replaced until the UI says so.
    service.discard_arrived_link();
    assert_eq!(
        service.pending_link().and_then(|l| l.email).as_deref(),
        Some("first@example.com")
    );
    service
        .link_arrived(&format!("directus-desktop://reset-password?token={second}"))
        .unwrap();
    assert_eq!(
        service
            .accept_arrived_link()
            .and_then(|l| l.email)
            .as_deref(),
        Some("second@example.com")
    );
    assert_eq!(
        service.pending_link().and_then(|l| l.email).as_deref(),
        Some("second@example.com")
    );
}
