//! The report a support desk asks for, as plain text a person can paste into a ticket (or JSON
//! for scripts): what the app is, which server it uses and how that server answers, where the
//! email links go and whether the server accepts them, the keychain, the session and the last
//! errors. It holds no secret: no token, password or link token, and of the keychain only
//! whether an entry exists.

use crate::directus::{DirectusClient, Timeouts};
use crate::error::CoreError;
use crate::language::{self, Language, Messages};
use crate::links::LinkTargets;
use crate::server_url::ServerUrl;
use crate::vault::{Inspection, Vault, KEYCHAIN};
use account_bridge::{
    BridgeError, EmailLinksView, ErrorCode, ServerUrlSource, SessionView, SignOutReason,
};
use serde::Serialize;
use std::collections::VecDeque;
use std::fmt;
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

/// What only the app shell knows about itself (the core has no Tauri types).
#[derive(Debug, Clone, Serialize)]
pub struct AppFacts {
    pub name: String,
    pub version: String,
    /// The commit, build date and profile (`release` or `debug`).
    pub build: String,
    pub os: String,
    pub arch: String,
    pub webview: String,
    pub log_folder: String,
    /// The scheme the email links use when they go straight to the app.
    pub scheme: String,
}

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
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub created_unix: u64,
    pub app: AppFacts,
    pub server: ServerFacts,
    pub email_links: EmailLinksView,
    pub keychain: KeychainFacts,
    /// None on the command line: the session lives in the running app.
    pub session: Option<SessionFacts>,
    pub recent_errors: Vec<RecentError>,
    pub checks: Vec<Check>,
    /// What works but should not stay so in production.
    pub warnings: Vec<Check>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ServerFacts {
    pub url: String,
    pub source: ServerUrlSource,
    /// The error code when the server could not be used or reached.
    pub problem: Option<ErrorCode>,
    pub ping_ms: Option<u64>,
    pub tls: &'static str,
    pub project_name: Option<String>,
    pub directus_version: Option<String>,
    pub public_registration: Option<bool>,
    pub verify_email: Option<bool>,
    /// False when the server refuses every sign-in but an administrator's (an unlicensed
    /// Directus 12 over its limits: RESOURCE_RESTRICTED); None when not asked.
    pub sign_ins_accepted: Option<bool>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeychainState {
    /// An entry exists for this server (its content is not read into the report).
    EntryStored,
    NoEntry,
    /// An entry exists that the app can't read (the report leaves it as it is).
    Unreadable,
    Locked,
    /// The keychain did not answer in time, connecting included.
    TimedOut,
    Unavailable,
}

#[derive(Debug, Clone, Serialize)]
pub struct KeychainFacts {
    pub store: &'static str,
    pub state: KeychainState,
}

#[derive(Debug, Clone, Serialize)]
pub struct SessionFacts {
    /// `restoring`, `signed_in`, `offline` or `signed_out`.
    pub state: &'static str,
    pub signed_out_because: Option<SignOutReason>,
    pub remembered: Option<bool>,
    pub access_expires_in_secs: Option<i64>,
    pub problem: Option<ErrorCode>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RecentError {
    pub at_unix: u64,
    pub operation: &'static str,
    pub code: ErrorCode,
}

/// One thing checked, with what it means when it fails.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// A stable name: `server`, `reset_link_allowed`, `link_scheme_registered`, `keychain`.
    pub id: &'static str,
    pub ok: bool,
    pub detail: String,
}

impl Report {
    /// The checks that failed, by name.
    pub fn problems(&self) -> Vec<&'static str> {
        self.checks
            .iter()
            .filter(|check| !check.ok)
            .map(|check| check.id)
            .collect()
    }
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
        session: subject.session.as_ref().map(session_facts),
        recent_errors: subject.recent_errors,
        checks,
        warnings,
    }
}

/// An address as the report prints it: without the user and password a URL may carry
/// (`https://user:pass@host`), without control and direction characters, bounded.
pub fn printable_address(address: &str) -> String {
    let address = match address.split_once("://") {
        Some((scheme, rest)) => format!("{scheme}://{}", without_user_info(rest)),
        None => without_user_info(address),
    };
    printable(&address, 512)
}

fn without_user_info(rest: &str) -> String {
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("…@{}", &rest[at + 1..]),
        None => rest.to_string(),
    }
}

/// Text as the report prints it: one line, no control or direction-override characters (a
/// pasted report cannot be given fake lines or reordered), at most `max` characters.
pub fn printable(text: &str, max: usize) -> String {
    let is_format = |c: char| matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}');
    let mut kept: String = text
        .chars()
        .filter(|&c| !c.is_control() && !is_format(c))
        .take(max + 1)
        .collect();
    if kept.chars().count() > max {
        kept = kept.chars().take(max).collect::<String>() + "…";
    }
    kept
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

/// The report in English (logs, `--json`'s companion, tests).
impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, &Messages::of(language::DEFAULT))
    }
}

/// The report with its headings and labels in a language; the values stay as they are (in
/// English, codes and addresses), so a support desk reads them the same in every report.
pub struct Localized<'a> {
    report: &'a Report,
    messages: Messages,
}

impl fmt::Display for Localized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.report.write(f, &self.messages)
    }
}

impl Report {
    pub fn localized(&self, language: &Language) -> Localized<'_> {
        Localized {
            report: self,
            messages: Messages::of(language),
        }
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, messages: &Messages) -> fmt::Result {
        let label_of = |id: &str| messages.get(id);
        let row = |f: &mut fmt::Formatter<'_>, label: &str, value: &dyn fmt::Display| {
            // Padded by characters, not bytes, so labels in any script line up.
            let padding = 22usize.saturating_sub(label.chars().count());
            writeln!(f, "  {label}{:padding$}{value}", "")
        };
        // A row whose label is the message `id`.
        let line = |f: &mut fmt::Formatter<'_>, id: &str, value: &dyn fmt::Display| {
            row(f, &label_of(id), value)
        };
        let yes_no = |value: Option<bool>, yes: &str, no: &str| match value {
            Some(true) => yes.to_string(),
            Some(false) => no.to_string(),
            None => "not checked".to_string(),
        };
        writeln!(
            f,
            "{}",
            messages.with("report-title", "app", &self.app.name)
        )?;
        let problems = self.problems();
        let warnings: Vec<&str> = self.warnings.iter().map(|warning| warning.id).collect();
        if problems.is_empty() && !warnings.is_empty() {
            writeln!(
                f,
                "{}: everything checked is fine; WARNING: {}",
                label_of("report-result"),
                warnings.join(", ")
            )?;
        } else if problems.is_empty() {
            writeln!(
                f,
                "{}: everything checked is fine",
                label_of("report-result")
            )?;
        } else {
            writeln!(
                f,
                "{}: PROBLEMS: {}",
                label_of("report-result"),
                problems.join(", ")
            )?;
        }

        writeln!(f, "\n{}", label_of("report-app"))?;
        line(f, "report-version", &self.app.version)?;
        line(f, "report-build", &self.app.build)?;
        line(
            f,
            "report-system",
            &format!("{} ({})", self.app.os, self.app.arch),
        )?;
        line(f, "report-webview", &self.app.webview)?;
        line(f, "report-log-folder", &self.app.log_folder)?;

        let server = &self.server;
        writeln!(f, "\n{}", label_of("report-server"))?;
        line(f, "report-address", &server.url)?;
        line(f, "report-set-by", &source_label(server.source))?;
        match (server.problem, server.ping_ms) {
            (Some(code), _) => line(f, "report-answers", &format!("no ({code})"))?,
            (None, Some(ms)) => line(
                f,
                "report-answers",
                &format!("yes, /server/ping in {ms} ms"),
            )?,
            (None, None) => line(f, "report-answers", &"not checked")?,
        }
        line(f, "report-tls", &server.tls)?;
        if let Some(project) = &server.project_name {
            line(f, "report-project", project)?;
        }
        line(
            f,
            "report-directus-version",
            &server
                .directus_version
                .as_deref()
                .unwrap_or("not published to anonymous callers"),
        )?;
        line(
            f,
            "report-registration",
            &yes_no(server.public_registration, "open to the app", "closed"),
        )?;
        line(
            f,
            "report-email-confirmation",
            &yes_no(server.verify_email, "required", "not required"),
        )?;
        line(
            f,
            "report-sign-ins",
            &yes_no(
                server.sign_ins_accepted,
                "accepted",
                "REFUSED to all but administrators (RESOURCE_RESTRICTED: over the licence limits)",
            ),
        )?;

        let links = &self.email_links;
        writeln!(f, "\n{}", label_of("report-email-links"))?;
        line(
            f,
            "report-style",
            &if links.via_link_page {
                "through the organisation's hand-off page"
            } else {
                "straight to the app (its own link scheme)"
            },
        )?;
        line(f, "report-reset-link", &printable_address(&links.reset_url))?;
        line(
            f,
            "report-verification-link",
            &printable_address(&links.verify_url),
        )?;
        line(
            f,
            "report-reset-accepted",
            &yes_no(
                links.reset_url_allowed,
                "yes (PASSWORD_RESET_URL_ALLOW_LIST lists it)",
                "NO: add it to PASSWORD_RESET_URL_ALLOW_LIST",
            ),
        )?;
        line(f, "report-verification-accepted",
            &"not checked (it would create an account): USER_REGISTER_URL_ALLOW_LIST must list the verification link",
        )?;
        line(
            f,
            "report-links-opened-by",
            &match (links.scheme_registered, &links.opened_by) {
                (Some(true), Some(program)) => program.clone(),
                (Some(false), _) => "nothing: the app's scheme is not registered".into(),
                (None, Some(answer)) => answer.clone(),
                _ if links.via_link_page => "the browser (hand-off page), then the app".into(),
                _ => "the app, as its installer registered it".into(),
            },
        )?;

        writeln!(f, "\n{}", label_of("report-keychain"))?;
        line(f, "report-store", &self.keychain.store)?;
        line(
            f,
            "report-state",
            &match self.keychain.state {
                KeychainState::EntryStored => "available; a session is stored for this server",
                KeychainState::NoEntry => "available; no session stored for this server",
                KeychainState::Unreadable => {
                    "available; the session stored for this server can't be read"
                }
                KeychainState::Locked => "locked",
                KeychainState::TimedOut => "did not answer in time",
                KeychainState::Unavailable => "not available",
            },
        )?;

        writeln!(f, "\n{}", label_of("report-session"))?;
        match &self.session {
            None => line(f, "report-state", &"known only inside the running app")?,
            Some(session) => {
                line(f, "report-state", &session.state)?;
                if let Some(reason) = session.signed_out_because {
                    line(f, "report-signed-out-because", &format!("{reason:?}"))?;
                }
                if let Some(remembered) = session.remembered {
                    line(
                        f,
                        "report-remembered",
                        &if remembered { "yes" } else { "no (keychain)" },
                    )?;
                }
                if let Some(seconds) = session.access_expires_in_secs {
                    line(f, "report-access-expires", &format!("{seconds} s"))?;
                }
                if let Some(code) = session.problem {
                    line(f, "report-problem", &code)?;
                }
            }
        }

        writeln!(f, "\n{}", label_of("report-recent-errors"))?;
        if self.recent_errors.is_empty() {
            row(f, "", &"none")?;
        }
        for error in &self.recent_errors {
            let ago = self.created_unix.saturating_sub(error.at_unix);
            row(
                f,
                &format!("{ago} s ago"),
                &format!("{} in {}", error.code, error.operation),
            )?;
        }

        writeln!(f, "\n{}", label_of("report-checks"))?;
        for check in &self.checks {
            let mark = if check.ok { "ok     " } else { "PROBLEM" };
            writeln!(f, "  [{mark}] {}: {}", check.id, check.detail)?;
        }
        for warning in &self.warnings {
            writeln!(f, "  [WARNING] {}: {}", warning.id, warning.detail)?;
        }
        Ok(())
    }
}

fn source_label(source: ServerUrlSource) -> &'static str {
    match source {
        ServerUrlSource::Environment => "the DIRECTUS_DESKTOP_SERVER_URL environment variable",
        ServerUrlSource::Settings => "the app's settings",
        ServerUrlSource::Default => "the default (a local development server)",
        ServerUrlSource::Unset => "nothing (no server is configured)",
        ServerUrlSource::CommandLine => "the command line (--server)",
    }
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
