//! The signed-in session: tokens in memory, the refresh token in the keychain, and a refresh
//! that runs once however many callers need it.

use crate::directus::{AuthTokens, CurrentUser, DirectusClient};
use crate::error::CoreError;
use crate::vault::{StoredSession, Vault};
use account_bridge::{BridgeError, SessionView, SignOutReason, UserView};
use secrecy::{ExposeSecret, SecretString};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use tokio::sync::{watch, Mutex};

/// The official SDK refreshes 30 s before expiry; short-lived test tokens get a quarter of
/// their lifetime instead, so they are not refreshed on every call.
const MAX_REFRESH_MARGIN: Duration = Duration::from_secs(30);

/// How often the background task looks at the clock. Wall-clock time is compared, so a
/// machine that slept past the expiry refreshes within this interval of waking up.
const PROACTIVE_CHECK: Duration = Duration::from_secs(15);

/// Logging out on the server is best effort and must not hold up signing out locally.
const LOGOUT_LIMIT: Duration = Duration::from_secs(3);

pub struct Session {
    client: DirectusClient,
    vault: Arc<Vault>,
    // The one lock around the tokens: whoever holds it and finds the access token stale
    // refreshes; everyone queued behind then finds it fresh. That is the single flight.
    state: Mutex<State>,
    views: watch::Sender<SessionView>,
}

enum State {
    SignedOut {
        reason: Option<SignOutReason>,
        keychain_problem: Option<BridgeError>,
    },
    SignedIn(Box<Active>),
}

struct Active {
    /// None until the first successful refresh of a session restored while offline.
    access_token: Option<SecretString>,
    access_expires_at: SystemTime,
    access_lifetime: Duration,
    refresh_token: SecretString,
    user: UserView,
    remembered: bool,
    offline: bool,
    keychain_problem: Option<BridgeError>,
}

impl Active {
    fn fresh_access_token(&self, now: SystemTime) -> Option<&SecretString> {
        let margin = (self.access_lifetime / 4).min(MAX_REFRESH_MARGIN);
        self.access_token
            .as_ref()
            .filter(|_| now + margin < self.access_expires_at)
    }

    fn take_tokens(&mut self, tokens: AuthTokens) {
        self.access_token = Some(tokens.access_token);
        self.access_expires_at = SystemTime::now() + tokens.expires_in;
        self.access_lifetime = tokens.expires_in;
        self.refresh_token = tokens.refresh_token;
        self.offline = false;
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
/// other failure (network, timeout, 5xx) keeps it for the next try.
fn is_definite_rejection(error: &CoreError) -> bool {
    matches!(
        error,
        CoreError::InvalidCredentials | CoreError::AccountSuspended
    )
}

impl Session {
    /// A signed-out session for `client`'s server. It publishes its views on `views`, which
    /// the sessions of successive servers share, so the UI keeps one subscription.
    pub fn new(
        client: DirectusClient,
        vault: Arc<Vault>,
        views: watch::Sender<SessionView>,
    ) -> Arc<Self> {
        views.send_replace(SessionView::SignedOut {
            reason: None,
            keychain_problem: None,
        });
        Arc::new(Session {
            client,
            vault,
            state: Mutex::new(State::SignedOut {
                reason: None,
                keychain_problem: None,
            }),
            views,
        })
    }

    pub fn view(&self) -> SessionView {
        self.views.borrow().clone()
    }

    /// Every change of the session's view, for the UI.
    pub fn subscribe(&self) -> watch::Receiver<SessionView> {
        self.views.subscribe()
    }

    /// At start-up: the stored session, refreshed, or signed out when there is none.
    pub async fn restore(&self) -> SessionView {
        let mut state = self.state.lock().await;
        self.views.send_replace(SessionView::Restoring);
        let server = self.client.base();
        let stored = match self.vault.load(server).await {
            Ok(Some(stored)) => stored,
            Ok(None) => {
                *state = State::SignedOut {
                    reason: None,
                    keychain_problem: None,
                };
                return self.publish(&state);
            }
            Err(error) => {
                tracing::warn!(%error, "the keychain could not be read at start-up");
                *state = State::SignedOut {
                    reason: None,
                    keychain_problem: Some(error.into()),
                };
                return self.publish(&state);
            }
        };
        let user = UserView {
            id: stored.user_id.clone(),
            email: stored.email.clone(),
            first_name: None,
            last_name: None,
        };
        *state = State::SignedIn(Box::new(Active {
            access_token: None,
            access_expires_at: UNIX_EPOCH,
            access_lifetime: Duration::ZERO,
            refresh_token: stored.refresh_token,
            user,
            remembered: true,
            offline: false,
            keychain_problem: None,
        }));
        match self.refresh_locked(&mut state).await {
            Ok(access) => {
                drop(state);
                if let Err(error) = self.load_user(&access).await {
                    tracing::info!(%error, "the user's profile could not be read after restoring");
                }
            }
            Err(error) => tracing::info!(%error, "the stored session was not restored"),
        }
        self.view()
    }

    /// Signs in; the refresh token goes to the keychain, the access token stays in memory. When
    /// the keychain fails, the session still works for this run and says it is not remembered.
    pub async fn sign_in(
        &self,
        email: &str,
        password: &SecretString,
        otp: Option<&str>,
    ) -> Result<SessionView, CoreError> {
        let email = email.trim();
        let tokens = self.client.login(email, password, otp).await?;
        let me = match self.client.current_user(&tokens.access_token).await {
            Ok(me) => me,
            Err(error) => {
                let _ =
                    tokio::time::timeout(LOGOUT_LIMIT, self.client.logout(&tokens.refresh_token))
                        .await;
                return Err(error);
            }
        };
        let mut state = self.state.lock().await;
        if let State::SignedIn(previous) = &*state {
            // Another account was signed in: end that session first.
            let _ = tokio::time::timeout(LOGOUT_LIMIT, self.client.logout(&previous.refresh_token))
                .await;
        }
        let mut active = Active {
            access_token: None,
            access_expires_at: UNIX_EPOCH,
            access_lifetime: Duration::ZERO,
            refresh_token: SecretString::from(String::new()),
            user: merge_user(None, me, email),
            remembered: false,
            offline: false,
            keychain_problem: None,
        };
        active.take_tokens(tokens);
        self.remember(&mut active).await;
        *state = State::SignedIn(Box::new(active));
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

    /// Who is signed in, read again from the server.
    pub async fn current_user(&self) -> Result<UserView, CoreError> {
        let access = self.access_token().await?;
        match self.load_user(&access).await {
            // The server thinks the token expired (clocks disagree): refresh once, retry once.
            Err(CoreError::SessionExpired) => {
                let access = self.refresh_after_rejection(&access).await?;
                self.load_user(&access).await
            }
            other => other,
        }
    }

    /// Keeps the access token fresh in the background until the session object is dropped.
    pub fn spawn_proactive_refresh(self: &Arc<Self>) -> tokio::task::JoinHandle<()> {
        let weak = Arc::downgrade(self);
        tokio::spawn(async move {
            loop {
                let Some(session) = weak.upgrade() else {
                    return;
                };
                let wait = session.time_until_refresh().await;
                drop(session);
                tokio::time::sleep(wait.min(PROACTIVE_CHECK)).await;
                let Some(session) = weak.upgrade() else {
                    return;
                };
                if session.time_until_refresh().await.is_zero() {
                    if let Err(error) = session.access_token().await {
                        tracing::info!(%error, "background refresh failed");
                    }
                }
            }
        })
    }

    async fn time_until_refresh(&self) -> Duration {
        match &*self.state.lock().await {
            State::SignedIn(active) if !active.offline => {
                let margin = (active.access_lifetime / 4).min(MAX_REFRESH_MARGIN);
                active
                    .access_expires_at
                    .checked_sub(margin)
                    .and_then(|at| at.duration_since(SystemTime::now()).ok())
                    .unwrap_or(Duration::ZERO)
            }
            // Offline: retry at the check interval. Signed out: nothing to do but look again.
            _ => PROACTIVE_CHECK,
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
                // The old refresh token is dead now: the keychain must hold the new one.
                self.remember(active).await;
                let access = active.access_token.clone().expect("just set");
                self.publish(state);
                Ok(access)
            }
            Err(error) if is_definite_rejection(&error) => {
                tracing::info!(code = %error.code(), "the server ended the session");
                if let Err(error) = self.vault.delete(self.client.base()).await {
                    tracing::warn!(%error, "the ended session could not be deleted from the keychain");
                }
                *state = State::SignedOut {
                    reason: Some(SignOutReason::SessionExpired),
                    keychain_problem: None,
                };
                self.publish(state);
                Err(CoreError::SessionExpired)
            }
            Err(error) => {
                tracing::info!(code = %error.code(), "refresh failed; keeping the session");
                active.offline = true;
                self.publish(state);
                Err(error)
            }
        }
    }

    async fn remember(&self, active: &mut Active) {
        match self.vault.save(self.client.base(), &active.stored()).await {
            Ok(()) => {
                active.remembered = true;
                active.keychain_problem = None;
            }
            Err(error) => {
                tracing::warn!(%error, "the session could not be saved in the keychain; it lasts until the app closes");
                active.remembered = false;
                active.keychain_problem = Some(error.into());
            }
        }
    }

    async fn load_user(&self, access: &SecretString) -> Result<UserView, CoreError> {
        let me = self.client.current_user(access).await?;
        let mut state = self.state.lock().await;
        let State::SignedIn(active) = &mut *state else {
            return Err(CoreError::SessionExpired);
        };
        let fallback_email = active.user.email.clone();
        active.user = merge_user(Some(&active.user), me, &fallback_email);
        let user = active.user.clone();
        self.publish(&state);
        Ok(user)
    }

    async fn end(&self, reason: SignOutReason) -> SessionView {
        let mut state = self.state.lock().await;
        let previous = std::mem::replace(
            &mut *state,
            State::SignedOut {
                reason: Some(reason),
                keychain_problem: None,
            },
        );
        if let State::SignedIn(active) = previous {
            match tokio::time::timeout(LOGOUT_LIMIT, self.client.logout(&active.refresh_token))
                .await
            {
                Ok(Ok(())) => {}
                Ok(Err(error)) => tracing::info!(%error, "the server did not confirm the sign-out"),
                Err(_) => tracing::info!("the server did not answer the sign-out in time"),
            }
            if let Err(error) = self.vault.delete(self.client.base()).await {
                tracing::warn!(%error, "the session could not be deleted from the keychain");
                if let State::SignedOut {
                    keychain_problem, ..
                } = &mut *state
                {
                    *keychain_problem = Some(error.into());
                }
            }
        }
        self.publish(&state)
    }

    fn publish(&self, state: &State) -> SessionView {
        let view = match state {
            State::SignedOut {
                reason,
                keychain_problem,
            } => SessionView::SignedOut {
                reason: *reason,
                keychain_problem: keychain_problem.clone(),
            },
            State::SignedIn(active) => SessionView::SignedIn {
                user: active.user.clone(),
                server_url: self.client.base().to_string(),
                access_expires_at_ms: active
                    .access_expires_at
                    .duration_since(UNIX_EPOCH)
                    .map(|d| d.as_millis() as u64)
                    .unwrap_or(0),
                remembered: active.remembered,
                offline: active.offline,
                keychain_problem: active.keychain_problem.clone(),
            },
        };
        self.views.send_replace(view.clone());
        view
    }
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
        let active = |lifetime: Duration, left: Duration| Active {
            access_token: Some(SecretString::from("x".to_string())),
            access_expires_at: now + left,
            access_lifetime: lifetime,
            refresh_token: SecretString::from("r".to_string()),
            user: UserView {
                id: "1".into(),
                email: "e".into(),
                first_name: None,
                last_name: None,
            },
            remembered: false,
            offline: false,
            keychain_problem: None,
        };
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
    fn only_a_definite_no_ends_the_session() {
        assert!(is_definite_rejection(&CoreError::InvalidCredentials));
        assert!(is_definite_rejection(&CoreError::AccountSuspended));
        for kept in [
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
