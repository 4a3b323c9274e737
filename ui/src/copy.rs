//! Every sentence the screens show about an error or a change of state. The core sends a code
//! and structured details (field, wait, HTTP status, which keychain); the words are here, and
//! they know which screen the user is on.

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
    let keychain = keychain_name(error);
    match (error.code, context) {
        (InvalidCredentials, _) => "The email or password is wrong. Check both and try again. If you just created the account, confirm your email first.".into(),
        (OtpRequired, _) => "Enter the 6-digit code from your authenticator app.".into(),
        (OtpInvalid, _) => "That code didn't work. Codes change every 30 seconds: enter the one your app shows now.".into(),
        (AccountSuspended, _) => "This account is suspended. Contact the organisation that runs the server.".into(),
        (SessionExpired, _) => "Your session has expired. Please sign in again.".into(),
        (LinkInvalid, Verify) => "This link isn't valid. Copy the whole link from the email and paste it again.".into(),
        (LinkInvalid, _) => "This link isn't valid. Copy the whole link from the email, or ask for a new one.".into(),
        (LinkUsed, Verify) => "This link was already used: your email is probably confirmed. Try signing in.".into(),
        (LinkUsed, _) => "This link was already used. Ask for a new one below.".into(),
        (LinkExpired, Verify) => "This link has expired. Register again with the same email to get a new one.".into(),
        (LinkExpired, _) => "This link has expired. Ask for a new one below.".into(),
        (RegistrationClosed, _) => "This server doesn't accept new accounts from the app. Contact the organisation that runs it.".into(),
        (PasswordRejected, _) => "This server's password rules refused this password. Try a longer one, with a mix of words, numbers and symbols.".into(),
        (RateLimited, _) => match error.retry_after_secs {
            Some(seconds) => format!("Too many attempts. Try again in {} seconds.", seconds.max(1)),
            None => "Too many attempts. Wait a minute and try again.".into(),
        },
        (ServerUnavailable, _) => "The server is busy or under maintenance. Try again in a moment.".into(),
        (ServerUnreachable, Server) => "Nothing answers at that address. Check it, and your internet connection.".into(),
        (ServerUnreachable, _) => "Can't reach the server. Check your internet connection, then try again.".into(),
        (Timeout, _) => "The server took too long to answer. Try again in a moment.".into(),
        (NotDirectus, _) => "That address answers, but not as a Directus server. Check the server address.".into(),
        (InvalidServerUrl, _) => address_copy(error),
        (ServerNotConfigured, _) => match error.server_setting {
            Some(setting) => format!("The server isn't set up to send this app's email links (its {} setting). Contact the organisation that runs it.", setting.as_str()),
            None => "The server isn't set up to send this app's email links. Contact the organisation that runs it.".into(),
        },
        (KeychainUnavailable, SignedIn) => format!("The system keychain{keychain} isn't available, so you'll stay signed in only until the app closes."),
        (KeychainUnavailable, _) => format!("The system keychain{keychain} isn't available. You can still sign in, but you'll need to sign in again next time."),
        (KeychainLocked, SignIn) => format!("The system keychain{keychain} is locked, so a saved sign-in can't be read. Unlock it and choose Try again, or sign in."),
        (KeychainLocked, _) => format!("The system keychain{keychain} is locked. Unlock it to stay signed in after the app closes."),
        (TlsError, _) => "The server's certificate is not trusted, so the app sent nothing to it. Check the server address, or ask the organisation that runs it. This is not a problem with your internet connection.".into(),
        (ServerChanged, _) => "The server was changed while this was running. Try again.".into(),
        (Forbidden, _) => "Your account isn't allowed to see this, or it's no longer there. Ask the organisation that runs the server if you think you should.".into(),
        (CollectionNotAllowed, _) => "This app isn't set up to show that. Contact the organisation that provides it.".into(),
        (Unexpected, _) => match error.http_status {
            Some(status) if status > 0 => format!("The server gave an unexpected answer (HTTP {status}). Try again, or contact support."),
            _ => "Something unexpected went wrong. Try again, or contact support.".into(),
        },
    }
}

/// " (Secret Service)": the store by the name its users know, when the core said which.
fn keychain_name(error: &BridgeError) -> String {
    error
        .keychain
        .map(|keychain| format!(" ({})", keychain.name()))
        .unwrap_or_default()
}

/// Why a typed address can't be used.
fn address_copy(error: &BridgeError) -> String {
    let what = match error.field {
        Some(account_bridge::Field::LinkPage) => "link page",
        _ => "server",
    };
    let why = match error.address.unwrap_or(AddressProblem::NotAWebAddress) {
        AddressProblem::Empty => "the address is empty",
        AddressProblem::NotAWebAddress => "it is not a web address (it should start with https://)",
        AddressProblem::PlainHttp => {
            "plain http:// is only allowed for this computer; use https://"
        }
        AddressProblem::UnsupportedScheme => "only https:// addresses are supported",
        AddressProblem::NoHost => "the address has no host name",
        AddressProblem::HasCredentials => "the address must not contain a user name or password",
        AddressProblem::TooLong => "the address is too long (at most 500 characters)",
    };
    format!("That {what} address can't be used: {why}.")
}

/// Why the user is on the sign-in screen, when it is worth saying: what they just did there
/// (`notice`) or why the session ended.
pub fn sign_in_banner(
    notice: Option<Notice>,
    reason: Option<SignOutReason>,
) -> Option<&'static str> {
    if let Some(notice) = notice {
        return Some(match notice {
            Notice::PasswordChanged => "Password changed. Sign in with your new password.",
            Notice::EmailConfirmed => "Your email is confirmed. Sign in to continue.",
        });
    }
    Some(match reason? {
        SignOutReason::SignedOut => "You signed out.",
        SignOutReason::SessionExpired => "Your session has expired. Please sign in again.",
        SignOutReason::PasswordChanged => "Your password was changed. Sign in with the new one.",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONTEXTS: [Context; 7] = [
        Context::SignIn,
        Context::Register,
        Context::Verify,
        Context::Forgot,
        Context::Reset,
        Context::Server,
        Context::SignedIn,
    ];

    #[test]
    fn every_code_has_a_sentence_in_every_context() {
        for &code in ErrorCode::ALL {
            for context in CONTEXTS {
                let copy = error_copy(&BridgeError::new(code), context);
                assert!(
                    copy.len() > 20 && copy.ends_with('.'),
                    "{code} in {context:?}: {copy}"
                );
            }
        }
    }

    #[test]
    fn details_are_spelled_out() {
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
