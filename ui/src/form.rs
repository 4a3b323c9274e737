//! The state forms share, as hooks (the Dioxus way: a `use_*` function returning a `Copy`
//! handle of signals): a submission, and a new password with its confirmation.

use crate::i18n::Message;
use crate::validation;
use account_bridge::{BridgeError, ErrorCode};
use dioxus::prelude::*;
use std::future::Future;
use std::hash::{DefaultHasher, Hash, Hasher};

/// One form's submission: whether a request runs, whether the user has tried once (from then
/// on, field messages follow what is typed), and the error of the last request.
#[derive(Clone, Copy, PartialEq)]
pub struct Submit {
    busy: Signal<bool>,
    attempted: Signal<bool>,
    error: Signal<Option<BridgeError>>,
}

pub fn use_submit() -> Submit {
    Submit {
        busy: use_signal(|| false),
        attempted: use_signal(|| false),
        error: use_signal(|| None),
    }
}

impl Submit {
    /// The start of every submit: false while a request runs (a double Enter sends nothing
    /// twice); else the form counts as attempted and the last error goes.
    pub fn start(mut self) -> bool {
        if *self.busy.peek() {
            return false;
        }
        self.attempted.set(true);
        self.error.set(None);
        true
    }

    /// Sends `request` in the background, busy meanwhile: its answer goes to `done`, its error
    /// to the form.
    pub fn run<T: 'static>(
        mut self,
        request: impl Future<Output = Result<T, BridgeError>> + 'static,
        done: impl FnOnce(T) + 'static,
    ) {
        self.busy.set(true);
        spawn(async move {
            let result = request.await;
            self.busy.set(false);
            match result {
                Ok(value) => done(value),
                Err(error) => self.error.set(Some(error)),
            }
        });
    }

    /// Clears the error shown (another action of the screen replaces it).
    pub fn dismiss(mut self) {
        self.error.set(None);
    }

    pub fn busy(self) -> bool {
        (self.busy)()
    }

    pub fn attempted(self) -> bool {
        (self.attempted)()
    }

    pub fn error(self) -> Option<BridgeError> {
        self.error.read().clone()
    }
}

/// A new password and its confirmation (register, reset), with their show/hide states and
/// what the server last refused.
#[derive(Clone, Copy, PartialEq)]
pub struct NewPassword {
    pub password: Signal<String>,
    pub confirm: Signal<String>,
    pub visible: Signal<bool>,
    pub confirm_visible: Signal<bool>,
    /// A fingerprint of the password the server refused (PASSWORD_REJECTED), so the screen
    /// says so for as long as that password is typed; not the password itself.
    refused: Signal<Option<u64>>,
}

pub fn use_new_password() -> NewPassword {
    NewPassword {
        password: use_signal(String::new),
        confirm: use_signal(String::new),
        visible: use_signal(|| false),
        confirm_visible: use_signal(|| false),
        refused: use_signal(|| None),
    }
}

impl NewPassword {
    /// Masks both fields again (on submit, so a shown password is not left on screen).
    pub fn hide(mut self) {
        self.visible.set(false);
        self.confirm_visible.set(false);
    }

    /// Whether the typed password and its confirmation pass the local checks.
    pub fn is_valid(self) -> bool {
        let (password, confirm) = self.problems_of(&self.password.peek(), &self.confirm.peek());
        password.is_none() && confirm.is_none()
    }

    /// The local problems of the fields, as typed now (read: the caller re-renders on typing).
    pub fn problems(self) -> (Option<Message>, Option<Message>) {
        self.problems_of(&self.password.read(), &self.confirm.read())
    }

    fn problems_of(self, password: &str, confirm: &str) -> (Option<Message>, Option<Message>) {
        (
            validation::new_password_problem(password),
            validation::confirmation_problem(password, confirm),
        )
    }

    pub fn value(self) -> String {
        self.password.peek().clone()
    }

    /// Whether the password typed now is the one the server refused.
    pub fn refused_now(self) -> bool {
        let refused = *self.refused.read();
        refused.is_some_and(|refused| refused == fingerprint(&self.password.read()))
    }

    /// Wraps the request that sends this password: a PASSWORD_REJECTED answer marks the
    /// password sent as refused.
    pub fn sending<T>(
        self,
        request: impl Future<Output = Result<T, BridgeError>>,
    ) -> impl Future<Output = Result<T, BridgeError>> {
        let sent = fingerprint(&self.password.peek());
        let mut refused = self.refused;
        async move {
            let result = request.await;
            if matches!(&result, Err(error) if error.code == ErrorCode::PasswordRejected) {
                refused.set(Some(sent));
            }
            result
        }
    }
}

fn fingerprint(password: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    password.hash(&mut hasher);
    hasher.finish()
}
