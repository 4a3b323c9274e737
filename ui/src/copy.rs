//! Which message the screens show for an error or a change of state. The core sends a code
//! and structured details (field, wait, HTTP status, which keychain); this picks the message
//! (it knows which screen the user is on) and the catalogue has the words.

use crate::i18n::{t, tr, Arg};
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
}

pub fn error_copy(error: &BridgeError, context: Context) -> String {
    use Context::*;
    use ErrorCode::*;
    let store = || {
        (
            "store",
            Arg::from(error.keychain.map_or("none", |keychain| keychain.name())),
        )
    };
    match (error.code, context) {
        (InvalidCredentials, _) => t("error-invalid-credentials"),
        (OtpRequired, _) => t("error-otp-required"),
        (OtpInvalid, _) => t("error-otp-invalid"),
        (AccountSuspended, _) => t("error-account-suspended"),
        (SessionExpired, _) => t("error-session-expired"),
        (LinkInvalid, Verify) => t("error-link-invalid-verify"),
        (LinkInvalid, _) => t("error-link-invalid"),
        (LinkUsed, Verify) => t("error-link-used-verify"),
        (LinkUsed, _) => t("error-link-used"),
        (LinkExpired, Verify) => t("error-link-expired-verify"),
        (LinkExpired, _) => t("error-link-expired"),
        (RegistrationClosed, _) => t("error-registration-closed"),
        (PasswordRejected, _) => t("error-password-rejected"),
        (RateLimited, _) => rate_limited_copy(error.retry_after_secs),
        (ServerUnavailable, _) => t("error-server-unavailable"),
        (ServerUnreachable, Server) => t("error-server-unreachable-server"),
        (ServerUnreachable, _) => t("error-server-unreachable"),
        (Timeout, _) => t("error-timeout"),
        (NotDirectus, _) => t("error-not-directus"),
        (InvalidServerUrl, _) => address_copy(error),
        (ServerNotConfigured, _) => match error.server_setting {
            Some(setting) => tr(
                "error-server-not-configured-setting",
                [("setting", Arg::from(setting.as_str()))],
            ),
            None => t("error-server-not-configured"),
        },
        (KeychainUnavailable, SignedIn) => tr("error-keychain-unavailable-signed-in", [store()]),
        (KeychainUnavailable, _) => tr("error-keychain-unavailable", [store()]),
        (KeychainLocked, SignIn) => tr("error-keychain-locked-sign-in", [store()]),
        (KeychainLocked, _) => tr("error-keychain-locked", [store()]),
        (TlsError, _) => t("error-tls"),
        (ServerChanged, _) => t("error-server-changed"),
        (Forbidden, _) => t("error-forbidden"),
        (CollectionNotAllowed, _) => t("error-collection-not-allowed"),
        (QueryNotAllowed, _) => t("error-query-not-allowed"),
        (ServerRestricted, _) => t("error-server-restricted"),
        (Unexpected, _) => match error.http_status {
            Some(status) if status > 0 => {
                tr("error-unexpected-status", [("status", Arg::from(status))])
            }
            _ => t("error-unexpected"),
        },
    }
}

/// "Try again in 42 seconds", "in 2 minutes" from two minutes on.
fn rate_limited_copy(retry_after_secs: Option<u64>) -> String {
    match retry_after_secs {
        Some(seconds) if seconds >= 120 => tr(
            "error-rate-limited-minutes",
            [("minutes", Arg::from(seconds.div_ceil(60)))],
        ),
        Some(seconds) => tr(
            "error-rate-limited-seconds",
            [("seconds", Arg::from(seconds.max(1)))],
        ),
        None => t("error-rate-limited"),
    }
}

/// Why a typed address can't be used.
fn address_copy(error: &BridgeError) -> String {
    let id = match error.field {
        Some(account_bridge::Field::LinkPage) => "error-invalid-link-page-url",
        _ => "error-invalid-server-url",
    };
    let why = match error.address.unwrap_or(AddressProblem::NotAWebAddress) {
        AddressProblem::Empty => "address-empty",
        AddressProblem::NotAWebAddress => "address-not-a-web-address",
        AddressProblem::PlainHttp => "address-plain-http",
        AddressProblem::UnsupportedScheme => "address-unsupported-scheme",
        AddressProblem::NoHost => "address-no-host",
        AddressProblem::HasCredentials => "address-has-credentials",
        AddressProblem::TooLong => "address-too-long",
    };
    tr(id, [("why", Arg::from(t(why)))])
}

/// Why the user is on the sign-in screen, when it is worth saying: what they just did there
/// (`notice`) or why the session ended.
pub fn sign_in_banner(notice: Option<Notice>, reason: Option<SignOutReason>) -> Option<String> {
    if let Some(notice) = notice {
        return Some(t(match notice {
            Notice::PasswordChanged => "banner-password-changed",
            Notice::EmailConfirmed => "banner-email-confirmed",
        }));
    }
    Some(t(match reason? {
        SignOutReason::SignedOut => "banner-signed-out",
        SignOutReason::SessionExpired => "banner-session-expired",
        SignOutReason::PasswordChanged => "banner-password-changed-elsewhere",
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogues::speak;

    const CONTEXTS: [Context; 7] = [
        Context::SignIn,
        Context::Register,
        Context::Verify,
        Context::Forgot,
        Context::Reset,
        Context::Server,
        Context::SignedIn,
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
                        let copy = error_copy(&error, context);
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
            error_copy(&limited, Context::SignIn),
            "Too many attempts. Try again in 42 seconds."
        );
        let mut odd = BridgeError::new(ErrorCode::Unexpected);
        odd.http_status = Some(500);
        assert!(error_copy(&odd, Context::SignIn).contains("HTTP 500"));
        let mut locked = BridgeError::new(ErrorCode::KeychainLocked);
        locked.keychain = Some(account_bridge::Keychain::SecretService);
        assert!(error_copy(&locked, Context::SignIn)
            .starts_with("The system keychain (Secret Service) is locked"));
        let mut link_page = BridgeError::new(ErrorCode::InvalidServerUrl);
        link_page.field = Some(account_bridge::Field::LinkPage);
        link_page.address = Some(AddressProblem::PlainHttp);
        assert_eq!(
            error_copy(&link_page, Context::Server),
            "That link page address can't be used: plain http:// is only allowed for this computer; use https://."
        );
    }

    #[test]
    fn banners_say_why() {
        speak("en");
        assert_eq!(sign_in_banner(None, None), None);
        assert!(sign_in_banner(None, Some(SignOutReason::SessionExpired))
            .unwrap()
            .contains("expired"));
        // What the user just did wins over how the last session ended.
        assert!(sign_in_banner(
            Some(Notice::PasswordChanged),
            Some(SignOutReason::SignedOut)
        )
        .unwrap()
        .starts_with("Password changed"));
    }
}
