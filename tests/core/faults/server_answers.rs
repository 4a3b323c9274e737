//! Servers answering what they should not: refusals and malformed tokens to a refresh, a
//! Directus over its licence limits, a zero token lifetime, an untrusted certificate.

use crate::{quick, quick_service, stored_token, vault};
use account_bridge::{ErrorCode, SessionView, SignOutReason};
use account_core::settings::MemorySettings;
use account_core::{AccountService, CoreError, ServerUrl, StoredSession};
use std::sync::Arc;
use std::time::{Duration, Instant};
use test_support::fault_proxy::FaultProxy;
use test_support::faulty_server::json_server;
use test_support::{secret, service_with};

/// An app started again on `server` with a session for `email` in the keychain (its refresh
/// token "stored-refresh-token"): returns the service and the view it started with.
async fn started_on_a_stored_session(server: &str, email: &str) -> (AccountService, SessionView) {
    let stored = StoredSession {
        refresh_token: secret("stored-refresh-token"),
        user_id: "u1".into(),
        email: email.into(),
    };
    vault()
        .save(&ServerUrl::parse(server).unwrap(), &stored)
        .await
        .unwrap();
    let service = quick(service_with(
        server,
        vault(),
        Arc::new(MemorySettings::default()),
    ));
    let view = service.start().await;
    (service, view)
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_definite_no_to_a_refresh_signs_out_and_anything_else_keeps_the_session() {
    for (status, body, signed_out) in [
        (
            400,
            r#"{"errors":[{"extensions":{"code":"INVALID_PAYLOAD"}}]}"#,
            true,
        ),
        (
            403,
            r#"{"errors":[{"extensions":{"code":"FORBIDDEN"}}]}"#,
            true,
        ),
        (
            401,
            r#"{"errors":[{"extensions":{"code":"TOKEN_EXPIRED"}}]}"#,
            true,
        ),
        (200, r#"{"data":{"access_token":5}}"#, false),
        (
            200,
            r#"{"data":{"access_token":"a","refresh_token":"b","expires":-1}}"#,
            false,
        ),
        (403, "<html>a web filter</html>", false),
    ] {
        let server = json_server(status, "", body).await;
        let (service, view) = started_on_a_stored_session(&server, "odd@example.com").await;
        if signed_out {
            assert_eq!(
                view,
                SessionView::SignedOut {
                    reason: Some(SignOutReason::SessionExpired),
                    keychain_problem: None
                },
                "HTTP {status} {body}"
            );
            assert!(stored_token(&server).await.is_none());
        } else {
            assert!(
                matches!(view, SessionView::SignedIn { offline: true, .. }),
                "HTTP {status} {body}: {view:?}"
            );
            // Retried with backoff, not in a loop, and never a panic.
            tokio::time::sleep(Duration::from_millis(600)).await;
            assert!(matches!(
                service.session_view(),
                SessionView::SignedIn { offline: true, .. }
            ));
            service.sign_out().await;
        }
    }
}

/// An unlicensed Directus 12 over its limits refuses every sign-in and refresh but an
/// administrator's with 403 RESOURCE_RESTRICTED. That is the organisation's state, not a
/// verdict on the session: it has its own code, and the stored session is kept for when the
/// server accepts sign-ins again.
#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_server_over_its_licence_limits_keeps_the_session_and_says_why() {
    const RESTRICTED: &str = r#"{"errors":[{"message":"Login is currently restricted.","extensions":{"code":"RESOURCE_RESTRICTED","category":"login"}}]}"#;
    let server = json_server(403, "", RESTRICTED).await;
    let (service, view) = started_on_a_stored_session(&server, "licence@example.com").await;
    let SessionView::SignedIn {
        offline: true,
        connection_problem: Some(problem),
        ..
    } = &view
    else {
        panic!("not kept as offline: {view:?}");
    };
    assert_eq!(problem.code, ErrorCode::ServerRestricted);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(
        stored_token(&server).await.as_deref(),
        Some("stored-refresh-token")
    );

    let fresh = service_with(&server, vault(), Arc::new(MemorySettings::default()));
    let error = fresh
        .sign_in("licence@example.com", &secret("whatever-it-is"), None)
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::ServerRestricted), "{error:?}");
    service.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn a_zero_token_lifetime_does_not_make_a_refresh_loop() {
    // One body for every request: tokens with `expires: 0` for login and refresh, and an id
    // for /users/me.
    let upstream = json_server(
        200,
        "",
        r#"{"data":{"id":"u1","access_token":"a.b.c","refresh_token":"refresh-zero","expires":0}}"#,
    )
    .await;
    let proxy = FaultProxy::start(&upstream, None).await;
    let service = quick_service(&proxy.url);
    service.start().await;
    service
        .sign_in("zero@example.com", &secret("whatever"), None)
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_secs(3)).await;
    // A lifetime of 0 is taken as 1 s: about one refresh a second, not thousands.
    let refreshes = proxy.count("POST /auth/refresh");
    assert!((1..=6).contains(&refreshes), "{refreshes} refreshes in 3 s");
    let view = service.session_view();
    assert!(
        matches!(view, SessionView::SignedIn { offline: false, .. }),
        "{view:?}"
    );
    service.sign_out().await;
}

/// Self-signed certificates: an `openssl s_server` on loopback with a certificate it made.
#[tokio::test]
#[ignore = "needs openssl: run scripts/test"]
async fn an_untrusted_certificate_is_a_tls_error_not_offline() {
    let dir = test_support::app::repo_root().join("target/test-tls");
    std::fs::create_dir_all(&dir).unwrap();
    let made = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
        ])
        .arg("-keyout")
        .arg(dir.join("key.pem"))
        .arg("-out")
        .arg(dir.join("cert.pem"))
        .output()
        .expect("openssl runs");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let port = test_support::webdriver::free_port();
    let mut server = std::process::Command::new("openssl")
        .args(["s_server", "-quiet", "-www", "-accept", &port.to_string()])
        .arg("-cert")
        .arg(dir.join("cert.pem"))
        .arg("-key")
        .arg(dir.join("key.pem"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let url = format!("https://127.0.0.1:{port}/");
    let deadline = Instant::now() + Duration::from_secs(5);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let service = quick_service(&url);
    let error = service.test_connection(None).await.unwrap_err();
    assert_eq!(error.code(), ErrorCode::TlsError, "{error:?}");
    let error = service
        .sign_in("tls@example.com", &secret("whatever"), None)
        .await
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::TlsError);

    // A stored session meeting a bad certificate stays signed in, says why, and keeps trying.
    vault()
        .save(
            &ServerUrl::parse(&url).unwrap(),
            &StoredSession {
                refresh_token: secret("tls-refresh"),
                user_id: "u".into(),
                email: "tls@example.com".into(),
            },
        )
        .await
        .unwrap();
    let view = service.start().await;
    assert!(
        matches!(view, SessionView::SignedIn { offline: true, connection_problem: Some(ref p), .. } if p.code == ErrorCode::TlsError),
        "{view:?}"
    );
    service.sign_out().await;
    let _ = server.kill();
    let _ = server.wait();
}
