//! The signed-in session: tokens in memory and a refresh that runs once however many callers
//! need it. What the keychain and the settings file keep of it is `persistence`'s policy; the
//! task that keeps it fresh, retries it while offline and finishes failed keychain writes is
//! `background`'s.

mod background;
mod persistence;

pub use background::RetryPolicy;

use crate::directus::{AuthTokens, Credentials, CurrentUser, DirectusClient};
use crate::error::CoreError;
use crate::settings::{EntryMark, Settings};
use crate::vault::{StoredSession, Vault};
use account_bridge::{BridgeError, SessionView, SignOutReason, UserView};
use background::Retry;
use secrecy::{ExposeSecret, SecretString};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::{watch, Mutex, Notify};
use tokio::time::Instant;

/// The official SDK refreshes 30 s before expiry; short-lived test tokens get a quarter of
/// their lifetime instead, so they are not refreshed on every call.
const MAX_REFRESH_MARGIN: Duration = Duration::from_secs(30);

/// Logging out on the server is best effort and must not hold up signing out locally.
const LOGOUT_LIMIT: Duration = Duration::from_secs(3);

pub struct Session {
    client: DirectusClient,
    vault: Arc<Vault>,
    settings: Settings,
    policy: RetryPolicy,
    // The one lock around the tokens: whoever holds it and finds the access token stale
    // refreshes; everyone queued behind then finds it fresh. That is the single flight.
    state: Mutex<State>,
    views: watch::Sender<SessionView>,
    // Set when the user picks another server: from then on this session publishes nothing and
    // writes nothing, whatever of its work was still under way.
    retired: AtomicBool,
    // Wakes the background task early: a sign-in, a restore, going offline, retirement.
    wake: Arc<Notify>,
    // For the keychain save a refresh starts and does not wait for.
    me: Weak<Session>,
}

enum State {
    SignedOut {
        reason: Option<SignOutReason>,
        keychain_problem: Option<BridgeError>,
        /// A keychain entry that must still be deleted (its delete failed): retried in the
        /// background.
        undeleted: Option<Retry>,
    },
    SignedIn(Box<Active>),
}

struct Offline {
    error: BridgeError,
    retry: Retry,
}

struct Active {
    /// None until the first successful refresh of a session restored while offline.
    access_token: Option<SecretString>,
    access_expires_at: SystemTime,
    access_lifetime: Duration,
    refresh_token: SecretString,
    user: UserView,
    /// Which sign-in or restore this is: a late answer for an earlier one is dropped.
    epoch: u64,
    remembered: bool,
    offline: Option<Offline>,
    keychain_problem: Option<BridgeError>,
    /// The keychain does not hold the current refresh token: the save is retried.
    unsaved: Option<Retry>,
    /// The organisation requires two-factor authentication and the account has none: set by a
    /// sign-in's token marked `enforce_tfa` (or the settings, for a restored session), cleared
    /// when two-factor is set up here.
    two_factor_required: bool,
}

impl Active {
    fn new(refresh_token: SecretString, user: UserView, epoch: u64) -> Self {
        Active {
            access_token: None,
            access_expires_at: UNIX_EPOCH,
            access_lifetime: Duration::ZERO,
            refresh_token,
            user,
            epoch,
            remembered: false,
            offline: None,
            keychain_problem: None,
            unsaved: None,
            two_factor_required: false,
        }
    }

    fn margin(&self) -> Duration {
        (self.access_lifetime / 4).min(MAX_REFRESH_MARGIN)
    }

    fn fresh_access_token(&self, now: SystemTime) -> Option<&SecretString> {
        let margin = self.margin();
        self.access_token.as_ref().filter(|_| {
            now.checked_add(margin)
                .is_some_and(|t| t < self.access_expires_at)
        })
    }

    fn take_tokens(&mut self, tokens: AuthTokens) {
        // Directus 12 marks only a sign-in's token; a refreshed one never carries the mark, so
        // its absence clears nothing.
        if tokens.enforce_two_factor {
            self.two_factor_required = true;
        }
        let now = SystemTime::now();
        self.access_token = Some(tokens.access_token);
        // The client keeps lifetimes within a day, so this cannot overflow; be safe anyway.
        self.access_expires_at = now.checked_add(tokens.expires_in).unwrap_or(now);
        self.access_lifetime = tokens.expires_in;
        self.refresh_token = tokens.refresh_token;
        self.offline = None;
    }

    /// How long until the access token should be refreshed (zero: now).
    fn refresh_due_in(&self, now: SystemTime) -> Duration {
        self.access_expires_at
            .checked_sub(self.margin())
            .and_then(|at| at.duration_since(now).ok())
            .unwrap_or(Duration::ZERO)
    }

    fn stored(&self) -> StoredSession {
        StoredSession {
            refresh_token: self.refresh_token.clone(),
            user_id: self.user.id.clone(),
            email: self.user.email.clone(),
        }
    }
}

/// A refresh answered with a definite "no": the stored session is dead and is deleted. Any
/// other failure (network, timeout, 5xx, TLS, garbage) keeps it for the next try.
fn is_definite_rejection(error: &CoreError) -> bool {
    matches!(
        error,
        CoreError::InvalidCredentials | CoreError::AccountSuspended | CoreError::SessionExpired
    )
}

fn unix_ms(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

impl Session {
    /// A signed-out session for `client`'s server. It publishes its views on `views`, which
    /// the sessions of successive servers share, so the UI keeps one subscription.
    pub fn new(
        client: DirectusClient,
        vault: Arc<Vault>,
        settings: Settings,
        policy: RetryPolicy,
        views: watch::Sender<SessionView>,
    ) -> Arc<Self> {
        views.send_replace(SessionView::SignedOut {
            reason: None,
            keychain_problem: None,
        });
        Arc::new_cyclic(|me| Session {
            client,
            vault,
            settings,
            policy,
            state: Mutex::new(signed_out(None, None)),
            views,
            retired: AtomicBool::new(false),
            wake: Arc::new(Notify::new()),
            me: me.clone(),
        })
    }

    pub fn view(&self) -> SessionView {
        self.views.borrow().clone()
    }

    /// The user picked another server: whatever this session still had under way is dropped.
    pub fn retire(&self) {
        self.retired.store(true, Ordering::SeqCst);
        self.wake.notify_one();
    }

    fn is_retired(&self) -> bool {
        self.retired.load(Ordering::SeqCst)
    }

    /// Signs in; the refresh token goes to the keychain, the access token stays in memory. When
    /// the keychain fails, the session still works for this run and says it is not remembered.
    pub async fn sign_in(&self, credentials: Credentials<'_>) -> Result<SessionView, CoreError> {
        let email = credentials.email;
        let tokens = self.client.login(&credentials).await?;
        let me = match self.client.current_user(&tokens.access_token).await {
            Ok(me) => me,
            Err(error) => {
                self.logout_quietly(&tokens.refresh_token).await;
                return Err(error);
            }
        };
        let mut state = self.state.lock().await;
        if self.is_retired() {
            // The user moved to another server while this ran: end what it started.
            drop(state);
            self.logout_quietly(&tokens.refresh_token).await;
            return Err(CoreError::ServerChanged);
        }
        if let State::SignedIn(previous) = &*state {
            // Another account was signed in: end that session first.
            self.logout_quietly(&previous.refresh_token).await;
        }
        let mut active = Active::new(
            SecretString::from(String::new()),
            merge_user(None, me, email),
            next_epoch(),
        );
        // A sign-in's token says it all: marked when the requirement is not met, unmarked
        // when it is (or there is none).
        active.take_tokens(tokens);
        self.note_requirement(&active);
        self.save_in_keychain(&mut active).await;
        *state = State::SignedIn(Box::new(active));
        self.wake.notify_one();
        Ok(self.publish(&state))
    }

    /// Keeps the organisation's two-factor requirement in the settings, for a restored session
    /// (whose refreshed tokens never carry the mark).
    fn note_requirement(&self, active: &Active) {
        let required = active.two_factor_required;
        self.settings
            .update_account_memory(self.client.base(), &active.user.email, |memory| {
                memory.two_factor_required = required;
                if required {
                    // The mark is only given to an account without two-factor.
                    memory.two_factor = Some(false);
                }
            });
    }

    /// Whether the organisation requires two-factor of this account, asked now (after
    /// two-factor was turned off here).
    pub async fn look_for_requirement(&self) {
        let (access, epoch) = match &*self.state.lock().await {
            State::SignedIn(active) => match &active.access_token {
                Some(access) => (access.clone(), active.epoch),
                None => return,
            },
            State::SignedOut { .. } => return,
        };
        self.find_new_requirement(&access, epoch).await;
    }

    /// After a refresh: whether the organisation has begun to require two-factor of an account
    /// this device knows to be without it (a refreshed token never carries the mark). An
    /// account known to have two-factor on is not asked about; a failed question changes
    /// nothing (the next refresh asks again).
    async fn find_new_requirement(&self, access: &SecretString, epoch: u64) {
        let email = match &*self.state.lock().await {
            State::SignedIn(active) if active.epoch == epoch => active.user.email.clone(),
            _ => return,
        };
        let known = self.settings.account_memory(self.client.base(), &email);
        if known.two_factor == Some(true) {
            return;
        }
        match self.client.two_factor_enforced(access).await {
            Ok(true) => {}
            Ok(false) => return,
            Err(error) => {
                tracing::debug!(code = %error.code(), "could not ask whether two-factor is required");
                return;
            }
        }
        let mut state = self.state.lock().await;
        let State::SignedIn(active) = &mut *state else {
            return;
        };
        // Two-factor may have been turned on here while the server was asked.
        let turned_on = self
            .settings
            .account_memory(self.client.base(), &email)
            .two_factor
            == Some(true);
        if active.epoch != epoch || active.two_factor_required || turned_on {
            return;
        }
        tracing::info!("the organisation now requires two-factor authentication");
        active.two_factor_required = true;
        self.note_requirement(active);
        self.publish(&state);
    }

    /// Refuses while the organisation's two-factor requirement is not met: the protected
    /// commands call it first. Signing out and the set-up itself do not.
    pub async fn check_two_factor_requirement(&self) -> Result<(), CoreError> {
        match &*self.state.lock().await {
            State::SignedIn(active) if active.two_factor_required => {
                Err(CoreError::TwoFactorRequired)
            }
            State::SignedIn(_) => Ok(()),
            State::SignedOut { .. } => Err(CoreError::SessionExpired),
        }
    }

    /// Two-factor was turned on here: the requirement is met. The session is refreshed at once,
    /// so the token in use is no longer the one marked `enforce_tfa`.
    pub async fn two_factor_set_up(&self) -> Result<SessionView, CoreError> {
        let mut state = self.state.lock().await;
        if self.is_retired() {
            return Err(CoreError::ServerChanged);
        }
        let State::SignedIn(active) = &mut *state else {
            return Err(CoreError::SessionExpired);
        };
        active.two_factor_required = false;
        self.note_requirement(active);
        // Two-factor is on either way; a refresh that fails for the network is retried by
        // the background task like any other.
        if let Err(error) = self.refresh_locked(&mut state).await {
            tracing::info!(code = %error.code(), "the refresh after setting up two-factor failed");
        }
        Ok(self.publish(&state))
    }

    /// Changes the password and signs this device in again with it, in one turn of the token
    /// lock: neither a refresh nor the background task can send the old refresh token (dead the
    /// moment the password changes) while the session is swapped. The current password was
    /// checked by the caller. `otp`: the code the check used, tried again for the new sign-in.
    pub async fn change_password(
        &self,
        new_password: &SecretString,
        otp: Option<&str>,
    ) -> Result<bool, CoreError> {
        let mut state = self.state.lock().await;
        if self.is_retired() {
            return Err(CoreError::ServerChanged);
        }
        let access = match &*state {
            State::SignedOut { .. } => return Err(CoreError::SessionExpired),
            State::SignedIn(active) => match active.fresh_access_token(SystemTime::now()) {
                Some(token) => token.clone(),
                None => self.refresh_locked(&mut state).await?,
            },
        };
        let State::SignedIn(active) = &*state else {
            return Err(CoreError::SessionExpired);
        };
        let email = active.user.email.clone();
        let changes = serde_json::json!({ "password": new_password.expose_secret() });
        // Some(true): saved; None: not known yet, the sign-in below tells.
        let saved = match self.client.update_me(&access, &changes).await {
            Ok(_) => Some(true),
            // An unlicensed server answers 403 after saving (it refuses to read the user back),
            // and the same 403 when the account may not change its password: the account's own
            // permission tells them apart, and the sign-in below confirms it.
            Err(CoreError::Forbidden) => match self.client.own_update(&access).await {
                Ok(update) => Some(update.is_some_and(|update| update.allows("password"))),
                Err(error) => {
                    tracing::info!(code = %error.code(), "the account's permissions could not be read");
                    None
                }
            },
            Err(error) => return Err(error),
        };
        if saved == Some(false) {
            // Nothing changed: the session and the old password still work.
            return Err(CoreError::Forbidden);
        }
        let credentials = Credentials {
            email: &email,
            password: new_password,
            otp,
        };
        match self.client.login(&credentials).await {
            Ok(tokens) => {
                let me = self.client.current_user(&tokens.access_token).await;
                let State::SignedIn(previous) = &*state else {
                    return Err(CoreError::SessionExpired);
                };
                let user = match me {
                    Ok(me) => merge_user(Some(&previous.user), me, &email),
                    Err(_) => previous.user.clone(),
                };
                let mut active = Active::new(SecretString::from(String::new()), user, next_epoch());
                active.take_tokens(tokens);
                self.note_requirement(&active);
                // The same keychain entry: the new refresh token replaces the dead one.
                self.save_in_keychain(&mut active).await;
                *state = State::SignedIn(Box::new(active));
                self.wake.notify_one();
                self.publish(&state);
                Ok(true)
            }
            // The new password is not in force: nothing changed, the session still works.
            Err(CoreError::InvalidCredentials) if saved.is_none() => Err(CoreError::Forbidden),
            // Neither answer says whether it changed: the next refresh will tell.
            Err(error)
                if saved.is_none()
                    && !matches!(error, CoreError::OtpInvalid | CoreError::OtpRequired) =>
            {
                Err(error)
            }
            // The password is changed, and with it this device's session ended on the server.
            // Directus checks the password before the code, so a refused code means the new
            // password is in force; any other failure (the network) leaves it changed too. The
            // customer signs in with the new password (and a fresh code).
            Err(error) => {
                tracing::info!(code = %error.code(), "the sign-in with the new password did not go through");
                // Ended in the same turn of the lock: no refresh sends the dead token first.
                self.end_locked(&mut state, SignOutReason::PasswordChanged)
                    .await;
                Ok(false)
            }
        }
    }

    /// Signs out here even when the server cannot be reached; tells the server when it can.
    pub async fn sign_out(&self) -> SessionView {
        self.end(SignOutReason::SignedOut).await
    }

    /// After a password reset for `email`: Directus has ended every session of that account, so
    /// a local session of it is over too.
    pub async fn password_changed(&self, email: &str) {
        let signed_in_as = match &*self.state.lock().await {
            State::SignedIn(active) => Some(active.user.email.clone()),
            State::SignedOut { .. } => None,
        };
        if signed_in_as.is_some_and(|current| current.eq_ignore_ascii_case(email.trim())) {
            self.end(SignOutReason::PasswordChanged).await;
        }
    }

    /// A valid access token, refreshing first when it is missing or about to expire. However
    /// many callers ask at once, at most one refresh is sent.
    pub async fn access_token(&self) -> Result<SecretString, CoreError> {
        let mut state = self.state.lock().await;
        if self.is_retired() {
            return Err(CoreError::ServerChanged);
        }
        match &*state {
            State::SignedOut { .. } => return Err(CoreError::SessionExpired),
            State::SignedIn(active) => {
                if let Some(token) = active.fresh_access_token(SystemTime::now()) {
                    return Ok(token.clone());
                }
            }
        }
        self.refresh_locked(&mut state).await
    }

    /// Forgets the access token as if it had expired, so the next call refreshes. Tests use it
    /// to move through token lifetimes without waiting them out; the app is built without it.
    #[cfg(feature = "test-hooks")]
    pub async fn expire_access_token(&self) {
        if let State::SignedIn(active) = &mut *self.state.lock().await {
            active.access_token = None;
        }
    }

    /// Who is signed in, read again from the server.
    pub async fn current_user(&self) -> Result<UserView, CoreError> {
        self.with_access(|access| async move { self.load_user(&access).await })
            .await
    }

    /// Runs `call` with a valid access token. When the server rejects the token anyway (it
    /// expired in between, or the clocks disagree) the session is refreshed once, through the
    /// same single-flight path as every refresh, and `call` runs once more.
    pub async fn with_access<T, F, Fut>(&self, call: F) -> Result<T, CoreError>
    where
        F: Fn(SecretString) -> Fut,
        Fut: std::future::Future<Output = Result<T, CoreError>>,
    {
        let access = self.access_token().await?;
        match call(access.clone()).await {
            Err(CoreError::SessionExpired) => {
                let access = self.refresh_after_rejection(&access).await?;
                call(access).await
            }
            other => other,
        }
    }

    async fn refresh_after_rejection(
        &self,
        rejected: &SecretString,
    ) -> Result<SecretString, CoreError> {
        let mut state = self.state.lock().await;
        if let State::SignedIn(active) = &*state {
            // Someone refreshed while this caller waited: use theirs.
            if let Some(current) = &active.access_token {
                if current.expose_secret() != rejected.expose_secret() {
                    return Ok(current.clone());
                }
            }
        }
        self.refresh_locked(&mut state).await
    }

    /// The refresh itself; the caller holds the state lock.
    async fn refresh_locked(&self, state: &mut State) -> Result<SecretString, CoreError> {
        let State::SignedIn(active) = state else {
            return Err(CoreError::SessionExpired);
        };
        match self.client.refresh(&active.refresh_token).await {
            Ok(tokens) => {
                active.take_tokens(tokens);
                // The old refresh token is dead now: the keychain must hold the new one. It is
                // written at once by a task of its own, so the caller does not wait for the
                // keychain (an unlock prompt can take minutes); a failed write is retried by
                // the background task.
                let failures = active.unsaved.map_or(0, |retry| retry.failures);
                active.unsaved = Some(Retry {
                    failures,
                    at: Instant::now(),
                });
                let me = self.me.clone();
                tokio::spawn(async move {
                    if let Some(session) = me.upgrade() {
                        session.save_if_due().await;
                    }
                });
                let access = active.access_token.clone().expect("just set");
                if !active.two_factor_required {
                    // Asked by a task of its own: the refresh's callers do not wait for it.
                    let (me, access, epoch) = (self.me.clone(), access.clone(), active.epoch);
                    tokio::spawn(async move {
                        if let Some(session) = me.upgrade() {
                            session.find_new_requirement(&access, epoch).await;
                        }
                    });
                }
                self.publish(state);
                Ok(access)
            }
            Err(error) if is_definite_rejection(&error) => {
                tracing::info!(code = %error.code(), "the server ended the session");
                *state = self
                    .finish_sign_out(Some(SignOutReason::SessionExpired))
                    .await;
                self.publish(state);
                Err(CoreError::SessionExpired)
            }
            Err(error) => {
                let failures = active.offline.as_ref().map_or(0, |o| o.retry.failures) + 1;
                let wait = self.policy.delay(failures, &error, fastrand::f64());
                tracing::info!(code = %error.code(), failures, retry_in_ms = wait.as_millis() as u64, "refresh failed; keeping the session and retrying");
                active.offline = Some(Offline {
                    error: BridgeError::from(error.clone()),
                    retry: Retry {
                        failures,
                        at: Instant::now() + wait,
                    },
                });
                // The background task may be asleep until the old refresh time: the retry is
                // sooner.
                self.wake.notify_one();
                self.publish(state);
                Err(error)
            }
        }
    }

    async fn load_user(&self, access: &SecretString) -> Result<UserView, CoreError> {
        let epoch = match &*self.state.lock().await {
            State::SignedIn(active) => active.epoch,
            State::SignedOut { .. } => return Err(CoreError::SessionExpired),
        };
        let me = self.client.current_user(access).await?;
        let mut state = self.state.lock().await;
        if self.is_retired() {
            return Err(CoreError::ServerChanged);
        }
        let State::SignedIn(active) = &mut *state else {
            return Err(CoreError::SessionExpired);
        };
        // A late answer about an earlier sign-in, or about someone else, changes nothing.
        if active.epoch != epoch || active.user.id != me.id {
            tracing::info!("a profile answer arrived for another session; dropped");
            return Err(CoreError::SessionExpired);
        }
        let fallback_email = active.user.email.clone();
        active.user = merge_user(Some(&active.user), me, &fallback_email);
        let user = active.user.clone();
        self.publish(&state);
        Ok(user)
    }

    async fn end(&self, reason: SignOutReason) -> SessionView {
        let mut state = self.state.lock().await;
        self.end_locked(&mut state, reason).await
    }

    /// Signing out itself; the caller holds the state lock.
    async fn end_locked(&self, state: &mut State, reason: SignOutReason) -> SessionView {
        if self.is_retired() {
            return self.view();
        }
        let previous = std::mem::replace(state, signed_out(Some(reason), None));
        if let State::SignedIn(active) = previous {
            // Marked first: if the app dies before the delete, the next start finishes it.
            self.mark_entry(EntryMark::SignedOut);
            match tokio::time::timeout(LOGOUT_LIMIT, self.client.logout(&active.refresh_token))
                .await
            {
                Ok(Ok(())) => {}
                Ok(Err(error)) => {
                    tracing::info!(code = %error.code(), "the server did not confirm the sign-out")
                }
                Err(_) => tracing::info!("the server did not answer the sign-out in time"),
            }
            *state = self.delete_entry(Some(reason), 0).await;
        }
        self.publish(state)
    }

    async fn logout_quietly(&self, refresh_token: &SecretString) {
        let _ = tokio::time::timeout(LOGOUT_LIMIT, self.client.logout(refresh_token)).await;
    }

    fn publish(&self, state: &State) -> SessionView {
        if self.is_retired() {
            return self.view();
        }
        let view = match state {
            State::SignedOut {
                reason,
                keychain_problem,
                ..
            } => SessionView::SignedOut {
                reason: *reason,
                keychain_problem: keychain_problem.clone(),
            },
            State::SignedIn(active) => {
                let retry_at_ms = active.offline.as_ref().map(|offline| {
                    let wait = offline.retry.at.saturating_duration_since(Instant::now());
                    unix_ms(SystemTime::now()) + wait.as_millis() as u64
                });
                SessionView::SignedIn {
                    user: active.user.clone(),
                    server_url: self.client.base().to_string(),
                    access_expires_at_ms: unix_ms(active.access_expires_at),
                    remembered: active.remembered,
                    offline: active.offline.is_some(),
                    connection_problem: active.offline.as_ref().map(|o| o.error.clone()),
                    retry_at_ms,
                    keychain_problem: active.keychain_problem.clone(),
                    two_factor_required: active.two_factor_required,
                }
            }
        };
        self.views.send_replace(view.clone());
        view
    }
}

fn signed_out(reason: Option<SignOutReason>, keychain_problem: Option<BridgeError>) -> State {
    State::SignedOut {
        reason,
        keychain_problem,
        undeleted: None,
    }
}

/// Sign-ins and restores are numbered across all sessions of the process.
fn next_epoch() -> u64 {
    static EPOCH: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    EPOCH.fetch_add(1, Ordering::Relaxed)
}

/// Combines what `/users/me` returned with what is already known: an unlicensed server
/// returns only the id, and the email used to sign in stands in for the rest.
fn merge_user(known: Option<&UserView>, me: CurrentUser, sign_in_email: &str) -> UserView {
    let keep = |fresh: Option<String>, old: Option<&Option<String>>| {
        fresh.or_else(|| old.cloned().flatten())
    };
    UserView {
        id: me.id,
        email: me.email.unwrap_or_else(|| sign_in_email.to_string()),
        first_name: keep(me.first_name, known.map(|u| &u.first_name)),
        last_name: keep(me.last_name, known.map(|u| &u.last_name)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn me(id: &str, email: Option<&str>, first: Option<&str>) -> CurrentUser {
        CurrentUser {
            id: id.into(),
            email: email.map(Into::into),
            first_name: first.map(Into::into),
            last_name: None,
            names_read: first.is_some(),
        }
    }

    /// A signed-in session with an access token of `lifetime` that expires at `expires_at`.
    fn test_active(lifetime: Duration, expires_at: SystemTime) -> Active {
        let user = UserView {
            id: "1".into(),
            email: "e".into(),
            first_name: None,
            last_name: None,
        };
        let mut active = Active::new(SecretString::from("r".to_string()), user, 1);
        active.access_token = Some(SecretString::from("x".to_string()));
        active.access_expires_at = expires_at;
        active.access_lifetime = lifetime;
        active
    }

    #[test]
    fn an_id_only_answer_keeps_the_sign_in_email_and_known_names() {
        let known = UserView {
            id: "u1".into(),
            email: "ada@example.com".into(),
            first_name: Some("Ada".into()),
            last_name: None,
        };
        let merged = merge_user(Some(&known), me("u1", None, None), "ada@example.com");
        assert_eq!(merged, known);
    }

    #[test]
    fn a_full_answer_wins() {
        let merged = merge_user(
            None,
            me("u1", Some("ADA@example.com"), Some("Ada")),
            "ada@example.com",
        );
        assert_eq!(merged.email, "ADA@example.com");
        assert_eq!(merged.first_name.as_deref(), Some("Ada"));
    }

    #[test]
    fn the_margin_is_a_quarter_of_short_lifetimes_and_30_s_of_long_ones() {
        let now = SystemTime::now();
        let active = |lifetime: Duration, left: Duration| test_active(lifetime, now + left);
        let short = Duration::from_secs(8);
        assert!(active(short, Duration::from_secs(3))
            .fresh_access_token(now)
            .is_some());
        assert!(active(short, Duration::from_secs(2))
            .fresh_access_token(now)
            .is_none());
        let long = Duration::from_secs(900);
        assert!(active(long, Duration::from_secs(31))
            .fresh_access_token(now)
            .is_some());
        assert!(active(long, Duration::from_secs(29))
            .fresh_access_token(now)
            .is_none());
    }

    #[test]
    fn a_huge_or_past_expiry_never_panics() {
        let active = test_active(Duration::MAX, UNIX_EPOCH);
        assert!(active.fresh_access_token(SystemTime::now()).is_none());
        assert_eq!(active.refresh_due_in(SystemTime::now()), Duration::ZERO);
        assert_eq!(unix_ms(UNIX_EPOCH - Duration::from_secs(5)), 0);
    }

    #[test]
    fn only_a_definite_no_ends_the_session() {
        assert!(is_definite_rejection(&CoreError::InvalidCredentials));
        assert!(is_definite_rejection(&CoreError::AccountSuspended));
        assert!(is_definite_rejection(&CoreError::SessionExpired));
        for kept in [
            CoreError::TlsError,
            CoreError::RateLimited { retry_after: None },
            CoreError::ServerUnreachable,
            CoreError::Timeout(Duration::from_secs(1)),
            CoreError::ServerUnavailable,
            CoreError::NotDirectus,
            CoreError::Unexpected {
                status: 500,
                detail: String::new(),
            },
        ] {
            assert!(!is_definite_rejection(&kept), "{kept:?}");
        }
    }
}
