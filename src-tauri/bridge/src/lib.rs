//! The types that cross the Tauri bridge. Plain serde data only: the core produces them, the UI
//! (wasm) consumes them, and neither side ever sees a token through them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The closed set of failures the UI matches on. The serialized names are a stable contract:
/// the UI, the diagnostics a support desk copies, and the logs all use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ErrorCode {
    InvalidCredentials,
    OtpRequired,
    OtpInvalid,
    AccountSuspended,
    SessionExpired,
    LinkInvalid,
    LinkUsed,
    LinkExpired,
    RegistrationClosed,
    PasswordRejected,
    RateLimited,
    ServerUnavailable,
    ServerUnreachable,
    Timeout,
    NotDirectus,
    InvalidServerUrl,
    KeychainUnavailable,
    KeychainLocked,
    Unexpected,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 19] = [
        ErrorCode::InvalidCredentials,
        ErrorCode::OtpRequired,
        ErrorCode::OtpInvalid,
        ErrorCode::AccountSuspended,
        ErrorCode::SessionExpired,
        ErrorCode::LinkInvalid,
        ErrorCode::LinkUsed,
        ErrorCode::LinkExpired,
        ErrorCode::RegistrationClosed,
        ErrorCode::PasswordRejected,
        ErrorCode::RateLimited,
        ErrorCode::ServerUnavailable,
        ErrorCode::ServerUnreachable,
        ErrorCode::Timeout,
        ErrorCode::NotDirectus,
        ErrorCode::InvalidServerUrl,
        ErrorCode::KeychainUnavailable,
        ErrorCode::KeychainLocked,
        ErrorCode::Unexpected,
    ];

    /// The wire name, e.g. `SERVER_UNREACHABLE`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::InvalidCredentials => "INVALID_CREDENTIALS",
            ErrorCode::OtpRequired => "OTP_REQUIRED",
            ErrorCode::OtpInvalid => "OTP_INVALID",
            ErrorCode::AccountSuspended => "ACCOUNT_SUSPENDED",
            ErrorCode::SessionExpired => "SESSION_EXPIRED",
            ErrorCode::LinkInvalid => "LINK_INVALID",
            ErrorCode::LinkUsed => "LINK_USED",
            ErrorCode::LinkExpired => "LINK_EXPIRED",
            ErrorCode::RegistrationClosed => "REGISTRATION_CLOSED",
            ErrorCode::PasswordRejected => "PASSWORD_REJECTED",
            ErrorCode::RateLimited => "RATE_LIMITED",
            ErrorCode::ServerUnavailable => "SERVER_UNAVAILABLE",
            ErrorCode::ServerUnreachable => "SERVER_UNREACHABLE",
            ErrorCode::Timeout => "TIMEOUT",
            ErrorCode::NotDirectus => "NOT_DIRECTUS",
            ErrorCode::InvalidServerUrl => "INVALID_SERVER_URL",
            ErrorCode::KeychainUnavailable => "KEYCHAIN_UNAVAILABLE",
            ErrorCode::KeychainLocked => "KEYCHAIN_LOCKED",
            ErrorCode::Unexpected => "UNEXPECTED",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The one error type that crosses the bridge: a code to match on and a sentence a person can
/// read. The message never carries server text (Directus echoes passwords in some errors).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BridgeError {
    pub code: ErrorCode,
    pub message: String,
    /// Seconds to wait before trying again, when the server said so (rate limiting).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_secs: Option<u64>,
    /// The HTTP status, for an unexpected answer: support desks ask for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub http_status: Option<u16>,
}

impl fmt::Display for BridgeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.message, self.code)
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
    /// The local development Directus.
    Default,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServerSettingsView {
    pub url: String,
    pub source: ServerUrlSource,
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
    /// Whether customers may create accounts from the app.
    pub public_registration: bool,
    /// Whether a new account must confirm its email before signing in.
    pub verify_email: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_serializes_to_its_wire_name() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
            let back: ErrorCode = serde_json::from_str(&json).unwrap();
            assert_eq!(back, code);
        }
    }

    #[test]
    fn bridge_error_round_trips_and_omits_empty_fields() {
        let error = BridgeError {
            code: ErrorCode::Timeout,
            message: "The server took too long to answer.".into(),
            retry_after_secs: None,
            http_status: None,
        };
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "TIMEOUT", "message": "The server took too long to answer."})
        );
        let back: BridgeError = serde_json::from_value(json).unwrap();
        assert_eq!(back, error);
    }
}
