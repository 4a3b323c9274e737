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
    /// The account: the signed-in home. `notice`: what the customer just did on one of its
    /// screens, said once on arrival.
    SignedIn {
        notice: Option<AccountNotice>,
    },
    /// Edit the account's first and last name, starting from the ones the account screen
    /// showed.
    EditName {
        first_name: String,
        last_name: String,
    },
    /// Change the password. `ask_code`: two-factor is known to be on, so the current code is
    /// asked with the current password. `in_progress`: the change was sent (or its sign-in with
    /// the new password waits for a fresh code): Directus ends every session of the account
    /// when the password changes, so the session may end and begin again meanwhile, and the
    /// screen is not left for that.
    ChangePassword {
        ask_code: bool,
        in_progress: bool,
    },
    /// Set up two-factor authentication (password, then the secret and a code).
    TwoFactorOn,
    /// Turn two-factor authentication off (a current code).
    TwoFactorOff,
    /// The organisation requires two-factor authentication and the account has none: its set-up,
    /// before any other signed-in screen (and sign-out).
    TwoFactorRequired,
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

/// What the customer just did on an account screen, said at the top of the account screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountNotice {
    NameSaved,
    /// Their other devices were signed out; this one stays signed in.
    PasswordChanged,
    TwoFactorOn,
    TwoFactorOff,
}

impl Screen {
    pub fn sign_in() -> Screen {
        Screen::SignIn {
            email: String::new(),
            notice: None,
        }
    }

    /// The account screen, with nothing to say.
    pub fn account() -> Screen {
        Screen::SignedIn { notice: None }
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
    /// left as soon as it ends. A password change under way is not one of them: it shows only
    /// what the customer typed, and outlives the session its change ends.
    pub fn needs_session(&self) -> bool {
        matches!(
            self,
            Screen::SignedIn { .. }
                | Screen::EditName { .. }
                | Screen::ChangePassword {
                    in_progress: false,
                    ..
                }
                | Screen::TwoFactorOn
                | Screen::TwoFactorOff
                | Screen::TwoFactorRequired
                | Screen::Announcements { .. }
                | Screen::Announcement { .. }
        )
    }

    /// The screen to show instead of this one while the organisation requires two-factor
    /// authentication that the account lacks: its set-up, for every protected screen.
    pub fn unless_two_factor_required(self, view: &SessionView) -> Screen {
        if self.needs_session() && two_factor_required(view) {
            Screen::TwoFactorRequired
        } else {
            self
        }
    }

    /// Following a link from an email, reading the help, or a password change under way: not
    /// interrupted by a session restored or refreshed (or, for the password, signed in again)
    /// meanwhile.
    fn stays_when_signed_in(&self) -> bool {
        matches!(
            self,
            Screen::PasteLink { .. }
                | Screen::ConfirmEmail { .. }
                | Screen::EmailConfirmed { .. }
                | Screen::Reset { .. }
                | Screen::Help
                | Screen::ChangePassword {
                    in_progress: true,
                    ..
                }
        )
    }
}

/// Whether `view` is a session the organisation lets do nothing but set up two-factor
/// authentication (and sign out).
pub fn two_factor_required(view: &SessionView) -> bool {
    matches!(
        view,
        SessionView::SignedIn {
            two_factor_required: true,
            ..
        }
    )
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
        // Two-factor required: its set-up instead of any protected screen; once it is done
        // (the session says so), the account.
        (Screen::TwoFactorRequired, view) if two_factor_required(view) => None,
        (Screen::TwoFactorRequired, SessionView::SignedIn { .. }) => Some(Screen::account()),
        (screen, view @ SessionView::SignedIn { .. }) if screen.needs_session() => {
            Some(Screen::TwoFactorRequired).filter(|_| two_factor_required(view))
        }
        (screen, SessionView::SignedIn { .. }) if screen.stays_when_signed_in() => None,
        (_, view @ SessionView::SignedIn { .. }) => Some(
            back_to
                .cloned()
                .unwrap_or_else(Screen::account)
                .unless_two_factor_required(view),
        ),
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
        } if current.needs_session()
            && !matches!(current, Screen::SignedIn { .. } | Screen::TwoFactorRequired) =>
        {
            Some(current.clone())
        }
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
            two_factor_required: false,
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
            Some(Screen::account())
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
            after_session_change(&Screen::account(), &expired, None),
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
            Some(Screen::account())
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
        for screen in [&Screen::account(), &list, &item] {
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
        assert_eq!(return_point(&Screen::account(), &expired), None);
        assert_eq!(
            after_session_change(&Screen::sign_in(), &signed_in(), Some(&item)),
            Some(item.clone())
        );
        assert_eq!(
            after_session_change(&Screen::sign_in(), &signed_in(), None),
            Some(Screen::account())
        );
        for other in [Screen::sign_in(), Screen::Help, Screen::Server] {
            assert!(!other.needs_session(), "{other:?}");
        }
    }

    fn two_factor_required_session() -> SessionView {
        let SessionView::SignedIn {
            user,
            server_url,
            access_expires_at_ms,
            remembered,
            offline,
            connection_problem,
            retry_at_ms,
            keychain_problem,
            ..
        } = signed_in()
        else {
            unreachable!()
        };
        SessionView::SignedIn {
            user,
            server_url,
            access_expires_at_ms,
            remembered,
            offline,
            connection_problem,
            retry_at_ms,
            keychain_problem,
            two_factor_required: true,
        }
    }

    #[test]
    fn a_required_two_factor_set_up_comes_before_every_protected_screen() {
        let required = two_factor_required_session();
        let item = Screen::Announcement {
            id: "7".into(),
            page: 1,
        };
        // Signing in (or restoring), even with a screen to return to: the set-up first.
        for from in [Screen::sign_in(), Screen::Starting] {
            for back_to in [None, Some(&item)] {
                assert_eq!(
                    after_session_change(&from, &required, back_to),
                    Some(Screen::TwoFactorRequired)
                );
            }
        }
        // The organisation turns it on while the customer is on a protected screen.
        for protected in [
            Screen::account(),
            item.clone(),
            Screen::EditName {
                first_name: "Ada".into(),
                last_name: String::new(),
            },
            Screen::TwoFactorOff,
        ] {
            assert_eq!(
                after_session_change(&protected, &required, None),
                Some(Screen::TwoFactorRequired),
                "{protected:?}"
            );
            assert_eq!(
                protected.clone().unless_two_factor_required(&required),
                Screen::TwoFactorRequired
            );
            assert_eq!(
                protected.clone().unless_two_factor_required(&signed_in()),
                protected
            );
        }
        // Help and links stay reachable; the set-up stays put while it is required.
        assert_eq!(after_session_change(&Screen::Help, &required, None), None);
        assert_eq!(
            Screen::Help.unless_two_factor_required(&required),
            Screen::Help
        );
        assert_eq!(
            after_session_change(&Screen::TwoFactorRequired, &required, None),
            None
        );
        // Once set up, the session says so: the account follows. Signing out stays possible.
        assert_eq!(
            after_session_change(&Screen::TwoFactorRequired, &signed_in(), None),
            Some(Screen::account())
        );
        assert_eq!(
            after_session_change(
                &Screen::TwoFactorRequired,
                &signed_out(Some(SignOutReason::SignedOut)),
                None
            ),
            Some(Screen::sign_in())
        );
        // An expiry on the set-up does not make it a place to return to.
        assert_eq!(
            return_point(
                &Screen::TwoFactorRequired,
                &signed_out(Some(SignOutReason::SessionExpired))
            ),
            None
        );
    }

    #[test]
    fn a_password_change_under_way_outlasts_the_sessions_it_ends() {
        let idle = Screen::ChangePassword {
            ask_code: false,
            in_progress: false,
        };
        let changing = Screen::ChangePassword {
            ask_code: false,
            in_progress: true,
        };
        assert!(idle.needs_session());
        assert_eq!(
            after_session_change(
                &idle,
                &signed_out(Some(SignOutReason::PasswordChanged)),
                None
            ),
            Some(Screen::sign_in())
        );
        // Directus ends this device's session too; the screen signs in again with the new
        // password (asking for a fresh code when the account needs one).
        for view in [
            signed_out(Some(SignOutReason::PasswordChanged)),
            signed_in(),
        ] {
            assert_eq!(
                after_session_change(&changing, &view, None),
                None,
                "{view:?}"
            );
        }
    }
}
