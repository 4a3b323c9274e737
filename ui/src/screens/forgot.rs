//! Forgot password: asks for a reset link, without telling whether the account exists.

use crate::api;
use crate::components::{FormError, NavLink, SubmitButton, TextField};
use crate::copy::{error_copy, Context};
use crate::routing::Screen;
use crate::validation;
use crate::AppState;
use account_bridge::BridgeError;
use dioxus::prelude::*;

#[component]
pub fn Forgot() -> Element {
    let state = use_context::<AppState>();
    let email = use_signal(|| state.email.peek().clone());
    let mut busy = use_signal(|| false);
    let mut email_error = use_signal(|| None::<String>);
    let mut error = use_signal(|| None::<BridgeError>);
    let mut sent_to = use_signal(|| None::<String>);

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if busy() {
            return;
        }
        let problem = validation::email_problem(&email.peek()).map(String::from);
        let invalid = problem.is_some();
        email_error.set(problem);
        error.set(None);
        if invalid {
            return;
        }
        busy.set(true);
        let mut state = state;
        spawn(async move {
            let address = email.peek().trim().to_string();
            let result = api::request_password_reset(address.clone()).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    state.email.set(address.clone());
                    sent_to.set(Some(address));
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    if let Some(address) = sent_to.read().clone() {
        return rsx! {
            section { id: "forgot-sent", class: "card", "aria-labelledby": "forgot-sent-title",
                h1 { id: "forgot-sent-title", "Check your email" }
                p { role: "status",
                    "If an account exists for " strong { "{address}" } ", we've sent it a link to choose a new password. The link works once, for a day." }
                nav { class: "links",
                    NavLink { id: "go-paste-link", label: "Paste the link from the email", onclick: move |_| state.go(Screen::Reset) }
                    NavLink { id: "go-sign-in", label: "Back to sign in", onclick: move |_| state.go(Screen::SignIn) }
                }
            }
        };
    }

    let error_now = error.read().clone();
    rsx! {
        section { class: "card", "aria-labelledby": "forgot-title",
            h1 { id: "forgot-title", "Forgot your password?" }
            p { class: "muted", "Enter the email of your account and we'll send you a link to choose a new password." }
            form { id: "forgot-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: busy(),
                    TextField { id: "email", label: "Email", value: email, kind: "email", autocomplete: "email", error: email_error.read().clone(), autofocus: true }
                    FormError { error: error_now.as_ref().map(|e| error_copy(e, Context::Forgot)), code: error_now.as_ref().map(|e| e.code.to_string()) }
                    SubmitButton { id: "send-link", label: "Send the link", busy_label: "Sending…", busy: busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: "Back to sign in", onclick: move |_| state.go(Screen::SignIn) }
            }
        }
    }
}
