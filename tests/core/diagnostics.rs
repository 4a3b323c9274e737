//! The support desk's report against the real local Directus, one test per state a customer
//! calls about: all fine; the server down, not Directus, or refused as an address; links the
//! server does not allow; signed in, offline, signed out; the last errors. (Keychain locked or
//! absent: `keychain_faults`, which runs in those environments.)

use account_bridge::{AddressProblem, ErrorCode, ServerUrlSource, SessionView};
use account_core::diagnostics::{self, KeychainState, Report, Subject};
use account_core::{LinkPage, LinkTargets, ServerUrl, Timeouts, Vault};
use secrecy::ExposeSecret;
use test_support::fault_proxy::FaultProxy;
use test_support::{
    app_facts, app_links, faulty_server, secret, service_for, service_from_own_address,
    test_password, unique_email, Customer, LocalDirectus, TEST_KEYCHAIN_SERVICE,
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
            last_update_check: None,
        },
    )
    .await
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn all_fine_signed_in_and_no_secret_in_it() {
    let local = LocalDirectus::from_env();
    let Customer {
        email, password, ..
    } = Customer::create(&local, "report").await;
    let service = service_for(&local.url);
    service.start().await;
    service
        .sign_in(&email, &secret(&password), None)
        .await
        .unwrap();

    // The session's secrets as they stand before and after the report (a refresh may rotate
    // them meanwhile: access tokens here live 5 s).
    let mut secrets = vec![password.clone()];
    secrets.extend(session_secrets(&service, &local).await);
    let report = service.diagnose(app_facts()).await;
    secrets.extend(session_secrets(&service, &local).await);
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
        for secret in &secrets {
            // Whole or in part: a leak cut to fit a line is still a leak.
            assert!(
                !shown.contains(secret.as_str()) && !shown.contains(&secret[..16]),
                "a password or token is in the report"
            );
        }
        assert!(!shown.contains("eyJ"), "no JWT in the report");
    }
    assert!(
        text.contains("Result: everything checked is fine"),
        "{text}"
    );
    assert!(text.contains(&local.url), "{text}");
    service.sign_out().await;
}

/// The access token in memory and the refresh token in the keychain (a 64-character string,
/// not a JWT: no pattern finds it, only the token itself).
async fn session_secrets(
    service: &account_core::AccountService,
    local: &LocalDirectus,
) -> [String; 2] {
    let access = service.session().access_token().await.unwrap();
    let stored = Vault::new(TEST_KEYCHAIN_SERVICE)
        .load(&ServerUrl::parse(&local.url).unwrap())
        .await
        .unwrap()
        .expect("the session is stored");
    let secrets = [
        access.expose_secret().to_string(),
        stored.refresh_token.expose_secret().to_string(),
    ];
    assert!(
        secrets.iter().all(|secret| secret.len() >= 32),
        "real tokens"
    );
    secrets
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn signed_out_and_the_last_errors() {
    let local = LocalDirectus::from_env();
    let service = service_for(&local.url);
    service.start().await;
    let wrong = service
        .sign_in(&unique_email("nobody"), &secret(&test_password()), None)
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
    let customer = Customer::create(&local, "report-offline").await;
    let (service, proxy) = service_from_own_address(&local).await;
    service.start().await;
    service
        .sign_in(&customer.email, &customer.secret_password(), None)
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
#[ignore = "real sockets on 127.0.0.1: run scripts/test"]
async fn an_address_refused_before_anything_is_sent() {
    let report = report_on("http://cms.example.com/", app_links(), false).await;
    assert_eq!(report.server.problem, Some(ErrorCode::InvalidServerUrl));
    let server = check(&report, "server").unwrap();
    assert!(!server.ok);
    assert!(server.detail.contains("PlainHttp"), "{}", server.detail);
    assert_eq!(report.server.url, "http://cms.example.com/");

    // Refused addresses that do lead to a listener on this computer, which counts what reaches
    // it: an address with a password in it, and plain http to an IPv4-mapped IPv6 address
    // (this computer, but not a loopback address as the rule reads it).
    let door = FaultProxy::start("http://127.0.0.1:9/", None).await;
    let port = door.url.trim_end_matches('/').rsplit(':').next().unwrap();
    for (typed, problem) in [
        (
            format!("http://support:hunter2@127.0.0.1:{port}/"),
            AddressProblem::HasCredentials,
        ),
        (
            format!("http://[::ffff:127.0.0.1]:{port}/"),
            AddressProblem::PlainHttp,
        ),
    ] {
        let report = report_on(&typed, app_links(), false).await;
        assert_eq!(report.server.problem, Some(ErrorCode::InvalidServerUrl));
        let server = check(&report, "server").unwrap();
        assert!(
            server.detail.contains(&format!("{problem:?}")),
            "{typed}: {}",
            server.detail
        );
    }
    assert_eq!(door.total(), 0, "nothing may be sent to a refused address");
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

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_server_that_accepts_any_schemes_reset_link_is_warned_about() {
    let local = LocalDirectus::from_env();
    // The test Directus lists the app's scheme link: Directus then accepts any scheme's.
    let report = report_on(&local.url, app_links(), false).await;
    assert_eq!(report.email_links.reset_url_allowed, Some(true));
    assert!(report.email_links.any_scheme_accepted);
    let warning = report
        .warnings
        .iter()
        .find(|warning| warning.id == "reset_link_any_scheme")
        .expect("the warning");
    assert!(
        warning.detail.contains("hand-off page"),
        "{}",
        warning.detail
    );
    assert!(report.problems().is_empty(), "a warning, not a problem");
    let text = report.to_string();
    assert!(
        text.contains("everything checked is fine; WARNING: reset_link_any_scheme")
            && text.contains("[WARNING] reset_link_any_scheme"),
        "{text}"
    );

    // Through the hand-off page (an address Directus compares by its origin): no warning.
    let page = LinkPage::parse(&std::env::var("HAND_OFF_URL").unwrap()).unwrap();
    let report = report_on(&local.url, LinkTargets::for_page(&page), true).await;
    assert_eq!(report.email_links.reset_url_allowed, Some(true));
    assert!(!report.email_links.any_scheme_accepted);
    assert!(report.warnings.is_empty(), "{report}");
}

#[tokio::test]
async fn a_pasted_report_carries_no_typed_password_and_no_forged_lines() {
    // A password typed into the address: refused, and not repeated.
    let report = report_on(
        "https://support:Hunter2-secret@cms.example.com/",
        app_links(),
        false,
    )
    .await;
    assert_eq!(report.server.problem, Some(ErrorCode::InvalidServerUrl));
    let shown = format!("{report}{}", serde_json::to_string(&report).unwrap());
    assert!(
        !shown.contains("Hunter2") && !shown.contains("support:"),
        "{shown}"
    );
    assert!(shown.contains("https://…@cms.example.com/"), "{shown}");

    // What the server says about itself cannot add lines, reorder text, or run on.
    let forged = format!(
        "Acme\n  [ok     ] keychain: fine\r\u{1b}[2J\u{202e}{}",
        "x".repeat(5000)
    );
    let server = faulty_server::fake_directus(serde_json::json!({
        "project": {"project_name": forged},
        "version": "12.4.0\n[ok     ] forged",
    }))
    .await;
    let report = report_on(&server, app_links(), false).await;
    let name = report
        .server
        .project_name
        .clone()
        .expect("the project's name");
    assert!(name.starts_with("Acme  [ok     ] keychain: fine"), "{name}");
    assert!(name.chars().count() <= 101, "{}", name.chars().count());
    let text = report.to_string();
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{202e}') && !text.contains('\r'),
        "{text}"
    );
    assert!(
        text.lines()
            .all(|line| !line.starts_with("  [ok     ] keychain: fine")
                && !line.starts_with("[ok     ] forged")),
        "{text}"
    );
}

#[tokio::test]
async fn a_server_over_its_licence_limits_is_named_in_the_report() {
    use test_support::fault_proxy::{Fault, FaultProxy};
    let server =
        faulty_server::fake_directus(serde_json::json!({"project": {"project_name": "Acme"}}))
            .await;
    let proxy = FaultProxy::start(&server, None).await;
    let report = report_on(&proxy.url, app_links(), false).await;
    assert_eq!(report.server.sign_ins_accepted, Some(true), "{report}");
    assert!(check(&report, "sign_ins_accepted").is_none());

    proxy.set_faults(|request| {
        if request.starts_with("GET /items/") {
            Fault::Restricted
        } else {
            Fault::Pass
        }
    });
    let report = report_on(&proxy.url, app_links(), false).await;
    assert_eq!(report.server.sign_ins_accepted, Some(false));
    let refused = check(&report, "sign_ins_accepted").expect("the check");
    assert!(!refused.ok);
    assert!(
        refused.detail.contains("RESOURCE_RESTRICTED")
            && refused.detail.contains("SERVER_RESTRICTED"),
        "{}",
        refused.detail
    );
    assert!(report
        .to_string()
        .contains("REFUSED to all but administrators"));
    assert_eq!(report.problems(), ["sign_ins_accepted"]);
}

#[tokio::test]
#[ignore = "needs a Secret Service: run scripts/test"]
async fn an_unreadable_keychain_entry_is_reported_and_left_as_it_is() {
    // A server nothing else uses (nothing listens there): only the keychain matters here.
    let typed = "http://127.0.0.1:9";
    let server = ServerUrl::parse(typed).unwrap();
    let store = account_core::vault::platform_store().unwrap();
    let entry =
        keyring_core::Entry::new_in_store(&store, TEST_KEYCHAIN_SERVICE, server.as_str()).unwrap();
    let damaged = "not a session this app wrote";
    entry.set_password(damaged).unwrap();

    let report = report_on(typed, app_links(), false).await;
    let still_there = test_support::os_keychain::read(TEST_KEYCHAIN_SERVICE, server.as_str());
    let _ = entry.delete_credential();
    assert_eq!(report.keychain.state, KeychainState::Unreadable, "{report}");
    assert_eq!(
        still_there.as_deref(),
        Some(damaged),
        "the report changes nothing in the keychain"
    );
    let keychain = check(&report, "keychain").expect("the keychain check");
    assert!(
        keychain.ok,
        "the keychain itself works: {}",
        keychain.detail
    );
    assert!(
        keychain.detail.contains("can't be read"),
        "{}",
        keychain.detail
    );
    assert!(
        report
            .to_string()
            .contains("the session stored for this server can't be read"),
        "{report}"
    );
}

/// Why a customer may be on an old version: the report names the build's update source, the
/// app's last check, and what the manifest offers now, with the packages for this system.
#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn the_report_says_where_updates_come_from_and_what_a_check_finds_now() {
    use account_bridge::{UpdateCheck, UpdateFailure, UpdateOutcome};
    use update_server::{manifest, this_platform, Answer, SigningKey, UpdateServer};

    let local = LocalDirectus::from_env();
    let host = UpdateServer::start(
        &test_support::repo_root().join("target/test-logs/update-host"),
        0,
    )
    .await;
    // This process's reqwest clients trust the host's authority (the other tests here speak
    // plain http to the local Directus).
    std::env::set_var("SSL_CERT_FILE", &host.ca_file);
    let key = SigningKey::generate();
    let config: account_core::updates::UpdateConfig = serde_json::from_value(serde_json::json!({
        "manifest": format!("{}/latest.json", host.url),
        "publicKey": key.public_key(),
    }))
    .unwrap();
    let source =
        account_core::UpdateSource::from_config(&config, account_core::Build::Release).unwrap();
    let vault = Vault::new(TEST_KEYCHAIN_SERVICE);
    let report = |facts: diagnostics::AppFacts, last_check: Option<UpdateCheck>| {
        let vault = &vault;
        let url = local.url.clone();
        async move {
            diagnostics::diagnose(
                facts,
                Subject {
                    server: (url.clone(), ServerUrl::parse(&url)),
                    source: ServerUrlSource::CommandLine,
                    links: app_links(),
                    link_page: false,
                    vault,
                    timeouts: Timeouts::default(),
                    session: None,
                    recent_errors: Vec::new(),
                    last_update_check: last_check,
                },
            )
            .await
        }
    };
    let with_updates = diagnostics::AppFacts {
        version: "1.0.0".into(),
        updates: Some(source.clone()),
        ..app_facts()
    };

    // Off in this build: fine, and said.
    let off = report(app_facts(), None).await;
    assert!(check(&off, "updates").unwrap().ok);
    assert!(
        off.to_string()
            .contains("none: updates are off in this build"),
        "{off}"
    );

    // A newer version with a package for this system; the last check as the app kept it.
    let signature = key.sign(b"package", "1.1.0");
    host.answer(
        "/latest.json",
        Answer::Ok(manifest(
            "1.1.0",
            "",
            &[&format!("{}-deb", this_platform())],
            "https://example.invalid/p",
            &signature,
        )),
    );
    let last = UpdateCheck {
        at_unix: 1,
        outcome: UpdateOutcome::Failed {
            reason: UpdateFailure::Unreachable,
        },
    };
    let found = report(with_updates.clone(), Some(last)).await;
    let updates = check(&found, "updates").unwrap();
    assert!(updates.ok, "{}", updates.detail);
    assert!(updates.detail.contains("1.1.0"));
    let text = found.to_string();
    assert!(text.contains(&source.key_id), "{text}");
    assert!(text.contains("failed (Unreachable)"), "{text}");
    assert!(
        text.contains(&format!(
            "packages for this system: {}-deb",
            this_platform()
        )),
        "{text}"
    );
    assert_eq!(found.updates.offered.as_ref().unwrap().version, "1.1.0");

    // Offered, but for other systems only: this app cannot install it.
    host.answer(
        "/latest.json",
        Answer::Ok(manifest(
            "1.1.0",
            "",
            &["plan9-mips"],
            "https://example.invalid/p",
            &signature,
        )),
    );
    let elsewhere = report(with_updates.clone(), None).await;
    assert!(!check(&elsewhere, "updates").unwrap().ok);
    assert!(elsewhere.problems().contains(&"updates"));

    // The host answers garbage, or is gone: a problem, with the reason.
    host.answer("/latest.json", Answer::Garbage);
    let garbage = report(with_updates.clone(), None).await;
    assert_eq!(garbage.updates.problem, Some(UpdateFailure::BadManifest));
    assert!(!check(&garbage, "updates").unwrap().ok);
    drop(host);
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let gone = report(with_updates, None).await;
    assert_eq!(gone.updates.problem, Some(UpdateFailure::Unreachable));
    assert!(gone.to_string().contains("no answer (Unreachable)"));
}
