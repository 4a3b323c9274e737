//! The report a support desk asks for, as plain text a person can paste into a ticket (or JSON
//! for scripts): what the app is, which server it uses and how that server answers, where the
//! email links go and whether the server accepts them, the keychain, the session and the last
//! errors. It holds no secret: no token, password or link token, and of the keychain only
//! whether an entry exists.
//!
//! `probe` gathers the report (asking the server, the keychain and the desktop); `report` renders
//! it, in the customer's language for its headings. The types here are what passes between them,
//! and what `--json` prints.

mod probe;
mod report;

pub use probe::{
    diagnose, email_links, scheme_handler, ErrorHistory, SchemeHandler, Subject, PROBE_EMAIL,
};
pub use report::Localized;

use crate::updates::{ManifestOffer, UpdateSource};
use account_bridge::{
    EmailLinksView, ErrorCode, ServerUrlSource, SignOutReason, UpdateCheck, UpdateFailure,
};
use serde::Serialize;

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
    /// Where this build takes updates from; None: updates are off in this build.
    pub updates: Option<UpdateSource>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub created_unix: u64,
    pub app: AppFacts,
    pub server: ServerFacts,
    pub email_links: EmailLinksView,
    pub keychain: KeychainFacts,
    pub updates: UpdateFacts,
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

/// Why a customer may be on an old version: updates off, or what the last check and a check
/// now found.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateFacts {
    pub enabled: bool,
    /// The app's last check, as its settings keep it.
    pub last_check: Option<UpdateCheck>,
    /// What the manifest offers now; None when off, when it offers nothing (204), or when it
    /// could not be read (`problem`).
    pub offered: Option<ManifestOffer>,
    pub problem: Option<UpdateFailure>,
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
