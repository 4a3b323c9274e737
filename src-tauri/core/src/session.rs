//! The signed-in session: tokens in memory, the refresh token in the keychain, a refresh that
//! runs once however many callers need it, and a background task that keeps the session fresh,
//! retries it while offline, and finishes keychain writes that failed.

use crate::directus::{AuthTokens, Credentials, CurrentUser, DirectusClient};
use crate::error::CoreError;
use crate::settings::{self, SettingsStore};
use crate::vault::{StoredSession, Vault, Written};
use account_bridge::{BridgeError, SessionView, SignOutReason, UserView};
use secrecy::{ExposeSecret, SecretString};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::{watch, Mutex, Notify};
use tokio::time::Instant;

/// The official SDK refreshes 30 s before expiry; short-lived test tokens get a quarter of
/// their lifetime instead, so they are not refreshed on every call.
const MAX_REFRESH_MARGIN: Duration = Duration::from_secs(30);

/// The longest the background task sleeps without looking at the clock. Wall-clock time is
/// compared, so a machine that slept past the expiry refreshes within this of waking up.
const PROACTIVE_CHECK: Duration = Duration::from_secs(15);

/// Longer than any keychain call may take (the vault's timeout ends it sooner).
const SAVE_UNDER_WAY: Duration = Duration::from_secs(3600);

/// Logging out on the server is best effort and must not hold up signing out locally.
const LOGOUT_LIMIT: Duration = Duration::from_secs(3);

/// A server's `Retry-After` is obeyed up to this; a larger one is not believed.
const MAX_RETRY_AFTER: Duration = Duration::from_secs(60 * 60);

/// When the background task tries again after a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// The wait after the first failure; it doubles with each further one…
    pub first: Duration,
    /// …up to this. After faults stop, a session is back within this bound (plus one request).
    pub max: Duration,
    /// Failed keychain saves retried before the entry is deleted instead.
    pub keychain_saves: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            first: Duration::from_secs(2),
            max: Duration::from_secs(60),
            keychain_saves: 3,
        }
    }
}

impl RetryPolicy {
    /// The wait after `failures` failures in a row (1 or more), given the last error.
    /// `jitter` in [0, 1) spreads the waits of many apps over the upper half of the step, so
    /// they do not all come back at once. A rate limit waits for the server's `Retry-After`.
    pub fn delay(&self, failures: u32, error: &CoreError, jitter: f64) -> Duration {
        if let CoreError::RateLimited {
            retry_after: Some(wait),
        } = error
        {
            return (*wait).clamp(self.first, MAX_RETRY_AFTER);
        }
        let doublings = failures.saturating_sub(1).min(16);
        let step = self
            .first
            .saturating_mul(1 << doublings)
            .min(self.max)
            .max(self.first.min(self.max));
        let jitter = jitter.clamp(0.0, 1.0);
        step / 2 + step.mul_f64(jitter / 2.0)
    }
}

pub struct Session {
    client: DirectusClient,
    vault: Arc<Vault>,
    settings: Arc<dyn SettingsStore>,
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

/// A failed attempt at something, and when to try again.
#[derive(Debug, Clone, Copy)]
struct Retry {
    failures: u32,
    at: Instant,
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
        settings: Arc<dyn SettingsStore>,
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

    /// The settings key that marks this server's keychain entry as signed out: set before a
    /// sign-out deletes the entry and cleared once it is gone, so an entry whose delete failed
    /// is never used to sign the user back in at the next start.
    fn tombstone_key(&self) -> String {
        format!("{}{}", settings::SIGNED_OUT_PREFIX, self.client.base())
    }

    /// Marks this server's keychain entry as not to be restored. A `SignedOut` mark never
    /// replaces an `Outdated` one: the entry's token is dead either way, and an outdated one must
    /// not be sent even to end it. Written only when it changes.
    fn mark_entry(&self, mark: Mark) {
        let key = self.tombstone_key();
        let current = self.settings.load(&key);
        if current.as_deref() == Some(mark.value()) || current.as_deref() == Some(OUTDATED) {
            return;
        }
        self.settings.save(&key, mark.value());
    }

    /// Removes the signed-out mark once the entry it guards is gone or replaced. Only when there
    /// is one: every refresh saves, and the settings file need not be rewritten each time.
    fn clear_tombstone(&self) {
        settings::remove_if_present(self.settings.as_ref(), &self.tombstone_key());
    }

    fn remembered_key(&self) -> String {
        format!("{}{}", settings::REMEMBERED_PREFIX, self.client.base())
    }

    /// Who the keychain entry belongs to, as the settings file remembers it.
    fn remembered_user(&self) -> Option<UserView> {
        settings::load_json(self.settings.as_ref(), &self.remembered_key())
    }

    /// Notes who is remembered (after every successful save; written only when it changed).
    fn note_remembered(&self, user: &UserView) {
        settings::save_json_if_changed(self.settings.as_ref(), &self.remembered_key(), user);
    }

    fn forget_remembered(&self) {
        settings::remove_if_present(self.settings.as_ref(), &self.remembered_key());
    }

    /// What the window shows before the keychain has been read: the remembered user being
    /// checked, or the sign-in form when nobody is remembered. Neither waits for anything.
    pub fn starting_view(&self) -> SessionView {
        match self.remembered_user() {
            Some(user) if self.settings.load(&self.tombstone_key()).is_none() => {
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
        let remembered = self.remembered_user();
        if remembered.is_some() {
            self.views.send_replace(SessionView::Restoring {
                user: remembered.clone(),
            });
        }
        let server = self.client.base();
        if self.settings.load(&self.tombstone_key()).as_deref() == Some(OUTDATED) {
            // The last run refreshed (the server replaced the stored token) and could not save
            // the new token before it ended: the stored one is dead, and sending it would only
            // be refused. Deleted unsent; the customer signs in again.
            tracing::info!("the stored session is older than the last refresh; deleting it");
            *state = self
                .delete_entry(Some(SignOutReason::SessionExpired), 0)
                .await;
            return self.publish(&state);
        }
        if self.settings.load(&self.tombstone_key()).is_some() {
            tracing::info!("the last sign-out on this server did not finish; finishing it");
            *state = self.finish_sign_out(None).await;
            return self.publish(&state);
        }
        let stored = match self.vault.load(server).await {
            Ok(Some(stored)) => stored,
            Ok(None) => {
                self.forget_remembered();
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
        active.take_tokens(tokens);
        self.remember(&mut active).await;
        *state = State::SignedIn(Box::new(active));
        self.wake.notify_one();
        Ok(self.publish(&state))
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
    /// to move through token lifetimes without waiting them out.
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

    /// Keeps the session fresh in the background until the session is dropped or retired:
    /// refreshes before expiry, retries an offline session with backoff, and retries keychain
    /// writes that failed.
    pub fn spawn_background(self: &Arc<Self>) -> tokio::task::JoinHandle<()> {
        let weak = Arc::downgrade(self);
        let wake = self.wake.clone();
        tokio::spawn(async move {
            loop {
                let Some(session) = weak.upgrade() else {
                    return;
                };
                if session.is_retired() {
                    return;
                }
                let wait = session.next_due().await;
                drop(session);
                match wait {
                    Some(wait) => tokio::select! {
                        _ = tokio::time::sleep(wait.min(PROACTIVE_CHECK)) => {}
                        _ = wake.notified() => {}
                    },
                    // Signed out with nothing left to do: no timer at all until something
                    // happens (the idle app does not wake up).
                    None => wake.notified().await,
                }
                let Some(session) = weak.upgrade() else {
                    return;
                };
                session.run_due().await;
            }
        })
    }

    /// How long until the background task has something to do; None: nothing is scheduled.
    async fn next_due(&self) -> Option<Duration> {
        let now = Instant::now();
        let until = |at: Instant| at.saturating_duration_since(now);
        let due = match &*self.state.lock().await {
            State::SignedIn(active) => {
                let refresh = match &active.offline {
                    Some(offline) => until(offline.retry.at),
                    None => active.refresh_due_in(SystemTime::now()),
                };
                match &active.unsaved {
                    Some(retry) => refresh.min(until(retry.at)),
                    None => refresh,
                }
            }
            State::SignedOut {
                undeleted: Some(retry),
                ..
            } => until(retry.at),
            State::SignedOut { .. } => return None,
        };
        Some(due)
    }

    /// Does whatever is due now.
    async fn run_due(&self) {
        let mut state = self.state.lock().await;
        if self.is_retired() {
            return;
        }
        let now = Instant::now();
        let due = |retry: &Option<Retry>| retry.is_some_and(|r| r.at <= now);
        match &mut *state {
            State::SignedIn(active) => {
                let refresh_due = match &active.offline {
                    Some(offline) => offline.retry.at <= now,
                    None => active.refresh_due_in(SystemTime::now()).is_zero(),
                };
                if refresh_due {
                    if let Err(error) = self.refresh_locked(&mut state).await {
                        tracing::info!(code = %error.code(), "background refresh failed");
                    }
                }
            }
            State::SignedOut {
                undeleted, reason, ..
            } if due(undeleted) => {
                let (reason, failures) = (*reason, undeleted.map_or(0, |r| r.failures));
                *state = self.delete_entry(reason, failures).await;
                self.publish(&state);
            }
            State::SignedOut { .. } => {}
        }
        drop(state);
        self.save_if_due().await;
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

    /// Saves the current refresh token. A failure is retried in the background; after the last
    /// try the entry is deleted (it holds a token the server has already replaced), and the
    /// session lasts until the app closes.
    /// A retired session still saves a refresh it completed: the entry is its own server's,
    /// and the server has already replaced the stored token.
    async fn remember(&self, active: &mut Active) {
        let written = self.vault.save(self.client.base(), &active.stored()).await;
        self.remembered(active, written).await;
    }

    /// The background save: the keychain is written without holding the session's lock, so
    /// a caller needing the access token never waits for it. The write takes its place in the
    /// entry's lane before the lock is let go: a sign-out after it supersedes it. A retired
    /// session saves too: the entry is its own server's, whose stored token is already dead.
    async fn save_if_due(&self) {
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
        self.remembered(active, written).await;
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
                self.mark_entry(Mark::Outdated);
                self.remember(active).await;
            }
        }
    }

    /// What a save of the current token means for the session.
    async fn remembered(&self, active: &mut Active, written: Result<Written, CoreError>) {
        match written {
            Ok(_) => {
                active.remembered = true;
                active.keychain_problem = None;
                active.unsaved = None;
                self.clear_tombstone();
                self.note_remembered(&active.user);
            }
            Err(error) => {
                let failures = active.unsaved.map_or(0, |r| r.failures) + 1;
                active.remembered = false;
                active.keychain_problem = Some(BridgeError::from(error.clone()));
                // What is stored is older than the session (after a refresh, a token the server
                // has replaced): if the app ends before a save lands, the next start must not
                // send it.
                self.mark_entry(Mark::Outdated);
                if failures > self.policy.keychain_saves {
                    tracing::warn!(%error, "the session could not be saved in the keychain; it lasts until the app closes");
                    active.unsaved = None;
                    if let Err(error) = self.vault.delete(self.client.base()).await {
                        tracing::warn!(%error, "the outdated keychain entry could not be deleted either");
                    } else {
                        self.clear_tombstone();
                        self.forget_remembered();
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
        if self.is_retired() {
            return self.view();
        }
        let previous = std::mem::replace(&mut *state, signed_out(Some(reason), None));
        if let State::SignedIn(active) = previous {
            // Marked first: if the app dies before the delete, the next start finishes it.
            self.mark_entry(Mark::SignedOut);
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
        self.publish(&state)
    }

    /// Ends a session whose token must not be used again: ends it on the server if the stored
    /// entry can be read (a sign-out that could not reach the server last time), then deletes
    /// the entry.
    async fn finish_sign_out(&self, reason: Option<SignOutReason>) -> State {
        self.mark_entry(Mark::SignedOut);
        if reason.is_none() {
            if let Ok(Some(stored)) = self.vault.load(self.client.base()).await {
                self.logout_quietly(&stored.refresh_token).await;
            }
        }
        self.delete_entry(reason, 0).await
    }

    /// Deletes the keychain entry; on failure the signed-out view says so and the delete is
    /// retried in the background (the tombstone keeps the entry from being used meanwhile).
    async fn delete_entry(&self, reason: Option<SignOutReason>, failures: u32) -> State {
        match self.vault.delete(self.client.base()).await {
            Ok(_) => {
                self.clear_tombstone();
                self.forget_remembered();
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
                }
            }
        };
        self.views.send_replace(view.clone());
        view
    }
}

/// The value of an `Outdated` mark.
const OUTDATED: &str = "outdated";

/// Why a keychain entry must not be restored (the value of its `signed_out:` setting).
#[derive(Clone, Copy)]
enum Mark {
    /// The user signed out (or the server ended the session): the next start ends it on the
    /// server too, if it still can, and deletes it.
    SignedOut,
    /// It holds a token older than the session's (a save that never landed): the next start
    /// deletes it without sending it.
    Outdated,
}

impl Mark {
    fn value(self) -> &'static str {
        match self {
            Mark::SignedOut => "1",
            Mark::Outdated => OUTDATED,
        }
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
    fn backoff_doubles_from_the_first_wait_to_the_cap_with_jitter_in_the_upper_half() {
        let policy = RetryPolicy::default();
        let error = CoreError::ServerUnreachable;
        let steps: Vec<u64> = (1..=8)
            .map(|n| policy.delay(n, &error, 1.0).as_secs())
            .collect();
        assert_eq!(steps, [2, 4, 8, 16, 32, 60, 60, 60]);
        for failures in [1, 3, 40, u32::MAX] {
            let high = policy.delay(failures, &error, 1.0);
            let low = policy.delay(failures, &error, 0.0);
            assert_eq!(low, high / 2);
            assert!(high <= policy.max);
            let mid = policy.delay(failures, &error, 0.5);
            assert!(low <= mid && mid <= high);
        }
    }

    #[test]
    fn a_rate_limit_waits_for_retry_after_within_reason() {
        let policy = RetryPolicy::default();
        let limited = |secs| CoreError::RateLimited {
            retry_after: Some(Duration::from_secs(secs)),
        };
        assert_eq!(policy.delay(1, &limited(42), 0.0), Duration::from_secs(42));
        assert_eq!(policy.delay(1, &limited(0), 0.0), policy.first);
        assert_eq!(
            policy.delay(1, &limited(u64::MAX / 4), 0.0),
            MAX_RETRY_AFTER
        );
        let unknown = CoreError::RateLimited { retry_after: None };
        assert_eq!(policy.delay(1, &unknown, 1.0), policy.first);
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
