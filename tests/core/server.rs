//! The Directus client against the real local test Directus, and against servers that fail.

use account_bridge::{BridgeError, ErrorCode};
use account_core::{CoreError, Credentials, DirectusClient, ServerUrl, Timeouts};
use secrecy::{ExposeSecret, SecretString};
use std::time::{Duration, Instant};
use test_support::{faulty_server, service_for, short_timeouts, LocalDirectus};

/// What `/server/info` at `url` fails with, as the UI receives it.
async fn info_failure(url: &str) -> BridgeError {
    BridgeError::from(
        client(url, short_timeouts())
            .server_info()
            .await
            .unwrap_err(),
    )
}

fn client(url: &str, timeouts: Timeouts) -> DirectusClient {
    DirectusClient::new(ServerUrl::parse(url).unwrap(), timeouts)
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn server_info_names_the_local_project() {
    let local = LocalDirectus::from_env();
    let service = service_for(&local.url);
    let info = service.test_connection(None).await.unwrap();
    assert_eq!(info.project_name, "Directus Desktop (local)");
    assert!(
        info.public_registration,
        "the scripts turn public registration on"
    );
    assert!(info.verify_email, "the scripts turn email verification on");
    assert_eq!(info.url, ServerUrl::parse(&local.url).unwrap().to_string());
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn admin_login_returns_a_session() {
    let local = LocalDirectus::from_env();
    let tokens = client(&local.url, Timeouts::default())
        .login(&Credentials {
            email: &local.admin_email,
            password: &SecretString::from(local.admin_password.clone()),
            otp: None,
        })
        .await
        .unwrap();
    assert_eq!(
        tokens.access_token.expose_secret().split('.').count(),
        3,
        "a JWT"
    );
    assert!(!tokens.refresh_token.expose_secret().is_empty());
    assert!(tokens.expires_in > Duration::ZERO);
    let printed = format!("{tokens:?}");
    assert!(!printed.contains(tokens.access_token.expose_secret()));
    assert!(!printed.contains(tokens.refresh_token.expose_secret()));
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_wrong_password_is_invalid_credentials() {
    let local = LocalDirectus::from_env();
    let error = client(&local.url, Timeouts::default())
        .login(&Credentials {
            email: &local.admin_email,
            password: &SecretString::from("not-the-password".to_string()),
            otp: None,
        })
        .await
        .unwrap_err();
    assert!(matches!(error, CoreError::InvalidCredentials), "{error:?}");
}

#[tokio::test]
async fn a_server_that_is_down_is_unreachable() {
    let down = faulty_server::closed_port().await;
    let error = info_failure(&down.url).await;
    assert_eq!(error.code, ErrorCode::ServerUnreachable);
}

#[tokio::test]
async fn a_web_page_is_not_directus() {
    for status in [200, 404, 500] {
        let url = faulty_server::html_server(status).await;
        let error = info_failure(&url).await;
        assert_eq!(error.code, ErrorCode::NotDirectus, "HTTP {status}");
    }
}

#[tokio::test]
async fn a_proxy_error_page_means_unavailable() {
    let url = faulty_server::html_server(502).await;
    let error = info_failure(&url).await;
    assert_eq!(error.code, ErrorCode::ServerUnavailable);
}

#[tokio::test]
async fn a_server_that_never_answers_times_out_within_the_limit() {
    let url = faulty_server::silent_server().await;
    let started = Instant::now();
    let error = info_failure(&url).await;
    let waited = started.elapsed();
    assert_eq!(error.code, ErrorCode::Timeout);
    assert!(
        waited >= Duration::from_secs(2),
        "gave up early: {waited:?}"
    );
    assert!(
        waited < Duration::from_secs(5),
        "waited past the limit: {waited:?}"
    );
}

#[tokio::test]
async fn directus_under_pressure_is_unavailable() {
    // What Directus's pressure limiter answers.
    let body =
        r#"{"errors":[{"message":"Under pressure","extensions":{"code":"SERVICE_UNAVAILABLE"}}]}"#;
    let url = faulty_server::json_server(503, "", body).await;
    let error = info_failure(&url).await;
    assert_eq!(error.code, ErrorCode::ServerUnavailable);
}

#[tokio::test]
async fn a_rate_limit_carries_the_wait() {
    let body = r#"{"errors":[{"message":"Too many requests, retry after 12s.","extensions":{"code":"REQUESTS_EXCEEDED"}}]}"#;
    let url = faulty_server::json_server(429, "retry-after: 12\r\n", body).await;
    let error = info_failure(&url).await;
    let bridged = error;
    assert_eq!(
        (bridged.code, bridged.retry_after_secs),
        (ErrorCode::RateLimited, Some(12))
    );
}

#[tokio::test]
async fn an_unknown_directus_error_keeps_its_status_but_not_its_text() {
    let body = r#"{"errors":[{"message":"secret detail Pw-Canary-echo","extensions":{"code":"SOMETHING_NEW"}}]}"#;
    let url = faulty_server::json_server(418, "", body).await;
    let error = info_failure(&url).await;
    let bridged = error;
    assert_eq!(
        (bridged.code, bridged.http_status),
        (ErrorCode::Unexpected, Some(418))
    );
    let crossing = serde_json::to_string(&bridged).unwrap();
    assert!(!crossing.contains("secret detail"), "{crossing}");
}

#[tokio::test]
#[ignore = "real sockets on 127.0.0.1: run scripts/test"]
async fn an_oversized_answer_is_refused_while_it_streams_in() {
    for announced in [true, false] {
        let (url, sent) = faulty_server::oversized_server(64 * 1024 * 1024, announced).await;
        let started = Instant::now();
        let error = info_failure(&url).await;
        assert_eq!(error.code, ErrorCode::NotDirectus, "announced: {announced}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "refused at once"
        );
        tokio::time::sleep(Duration::from_millis(300)).await;
        let read = sent.load(std::sync::atomic::Ordering::SeqCst);
        // The client stopped at its 1 MiB cap; what the server got out is that plus what the
        // sockets buffer, far from the 64 MiB it offered.
        assert!(
            read < 8 * 1024 * 1024,
            "announced: {announced}: the server got {read} bytes out"
        );
    }
}

#[tokio::test]
#[ignore = "real sockets on 127.0.0.1: run scripts/test"]
async fn a_server_that_drips_is_cut_by_the_total_timeout() {
    let url = faulty_server::drip_server().await;
    let started = Instant::now();
    let error = info_failure(&url).await;
    assert_eq!(error.code, ErrorCode::Timeout);
    let took = started.elapsed();
    assert!(
        took >= short_timeouts().total && took < short_timeouts().total + Duration::from_secs(1),
        "{took:?}"
    );
}

/// The server's `default_language` (Settings → Project in Data Studio) decides the app's
/// language only when neither the customer nor the system asks for one the app has.
#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn the_servers_language_counts_after_the_customers_and_the_systems() {
    use account_bridge::LanguageSource;
    let local = LocalDirectus::from_env();
    let admin = test_support::admin::Admin::new(&local);
    admin
        .patch_settings(serde_json::json!({ "default_language": "es-ES" }))
        .await;
    let service = service_for(&local.url).with_system_languages(vec!["ja-JP".into()]);
    let before = service.language_view();
    let info = service.test_connection(None).await;
    let after = service.language_view();
    let with_system = service_for(&local.url).with_system_languages(vec!["de-AT".into()]);
    with_system.test_connection(None).await.unwrap();
    let system = with_system.language_view();
    let picked = with_system.choose_language(Some("fr"));
    let automatic_again = with_system.choose_language(None);
    admin
        .patch_settings(serde_json::json!({ "default_language": "en-US" }))
        .await;

    assert_eq!(info.unwrap().default_language.as_deref(), Some("es-ES"));
    // Before /server/info was read, nothing is known of the server: English.
    assert_eq!(
        (before.code.as_str(), before.chosen_by),
        ("en", LanguageSource::Default)
    );
    assert_eq!(
        (after.code.as_str(), after.chosen_by),
        ("es", LanguageSource::Server)
    );
    assert_eq!(
        (system.code.as_str(), system.chosen_by),
        ("de", LanguageSource::System)
    );
    assert_eq!(
        (
            picked.code.as_str(),
            picked.chosen_by,
            picked.choice.as_deref()
        ),
        ("fr", LanguageSource::Choice, Some("fr"))
    );
    assert_eq!(picked.automatic, "de");
    assert_eq!(
        (automatic_again.code.as_str(), automatic_again.choice),
        ("de", None)
    );
    assert!(picked.catalogue.contains("sign-in-title = Connexion"));
}

/// A keychain of the process's own: these tests need no Secret Service.
fn memory_vault() -> std::sync::Arc<account_core::Vault> {
    let store = keyring_core::mock::Store::new().expect("the mock store");
    std::sync::Arc::new(account_core::Vault::with_store(
        test_support::TEST_KEYCHAIN_SERVICE,
        store,
    ))
}

/// An answer from `/server/info` that arrives after the user moved to another server is kept
/// for the server that sent it, never shown as the new server's name and language.
#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_late_server_answer_is_kept_for_the_server_that_sent_it() {
    use test_support::fault_proxy::{Fault, FaultProxy};
    let local = LocalDirectus::from_env();
    let (first, second) = (
        FaultProxy::start(&local.url, None).await,
        FaultProxy::start(&local.url, None).await,
    );
    first.set_faults(|request| match request {
        "GET /server/info" => Fault::Delay(Duration::from_millis(600)),
        _ => Fault::Pass,
    });
    let settings = std::sync::Arc::new(account_core::settings::MemorySettings::default());
    let service = std::sync::Arc::new(test_support::service_with(
        &first.url,
        memory_vault(),
        settings,
    ));
    let checking = {
        let service = service.clone();
        tokio::spawn(async move { service.test_connection(None).await })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    service.change_server(&second.url, None).await.unwrap();
    let answer = checking.await.unwrap().unwrap();
    assert_eq!(
        answer.url,
        ServerUrl::parse(&first.url).unwrap().to_string()
    );

    assert_eq!(
        service.startup_view().branding,
        None,
        "nothing has been read from the server in use"
    );
    service.change_server(&first.url, None).await.unwrap();
    assert_eq!(
        service.startup_view().branding.map(|info| info.url),
        Some(answer.url),
        "kept for the server that answered"
    );
}

/// Settings whose save of one server address takes a while after it is written (a slow disk),
/// so two server changes at once overlap.
struct SlowToSave {
    inner: account_core::settings::MemorySettings,
    slow_address: String,
}

impl account_core::SettingsStore for SlowToSave {
    fn load(&self, key: &str) -> Option<String> {
        self.inner.load(key)
    }

    fn save(&self, key: &str, value: &str) {
        self.inner.save(key, value);
        if key == account_core::settings::SERVER_URL_KEY && value == self.slow_address {
            std::thread::sleep(Duration::from_millis(400));
        }
    }

    fn remove(&self, key: &str) {
        self.inner.remove(key)
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_server_changes_at_once_leave_the_saved_server_in_use() {
    let (start, slow, fast) = (
        "http://127.0.0.1:1/",
        "http://127.0.0.2:1/",
        "http://127.0.0.3:1/",
    );
    let settings = std::sync::Arc::new(SlowToSave {
        inner: Default::default(),
        slow_address: slow.into(),
    });
    let service = std::sync::Arc::new(test_support::service_with(
        start,
        memory_vault(),
        settings.clone(),
    ));
    let change = |url: &'static str| {
        let service = service.clone();
        tokio::spawn(async move { service.change_server(url, None).await.unwrap() })
    };
    // The slow change starts first; the fast one runs while its save still waits.
    let first = change(slow);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let second = change(fast);
    first.await.unwrap();
    second.await.unwrap();

    let saved = account_core::Settings::new(settings.clone())
        .server_choice()
        .url;
    let in_use = service.server_settings().url;
    assert_eq!(saved.as_deref(), Some(in_use.as_str()));
    assert_eq!(in_use, fast, "the later change wins");
}

/// A release build with no server configured anywhere gets a placeholder address: nothing,
/// a sign-in least of all, is sent to it, and the window is told to ask for the address.
#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn with_no_server_configured_nothing_is_sent_until_one_is_saved() {
    use account_bridge::ServerUrlSource;
    use test_support::fault_proxy::FaultProxy;
    let local = LocalDirectus::from_env();
    // Whatever listens where the placeholder points (in the app, 127.0.0.1:8055) hears nothing.
    let listening = FaultProxy::start(&local.url, None).await;
    let configuration = account_core::Configuration::resolve(
        &Default::default(),
        &Default::default(),
        account_core::Build::Release,
    );
    let (url, source) = (configuration.server.unwrap(), configuration.source);
    assert_eq!(
        (url.as_str(), source),
        (account_core::LOCAL_DEFAULT, ServerUrlSource::Unset)
    );
    let service = account_core::AccountService::new(
        ServerUrl::parse(&listening.url).unwrap(),
        source,
        Timeouts::default(),
        memory_vault(),
        test_support::app_links(),
        std::sync::Arc::new(account_core::settings::MemorySettings::default()),
    )
    .unwrap();
    let view = service.start().await;
    assert!(
        matches!(view, account_bridge::SessionView::SignedOut { .. }),
        "{view:?}"
    );
    assert!(service.startup_view().no_server);
    assert_eq!(
        service.server_settings().url,
        "",
        "the placeholder is not shown"
    );
    let password = SecretString::from(local.admin_password.clone());
    let refused = service.sign_in(&local.admin_email, &password, None).await;
    assert_eq!(
        refused.map_err(|error| BridgeError::from(error).code),
        Err(ErrorCode::InvalidServerUrl)
    );
    assert!(service.test_connection(None).await.is_err());
    let requests = ["POST /auth/login", "GET /server/info", "GET /server/ping"];
    for request in requests {
        assert_eq!(listening.count(request), 0, "{request} was sent");
    }

    // Saving an address (even the placeholder's) puts a real server in use.
    service.change_server(&listening.url, None).await.unwrap();
    assert!(!service.startup_view().no_server);
    assert_eq!(service.server_settings().source, ServerUrlSource::Settings);
    service.test_connection(None).await.unwrap();
    assert_eq!(listening.count("GET /server/info"), 1);
}
