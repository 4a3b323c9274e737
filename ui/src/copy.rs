//! Which message the screens show for an error or a change of state. The core sends a code
//! and structured details (field, wait, HTTP status, which keychain); this picks the message
//! (it knows which screen the user is on) and the catalogue has the words.

use crate::i18n::Message;
use crate::routing::Notice;
use account_bridge::{AddressProblem, BridgeError, ErrorCode, SignOutReason};

/// Where the error happened, when that changes what helps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    SignIn,
    Register,
    Verify,
    Forgot,
    Reset,
    Server,
    SignedIn,
    /// The account's own screens: what the server refuses there is about the account.
    EditName,
    ChangePassword,
    TwoFactorOn,
    TwoFactorOff,
    /// The update banner and the Help screen's updates: what fails there is the update host's
    /// or the installer's, not the Directus server's.
    Update,
}

/// The message for `error` on the screen of `context`.
pub fn error_copy(error: &BridgeError, context: Context) -> Message {
    use Context::*;
    use ErrorCode::*;
    let store = error.keychain.map_or("none", |keychain| keychain.name());
    match (error.code, context) {
        // There the email is not typed: only the password can be wrong.
        (InvalidCredentials, ChangePassword | TwoFactorOn) => {
            Message::new("error-current-password-wrong")
        }
        (InvalidCredentials, _) => Message::new("error-invalid-credentials"),
        (OtpRequired, _) => Message::new("error-otp-required"),
        (OtpInvalid, _) => Message::new("error-otp-invalid"),
        (AccountSuspended, _) => Message::new("error-account-suspended"),
        (SessionExpired, _) => Message::new("error-session-expired"),
        (LinkInvalid, Verify) => Message::new("error-link-invalid-verify"),
        (LinkInvalid, _) => Message::new("error-link-invalid"),
        (LinkUsed, Verify) => Message::new("error-link-used-verify"),
        (LinkUsed, _) => Message::new("error-link-used"),
        (LinkExpired, Verify) => Message::new("error-link-expired-verify"),
        (LinkExpired, _) => Message::new("error-link-expired"),
        (RegistrationClosed, _) => Message::new("error-registration-closed"),
        (PasswordRejected, _) => Message::new("error-password-rejected"),
        (RateLimited, _) => rate_limited_copy(error.retry_after_secs),
        (ServerUnavailable, _) => Message::new("error-server-unavailable"),
        (ServerUnreachable, Server) => Message::new("error-server-unreachable-server"),
        (ServerUnreachable, _) => Message::new("error-server-unreachable"),
        (Timeout, _) => Message::new("error-timeout"),
        (NotDirectus, _) => Message::new("error-not-directus"),
        (InvalidServerUrl, _) => address_copy(error),
        (ServerNotConfigured, _) => match error.server_setting {
            Some(setting) => Message::new("error-server-not-configured-setting")
                .with("setting", setting.as_str()),
            None => Message::new("error-server-not-configured"),
        },
        (KeychainUnavailable, SignedIn) => {
            Message::new("error-keychain-unavailable-signed-in").with("store", store)
        }
        (KeychainUnavailable, _) => Message::new("error-keychain-unavailable").with("store", store),
        (KeychainLocked, SignIn) => {
            Message::new("error-keychain-locked-sign-in").with("store", store)
        }
        (KeychainLocked, _) => Message::new("error-keychain-locked").with("store", store),
        (TlsError, _) => Message::new("error-tls"),
        (ServerChanged, _) => Message::new("error-server-changed"),
        (Forbidden, EditName | ChangePassword | TwoFactorOn | TwoFactorOff) => {
            Message::new("error-account-change-forbidden")
        }
        (Forbidden, _) => Message::new("error-forbidden"),
        (CollectionNotAllowed, _) => Message::new("error-collection-not-allowed"),
        (QueryNotAllowed, _) => Message::new("error-query-not-allowed"),
        (ServerRestricted, _) => Message::new("error-server-restricted"),
        (TwoFactorRequired, TwoFactorOff) => Message::new("error-two-factor-required-off"),
        (TwoFactorRequired, _) => Message::new("error-two-factor-required"),
        (UpdateRejected, _) => Message::new("error-update-rejected"),
        (UpdateFailed, _) => Message::new("error-update-failed"),
        (Unexpected, _) => match error.http_status {
            Some(status) if status > 0 => {
                Message::new("error-unexpected-status").with("status", status)
            }
            _ => Message::new("error-unexpected"),
        },
    }
}

/// "Try again in 42 seconds", "in 2 minutes" from two minutes on.
fn rate_limited_copy(retry_after_secs: Option<u64>) -> Message {
    match retry_after_secs {
        Some(seconds) if seconds >= 120 => {
            Message::new("error-rate-limited-minutes").with("minutes", seconds.div_ceil(60))
        }
        Some(seconds) => Message::new("error-rate-limited-seconds").with("seconds", seconds.max(1)),
        None => Message::new("error-rate-limited"),
    }
}

/// Why a typed address can't be used.
fn address_copy(error: &BridgeError) -> Message {
    let message = match error.field {
        Some(account_bridge::Field::LinkPage) => Message::new("error-invalid-link-page-url"),
        _ => Message::new("error-invalid-server-url"),
    };
    let why = match error.address.unwrap_or(AddressProblem::NotAWebAddress) {
        AddressProblem::Empty => Message::new("address-empty"),
        AddressProblem::NotAWebAddress => Message::new("address-not-a-web-address"),
        AddressProblem::PlainHttp => Message::new("address-plain-http"),
        AddressProblem::UnsupportedScheme => Message::new("address-unsupported-scheme"),
        AddressProblem::NoHost => Message::new("address-no-host"),
        AddressProblem::HasCredentials => Message::new("address-has-credentials"),
        AddressProblem::TooLong => Message::new("address-too-long"),
    };
    message.with_message("why", why)
}

/// Why the user is on the sign-in screen, when it is worth saying: what they just did there
/// (`notice`) or why the session ended.
pub fn sign_in_banner(notice: Option<Notice>, reason: Option<SignOutReason>) -> Option<Message> {
    if let Some(notice) = notice {
        return Some(match notice {
            Notice::PasswordChanged => Message::new("banner-password-changed"),
            Notice::EmailConfirmed => Message::new("banner-email-confirmed"),
        });
    }
    Some(match reason? {
        SignOutReason::SignedOut => Message::new("banner-signed-out"),
        SignOutReason::SessionExpired => Message::new("banner-session-expired"),
        SignOutReason::PasswordChanged => Message::new("banner-password-changed-elsewhere"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogues::speak;

    const CONTEXTS: [Context; 12] = [
        Context::SignIn,
        Context::Register,
        Context::Verify,
        Context::Forgot,
        Context::Reset,
        Context::Server,
        Context::SignedIn,
        Context::EditName,
        Context::ChangePassword,
        Context::TwoFactorOn,
        Context::TwoFactorOff,
        Context::Update,
    ];

    /// Every detail the core may send with a code, so each message variant is formatted.
    fn with_details(code: ErrorCode) -> Vec<BridgeError> {
        let mut variants = vec![BridgeError::new(code)];
        let mut detailed = BridgeError::new(code);
        detailed.retry_after_secs = Some(300);
        detailed.http_status = Some(502);
        detailed.keychain = Some(account_bridge::Keychain::WindowsCredentialManager);
        detailed.address = Some(AddressProblem::PlainHttp);
        detailed.field = Some(account_bridge::Field::LinkPage);
        detailed.server_setting = Some(account_bridge::ServerSetting::PasswordResetUrlAllowList);
        variants.push(detailed);
        let mut seconds = BridgeError::new(code);
        seconds.retry_after_secs = Some(1);
        variants.push(seconds);
        variants
    }

    #[test]
    fn every_code_has_a_sentence_in_every_context_in_every_language() {
        for (language, ..) in crate::i18n::catalogues::ALL {
            speak(language);
            for &code in ErrorCode::ALL {
                for error in with_details(code) {
                    for context in CONTEXTS {
                        let copy = error_copy(&error, context).text();
                        // A message the catalogue lacks shows its id ("error-…").
                        assert!(
                            copy.chars().count() > 20
                                && !copy.contains("error-")
                                && !copy.contains("address-")
                                && ['.', '。', '؟', '!']
                                    .iter()
                                    .any(|end| copy.trim_end().ends_with(*end)),
                            "{language}: {code} in {context:?}: {copy}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn details_are_spelled_out() {
        speak("en");
        let mut limited = BridgeError::new(ErrorCode::RateLimited);
        limited.retry_after_secs = Some(42);
        assert_eq!(
            error_copy(&limited, Context::SignIn).text(),
            "Too many attempts. Try again in 42 seconds."
        );
        let mut odd = BridgeError::new(ErrorCode::Unexpected);
        odd.http_status = Some(500);
        assert!(error_copy(&odd, Context::SignIn)
            .text()
            .contains("HTTP 500"));
        let mut locked = BridgeError::new(ErrorCode::KeychainLocked);
        locked.keychain = Some(account_bridge::Keychain::SecretService);
        assert!(error_copy(&locked, Context::SignIn)
            .text()
            .starts_with("The system keychain (Secret Service) is locked"));
        let mut link_page = BridgeError::new(ErrorCode::InvalidServerUrl);
        link_page.field = Some(account_bridge::Field::LinkPage);
        link_page.address = Some(AddressProblem::PlainHttp);
        assert_eq!(
            error_copy(&link_page, Context::Server).text(),
            "That link page address can't be used: plain http:// is only allowed for this computer; use https://."
        );
    }

    #[test]
    fn the_account_screens_say_what_the_server_refused_there() {
        speak("en");
        let wrong = BridgeError::new(ErrorCode::InvalidCredentials);
        assert!(error_copy(&wrong, Context::ChangePassword)
            .text()
            .contains("current password"));
        assert!(error_copy(&wrong, Context::SignIn)
            .text()
            .starts_with("The email or password"));
        assert_eq!(
            error_copy(&BridgeError::new(ErrorCode::Forbidden), Context::EditName).text(),
            "Your organisation doesn't let you change this in the app."
        );
        assert!(error_copy(
            &BridgeError::new(ErrorCode::TwoFactorRequired),
            Context::TwoFactorOff
        )
        .text()
        .contains("turn it off"));
    }

    #[test]
    fn banners_say_why() {
        speak("en");
        assert_eq!(sign_in_banner(None, None), None);
        assert!(sign_in_banner(None, Some(SignOutReason::SessionExpired))
            .unwrap()
            .text()
            .contains("expired"));
        // What the user just did wins over how the last session ended.
        assert!(sign_in_banner(
            Some(Notice::PasswordChanged),
            Some(SignOutReason::SignedOut)
        )
        .unwrap()
        .text()
        .starts_with("Password changed"));
    }
}
