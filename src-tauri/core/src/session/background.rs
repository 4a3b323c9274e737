//! The task that keeps a session fresh while the app runs: it refreshes before the access token
//! expires, retries an offline session with backoff, and retries keychain writes that failed.
//! Signed out with nothing left to do, it sets no timer at all.

use super::{Session, State};
use crate::error::CoreError;
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tokio::time::Instant;

/// The longest the background task sleeps without looking at the clock. Wall-clock time is
/// compared, so a machine that slept past the expiry refreshes within this of waking up.
const PROACTIVE_CHECK: Duration = Duration::from_secs(15);

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

/// A failed attempt at something, and when to try again.
#[derive(Debug, Clone, Copy)]
pub(super) struct Retry {
    pub(super) failures: u32,
    pub(super) at: Instant,
}

impl Session {
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
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
