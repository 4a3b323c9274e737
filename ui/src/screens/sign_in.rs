//! Sign in, with the one-time code asked only when the server wants it.

use crate::api;
use crate::components::{FormError, NavLink, PasswordField, SubmitButton, TextField};
use crate::copy::{error_copy, Context};
use crate::routing::{self, Screen};
use crate::validation;
use crate::AppState;
use account_bridge::{BridgeError, ErrorCode, SessionView};
use dioxus::prelude::*;

#[component]
pub fn SignIn() -> Element {
    let state = use_context::<AppState>();
    let email = use_signal(|| state.email.peek().clone());
    let password = use_signal(String::new);
    let otp = use_signal(String::new);
    let mut visible = use_signal(|| false);
    // The email the server asked a code for; editing the email hides the code field again.
    let mut otp_for = use_signal(|| None::<String>);
    let mut busy = use_signal(|| false);
    let mut field_errors = use_signal(|| (None::<String>, None::<String>, None::<String>));
    let mut form_error = use_signal(|| None::<BridgeError>);

    let needs_otp = otp_for.read().as_deref() == Some(email.read().trim());
    let banner = state
        .notice
        .read()
        .clone()
        .or_else(|| routing::sign_in_banner(&state.session.read()).map(String::from));

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if busy() {
            return;
        }
        visible.set(false);
        let needs_otp = otp_for.peek().as_deref() == Some(email.peek().trim());
        let errors = (
            validation::email_problem(&email.peek()).map(String::from),
            validation::required(&password.peek(), "Enter your password.").map(String::from),
            if needs_otp {
                validation::otp_problem(&otp.peek()).map(String::from)
            } else {
                None
            },
        );
        let invalid = errors.0.is_some() || errors.1.is_some() || errors.2.is_some();
        field_errors.set(errors);
        form_error.set(None);
        if invalid {
            return;
        }
        busy.set(true);
        let mut state = state;
        // Kept now: a successful sign-in replaces this screen, which ends this task.
        state.email.set(email.peek().trim().to_string());
        spawn(async move {
            let address = email.peek().trim().to_string();
            let code =
                needs_otp.then(|| otp.peek().chars().filter(|c| !c.is_whitespace()).collect());
            let result = api::sign_in(address.clone(), password.peek().clone(), code).await;
            busy.set(false);
            match result {
                Ok(view) => {
                    state.notice.set(None);
                    let next = routing::after_session_change(*state.screen.peek(), &view);
                    state.session.set(view);
                    state.screen.set(next);
                }
                Err(error) if error.code == ErrorCode::OtpRequired => otp_for.set(Some(address)),
                Err(error) if error.code == ErrorCode::OtpInvalid => field_errors
                    .with_mut(|errors| errors.2 = Some(error_copy(&error, Context::SignIn))),
                Err(error) => form_error.set(Some(error)),
            }
        });
    };

    let (email_error, password_error, otp_error) = field_errors.read().clone();
    let form_error = form_error.read().clone();
    rsx! {
        section { class: "card", "aria-labelledby": "sign-in-title",
            h1 { id: "sign-in-title", "Sign in" }
            if let Some(banner) = banner {
                p { id: "banner", class: "banner", role: "status", "{banner}" }
            }
            KeychainNotice {}
            form { id: "sign-in-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: busy(),
                    TextField { id: "email", label: "Email", value: email, kind: "email", autocomplete: "username", error: email_error, autofocus: email.peek().is_empty() }
                    PasswordField { id: "password", label: "Password", value: password, visible, autocomplete: "current-password", error: password_error, autofocus: !email.peek().is_empty() }
                    if needs_otp {
                        TextField {
                            id: "otp",
                            label: "One-time code",
                            value: otp,
                            autocomplete: "one-time-code",
                            inputmode: "numeric",
                            hint: "Your account uses two-factor authentication: enter the 6-digit code from your authenticator app.",
                            error: otp_error,
                            autofocus: true,
                        }
                    }
                    FormError { error: form_error.as_ref().map(|e| error_copy(e, Context::SignIn)), code: form_error.as_ref().map(|e| e.code.to_string()) }
                    SubmitButton { id: "sign-in", label: "Sign in", busy_label: "Signing in…", busy: busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "go-forgot", label: "Forgot password?", onclick: move |_| {
                    let mut state = state;
                    state.email.set(email.peek().trim().to_string());
                    state.go(Screen::Forgot);
                } }
                NavLink { id: "go-register", label: "Create an account", onclick: move |_| state.go(Screen::Register) }
                NavLink { id: "go-paste-link", label: "Paste a link from an email", onclick: move |_| state.go(Screen::Verify) }
                NavLink { id: "go-server", label: "Server settings", onclick: move |_| state.go(Screen::Server) }
            }
        }
    }
}

/// The keychain failed while signed out: at start-up (a locked keychain: "Try again" reads it
/// again), or while deleting the session at sign-out (the app keeps trying by itself).
#[component]
fn KeychainNotice() -> Element {
    let mut state = use_context::<AppState>();
    let mut busy = use_signal(|| false);
    let SessionView::SignedOut {
        reason,
        keychain_problem: Some(problem),
    } = state.session.read().clone()
    else {
        return rsx! {};
    };
    if reason.is_some() {
        return rsx! {
            p { id: "keychain-problem", class: "warning", role: "status",
                "You're signed out here, but the saved sign-in couldn't be removed from the system keychain yet. The app keeps trying, and won't use it to sign you in again."
            }
        };
    }
    let retry = move |_| {
        if busy() {
            return;
        }
        busy.set(true);
        spawn(async move {
            if let Ok(view) = api::retry_restore().await {
                let next = routing::after_session_change(*state.screen.peek(), &view);
                state.session.set(view);
                state.screen.set(next);
            }
            busy.set(false);
        });
    };
    rsx! {
        div { id: "keychain-problem", class: "warning", role: "status",
            p { {error_copy(&problem, Context::SignIn)} }
            button { id: "retry-keychain", r#type: "button", disabled: busy(), onclick: retry,
                if busy() { "Trying…" } else { "Try again" }
            }
        }
    }
}
