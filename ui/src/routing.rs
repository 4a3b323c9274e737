//! Which screen shows, decided from the session and from where the user is.

use account_bridge::{SessionView, SignOutReason};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The session is being restored: nothing to show yet (no flash of the sign-in form).
    Starting,
    SignIn,
    Register,
    Verify,
    Forgot,
    Reset,
    SignedIn,
    Server,
    /// The core could not start; nothing else can be shown.
    StartupFailed,
}

/// The screen after the session changed, given the one showing.
pub fn after_session_change(current: Screen, view: &SessionView) -> Screen {
    if current == Screen::StartupFailed {
        return current;
    }
    match view {
        SessionView::Restoring => Screen::Starting,
        // A link being followed (reset, verify) is not interrupted by a session restored or
        // refreshed meanwhile.
        SessionView::SignedIn { .. } => match current {
            Screen::Reset | Screen::Verify => current,
            _ => Screen::SignedIn,
        },
        // Signed out while on a signed-in (or start-up) screen: to sign-in. Elsewhere (register,
        // forgot, reset, verify, server) the user is doing something: stay.
        SessionView::SignedOut { .. } => match current {
            Screen::Starting | Screen::SignedIn => Screen::SignIn,
            other => other,
        },
    }
}

/// Why the user is on the sign-in screen, when it is worth saying.
pub fn sign_in_banner(view: &SessionView) -> Option<&'static str> {
    match view {
        SessionView::SignedOut {
            reason: Some(reason),
            ..
        } => Some(match reason {
            SignOutReason::SignedOut => "You signed out.",
            SignOutReason::SessionExpired => "Your session has expired. Please sign in again.",
            SignOutReason::PasswordChanged => {
                "Your password was changed. Sign in with the new one."
            }
        }),
        _ => None,
    }
}

/// The screen a link opens.
pub fn screen_for_link(kind: account_bridge::LinkKind) -> Screen {
    match kind {
        account_bridge::LinkKind::ResetPassword => Screen::Reset,
        account_bridge::LinkKind::VerifyEmail => Screen::Verify,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use account_bridge::UserView;

    fn signed_in() -> SessionView {
        SessionView::SignedIn {
            user: UserView {
                id: "1".into(),
                email: "a@b.c".into(),
                first_name: None,
                last_name: None,
            },
            server_url: "https://example.com/".into(),
            access_expires_at_ms: 0,
            remembered: true,
            offline: false,
            connection_problem: None,
            retry_at_ms: None,
            keychain_problem: None,
        }
    }

    fn signed_out(reason: Option<SignOutReason>) -> SessionView {
        SessionView::SignedOut {
            reason,
            keychain_problem: None,
        }
    }

    #[test]
    fn restoring_shows_nothing_then_the_right_screen() {
        assert_eq!(
            after_session_change(Screen::SignIn, &SessionView::Restoring),
            Screen::Starting
        );
        assert_eq!(
            after_session_change(Screen::Starting, &signed_in()),
            Screen::SignedIn
        );
        assert_eq!(
            after_session_change(Screen::Starting, &signed_out(None)),
            Screen::SignIn
        );
    }

    #[test]
    fn an_expiry_in_the_background_leads_to_sign_in_but_does_not_interrupt_other_work() {
        let expired = signed_out(Some(SignOutReason::SessionExpired));
        assert_eq!(
            after_session_change(Screen::SignedIn, &expired),
            Screen::SignIn
        );
        for busy in [
            Screen::Register,
            Screen::Forgot,
            Screen::Reset,
            Screen::Verify,
            Screen::Server,
        ] {
            assert_eq!(after_session_change(busy, &expired), busy);
        }
    }

    #[test]
    fn a_link_being_followed_stays_on_screen() {
        assert_eq!(
            after_session_change(Screen::Reset, &signed_in()),
            Screen::Reset
        );
        assert_eq!(
            after_session_change(Screen::Verify, &signed_in()),
            Screen::Verify
        );
        assert_eq!(
            after_session_change(Screen::SignIn, &signed_in()),
            Screen::SignedIn
        );
    }

    #[test]
    fn banners_say_why() {
        assert_eq!(sign_in_banner(&signed_out(None)), None);
        assert!(
            sign_in_banner(&signed_out(Some(SignOutReason::SessionExpired)))
                .unwrap()
                .contains("expired")
        );
        assert!(
            sign_in_banner(&signed_out(Some(SignOutReason::PasswordChanged)))
                .unwrap()
                .contains("password was changed")
        );
        assert_eq!(sign_in_banner(&signed_in()), None);
    }
}
