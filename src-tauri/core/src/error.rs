//! The core's one error type, and its single mapping to the bridge's code and details. The
//! `Display` texts are for logs; the UI words what users read.

use account_bridge::{AddressProblem, BridgeError, ErrorCode, Field, ServerSetting, UpdateFailure};
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
    #[error("invalid server address ({0:?})")]
    InvalidServerUrl(AddressProblem),
    #[error("invalid link page address ({0:?})")]
    InvalidLinkPage(AddressProblem),
    #[error("the server does not allow this app's links ({})", .0.as_str())]
    ServerNotConfigured(ServerSetting),
    #[error("the keychain is unavailable: {0}")]
    KeychainUnavailable(String),
    #[error("the keychain is locked")]
    KeychainLocked,
    #[error("the server's TLS certificate is not trusted")]
    TlsError,
    #[error("the server was changed while the request ran")]
    ServerChanged,
    #[error("the server does not let this account read it")]
    Forbidden,
    #[error("the app is not configured to read the collection {0:?}")]
    CollectionNotAllowed(String),
    #[error("the app's configuration does not allow this query ({0})")]
    QueryNotAllowed(String),
    #[error("the server refuses sign-ins (Directus RESOURCE_RESTRICTED: over its licence limits)")]
    ServerRestricted,
    #[error("the organisation requires two-factor authentication, which this account lacks")]
    TwoFactorRequired,
    #[error("the update was not installed ({0:?})")]
    Update(UpdateFailure),
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
            CoreError::Forbidden => ErrorCode::Forbidden,
            CoreError::CollectionNotAllowed(_) => ErrorCode::CollectionNotAllowed,
            CoreError::QueryNotAllowed(_) => ErrorCode::QueryNotAllowed,
            CoreError::ServerRestricted => ErrorCode::ServerRestricted,
            CoreError::TwoFactorRequired => ErrorCode::TwoFactorRequired,
            CoreError::Update(failure) => failure.code(),
            CoreError::Unexpected { .. } => ErrorCode::Unexpected,
        }
    }
}

impl From<CoreError> for BridgeError {
    fn from(error: CoreError) -> Self {
        let mut bridged = BridgeError::new(error.code());
        match error {
            CoreError::OtpInvalid => bridged.field = Some(Field::OneTimeCode),
            CoreError::PasswordRejected => bridged.field = Some(Field::Password),
            CoreError::RateLimited { retry_after } => {
                bridged.retry_after_secs = retry_after.map(|wait| wait.as_secs())
            }
            CoreError::InvalidServerUrl(problem) => {
                bridged.field = Some(Field::ServerUrl);
                bridged.address = Some(problem);
            }
            CoreError::InvalidLinkPage(problem) => {
                bridged.field = Some(Field::LinkPage);
                bridged.address = Some(problem);
            }
            CoreError::ServerNotConfigured(setting) => bridged.server_setting = Some(setting),
            CoreError::KeychainUnavailable(_) | CoreError::KeychainLocked => {
                bridged.keychain = Some(crate::keychain::KEYCHAIN)
            }
            CoreError::Unexpected { status, .. } => bridged.http_status = Some(status),
            _ => {}
        }
        bridged
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
            CoreError::InvalidServerUrl(AddressProblem::NoHost),
            CoreError::ServerNotConfigured(ServerSetting::PasswordResetUrlAllowList),
            CoreError::KeychainUnavailable("no bus".into()),
            CoreError::KeychainLocked,
            CoreError::TlsError,
            CoreError::ServerChanged,
            CoreError::Forbidden,
            CoreError::CollectionNotAllowed("teapot".into()),
            CoreError::QueryNotAllowed("teapot".into()),
            CoreError::ServerRestricted,
            CoreError::TwoFactorRequired,
            CoreError::Update(UpdateFailure::Rejected),
            CoreError::Update(UpdateFailure::DownloadFailed),
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
    fn no_internal_detail_crosses() {
        for error in one_of_each() {
            let json = serde_json::to_string(&BridgeError::from(error)).unwrap();
            assert!(!json.contains("teapot"), "{json}");
            assert!(!json.contains("no bus"), "{json}");
        }
    }

    #[test]
    fn details_travel_as_fields() {
        let bridged = BridgeError::from(CoreError::RateLimited {
            retry_after: Some(Duration::from_secs(42)),
        });
        assert_eq!(bridged.retry_after_secs, Some(42));
        let bridged = BridgeError::from(CoreError::Unexpected {
            status: 500,
            detail: String::new(),
        });
        assert_eq!(bridged.http_status, Some(500));
        let bridged = BridgeError::from(CoreError::InvalidLinkPage(AddressProblem::PlainHttp));
        assert_eq!(
            (bridged.field, bridged.address),
            (Some(Field::LinkPage), Some(AddressProblem::PlainHttp))
        );
        let bridged = BridgeError::from(CoreError::PasswordRejected);
        assert_eq!(bridged.field, Some(Field::Password));
        let bridged = BridgeError::from(CoreError::KeychainLocked);
        assert_eq!(bridged.keychain, Some(crate::keychain::KEYCHAIN));
        let bridged = BridgeError::from(CoreError::ServerNotConfigured(
            ServerSetting::PasswordResetUrlAllowList,
        ));
        assert_eq!(
            bridged.server_setting,
            Some(ServerSetting::PasswordResetUrlAllowList)
        );
    }
}
