//! Which screen shows, and what each screen is given: a screen's data (an email to start with,
//! a link, a notice) travels in its route, so nothing is left over for the next screen.

use account_bridge::{BridgeError, LinkKind, LinkView, SessionView, SignOutReason};

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
    /// The organisation's announcements, one page of them (from 1). Needs a session.
    Announcements {
        page: u32,
    },
    /// One announcement; `page`: the list page to go back to. Needs a session.
    Announcement {
        id: String,
        page: u32,
    },
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

    /// Screens that show what only a signed-in user may see: never shown without a session,
    /// left as soon as it ends.
    pub fn needs_session(&self) -> bool {
        matches!(
            self,
            Screen::SignedIn | Screen::Announcements { .. } | Screen::Announcement { .. }
        )
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

/// The screen after the session changed, given the one showing; None to stay. `back_to`: the
/// protected screen the user was on when the session ended by itself, to return to once
/// signed in again.
pub fn after_session_change(
    current: &Screen,
    view: &SessionView,
    back_to: Option<&Screen>,
) -> Option<Screen> {
    match (current, view) {
        (Screen::StartupFailed { .. }, _) => None,
        (Screen::Starting, SessionView::Restoring { .. }) => None,
        (_, SessionView::Restoring { .. }) => Some(Screen::Starting),
        (screen, SessionView::SignedIn { .. }) if screen.needs_session() => None,
        (screen, SessionView::SignedIn { .. }) if screen.stays_when_signed_in() => None,
        (_, SessionView::SignedIn { .. }) => Some(back_to.cloned().unwrap_or(Screen::SignedIn)),
        // Signed out while on a signed-in (or start-up) screen: to sign-in, and what it showed
        // is gone. Elsewhere (register, forgot, a link, server) the user is doing something:
        // stay.
        (screen, SessionView::SignedOut { .. })
            if screen.needs_session() || *screen == Screen::Starting =>
        {
            Some(Screen::sign_in())
        }
        (_, SessionView::SignedOut { .. }) => None,
    }
}

/// The screen the window opens on, once the core's first answer has placed it (`chosen`): the
/// server settings when no server is configured, since nothing can be signed in to (or any
/// link used) until the customer enters their organisation's address.
pub fn opening_screen(no_server: bool, chosen: Screen) -> Screen {
    if no_server {
        Screen::Server
    } else {
        chosen
    }
}

/// Where to return after signing in again, when the session ends while `current` shows: the
/// protected screen, if the session ended by itself (expired, the password changed elsewhere).
/// After the user's own sign-out the next sign-in starts afresh (it may be someone else).
pub fn return_point(current: &Screen, view: &SessionView) -> Option<Screen> {
    match view {
        SessionView::SignedOut {
            reason: Some(SignOutReason::SessionExpired | SignOutReason::PasswordChanged),
            ..
        } if current.needs_session() && *current != Screen::SignedIn => Some(current.clone()),
        _ => None,
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
            after_session_change(
                &Screen::sign_in(),
                &SessionView::Restoring { user: None },
                None
            ),
            Some(Screen::Starting)
        );
        assert_eq!(
            after_session_change(&Screen::Starting, &signed_in(), None),
            Some(Screen::SignedIn)
        );
        assert_eq!(
            after_session_change(&Screen::Starting, &signed_out(None), None),
            Some(Screen::sign_in())
        );
    }

    #[test]
    fn an_expiry_in_the_background_leads_to_sign_in_but_does_not_interrupt_other_work() {
        let expired = signed_out(Some(SignOutReason::SessionExpired));
        assert_eq!(
            after_session_change(&Screen::SignedIn, &expired, None),
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
            assert_eq!(
                after_session_change(&busy, &expired, None),
                None,
                "{busy:?}"
            );
        }
    }

    #[test]
    fn with_no_server_configured_the_window_opens_the_server_settings() {
        for chosen in [
            Screen::sign_in(),
            Screen::Starting,
            Screen::for_link(reset_link()),
        ] {
            assert_eq!(opening_screen(true, chosen.clone()), Screen::Server);
            assert_eq!(opening_screen(false, chosen.clone()), chosen);
        }
    }

    #[test]
    fn a_link_being_followed_stays_on_screen() {
        assert_eq!(
            after_session_change(&Screen::for_link(reset_link()), &signed_in(), None),
            None
        );
        assert_eq!(
            after_session_change(&Screen::EmailConfirmed { email: None }, &signed_in(), None),
            None
        );
        assert_eq!(
            after_session_change(&Screen::Help, &signed_in(), None),
            None
        );
        assert_eq!(
            after_session_change(&Screen::sign_in(), &signed_in(), None),
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

    #[test]
    fn protected_screens_need_a_session_and_are_returned_to_after_an_expiry() {
        let list = Screen::Announcements { page: 2 };
        let item = Screen::Announcement {
            id: "7".into(),
            page: 2,
        };
        let expired = signed_out(Some(SignOutReason::SessionExpired));
        for screen in [&Screen::SignedIn, &list, &item] {
            assert!(screen.needs_session());
            // The session ends: off the screen at once, whatever the reason.
            for view in [
                &expired,
                &signed_out(Some(SignOutReason::SignedOut)),
                &signed_out(None),
            ] {
                assert_eq!(
                    after_session_change(screen, view, None),
                    Some(Screen::sign_in()),
                    "{screen:?} {view:?}"
                );
            }
            // A refresh while on it changes nothing.
            assert_eq!(after_session_change(screen, &signed_in(), None), None);
        }
        // Expired on the item: back to it after signing in again; after the user's own
        // sign-out, the account screen.
        assert_eq!(return_point(&item, &expired), Some(item.clone()));
        assert_eq!(
            return_point(&item, &signed_out(Some(SignOutReason::SignedOut))),
            None
        );
        assert_eq!(return_point(&Screen::SignedIn, &expired), None);
        assert_eq!(
            after_session_change(&Screen::sign_in(), &signed_in(), Some(&item)),
            Some(item.clone())
        );
        assert_eq!(
            after_session_change(&Screen::sign_in(), &signed_in(), None),
            Some(Screen::SignedIn)
        );
        for other in [Screen::sign_in(), Screen::Help, Screen::Server] {
            assert!(!other.needs_session(), "{other:?}");
        }
    }
}
