//! What the screens say for each error code: plain words and what to do next. The core's own
//! message is a fallback; these know which screen the user is on.

use account_bridge::{BridgeError, ErrorCode};

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
        (PasswordRejected, _) => "The server didn't accept this password. Choose a longer one, with a mix of words, numbers and symbols.".into(),
        (RateLimited, _) => match error.retry_after_secs {
            Some(seconds) => format!("Too many attempts. Try again in {} seconds.", seconds.max(1)),
            None => "Too many attempts. Wait a minute and try again.".into(),
        },
        (ServerUnavailable, _) => "The server is busy or under maintenance. Try again in a moment.".into(),
        (ServerUnreachable, Server) => "Nothing answers at that address. Check it, and your internet connection.".into(),
        (ServerUnreachable, _) => "Can't reach the server. Check your internet connection, then try again.".into(),
        (Timeout, _) => "The server took too long to answer. Try again in a moment.".into(),
        (NotDirectus, _) => "That address answers, but not as a Directus server. Check the server address.".into(),
        (InvalidServerUrl, _) => error.message.clone(),
        (ServerNotConfigured, _) => "The server isn't set up to send this app's email links. Contact the organisation that runs it.".into(),
        (KeychainUnavailable, SignedIn) => "The system keychain isn't available, so you'll stay signed in only until the app closes.".into(),
        (KeychainUnavailable, _) => "The system keychain isn't available. You can still sign in, but you'll need to sign in again next time.".into(),
        (KeychainLocked, SignIn) => "The system keychain is locked, so a saved sign-in can't be read. Unlock it and choose Try again, or sign in.".into(),
        (KeychainLocked, _) => "The system keychain is locked. Unlock it to stay signed in after the app closes.".into(),
        (TlsError, _) => "The server's certificate is not trusted, so the app sent nothing to it. Check the server address, or ask the organisation that runs it. This is not a problem with your internet connection.".into(),
        (ServerChanged, _) => "The server was changed while this was running. Try again.".into(),
        (Unexpected, _) => match error.http_status {
            Some(status) if status > 0 => format!("The server gave an unexpected answer (HTTP {status}). Try again, or contact support."),
            _ => "Something unexpected went wrong. Try again, or contact support.".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(code: ErrorCode) -> BridgeError {
        BridgeError {
            code,
            message: "core message.".into(),
            retry_after_secs: None,
            http_status: None,
        }
    }

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
                let copy = error_copy(&error(code), context);
                if code == ErrorCode::InvalidServerUrl {
                    // The core's sentence names what is wrong with the typed address.
                    assert_eq!(copy, "core message.");
                    continue;
                }
                assert!(
                    copy.len() > 20 && copy.ends_with('.'),
                    "{code} in {context:?}: {copy}"
                );
            }
        }
    }

    #[test]
    fn waits_and_statuses_are_spelled_out() {
        let mut limited = error(ErrorCode::RateLimited);
        limited.retry_after_secs = Some(42);
        assert_eq!(
            error_copy(&limited, Context::SignIn),
            "Too many attempts. Try again in 42 seconds."
        );
        let mut odd = error(ErrorCode::Unexpected);
        odd.http_status = Some(500);
        assert!(error_copy(&odd, Context::SignIn).contains("HTTP 500"));
    }
}
