//! The types that cross the Tauri bridge. Plain serde data only: the core produces them, the UI
//! (wasm) consumes them, and neither side ever sees a token through them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The events the core sends the UI, by name; both sides use these constants.
pub mod events {
    /// Payload: `SessionView`. Every change of the session, background ones included.
    pub const SESSION_CHANGED: &str = "session-changed";
    /// Payload: `LinkView`. A deep link arrived and waits for the UI to accept it.
    pub const LINK_OPENED: &str = "link-opened";
    /// Payload: `BridgeError`. A deep link was refused.
    pub const LINK_REJECTED: &str = "link-rejected";
    /// Payload: `UpdateView`. A check began or ended, an update was found, postponed, or its
    /// download moved on.
    pub const UPDATE_CHANGED: &str = "update-changed";
}

/// Declares the command names from one list of constants and their names, so a constant and
/// `ALL` cannot drift apart.
macro_rules! command_names {
    ($($constant:ident => $name:literal,)+) => {
        $(pub const $constant: &str = $name;)+

        /// Every command, in the order of the list above.
        pub const ALL: &[&str] = &[$($constant,)+];

        #[cfg(test)]
        const DECLARED: &[(&str, &str)] = &[$((stringify!($constant), $name),)+];
    };
}

/// The commands the core answers, by name: the one list of them. The UI calls a command by its
/// constant (`ui/src/api.rs`), the app's build script gives each one its `allow-<name>`
/// permission and the window's permission set (`src-tauri/build.rs`), and the core labels
/// failures with them. Tauri's handler list needs the functions themselves, so it cannot read
/// this: `src-tauri/src/commands/tests.rs` fails when it, `src-tauri/src/commands.rs` or the
/// window's capability differ from this list.
pub mod commands {
    command_names! {
        STARTUP => "startup",
        LANGUAGE => "language",
        CHOOSE_LANGUAGE => "choose_language",
        RETRY_RESTORE => "retry_restore",
        ACCEPT_ARRIVED_LINK => "accept_arrived_link",
        DISCARD_ARRIVED_LINK => "discard_arrived_link",
        SERVER_SETTINGS => "server_settings",
        TEST_CONNECTION => "test_connection",
        CHANGE_SERVER => "change_server",
        SIGN_IN => "sign_in",
        SIGN_OUT => "sign_out",
        CURRENT_USER => "current_user",
        LIST_ITEMS => "list_items",
        READ_ITEM => "read_item",
        REGISTER => "register",
        OPEN_LINK => "open_link",
        VERIFY_EMAIL => "verify_email",
        REQUEST_PASSWORD_RESET => "request_password_reset",
        RESET_PASSWORD => "reset_password",
        ABOUT => "about",
        COPY_DIAGNOSTIC_REPORT => "copy_diagnostic_report",
        OPEN_LOG_FOLDER => "open_log_folder",
        CHECK_EMAIL_LINKS => "check_email_links",
        ACCOUNT => "account",
        UPDATE_NAME => "update_name",
        CHANGE_PASSWORD => "change_password",
        TWO_FACTOR_BEGIN => "two_factor_begin",
        TWO_FACTOR_ENABLE => "two_factor_enable",
        TWO_FACTOR_ABANDON => "two_factor_abandon",
        TWO_FACTOR_DISABLE => "two_factor_disable",
        COPY_TWO_FACTOR_SECRET => "copy_two_factor_secret",
        UPDATES => "updates",
        CHECK_FOR_UPDATES => "check_for_updates",
        POSTPONE_UPDATE => "postpone_update",
        INSTALL_UPDATE => "install_update",
    }

    /// The permission set that allows every command in `ALL`: the window's capability names it
    /// instead of each command's `allow-<name>`.
    pub const PERMISSION_SET: &str = "app-commands";

    /// The permission Tauri makes for a command from the app manifest: `allow-` and the name
    /// with dashes.
    pub fn allow_permission(name: &str) -> String {
        format!("allow-{}", name.replace('_', "-"))
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn each_constant_is_its_command_name_in_capitals_and_names_are_unique() {
            for (constant, name) in DECLARED {
                assert_eq!(constant.to_lowercase(), *name);
                assert!(
                    name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                    "{name}: Tauri's permission identifiers take lowercase letters only"
                );
            }
            let mut names = ALL.to_vec();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), ALL.len(), "a command is listed twice");
        }

        #[test]
        fn a_command_is_allowed_by_its_dashed_name() {
            assert_eq!(
                allow_permission(REQUEST_PASSWORD_RESET),
                "allow-request-password-reset"
            );
        }
    }
}

/// A new account as the register screen collects it. The password is wiped from memory when
/// the value is dropped, and never printed.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewAccount {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub password: String,
}

impl Drop for NewAccount {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.password);
    }
}

impl fmt::Debug for NewAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NewAccount")
            .field("first_name", &self.first_name)
            .field("last_name", &self.last_name)
            .field("email", &self.email)
            .field("password", &"[redacted]")
            .finish()
    }
}

/// Declares `ErrorCode` from one list of variants and their wire names, so the enum, its
/// serialized names, `ALL` and `as_str` cannot drift apart.
macro_rules! error_codes {
    ($($variant:ident => $wire:literal,)+) => {
        /// The closed set of failures the UI matches on. The serialized names are a stable
        /// contract: the UI, the diagnostics a support desk copies, and the logs all use them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum ErrorCode {
            $(#[serde(rename = $wire)] $variant,)+
        }

        impl ErrorCode {
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)+];

            /// The wire name, e.g. `SERVER_UNREACHABLE`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(ErrorCode::$variant => $wire,)+
                }
            }
        }
    };
}

error_codes! {
    InvalidCredentials => "INVALID_CREDENTIALS",
    OtpRequired => "OTP_REQUIRED",
    OtpInvalid => "OTP_INVALID",
    AccountSuspended => "ACCOUNT_SUSPENDED",
    SessionExpired => "SESSION_EXPIRED",
    LinkInvalid => "LINK_INVALID",
    LinkUsed => "LINK_USED",
    LinkExpired => "LINK_EXPIRED",
    RegistrationClosed => "REGISTRATION_CLOSED",
    PasswordRejected => "PASSWORD_REJECTED",
    RateLimited => "RATE_LIMITED",
    ServerUnavailable => "SERVER_UNAVAILABLE",
    ServerUnreachable => "SERVER_UNREACHABLE",
    Timeout => "TIMEOUT",
    NotDirectus => "NOT_DIRECTUS",
    InvalidServerUrl => "INVALID_SERVER_URL",
    ServerNotConfigured => "SERVER_NOT_CONFIGURED",
    KeychainUnavailable => "KEYCHAIN_UNAVAILABLE",
    KeychainLocked => "KEYCHAIN_LOCKED",
    TlsError => "TLS_ERROR",
    ServerChanged => "SERVER_CHANGED",
    // Directus refused to show it to this account (no read permission, or no such item).
    Forbidden => "FORBIDDEN",
    // The app's configuration does not let the UI read that collection: refused by the core
    // before anything is sent.
    CollectionNotAllowed => "COLLECTION_NOT_ALLOWED",
    // A query outside the shape the app's configuration gives the collection (a field,
    // sort, filter or operator it does not list, a relation path): refused by the core before
    // anything is sent.
    QueryNotAllowed => "QUERY_NOT_ALLOWED",
    // Directus's RESOURCE_RESTRICTED: an unlicensed Directus 12 over its limits refuses every
    // sign-in but an administrator's until the organisation acts. Not the customer's doing,
    // and not a reason to forget a session.
    ServerRestricted => "SERVER_RESTRICTED",
    // The organisation requires two-factor authentication (a policy's `enforce_tfa`) and this
    // account has none yet: every protected command refuses until it is set up; signing out
    // and the set-up itself stay possible.
    TwoFactorRequired => "TWO_FACTOR_REQUIRED",
    // An update's signature does not match the key built into the app (or the package is not
    // one this system installs): refused before anything was run or replaced.
    UpdateRejected => "UPDATE_REJECTED",
    // An update could not be downloaded or installed; the installed app is unchanged.
    UpdateFailed => "UPDATE_FAILED",
    Unexpected => "UNEXPECTED",
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The one error type that crosses the bridge: a code to match on and structured details. It
/// carries no sentence: the UI words every message (`ui/src/copy.rs`), and nothing the server
/// wrote crosses (Directus echoes passwords in some errors).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BridgeError {
    pub code: ErrorCode,
    /// The field the error is about, when it is about one: the screen shows it there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<Field>,
    /// For `INVALID_SERVER_URL`: what is wrong with the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<AddressProblem>,
    /// Seconds to wait before trying again, when the server said so (rate limiting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u64>,
    /// The HTTP status, for an unexpected answer: support desks ask for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
    /// For `SERVER_NOT_CONFIGURED`: the Directus setting that must allow the app's links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_setting: Option<ServerSetting>,
    /// For the keychain codes: the store the session is kept in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keychain: Option<Keychain>,
}

impl BridgeError {
    /// An error with its code only; details are set field by field.
    pub fn new(code: ErrorCode) -> Self {
        BridgeError {
            code,
            field: None,
            address: None,
            retry_after_secs: None,
            http_status: None,
            server_setting: None,
            keychain: None,
        }
    }
}

/// The input an error is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ServerUrl,
    LinkPage,
    /// A new password the server's policy refused.
    Password,
    OneTimeCode,
}

/// Why a typed address (the server's, or the link page's) can't be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AddressProblem {
    Empty,
    NotAWebAddress,
    /// `http://` to another computer: credentials would travel in clear.
    PlainHttp,
    UnsupportedScheme,
    NoHost,
    HasCredentials,
    /// Longer than `MAX_SERVER_URL_BYTES`: no keychain on every OS could name its entry.
    TooLong,
}

/// A Directus setting (environment variable) an organisation may have to change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServerSetting {
    #[serde(rename = "PASSWORD_RESET_URL_ALLOW_LIST")]
    PasswordResetUrlAllowList,
    #[serde(rename = "USER_REGISTER_URL_ALLOW_LIST")]
    UserRegisterUrlAllowList,
}

impl ServerSetting {
    /// Its name in Directus's configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            ServerSetting::PasswordResetUrlAllowList => "PASSWORD_RESET_URL_ALLOW_LIST",
            ServerSetting::UserRegisterUrlAllowList => "USER_REGISTER_URL_ALLOW_LIST",
        }
    }
}

/// The OS store the session is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Keychain {
    /// Linux: GNOME Keyring, KWallet or another Secret Service provider.
    SecretService,
    MacosKeychain,
    WindowsCredentialManager,
}

impl Keychain {
    /// By the name its users (and support desks) know it.
    pub fn name(self) -> &'static str {
        match self {
            Keychain::SecretService => "Secret Service",
            Keychain::MacosKeychain => "macOS Keychain",
            Keychain::WindowsCredentialManager => "Windows Credential Manager",
        }
    }
}

/// The code and its details, for logs and diagnostics: never a sentence meant for users.
impl fmt::Display for BridgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.code)?;
        if let Some(field) = self.field {
            write!(f, " field={field:?}")?;
        }
        if let Some(address) = self.address {
            write!(f, " address={address:?}")?;
        }
        if let Some(wait) = self.retry_after_secs {
            write!(f, " retry_after={wait}s")?;
        }
        if let Some(status) = self.http_status {
            write!(f, " http={status}")?;
        }
        if let Some(setting) = self.server_setting {
            write!(f, " setting={}", setting.as_str())?;
        }
        if let Some(keychain) = self.keychain {
            write!(f, " keychain={}", keychain.name())?;
        }
        Ok(())
    }
}

impl std::error::Error for BridgeError {}

/// Where the server URL in use came from, so a support desk can tell why the app talks to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ServerUrlSource {
    /// The `DIRECTUS_DESKTOP_SERVER_URL` environment variable.
    Environment,
    /// Saved in the app's settings.
    Settings,
    /// The local development Directus (development builds only).
    Default,
    /// Nothing configured, in a release build: nothing is sent until the customer saves the
    /// address their organisation gave them.
    Unset,
    /// `--server` of `--diagnose`, for that report only.
    CommandLine,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerSettingsView {
    pub url: String,
    pub source: ServerUrlSource,
    /// The https hand-off page the emails link to, when one is set.
    #[serde(default)]
    pub link_page: Option<String>,
}

/// What `/server/info` tells an anonymous caller, in the shape the UI needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerInfoView {
    pub url: String,
    pub project_name: String,
    #[serde(default)]
    pub project_color: Option<String>,
    #[serde(default)]
    pub project_descriptor: Option<String>,
    /// The project logo as a `data:` URL (the webview loads nothing from the network).
    #[serde(default)]
    pub project_logo: Option<String>,
    /// Whether customers may create accounts from the app.
    pub public_registration: bool,
    /// Whether a new account must confirm its email before signing in.
    pub verify_email: bool,
    /// The project's language in Data Studio (`default_language`, e.g. "de-DE"): the app's
    /// language when neither the customer nor the system asks for one the app has.
    #[serde(default)]
    pub default_language: Option<String>,
}

/// The app itself, for its help screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AboutView {
    pub name: String,
    pub version: String,
    /// Commit, build date and profile.
    pub build: String,
    /// Where the log files are.
    pub log_folder: String,
}

/// Updates as the window shows them: the banner and the Help screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateView {
    /// False: this build names no update source, and the app never looks for updates.
    pub enabled: bool,
    pub current_version: String,
    /// The last check, this run's or an earlier run's.
    #[serde(default)]
    pub last_check: Option<UpdateCheck>,
    /// A newer version a check found, until it is installed.
    #[serde(default)]
    pub available: Option<AvailableUpdate>,
    pub activity: UpdateActivity,
}

impl UpdateView {
    /// Whether the banner offers `available` now: not postponed, nothing under way.
    pub fn offer(&self) -> Option<&AvailableUpdate> {
        self.available
            .as_ref()
            .filter(|update| !update.postponed || self.activity != UpdateActivity::Idle)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UpdateCheck {
    pub at_unix: u64,
    pub outcome: UpdateOutcome,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UpdateOutcome {
    UpToDate,
    Found { version: String },
    Failed { reason: UpdateFailure },
}

/// Why a check or an install did not succeed, as the Help screen and the report name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UpdateFailure {
    /// No connection to the update server.
    Unreachable,
    Timeout,
    /// The update server answered with an error status.
    ServerError,
    /// The answer is not an update manifest.
    BadManifest,
    /// The manifest has no package for this system.
    NoPackage,
    /// The package's signature does not match the app's key, or it is not a package this
    /// system installs.
    Rejected,
    /// The download broke off.
    DownloadFailed,
    /// The system's installer failed (or was cancelled at its password prompt).
    InstallFailed,
}

impl UpdateFailure {
    /// The code an install that failed this way crosses the bridge with.
    pub fn code(self) -> ErrorCode {
        match self {
            UpdateFailure::Rejected => ErrorCode::UpdateRejected,
            _ => ErrorCode::UpdateFailed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AvailableUpdate {
    pub version: String,
    /// The release notes, plain text (never rendered as markup).
    pub notes: String,
    /// "Later" was chosen for this version: no banner until a newer one.
    pub postponed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum UpdateActivity {
    Idle,
    Checking,
    /// `percent` when the server said how large the package is.
    Downloading {
        percent: Option<u8>,
    },
    /// Verified and being installed; the app restarts when it is done.
    Installing,
}

/// Where the links in Directus's emails go, and whether the server accepts them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailLinksView {
    /// Through the organisation's hand-off page (else straight to the app's scheme).
    pub via_link_page: bool,
    pub reset_url: String,
    pub verify_url: String,
    /// Whether the server accepts `reset_url`; None when it could not be asked (`problem`).
    pub reset_url_allowed: Option<bool>,
    #[serde(default)]
    pub problem: Option<BridgeError>,
    /// Whether the OS opens the app's scheme with a program (`opened_by`); None where only the
    /// installer registers it (macOS, Windows) or the links go through a hand-off page.
    pub scheme_registered: Option<bool>,
    #[serde(default)]
    pub opened_by: Option<String>,
    /// The server accepts the app's own-scheme reset link. Directus checks a custom-scheme
    /// allow-list entry by origin and path only, and every custom scheme's origin is `null`:
    /// it then accepts `<any scheme>://reset-password` too, so a reset email's code can be sent
    /// to another program. The hand-off page (https) is the safe choice for production.
    #[serde(default)]
    pub any_scheme_accepted: bool,
}

/// Why the user is looking at the sign-in screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignOutReason {
    /// The user chose to sign out.
    SignedOut,
    /// The server no longer accepts the session (expired, revoked, or the account suspended).
    SessionExpired,
    /// The password was changed, which ends every session of the account.
    PasswordChanged,
}

/// Who is signed in, as far as the server lets a customer read it. An unlicensed Directus 12
/// returns only the id to customers, so the email is the one used to sign in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: String,
    pub email: String,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
}

impl UserView {
    /// The name when the server returned one, else the email.
    pub fn display_name(&self) -> String {
        let name = full_name(self.first_name.as_deref(), self.last_name.as_deref());
        if name.is_empty() {
            self.email.clone()
        } else {
            name
        }
    }
}

/// First and last name as one, the parts that are there; empty when neither is.
pub fn full_name(first_name: Option<&str>, last_name: Option<&str>) -> String {
    [first_name, last_name]
        .into_iter()
        .flatten()
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The session as the UI sees it: who and until when, never a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SessionView {
    SignedOut {
        #[serde(default)]
        reason: Option<SignOutReason>,
        /// Set when the keychain could not be read, so a stored session may exist but is
        /// out of reach.
        #[serde(default)]
        keychain_problem: Option<BridgeError>,
    },
    /// Reading the keychain and refreshing the stored session at start-up. `user` is who was
    /// signed in when the app last ran (not a secret: the settings file keeps it), shown at
    /// once as "checking…" instead of an empty window.
    Restoring {
        #[serde(default)]
        user: Option<UserView>,
    },
    SignedIn {
        user: UserView,
        server_url: String,
        /// When the current access token expires (Unix milliseconds); renewed automatically.
        access_expires_at_ms: u64,
        /// Whether the session is kept in the keychain and survives a restart.
        remembered: bool,
        /// The server could not be reached at the last refresh; the session is kept and
        /// retried in the background.
        offline: bool,
        /// Why the last refresh failed while offline (unreachable, timeout, TLS, busy…).
        #[serde(default)]
        connection_problem: Option<BridgeError>,
        /// When the next background attempt is due (Unix milliseconds), while offline.
        #[serde(default)]
        retry_at_ms: Option<u64>,
        /// Why the session is not remembered, when the keychain failed.
        #[serde(default)]
        keychain_problem: Option<BridgeError>,
        /// The organisation requires two-factor authentication and this account has none: the
        /// set-up comes before any other signed-in screen.
        #[serde(default)]
        two_factor_required: bool,
    },
}

/// Where the name an account screen shows comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NameSource {
    /// The server said it.
    Server,
    /// Registered or last saved with this app on this device: the server will not say (an
    /// unlicensed Directus 12 lets a customer read only their id).
    ThisDevice,
    /// Neither the server nor this device knows it.
    Unknown,
}

/// Whether two-factor authentication is on: what the server said, or what this app last saw
/// (a sign-in that asked for a code, a set-up or turning it off done here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TwoFactorState {
    On,
    Off,
    Unknown,
}

/// The signed-in customer's own account, for the account screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub user: UserView,
    pub name_known_from: NameSource,
    pub two_factor: TwoFactorState,
    /// The organisation requires two-factor authentication and this account has none yet.
    pub two_factor_required: bool,
    pub server_url: String,
    /// Whether this device keeps the session in the keychain.
    pub remembered: bool,
}

/// The password was changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChanged {
    /// This device signed in again with the new password. False when that sign-in needs a
    /// fresh one-time code: the UI then calls `sign_in` with the new password and a code.
    pub signed_in_again: bool,
}

/// What the two-factor set-up shows: the secret (in the core until it is enabled or abandoned)
/// as a QR code and in groups of four for typing by hand.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorSetup {
    /// The secret in base32, in groups of four characters.
    pub secret_groups: Vec<String>,
    /// The `otpauth://` address as a QR code: a `data:image/svg+xml;base64,…` URL.
    pub qr_code: String,
    /// Who the authenticator app lists it under (the project's name).
    pub issuer: String,
    /// The account it is for (the email).
    pub account: String,
}

impl Drop for TwoFactorSetup {
    fn drop(&mut self) {
        for group in &mut self.secret_groups {
            zeroize::Zeroize::zeroize(group);
        }
        zeroize::Zeroize::zeroize(&mut self.qr_code);
    }
}

impl fmt::Debug for TwoFactorSetup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TwoFactorSetup")
            .field("secret_groups", &"[redacted]")
            .field("qr_code", &"[redacted]")
            .field("issuer", &self.issuer)
            .field("account", &self.account)
            .finish()
    }
}

/// Everything the window needs for its first paint, in one call: nothing in it waits for the
/// network or the keychain.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StartupView {
    /// The core could not start: the window says why instead of showing the screens.
    #[serde(default)]
    pub failure: Option<BridgeError>,
    pub session: SessionView,
    /// The email of the last sign-in on this device.
    #[serde(default)]
    pub last_email: Option<String>,
    /// The server's name, colour and logo as the last run saw them, so the window is branded
    /// at once; the fresh `/server/info` replaces it when it arrives.
    #[serde(default)]
    pub branding: Option<ServerInfoView>,
    /// A link that came before the page was ready (a cold start from an email).
    #[serde(default)]
    pub link: Option<LinkView>,
    /// The language to speak, with its one catalogue.
    pub language: LanguageView,
    /// No server is configured (a release build with no address saved or set): the window
    /// opens the server settings.
    #[serde(default)]
    pub no_server: bool,
}

/// The language the window speaks: its catalogue (Fluent syntax) and why it was chosen. Only
/// this language's catalogue crosses; the others stay in the core.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageView {
    /// Its BCP 47 tag: "en", "de", "ar", or the pseudo-locale "en-XA".
    pub code: String,
    pub direction: TextDirection,
    /// The messages, in Fluent syntax.
    pub catalogue: String,
    pub chosen_by: LanguageSource,
    /// The customer's own pick, when they made one ("Automatic" otherwise).
    #[serde(default)]
    pub choice: Option<String>,
    /// The language "Automatic" gives now (from the system, the server or the default).
    pub automatic: String,
    /// What the picker offers, each by its own name.
    pub available: Vec<LanguageOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageOption {
    pub code: String,
    /// Its name in itself ("Deutsch"), so anyone can find their own.
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextDirection {
    Ltr,
    Rtl,
}

impl TextDirection {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            TextDirection::Ltr => "ltr",
            TextDirection::Rtl => "rtl",
        }
    }
}

/// Where the language in use came from, in the order they count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LanguageSource {
    /// The customer picked it in the app.
    Choice,
    /// The operating system's preferred languages.
    System,
    /// The server's `default_language`.
    Server,
    /// None of those is one the app has: English.
    Default,
}

impl StartupView {
    /// The core could not start.
    pub fn failed(failure: BridgeError, language: LanguageView) -> Self {
        StartupView {
            failure: Some(failure),
            session: SessionView::SignedOut {
                reason: None,
                keychain_problem: None,
            },
            last_email: None,
            branding: None,
            link: None,
            language,
            no_server: false,
        }
    }
}

/// The two kinds of link Directus mails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    ResetPassword,
    VerifyEmail,
}

/// A link the core accepted and now holds (its token stays in the core).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    pub kind: LinkKind,
    /// The address inside the token, for display ("Reset the password of …").
    #[serde(default)]
    pub email: Option<String>,
    /// The token's own expiry has passed (the server will refuse it).
    pub expired: bool,
}

/// What a screen asks of a collection: Directus's own query parameters, checked by the core
/// before they are sent. `filter` is Directus's filter as JSON text (e.g.
/// `{"status":{"_eq":"published"}}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemQuery {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<String>,
    /// Field names, `-` first for descending.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sort: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// From 1; with `limit`, the page of that size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub search: Option<String>,
}

/// One page of a collection: the items in the shape the screen asked for, and how many match
/// the query in all (the pages to offer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemPage<T> {
    pub items: Vec<T>,
    pub total: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_account_travels_in_camel_case_and_never_prints_its_password() {
        let account = NewAccount {
            first_name: "Ada".into(),
            last_name: "Lovelace".into(),
            email: "ada@example.com".into(),
            password: "Pw-Canary-bridge".into(),
        };
        let json = serde_json::to_value(&account).unwrap();
        assert_eq!(json["firstName"], "Ada");
        assert_eq!(json["password"], "Pw-Canary-bridge");
        assert_eq!(serde_json::from_value::<NewAccount>(json).unwrap(), account);
        assert!(!format!("{account:?}").contains("Pw-Canary"));
    }

    /// Tokens never reach the webview: no type that crosses the bridge has a field for one.
    #[test]
    fn no_type_that_crosses_has_a_token_field() {
        let source = include_str!("lib.rs");
        let types = source.split("\n#[cfg(test)]\nmod tests {").next().unwrap();
        for line in types.lines() {
            let code = line.split("//").next().unwrap().trim().to_lowercase();
            let Some((name, _)) = code.split_once(':') else {
                continue;
            };
            assert!(
                !name.contains("token"),
                "a field named for a token would cross the bridge: {line}"
            );
        }
    }

    #[test]
    fn every_code_serializes_to_its_wire_name() {
        for &code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            let back: ErrorCode = serde_json::from_str(&json).unwrap();
            assert_eq!(back, code);
        }
    }

    #[test]
    fn display_name_prefers_the_name_and_falls_back_to_the_email() {
        let mut user = UserView {
            id: "1".into(),
            email: "ada@example.com".into(),
            first_name: Some("Ada".into()),
            last_name: Some(" Lovelace ".into()),
        };
        assert_eq!(user.display_name(), "Ada Lovelace");
        user.last_name = None;
        assert_eq!(user.display_name(), "Ada");
        user.first_name = Some("  ".into());
        assert_eq!(user.display_name(), "ada@example.com");
    }

    #[test]
    fn session_views_are_tagged_by_state() {
        let view = SessionView::SignedOut {
            reason: Some(SignOutReason::PasswordChanged),
            keychain_problem: None,
        };
        let json = serde_json::to_value(&view).unwrap();
        assert_eq!(json["state"], "signed_out");
        assert_eq!(json["reason"], "password_changed");
        assert_eq!(serde_json::from_value::<SessionView>(json).unwrap(), view);
        let restoring = serde_json::to_value(SessionView::Restoring { user: None }).unwrap();
        assert_eq!(
            restoring,
            serde_json::json!({"state": "restoring", "user": null})
        );
        // An older core's bare "restoring" still reads.
        let bare: SessionView =
            serde_json::from_value(serde_json::json!({"state": "restoring"})).unwrap();
        assert_eq!(bare, SessionView::Restoring { user: None });
    }

    #[test]
    fn account_views_travel_in_snake_case_and_an_older_session_view_still_reads() {
        let account = AccountView {
            user: UserView {
                id: "1".into(),
                email: "ada@example.com".into(),
                first_name: Some("Ada".into()),
                last_name: None,
            },
            name_known_from: NameSource::ThisDevice,
            two_factor: TwoFactorState::Unknown,
            two_factor_required: true,
            server_url: "https://example.com/".into(),
            remembered: true,
        };
        let json = serde_json::to_value(&account).unwrap();
        assert_eq!(json["name_known_from"], "this_device");
        assert_eq!(json["two_factor"], "unknown");
        assert_eq!(
            serde_json::from_value::<AccountView>(json).unwrap(),
            account
        );
        // A view from before the requirement existed reads as "not required".
        let older = serde_json::json!({"state": "signed_in", "user": account.user,
            "server_url": "https://example.com/", "access_expires_at_ms": 0,
            "remembered": true, "offline": false});
        assert!(matches!(
            serde_json::from_value::<SessionView>(older).unwrap(),
            SessionView::SignedIn {
                two_factor_required: false,
                ..
            }
        ));
    }

    #[test]
    fn a_two_factor_set_up_never_prints_its_secret() {
        let setup = TwoFactorSetup {
            secret_groups: vec!["JBSW".into(), "Y3DP".into()],
            qr_code: "data:image/svg+xml;base64,PHN2Zz4=".into(),
            issuer: "Acme".into(),
            account: "ada@example.com".into(),
        };
        let printed = format!("{setup:?}");
        assert!(!printed.contains("JBSW") && !printed.contains("PHN2"));
        assert!(printed.contains("Acme"));
    }

    #[test]
    fn bridge_error_round_trips_and_omits_empty_fields() {
        let error = BridgeError::new(ErrorCode::Timeout);
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json, serde_json::json!({"code": "TIMEOUT"}));
        let back: BridgeError = serde_json::from_value(json).unwrap();
        assert_eq!(back, error);
        let mut detailed = BridgeError::new(ErrorCode::InvalidServerUrl);
        detailed.field = Some(Field::LinkPage);
        detailed.address = Some(AddressProblem::PlainHttp);
        let json = serde_json::to_value(&detailed).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "INVALID_SERVER_URL", "field": "link_page", "address": "plain_http"})
        );
        assert_eq!(
            detailed.to_string(),
            "INVALID_SERVER_URL field=LinkPage address=PlainHttp"
        );
    }
}
