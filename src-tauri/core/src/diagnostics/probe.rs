//! Gathering the report: the server asked how it answers, the reset link tried with a harmless
//! request, the keychain looked at (never changed), the desktop asked which program opens the
//! app's links, and the session and recent failures as the running app knows them.

use super::{
    printable, printable_address, AppFacts, Check, KeychainFacts, KeychainState, RecentError,
    Report, ServerFacts, SessionFacts, UpdateFacts,
};
use crate::directus::{DirectusClient, Timeouts};
use crate::error::CoreError;
use crate::keychain::KEYCHAIN;
use crate::links::LinkTargets;
use crate::server_url::ServerUrl;
use crate::updates;
use crate::vault::{Inspection, Vault};
use account_bridge::{
    BridgeError, EmailLinksView, ErrorCode, ServerUrlSource, SessionView, UpdateCheck,
};
use std::collections::VecDeque;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

/// An address on a reserved domain (RFC 2606): asking a reset for it sends no email anywhere,
/// yet Directus checks the reset link against its allow list first.
pub const PROBE_EMAIL: &str = "support-check@example.invalid";

/// A scheme no program owns, for asking whether the server accepts any scheme's reset link.
const OTHER_SCHEME: &str = "not-this-app";

/// Longest text taken from the server (project name, version) into the report.
const MAX_SERVER_TEXT: usize = 100;

/// How many recent failures the report lists.
const RECENT_ERRORS: usize = 20;

/// What the report looks at.
pub struct Subject<'a> {
    /// The server address as given, and whether it can be used.
    pub server: (String, Result<ServerUrl, CoreError>),
    pub source: ServerUrlSource,
    pub links: LinkTargets,
    /// Whether the links go through the organisation's hand-off page.
    pub link_page: bool,
    pub vault: &'a Vault,
    pub timeouts: Timeouts,
    /// The session, when the report is made inside the running app.
    pub session: Option<SessionView>,
    pub recent_errors: Vec<RecentError>,
    /// The app's last update check, from its settings.
    pub last_update_check: Option<UpdateCheck>,
}

/// Which program the OS opens the app's links with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SchemeHandler {
    Registered(String),
    NotRegistered,
    /// The OS gives no simple answer; the installer registers it (macOS, Windows).
    ByInstaller,
    /// The desktop did not answer in time (the check timed out).
    NoAnswer,
}

/// The last failures the user met, newest last; kept by the running app for its report.
#[derive(Default)]
pub struct ErrorHistory(Mutex<VecDeque<RecentError>>);

impl ErrorHistory {
    pub fn record(&self, operation: &'static str, code: ErrorCode) {
        let mut errors = self.0.lock().expect("never poisoned");
        if errors.len() == RECENT_ERRORS {
            errors.pop_front();
        }
        errors.push_back(RecentError {
            at_unix: now_unix(),
            operation,
            code,
        });
    }

    pub fn snapshot(&self) -> Vec<RecentError> {
        self.0
            .lock()
            .expect("never poisoned")
            .iter()
            .cloned()
            .collect()
    }
}

pub async fn diagnose(app: AppFacts, subject: Subject<'_>) -> Report {
    let (typed, server) = subject.server;
    let mut checks = Vec::new();
    let mut facts = ServerFacts {
        url: typed,
        source: subject.source,
        problem: None,
        ping_ms: None,
        tls: "not checked",
        project_name: None,
        directus_version: None,
        public_registration: None,
        verify_email: None,
        sign_ins_accepted: None,
    };
    let mut reached = None;
    let mut keychain = KeychainState::Unavailable;
    match &server {
        Err(error) => {
            // As typed, but never with a password someone typed into it.
            facts.url = printable_address(&facts.url);
            facts.problem = Some(error.code());
            checks.push(Check {
                id: "server",
                ok: false,
                detail: format!("the address can't be used: {error}"),
            });
        }
        Ok(url) => {
            facts.url = printable_address(&url.to_string());
            let client = DirectusClient::new(url.clone(), subject.timeouts);
            let answered = check_server(&client, url, &mut facts).await;
            checks.push(match &answered {
                Ok(()) => Check {
                    id: "server",
                    ok: true,
                    detail: "the server answers as a Directus server".into(),
                },
                Err(error) => {
                    facts.problem = Some(error.code());
                    Check {
                        id: "server",
                        ok: false,
                        detail: server_problem(error),
                    }
                }
            });
            if answered.is_ok() {
                facts.sign_ins_accepted = client.licence_restricted().await.ok().map(|r| !r);
                if facts.sign_ins_accepted == Some(false) {
                    checks.push(Check {
                        id: "sign_ins_accepted",
                        ok: false,
                        detail: format!(
                            "the server refuses every sign-in but an administrator's: Directus RESOURCE_RESTRICTED, an unlicensed Directus 12 over its limits; customers see {}",
                            ErrorCode::ServerRestricted
                        ),
                    });
                }
                reached = Some(client.clone());
            }
            // Looked at, never changed: the report deletes no entry, however damaged.
            keychain = match subject.vault.inspect(url).await {
                Inspection::Stored => KeychainState::EntryStored,
                Inspection::Nothing => KeychainState::NoEntry,
                Inspection::Unreadable => KeychainState::Unreadable,
                Inspection::Locked => KeychainState::Locked,
                Inspection::TimedOut => KeychainState::TimedOut,
                Inspection::Unavailable => KeychainState::Unavailable,
            };
            // A locked Secret Service still answers a search (with nothing): a failed save of
            // this session is what shows it is locked. Nothing is written here to find out,
            // which would make the desktop ask the user to unlock.
            let failed = subject.session.as_ref().and_then(keychain_problem);
            if let (KeychainState::NoEntry, Some(code)) = (keychain, failed) {
                keychain = match code {
                    ErrorCode::KeychainLocked => KeychainState::Locked,
                    _ => KeychainState::Unavailable,
                };
            }
            checks.push(Check {
                id: "keychain",
                ok: matches!(
                    keychain,
                    KeychainState::EntryStored | KeychainState::NoEntry | KeychainState::Unreadable
                ),
                detail: match keychain {
                    KeychainState::EntryStored | KeychainState::NoEntry => {
                        format!("{} can keep the session", KEYCHAIN.name())
                    }
                    KeychainState::Unreadable => format!(
                        "{} can keep the session; the one stored for this server can't be read, so the app will ask to sign in again",
                        KEYCHAIN.name()
                    ),
                    KeychainState::TimedOut => format!(
                        "{} did not answer within {} s (the check timed out): sessions are not remembered while it does not answer",
                        KEYCHAIN.name(),
                        subject.vault.timeout().as_secs()
                    ),
                    KeychainState::Locked => format!(
                        "{} is locked: sessions are remembered only once it is unlocked",
                        KEYCHAIN.name()
                    ),
                    KeychainState::Unavailable => format!(
                        "{} is not available: sessions are not remembered after the app closes",
                        KEYCHAIN.name()
                    ),
                },
            });
        }
    }

    let email_links = email_links(
        reached.as_ref(),
        &subject.links,
        subject.link_page,
        &app.scheme,
    )
    .await;
    if reached.is_some() {
        checks.push(Check {
            id: "reset_link_allowed",
            ok: email_links.reset_url_allowed == Some(true),
            detail: match (email_links.reset_url_allowed, &email_links.problem) {
                (Some(true), _) => "the server accepts the app's password-reset link".into(),
                (Some(false), _) => format!(
                    "the server refuses the app's password-reset link: PASSWORD_RESET_URL_ALLOW_LIST must list {}",
                    email_links.reset_url
                ),
                (None, problem) => format!(
                    "could not be checked ({})",
                    problem.as_ref().map_or(ErrorCode::Unexpected, |p| p.code)
                ),
            },
        });
    }
    match (&email_links.scheme_registered, &email_links.opened_by) {
        (Some(true), Some(program)) => checks.push(Check {
            id: "link_scheme_registered",
            ok: true,
            detail: format!("{}:// links open {program}", app.scheme),
        }),
        (Some(false), _) => checks.push(Check {
            id: "link_scheme_registered",
            ok: false,
            detail: format!(
                "no program opens {}:// links: email links do nothing until the app is installed (or use a hand-off page)",
                app.scheme
            ),
        }),
        (None, Some(answer)) => checks.push(Check {
            id: "link_scheme_registered",
            ok: false,
            detail: format!("could not be checked: {answer}"),
        }),
        _ => {}
    }

    let updates = update_facts(&app, subject.last_update_check, subject.timeouts).await;
    checks.push(update_check(&app, &updates));

    let mut warnings = Vec::new();
    if email_links.any_scheme_accepted {
        warnings.push(Check {
            id: "reset_link_any_scheme",
            ok: false,
            detail: format!(
                "the server also accepts {OTHER_SCHEME}://reset-password: Directus compares a custom-scheme allow-list entry by origin and path, and every custom scheme's origin is null, so another program's scheme would get a reset email's code. Use the hand-off page (https) in production"
            ),
        });
    }

    Report {
        created_unix: now_unix(),
        app,
        server: facts,
        email_links,
        keychain: KeychainFacts {
            store: KEYCHAIN.name(),
            state: keychain,
        },
        updates,
        session: subject.session.as_ref().map(session_facts),
        recent_errors: subject.recent_errors,
        checks,
        warnings,
    }
}

/// The build's update source, the last check, and what the manifest offers now.
async fn update_facts(
    app: &AppFacts,
    last_check: Option<UpdateCheck>,
    timeouts: crate::directus::Timeouts,
) -> UpdateFacts {
    let mut facts = UpdateFacts {
        enabled: app.updates.is_some(),
        last_check,
        offered: None,
        problem: None,
    };
    if let Some(source) = &app.updates {
        match updates::read_manifest(source, timeouts.total).await {
            Ok(offer) => facts.offered = offer,
            Err(problem) => facts.problem = Some(problem),
        }
    }
    facts
}

/// `updates`: fine when off (the organisation ships new versions itself) or when the manifest
/// answers with a package for this system whenever it offers a newer version.
fn update_check(app: &AppFacts, facts: &UpdateFacts) -> Check {
    let (ok, detail) = match (&app.updates, &facts.offered, facts.problem) {
        (None, _, _) => (
            true,
            "off in this build: the organisation provides new versions".to_string(),
        ),
        (Some(source), _, Some(problem)) => (
            false,
            format!(
                "the update manifest {} could not be read ({problem:?}): this app does not learn of new versions",
                printable_address(source.manifest.as_str())
            ),
        ),
        (Some(_), Some(offer), None) if updates::is_newer(&offer.version, &app.version) => {
            if offer.for_this_system.is_empty() {
                (
                    false,
                    format!(
                        "version {} is offered, but with no package for {}: this app cannot install it",
                        printable(&offer.version, 40),
                        updates::this_system()
                    ),
                )
            } else {
                (
                    true,
                    format!(
                        "version {} is offered for this system; the app offers it at its next check",
                        printable(&offer.version, 40)
                    ),
                )
            }
        }
        (Some(_), _, None) => (true, "this is the newest version offered".to_string()),
    };
    Check {
        id: "updates",
        ok,
        detail,
    }
}

/// Where the emails' links go and whether the server accepts them. `client`: the server, when
/// it answers (the reset link is then checked with a harmless request: see `PROBE_EMAIL`).
/// The verification link can't be checked without creating an account.
pub async fn email_links(
    client: Option<&DirectusClient>,
    links: &LinkTargets,
    link_page: bool,
    scheme: &str,
) -> EmailLinksView {
    let probe = match client {
        Some(client) => Some(
            client
                .request_password_reset(PROBE_EMAIL, &links.reset_password)
                .await,
        ),
        None => None,
    };
    let (reset_url_allowed, problem) = match probe {
        Some(Ok(())) => (Some(true), None),
        Some(Err(CoreError::ServerNotConfigured(_))) => (Some(false), None),
        Some(Err(error)) => (None, Some(BridgeError::from(error))),
        None => (None, None),
    };
    // Asked, not inferred: the same path under a scheme no program owns.
    let any_scheme_accepted = match (client, reset_url_allowed) {
        (Some(client), Some(true)) => match other_scheme(&links.reset_password) {
            Some(foreign) => client
                .request_password_reset(PROBE_EMAIL, &foreign)
                .await
                .is_ok(),
            None => false,
        },
        _ => false,
    };
    let handler = if link_page {
        SchemeHandler::ByInstaller
    } else {
        scheme_handler(scheme)
    };
    let (scheme_registered, opened_by) = match handler {
        SchemeHandler::Registered(program) => (Some(true), Some(program)),
        SchemeHandler::NotRegistered => (Some(false), None),
        SchemeHandler::ByInstaller => (None, None),
        SchemeHandler::NoAnswer => (
            None,
            Some(format!(
                "the desktop did not answer within {} s (the check timed out)",
                SCHEME_ANSWER_WITHIN.as_secs()
            )),
        ),
    };
    EmailLinksView {
        via_link_page: link_page,
        reset_url: links.reset_password.clone(),
        verify_url: links.verify_email.clone(),
        reset_url_allowed,
        problem,
        scheme_registered,
        opened_by,
        any_scheme_accepted,
    }
}

/// The link with its custom scheme swapped for one no program registers; None for an https
/// link (Directus compares those by origin, which names the host).
fn other_scheme(link: &str) -> Option<String> {
    let (scheme, rest) = link.split_once("://")?;
    if matches!(scheme, "http" | "https") {
        return None;
    }
    Some(format!("{OTHER_SCHEME}://{rest}"))
}

/// Ping, then `/server/info`: reachable, TLS, Directus, project.
async fn check_server(
    client: &DirectusClient,
    url: &ServerUrl,
    facts: &mut ServerFacts,
) -> Result<(), CoreError> {
    let https = url.as_url().scheme() == "https";
    let ping = client.ping().await;
    if let Err(CoreError::TlsError) = ping {
        facts.tls = "certificate not trusted";
    }
    let round_trip = ping?;
    facts.ping_ms = Some(round_trip.as_millis() as u64);
    facts.tls = if https {
        "certificate trusted"
    } else {
        "not used (http on this computer)"
    };
    let info = client.server_info().await?;
    facts.project_name = Some(printable(&info.project_name, MAX_SERVER_TEXT));
    facts.directus_version = info
        .version
        .map(|version| printable(&version, MAX_SERVER_TEXT));
    facts.public_registration = Some(info.public_registration);
    facts.verify_email = Some(info.verify_email);
    Ok(())
}

fn server_problem(error: &CoreError) -> String {
    let what = match error.code() {
        ErrorCode::ServerUnreachable => "nothing answers at this address (down, wrong address, or no network)",
        ErrorCode::Timeout => "the server did not answer in time",
        ErrorCode::TlsError => "the server's certificate is not trusted, so nothing was sent to it",
        ErrorCode::NotDirectus => "something answers, but not as a Directus server (wrong address, a proxy or a captive portal)",
        ErrorCode::ServerUnavailable => "the server says it is busy or under maintenance",
        ErrorCode::RateLimited => "the server asks the app to slow down",
        _ => "the server gave an unexpected answer",
    };
    format!("{what} ({})", error.code())
}

/// The keychain failure the session met, if any.
fn keychain_problem(view: &SessionView) -> Option<ErrorCode> {
    match view {
        SessionView::SignedIn {
            keychain_problem, ..
        }
        | SessionView::SignedOut {
            keychain_problem, ..
        } => keychain_problem.as_ref().map(|problem| problem.code),
        SessionView::Restoring { .. } => None,
    }
}

fn session_facts(view: &SessionView) -> SessionFacts {
    match view {
        SessionView::Restoring { .. } => SessionFacts {
            state: "restoring",
            signed_out_because: None,
            remembered: None,
            access_expires_in_secs: None,
            problem: None,
        },
        SessionView::SignedOut {
            reason,
            keychain_problem,
        } => SessionFacts {
            state: "signed_out",
            signed_out_because: *reason,
            remembered: None,
            access_expires_in_secs: None,
            problem: keychain_problem.as_ref().map(|problem| problem.code),
        },
        SessionView::SignedIn {
            remembered,
            offline,
            connection_problem,
            keychain_problem,
            access_expires_at_ms,
            ..
        } => SessionFacts {
            state: if *offline { "offline" } else { "signed_in" },
            signed_out_because: None,
            remembered: Some(*remembered),
            access_expires_in_secs: Some((*access_expires_at_ms as i64 - now_ms() as i64) / 1000),
            problem: connection_problem
                .as_ref()
                .or(keychain_problem.as_ref())
                .map(|problem| problem.code),
        },
    }
}

/// Which program the OS opens `<scheme>://` links with: on Linux the desktop's own answer
/// (`xdg-mime`); on Windows the command an installer wrote (the per-user NSIS install under
/// HKCU, the per-machine MSI under HKLM; the user's wins, as in Windows' merged view, which
/// is read key by key here because Wine, where this is tested, does not merge); a portable
/// copy writes none. macOS takes it from the installed bundle.
#[cfg(windows)]
pub fn scheme_handler(scheme: &str) -> SchemeHandler {
    let key = format!("Software\\Classes\\{scheme}\\shell\\open\\command");
    let command = [
        windows_registry::CURRENT_USER,
        windows_registry::LOCAL_MACHINE,
    ]
    .iter()
    .find_map(|root| root.open(&key).and_then(|key| key.get_string("")).ok())
    .filter(|command| !command.trim().is_empty());
    match command {
        Some(command) => SchemeHandler::Registered(command),
        None => SchemeHandler::NotRegistered,
    }
}

/// How long the desktop has to say which program opens the app's links.
const SCHEME_ANSWER_WITHIN: std::time::Duration = std::time::Duration::from_secs(5);

#[cfg(not(windows))]
pub fn scheme_handler(scheme: &str) -> SchemeHandler {
    if !cfg!(target_os = "linux") {
        return SchemeHandler::ByInstaller;
    }
    use std::io::Read;
    use std::os::unix::process::CommandExt;
    use std::process::{Command, Stdio};
    // xdg-mime asks the session bus which desktop this is (`dbus-send`, with no bound of its
    // own): a bus that never answers would hold the report forever.
    let spawned = Command::new("xdg-mime")
        .args(["query", "default", &format!("x-scheme-handler/{scheme}")])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        // Its own group, so what it started ends with it.
        .process_group(0)
        .spawn();
    // No xdg-utils: nothing on this desktop opens links by scheme.
    let Ok(mut child) = spawned else {
        return SchemeHandler::NotRegistered;
    };
    let started = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() < SCHEME_ANSWER_WITHIN => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            _ => break None,
        }
    };
    let Some(status) = status else {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{}", child.id())])
            .status();
        let _ = child.wait();
        tracing::warn!(
            within_s = SCHEME_ANSWER_WITHIN.as_secs(),
            "xdg-mime did not say in time which program opens the app's links"
        );
        return SchemeHandler::NoAnswer;
    };
    let mut program = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut program);
    }
    let program = program.trim().to_string();
    if status.success() && !program.is_empty() {
        SchemeHandler::Registered(program)
    } else {
        SchemeHandler::NotRegistered
    }
}

fn now_ms() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_millis()
}

fn now_unix() -> u64 {
    (now_ms() / 1000) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_history_keeps_the_last_twenty() {
        let history = ErrorHistory::default();
        for _ in 0..25 {
            history.record("sign_in", ErrorCode::InvalidCredentials);
        }
        history.record("register", ErrorCode::RateLimited);
        let kept = history.snapshot();
        assert_eq!(kept.len(), RECENT_ERRORS);
        assert_eq!(kept.last().unwrap().code, ErrorCode::RateLimited);
    }
}
