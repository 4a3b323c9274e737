//! Which screen shows, and what each screen is given: a screen's data (an email to start with,
//! a link, a notice) travels in its route, so nothing is left over for the next screen.

use account_bridge::{BridgeError, LinkKind, LinkView, SessionView};

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// The session is being restored: nothing to show yet (no flash of the sign-in form).
    Starting,
    /// `email` starts the form (empty: the last one used on this device).
    SignIn {
        email: String,
        notice: Option<Notice>,
    },
    Register {
        email: String,
    },
    /// Paste a link or code from an email; `expected` narrows it to one kind. `problem` says
    /// why the user is back here (a link that turned out used or expired).
    PasteLink {
        expected: Option<LinkKind>,
        problem: Option<BridgeError>,
    },
    /// A verification link waits for the user to confirm it, on the server shown.
    ConfirmEmail {
        link: LinkView,
    },
    EmailConfirmed {
        email: Option<String>,
    },
    Forgot {
        email: String,
    },
    /// Choose a new password with `link`. `arrived`: another reset link came meanwhile and
    /// waits for the user to choose.
    Reset {
        link: LinkView,
        arrived: Option<LinkView>,
    },
    SignedIn,
    Server,
    /// Version, log folder, the diagnostic report and the email-link check.
    Help,
    /// The core could not start; nothing else can be shown.
    StartupFailed {
        failure: BridgeError,
    },
}

/// What just happened, said at the top of the sign-in screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    PasswordChanged,
    EmailConfirmed,
}

impl Screen {
    pub fn sign_in() -> Screen {
        Screen::SignIn {
            email: String::new(),
            notice: None,
        }
    }

    /// The screen a link opens.
    pub fn for_link(link: LinkView) -> Screen {
        match link.kind {
            LinkKind::ResetPassword => Screen::Reset {
                link,
                arrived: None,
            },
            LinkKind::VerifyEmail => Screen::ConfirmEmail { link },
        }
    }

    /// Following a link from an email, or reading the help: not interrupted by a session
    /// restored or refreshed meanwhile.
    fn stays_when_signed_in(&self) -> bool {
        matches!(
            self,
            Screen::PasteLink { .. }
                | Screen::ConfirmEmail { .. }
                | Screen::EmailConfirmed { .. }
                | Screen::Reset { .. }
                | Screen::Help
        )
    }
}

/// The screen after the session changed, given the one showing; None to stay.
pub fn after_session_change(current: &Screen, view: &SessionView) -> Option<Screen> {
    match (current, view) {
        (Screen::StartupFailed { .. }, _) => None,
        (Screen::Starting, SessionView::Restoring { .. }) => None,
        (_, SessionView::Restoring { .. }) => Some(Screen::Starting),
        (Screen::SignedIn, SessionView::SignedIn { .. }) => None,
        (screen, SessionView::SignedIn { .. }) if screen.stays_when_signed_in() => None,
        (_, SessionView::SignedIn { .. }) => Some(Screen::SignedIn),
        // Signed out while on a signed-in (or start-up) screen: to sign-in. Elsewhere (register,
        // forgot, a link, server) the user is doing something: stay.
        (Screen::Starting | Screen::SignedIn, SessionView::SignedOut { .. }) => {
            Some(Screen::sign_in())
        }
        (_, SessionView::SignedOut { .. }) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use account_bridge::{SignOutReason, UserView};

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

    fn reset_link() -> LinkView {
        LinkView {
            kind: LinkKind::ResetPassword,
            email: Some("a@b.c".into()),
            expired: false,
        }
    }

    #[test]
    fn restoring_shows_the_starting_screen_then_the_right_one() {
        assert_eq!(
            after_session_change(&Screen::sign_in(), &SessionView::Restoring { user: None }),
            Some(Screen::Starting)
        );
        assert_eq!(
            after_session_change(&Screen::Starting, &signed_in()),
            Some(Screen::SignedIn)
        );
        assert_eq!(
            after_session_change(&Screen::Starting, &signed_out(None)),
            Some(Screen::sign_in())
        );
    }

    #[test]
    fn an_expiry_in_the_background_leads_to_sign_in_but_does_not_interrupt_other_work() {
        let expired = signed_out(Some(SignOutReason::SessionExpired));
        assert_eq!(
            after_session_change(&Screen::SignedIn, &expired),
            Some(Screen::sign_in())
        );
        for busy in [
            Screen::Register {
                email: "a@b.c".into(),
            },
            Screen::Forgot {
                email: String::new(),
            },
            Screen::for_link(reset_link()),
            Screen::PasteLink {
                expected: None,
                problem: None,
            },
            Screen::Server,
        ] {
            assert_eq!(after_session_change(&busy, &expired), None, "{busy:?}");
        }
    }

    #[test]
    fn a_link_being_followed_stays_on_screen() {
        assert_eq!(
            after_session_change(&Screen::for_link(reset_link()), &signed_in()),
            None
        );
        assert_eq!(
            after_session_change(&Screen::EmailConfirmed { email: None }, &signed_in()),
            None
        );
        assert_eq!(after_session_change(&Screen::Help, &signed_in()), None);
        assert_eq!(
            after_session_change(&Screen::sign_in(), &signed_in()),
            Some(Screen::SignedIn)
        );
    }

    #[test]
    fn a_link_opens_its_own_screen_with_the_link() {
        let Screen::Reset { link, arrived } = Screen::for_link(reset_link()) else {
            panic!("a reset link opens the reset screen")
        };
        assert_eq!((link, arrived), (reset_link(), None));
        let verify = LinkView {
            kind: LinkKind::VerifyEmail,
            ..reset_link()
        };
        assert!(matches!(
            Screen::for_link(verify),
            Screen::ConfirmEmail { .. }
        ));
    }
}
