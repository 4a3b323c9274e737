//! The core's one error type, and its single mapping to the bridge's `{code, message}`.

use account_bridge::{BridgeError, ErrorCode};
use std::time::Duration;

/// Every failure a user of the app can meet. Variants carry only what is safe to show or log:
/// never a token, a password, or text the server sent back.
#[derive(Debug, Clone, thiserror::Error)]
pub enum CoreError {
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("a one-time code is required")]
    OtpRequired,
    #[error("the one-time code is wrong")]
    OtpInvalid,
    #[error("the account is suspended")]
    AccountSuspended,
    #[error("the session has expired")]
    SessionExpired,
    #[error("the link is not valid")]
    LinkInvalid,
    #[error("the link was already used")]
    LinkUsed,
    #[error("the link has expired")]
    LinkExpired,
    #[error("registration is closed on this server")]
    RegistrationClosed,
    #[error("the server's password policy rejected the password")]
    PasswordRejected,
    #[error("rate limited by the server")]
    RateLimited { retry_after: Option<Duration> },
    #[error("the server is temporarily unavailable")]
    ServerUnavailable,
    #[error("the server cannot be reached")]
    ServerUnreachable,
    #[error("the server did not answer within {0:?}")]
    Timeout(Duration),
    #[error("the server is not a Directus server")]
    NotDirectus,
    #[error("invalid server address: {0}")]
    InvalidServerUrl(&'static str),
    #[error("invalid link page address: {0}")]
    InvalidLinkPage(&'static str),
    #[error("the server does not allow this app's links ({0})")]
    ServerNotConfigured(&'static str),
    #[error("the keychain is unavailable: {0}")]
    KeychainUnavailable(String),
    #[error("the keychain is locked")]
    KeychainLocked,
    #[error("the server's TLS certificate is not trusted")]
    TlsError,
    #[error("the server was changed while the request ran")]
    ServerChanged,
    #[error("unexpected answer from the server (HTTP {status}, {detail})")]
    Unexpected { status: u16, detail: String },
}

impl CoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            CoreError::InvalidCredentials => ErrorCode::InvalidCredentials,
            CoreError::OtpRequired => ErrorCode::OtpRequired,
            CoreError::OtpInvalid => ErrorCode::OtpInvalid,
            CoreError::AccountSuspended => ErrorCode::AccountSuspended,
            CoreError::SessionExpired => ErrorCode::SessionExpired,
            CoreError::LinkInvalid => ErrorCode::LinkInvalid,
            CoreError::LinkUsed => ErrorCode::LinkUsed,
            CoreError::LinkExpired => ErrorCode::LinkExpired,
            CoreError::RegistrationClosed => ErrorCode::RegistrationClosed,
            CoreError::PasswordRejected => ErrorCode::PasswordRejected,
            CoreError::RateLimited { .. } => ErrorCode::RateLimited,
            CoreError::ServerUnavailable => ErrorCode::ServerUnavailable,
            CoreError::ServerUnreachable => ErrorCode::ServerUnreachable,
            CoreError::Timeout(_) => ErrorCode::Timeout,
            CoreError::NotDirectus => ErrorCode::NotDirectus,
            CoreError::InvalidServerUrl(_) | CoreError::InvalidLinkPage(_) => {
                ErrorCode::InvalidServerUrl
            }
            CoreError::ServerNotConfigured(_) => ErrorCode::ServerNotConfigured,
            CoreError::KeychainUnavailable(_) => ErrorCode::KeychainUnavailable,
            CoreError::KeychainLocked => ErrorCode::KeychainLocked,
            CoreError::TlsError => ErrorCode::TlsError,
            CoreError::ServerChanged => ErrorCode::ServerChanged,
            CoreError::Unexpected { .. } => ErrorCode::Unexpected,
        }
    }

    /// The sentence a person reads: what happened and what to do next.
    pub fn message(&self) -> String {
        match self {
            CoreError::InvalidCredentials => {
                "The email or password is wrong. Check both and try again.".into()
            }
            CoreError::OtpRequired => {
                "This account uses two-factor authentication. Enter the code from your authenticator app.".into()
            }
            CoreError::OtpInvalid => {
                "That code didn't work. Enter the current code from your authenticator app.".into()
            }
            CoreError::AccountSuspended => {
                "This account is suspended. Contact the organisation that runs the server.".into()
            }
            CoreError::SessionExpired => "Your session has expired. Please sign in again.".into(),
            CoreError::LinkInvalid => {
                "This link isn't valid. Copy the whole link from the email, or ask for a new one.".into()
            }
            CoreError::LinkUsed => "This link was already used. Ask for a new one if you still need it.".into(),
            CoreError::LinkExpired => "This link has expired. Ask for a new one.".into(),
            CoreError::RegistrationClosed => {
                "This server doesn't accept new accounts from the app. Contact the organisation that runs it.".into()
            }
            CoreError::PasswordRejected => {
                "The server didn't accept this password. Choose a longer or more varied one.".into()
            }
            CoreError::RateLimited { retry_after } => match retry_after {
                Some(wait) => format!(
                    "Too many attempts. Try again in {} seconds.",
                    wait.as_secs().max(1)
                ),
                None => "Too many attempts. Wait a minute and try again.".into(),
            },
            CoreError::ServerUnavailable => {
                "The server is busy or under maintenance. Try again in a moment.".into()
            }
            CoreError::ServerUnreachable => {
                "Can't reach the server. Check your internet connection and the server address.".into()
            }
            CoreError::Timeout(_) => {
                "The server took too long to answer. Try again in a moment.".into()
            }
            CoreError::NotDirectus => {
                "That address answers, but not as a Directus server. Check the server address.".into()
            }
            CoreError::InvalidServerUrl(why) => format!("That server address can't be used: {why}."),
            CoreError::InvalidLinkPage(why) => format!("That link page address can't be used: {why}."),
            CoreError::ServerNotConfigured(_) => {
                "The server isn't set up to send this app's email links. Contact the organisation that runs it.".into()
            }
            CoreError::KeychainUnavailable(_) => {
                "The system keychain isn't available, so you'll stay signed in only until the app closes.".into()
            }
            CoreError::KeychainLocked => {
                "The system keychain is locked. Unlock it to stay signed in after the app closes.".into()
            }
            CoreError::TlsError => {
                "The server's certificate is not trusted, so the app sent nothing to it. Check the server address, or ask the organisation that runs it.".into()
            }
            CoreError::ServerChanged => {
                "The server was changed while this was running. Try again.".into()
            }
            CoreError::Unexpected { status, .. } => format!(
                "The server gave an unexpected answer (HTTP {status}). Try again, or contact support."
            ),
        }
    }
}

impl From<CoreError> for BridgeError {
    fn from(error: CoreError) -> Self {
        let retry_after_secs = match &error {
            CoreError::RateLimited { retry_after } => retry_after.map(|d| d.as_secs()),
            _ => None,
        };
        let http_status = match &error {
            CoreError::Unexpected { status, .. } => Some(*status),
            _ => None,
        };
        BridgeError {
            code: error.code(),
            message: error.message(),
            retry_after_secs,
            http_status,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_of_each() -> Vec<CoreError> {
        vec![
            CoreError::InvalidCredentials,
            CoreError::OtpRequired,
            CoreError::OtpInvalid,
            CoreError::AccountSuspended,
            CoreError::SessionExpired,
            CoreError::LinkInvalid,
            CoreError::LinkUsed,
            CoreError::LinkExpired,
            CoreError::RegistrationClosed,
            CoreError::PasswordRejected,
            CoreError::RateLimited {
                retry_after: Some(Duration::from_secs(42)),
            },
            CoreError::ServerUnavailable,
            CoreError::ServerUnreachable,
            CoreError::Timeout(Duration::from_secs(1)),
            CoreError::NotDirectus,
            CoreError::InvalidServerUrl("x"),
            CoreError::ServerNotConfigured("reset_url"),
            CoreError::KeychainUnavailable("no bus".into()),
            CoreError::KeychainLocked,
            CoreError::TlsError,
            CoreError::ServerChanged,
            CoreError::Unexpected {
                status: 418,
                detail: "teapot".into(),
            },
        ]
    }

    #[test]
    fn every_bridge_code_has_exactly_one_core_error() {
        let codes: Vec<ErrorCode> = one_of_each().iter().map(CoreError::code).collect();
        assert_eq!(codes, ErrorCode::ALL.to_vec());
    }

    #[test]
    fn messages_are_sentences_without_internal_detail() {
        for error in one_of_each() {
            let bridged = BridgeError::from(error);
            assert!(bridged.message.ends_with('.'), "{bridged:?}");
            assert!(!bridged.message.contains("teapot"));
            assert!(!bridged.message.contains("no bus"));
        }
    }

    #[test]
    fn rate_limit_and_status_travel_as_fields() {
        let bridged = BridgeError::from(CoreError::RateLimited {
            retry_after: Some(Duration::from_secs(42)),
        });
        assert_eq!(bridged.retry_after_secs, Some(42));
        assert!(bridged.message.contains("42 seconds"));
        let bridged = BridgeError::from(CoreError::Unexpected {
            status: 500,
            detail: String::new(),
        });
        assert_eq!(bridged.http_status, Some(500));
    }
}
