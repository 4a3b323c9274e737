//! What the keychain and the settings file keep of a session, and when: the refresh token is
//! saved after every sign-in and refresh (retried, then given up on), an entry that must not be
//! restored is marked first and deleted after, the settings file notes whose entry it is, and
//! start-up restores what is stored.

use super::background::Retry;
use super::{next_epoch, signed_out, Active, Session, State};
use crate::error::CoreError;
use crate::settings::EntryMark;
use crate::vault::Written;
use account_bridge::{BridgeError, SessionView, SignOutReason, UserView};
use secrecy::ExposeSecret;
use std::time::Duration;
use tokio::time::Instant;

/// Longer than any keychain call may take (the vault's timeout ends it sooner).
const SAVE_UNDER_WAY: Duration = Duration::from_secs(3600);

impl Session {
    /// Marks this server's keychain entry as not to be restored: set before a sign-out deletes
    /// the entry and cleared once it is gone, so an entry whose delete failed is never used to
    /// sign the user back in at the next start. A `SignedOut` mark never replaces an
    /// `Outdated` one: the entry's token is dead either way, and an outdated one must not be
    /// sent even to end it. Written only when it changes.
    pub(super) fn mark_entry(&self, mark: EntryMark) {
        let server = self.client.base();
        if self.settings.signed_out(server) != Some(EntryMark::Outdated) {
            self.settings.save_signed_out(server, mark);
        }
    }

    /// Removes the entry's mark once the entry it guards is gone or replaced. Only when there
    /// is one: every refresh saves, and the settings file need not be rewritten each time.
    fn unmark_entry(&self) {
        self.settings.remove_signed_out(self.client.base());
    }

    /// Who the keychain entry belongs to, as the settings file remembers it.
    fn entry_owner(&self) -> Option<UserView> {
        self.settings.remembered(self.client.base())
    }

    /// Notes who the keychain entry belongs to (after every successful save; written only
    /// when it changed).
    fn note_entry_owner(&self, user: &UserView) {
        self.settings.save_remembered(self.client.base(), user);
    }

    fn forget_entry_owner(&self) {
        self.settings.remove_remembered(self.client.base());
    }

    /// What the window shows before the keychain has been read: the remembered user being
    /// checked, or the sign-in form when nobody is remembered. Neither waits for anything.
    pub fn starting_view(&self) -> SessionView {
        match self.entry_owner() {
            Some(user) if self.settings.signed_out(self.client.base()).is_none() => {
                SessionView::Restoring { user: Some(user) }
            }
            _ => SessionView::SignedOut {
                reason: None,
                keychain_problem: None,
            },
        }
    }

    /// At start-up: the stored session, refreshed, or signed out when there is none.
    pub async fn restore(&self) -> SessionView {
        let mut state = self.state.lock().await;
        if self.is_retired() {
            return self.view();
        }
        let remembered = self.entry_owner();
        if remembered.is_some() {
            self.views.send_replace(SessionView::Restoring {
                user: remembered.clone(),
            });
        }
        let server = self.client.base();
        if self.settings.signed_out(server) == Some(EntryMark::Outdated) {
            // The last run refreshed (the server replaced the stored token) and could not save
            // the new token before it ended: the stored one is dead, and sending it would only
            // be refused. Deleted unsent; the customer signs in again.
            tracing::info!("the stored session is older than the last refresh; deleting it");
            *state = self
                .delete_entry(Some(SignOutReason::SessionExpired), 0)
                .await;
            return self.publish(&state);
        }
        if self.settings.signed_out(server).is_some() {
            tracing::info!("the last sign-out on this server did not finish; finishing it");
            *state = self.finish_sign_out(None).await;
            return self.publish(&state);
        }
        let stored = match self.vault.load(server).await {
            Ok(Some(stored)) => stored,
            Ok(None) => {
                self.forget_entry_owner();
                *state = signed_out(None, None);
                return self.publish(&state);
            }
            Err(error) => {
                tracing::warn!(%error, "the keychain could not be read at start-up");
                *state = signed_out(None, Some(error.into()));
                return self.publish(&state);
            }
        };
        // The names the settings file remembers, while they belong to this entry.
        let user = match remembered.filter(|user| user.id == stored.user_id) {
            Some(user) => user,
            None => UserView {
                id: stored.user_id.clone(),
                email: stored.email.clone(),
                first_name: None,
                last_name: None,
            },
        };
        self.views.send_replace(SessionView::Restoring {
            user: Some(user.clone()),
        });
        let epoch = next_epoch();
        let mut active = Active::new(stored.refresh_token, user, epoch);
        active.remembered = true;
        // Refreshed tokens never carry the `enforce_tfa` mark: the last sign-in's stands.
        active.two_factor_required = self
            .settings
            .account_memory(server, &active.user.email)
            .two_factor_required;
        *state = State::SignedIn(Box::new(active));
        self.wake.notify_one();
        match self.refresh_locked(&mut state).await {
            Ok(access) => {
                drop(state);
                if let Err(error) = self.load_user(&access).await {
                    tracing::info!(code = %error.code(), "the user's profile could not be read after restoring");
                }
            }
            Err(error) => {
                tracing::info!(code = %error.code(), "the stored session was not restored")
            }
        }
        self.view()
    }

    /// Saves the current refresh token. A failure is retried in the background; after the last
    /// try the entry is deleted (it holds a token the server has already replaced), and the
    /// session lasts until the app closes.
    /// A retired session still saves a refresh it completed: the entry is its own server's,
    /// and the server has already replaced the stored token.
    pub(super) async fn save_in_keychain(&self, active: &mut Active) {
        let written = self.vault.save(self.client.base(), &active.stored()).await;
        self.record_save_outcome(active, written).await;
    }

    /// The background save: the keychain is written without holding the session's lock, so
    /// a caller needing the access token never waits for it. The write takes its place in the
    /// entry's lane before the lock is let go: a sign-out after it supersedes it. A retired
    /// session saves too: the entry is its own server's, whose stored token is already dead.
    pub(super) async fn save_if_due(&self) {
        let mut state = self.state.lock().await;
        let State::SignedIn(active) = &mut *state else {
            return;
        };
        if active.unsaved.is_none_or(|r| r.at > Instant::now()) {
            return;
        }
        let stored = active.stored();
        let epoch = active.epoch;
        let writing = self.vault.save(self.client.base(), &stored);
        // Under way: nobody else starts the same save. The outcome (which the vault's timeout
        // bounds) sets what comes next.
        if let Some(retry) = active.unsaved.as_mut() {
            retry.at = Instant::now() + SAVE_UNDER_WAY;
        }
        drop(state);
        let written = writing.await;
        let mut state = self.state.lock().await;
        let State::SignedIn(active) = &mut *state else {
            return;
        };
        // Only the outcome for the token the session still holds counts: a newer one has its
        // own save under way.
        let same_token =
            active.refresh_token.expose_secret() == stored.refresh_token.expose_secret();
        if active.epoch != epoch || !same_token {
            return;
        }
        self.record_save_outcome(active, written).await;
        self.publish(&state);
    }

    /// Before the process ends: a refresh's save that has not landed yet is written now and
    /// waited for, so the next start finds the newest token (the server has already made the
    /// stored one useless).
    /// The entry is marked outdated first: when the save fails, or the app's time bound for
    /// ending cuts it short, the next start deletes the stored token instead of sending it.
    /// A session whose saves had given up is tried once more too (the keychain may be back),
    /// so the customer stays signed in whenever the keychain lets them.
    pub async fn flush(&self) {
        let mut state = self.state.lock().await;
        if let State::SignedIn(active) = &mut *state {
            if active.unsaved.is_some() || !active.remembered {
                self.mark_entry(EntryMark::Outdated);
                self.save_in_keychain(active).await;
            }
        }
    }

    /// What a save of the current token means for the session.
    async fn record_save_outcome(&self, active: &mut Active, written: Result<Written, CoreError>) {
        match written {
            Ok(_) => {
                active.remembered = true;
                active.keychain_problem = None;
                active.unsaved = None;
                self.unmark_entry();
                self.note_entry_owner(&active.user);
            }
            Err(error) => {
                let failures = active.unsaved.map_or(0, |r| r.failures) + 1;
                active.remembered = false;
                active.keychain_problem = Some(BridgeError::from(error.clone()));
                // What is stored is older than the session (after a refresh, a token the server
                // has replaced): if the app ends before a save lands, the next start must not
                // send it.
                self.mark_entry(EntryMark::Outdated);
                if failures > self.policy.keychain_saves {
                    tracing::warn!(%error, "the session could not be saved in the keychain; it lasts until the app closes");
                    active.unsaved = None;
                    if let Err(error) = self.vault.delete(self.client.base()).await {
                        tracing::warn!(%error, "the outdated keychain entry could not be deleted either");
                    } else {
                        self.unmark_entry();
                        self.forget_entry_owner();
                    }
                } else {
                    tracing::warn!(%error, failures, "the session could not be saved in the keychain; trying again");
                    let wait = self.policy.delay(failures, &error, fastrand::f64());
                    active.unsaved = Some(Retry {
                        failures,
                        at: Instant::now() + wait,
                    });
                    self.wake.notify_one();
                }
            }
        }
    }

    /// Ends a session whose token must not be used again: ends it on the server if the stored
    /// entry can be read (a sign-out that could not reach the server last time), then deletes
    /// the entry.
    pub(super) async fn finish_sign_out(&self, reason: Option<SignOutReason>) -> State {
        self.mark_entry(EntryMark::SignedOut);
        if reason.is_none() {
            if let Ok(Some(stored)) = self.vault.load(self.client.base()).await {
                self.logout_quietly(&stored.refresh_token).await;
            }
        }
        self.delete_entry(reason, 0).await
    }

    /// Deletes the keychain entry; on failure the signed-out view says so and the delete is
    /// retried in the background (the entry's `signed_out:` mark keeps it from being used
    /// meanwhile).
    pub(super) async fn delete_entry(&self, reason: Option<SignOutReason>, failures: u32) -> State {
        match self.vault.delete(self.client.base()).await {
            Ok(_) => {
                self.unmark_entry();
                self.forget_entry_owner();
                signed_out(reason, None)
            }
            Err(error) => {
                let failures = failures + 1;
                let wait = self.policy.delay(failures, &error, fastrand::f64());
                tracing::warn!(%error, failures, "the session could not be deleted from the keychain; trying again");
                self.wake.notify_one();
                State::SignedOut {
                    reason,
                    keychain_problem: Some(BridgeError::from(error)),
                    undeleted: Some(Retry {
                        failures,
                        at: Instant::now() + wait,
                    }),
                }
            }
        }
    }
}
