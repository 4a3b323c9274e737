//! The support desk's report against the real local Directus, one test per state a customer
//! calls about: all fine; the server down, not Directus, or refused as an address; links the
//! server does not allow; signed in, offline, signed out; the last errors. (Keychain locked or
//! absent: `keychain_faults`, which runs in those environments.)

use account_bridge::{ErrorCode, ServerUrlSource, SessionView};
use account_core::diagnostics::{self, KeychainState, Report, Subject};
use account_core::{LinkPage, LinkTargets, ServerUrl, Timeouts, Vault};
use secrecy::SecretString;
use test_support::admin::Admin;
use test_support::{
    app_facts, app_links, faulty_server, service_for, service_from_own_address, test_password,
    unique_email, LocalDirectus, TEST_KEYCHAIN_SERVICE,
};

fn check<'a>(report: &'a Report, id: &str) -> Option<&'a diagnostics::Check> {
    report.checks.iter().find(|check| check.id == id)
}

/// The report of a server the app is not using, as `--diagnose --server` makes it.
async fn report_on(typed: &str, links: LinkTargets, link_page: bool) -> Report {
    let vault = Vault::new(TEST_KEYCHAIN_SERVICE);
    diagnostics::diagnose(
        app_facts(),
        Subject {
            server: (typed.to_string(), ServerUrl::parse(typed)),
            source: ServerUrlSource::CommandLine,
            links,
            link_page,
            vault: &vault,
            timeouts: Timeouts::default(),
            session: None,
            recent_errors: Vec::new(),
        },
    )
    .await
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn all_fine_signed_in_and_no_secret_in_it() {
    let local = LocalDirectus::from_env();
    let (email, password) = (unique_email("report"), test_password());
    Admin::new(&local).create_customer(&email, &password).await;
    let service = service_for(&local.url);
    service.start().await;
    service
        .sign_in(&email, &SecretString::from(password.clone()), None)
        .await
        .unwrap();

    let report = service.diagnose(app_facts()).await;
    assert!(report.problems().is_empty(), "{report}");
    assert_eq!(
        report.server.project_name.as_deref(),
        Some("Directus Desktop (local)")
    );
    assert!(report.server.ping_ms.is_some());
    assert_eq!(report.server.public_registration, Some(true));
    assert_eq!(report.email_links.reset_url_allowed, Some(true));
    assert_eq!(report.keychain.state, KeychainState::EntryStored);
    let session = report.session.as_ref().unwrap();
    assert_eq!(
        (session.state, session.remembered),
        ("signed_in", Some(true))
    );
    assert!(session.access_expires_in_secs.is_some());

    let text = report.to_string();
    let json = serde_json::to_string(&report).unwrap();
    for shown in [&text, &json] {
        assert!(!shown.contains(&password), "no password in the report");
        assert!(!shown.contains("eyJ"), "no JWT in the report");
    }
    assert!(
        text.contains("Result: everything checked is fine"),
        "{text}"
    );
    assert!(text.contains(&local.url), "{text}");
    service.sign_out().await;
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn signed_out_and_the_last_errors() {
    let local = LocalDirectus::from_env();
    let service = service_for(&local.url);
    service.start().await;
    let wrong = service
        .sign_in(
            &unique_email("nobody"),
            &SecretString::from(test_password()),
            None,
        )
        .await;
    assert!(wrong.is_err());
    let _ = service.open_link("not a link", None);

    let report = service.diagnose(app_facts()).await;
    assert_eq!(report.session.as_ref().unwrap().state, "signed_out");
    let seen: Vec<_> = report
        .recent_errors
        .iter()
        .map(|error| (error.operation, error.code))
        .collect();
    assert_eq!(
        seen,
        [
            ("sign_in", ErrorCode::InvalidCredentials),
            ("open_link", ErrorCode::LinkInvalid)
        ]
    );
    assert!(report
        .to_string()
        .contains("INVALID_CREDENTIALS in sign_in"));
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn offline_names_the_server_problem() {
    let local = LocalDirectus::from_env();
    let (email, password) = (unique_email("report-offline"), test_password());
    Admin::new(&local).create_customer(&email, &password).await;
    let (service, proxy) = service_from_own_address(&local).await;
    service.start().await;
    service
        .sign_in(&email, &SecretString::from(password), None)
        .await
        .unwrap();
    proxy.set_down(true);
    service.session().expire_access_token().await;
    assert!(service.current_user().await.is_err());
    assert!(matches!(
        service.session_view(),
        SessionView::SignedIn { offline: true, .. }
    ));

    let report = service.diagnose(app_facts()).await;
    assert_eq!(report.problems(), ["server"]);
    assert_eq!(report.server.problem, Some(ErrorCode::ServerUnreachable));
    let session = report.session.as_ref().unwrap();
    assert_eq!(session.state, "offline");
    assert_eq!(session.problem, Some(ErrorCode::ServerUnreachable));
    assert_eq!(report.email_links.reset_url_allowed, None, "not asked");
    proxy.set_down(false);
    service.sign_out().await;
}

#[tokio::test]
#[ignore = "real sockets on 127.0.0.1: run scripts/test"]
async fn a_server_that_is_down_or_not_directus() {
    let down = faulty_server::closed_port().await;
    let report = report_on(&down.url, app_links(), false).await;
    assert_eq!(report.server.problem, Some(ErrorCode::ServerUnreachable));
    assert!(report.problems().contains(&"server"));
    assert!(check(&report, "reset_link_allowed").is_none(), "not asked");

    let page = faulty_server::html_server(200).await;
    let report = report_on(&page, app_links(), false).await;
    assert_eq!(report.server.problem, Some(ErrorCode::NotDirectus));
    assert!(check(&report, "server")
        .unwrap()
        .detail
        .contains("not as a Directus server"));
}

#[tokio::test]
async fn an_address_refused_before_anything_is_sent() {
    let report = report_on("http://cms.example.com/", app_links(), false).await;
    assert_eq!(report.server.problem, Some(ErrorCode::InvalidServerUrl));
    let server = check(&report, "server").unwrap();
    assert!(!server.ok);
    assert!(server.detail.contains("PlainHttp"), "{}", server.detail);
    assert_eq!(report.server.url, "http://cms.example.com/");
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn links_the_server_does_not_allow_are_named() {
    let local = LocalDirectus::from_env();
    // A hand-off page the server was never told about. (Any custom scheme would pass: Directus
    // compares origin + path, and every `scheme://host` URL has the origin "null".)
    let page = LinkPage::parse("https://not-on-the-list.example/desktop/").unwrap();
    let report = report_on(&local.url, LinkTargets::for_page(&page), true).await;
    assert_eq!(report.email_links.reset_url_allowed, Some(false));
    let allowed = check(&report, "reset_link_allowed").unwrap();
    assert!(!allowed.ok);
    assert!(
        allowed.detail.contains("PASSWORD_RESET_URL_ALLOW_LIST")
            && allowed
                .detail
                .contains("https://not-on-the-list.example/desktop/reset-password"),
        "{}",
        allowed.detail
    );
    assert!(report
        .to_string()
        .contains("NO: add it to PASSWORD_RESET_URL_ALLOW_LIST"));

    let report = report_on(&local.url, app_links(), false).await;
    assert_eq!(report.email_links.reset_url_allowed, Some(true));
}
