//! Reset the password with the link from the email (deep link or pasted).

use crate::api;
use crate::components::{FormError, NavLink, PasswordField, SubmitButton};
use crate::copy::{error_copy, Context};
use crate::routing::Screen;
use crate::validation::{self, strength};
use crate::AppState;
use account_bridge::{BridgeError, ErrorCode, LinkKind, LinkView};
use dioxus::prelude::*;

#[component]
pub fn Reset() -> Element {
    let state = use_context::<AppState>();
    let link = state
        .link
        .read()
        .clone()
        .filter(|link| link.kind == LinkKind::ResetPassword);
    match link {
        Some(link) => rsx! { ResetForm { link } },
        None => rsx! { PasteResetLink {} },
    }
}

#[component]
fn PasteResetLink() -> Element {
    let mut state = use_context::<AppState>();
    let mut text = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<BridgeError>);
    let submit = move |event: FormEvent| {
        event.prevent_default();
        if busy() {
            return;
        }
        busy.set(true);
        spawn(async move {
            let result = api::open_link(
                text.peek().trim().to_string(),
                Some(LinkKind::ResetPassword),
            )
            .await;
            busy.set(false);
            match result {
                Ok(link) => state.link.set(Some(link)),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };
    let error_now = error.read().clone();
    rsx! {
        section { class: "card", "aria-labelledby": "paste-reset-title",
            h1 { id: "paste-reset-title", "Reset your password" }
            p { class: "muted", "Paste the link from the password-reset email (the whole link, or the code the web page shows)." }
            form { id: "paste-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: busy(),
                    div { class: "field",
                        label { r#for: "link", "Link or code from the email" }
                        textarea { id: "link", name: "link", rows: "3", spellcheck: "false", autocomplete: "off",
                            initial_value: text.peek().clone(), oninput: move |event| text.set(event.value()),
                            onmounted: move |event| async move { let _ = event.set_focus(true).await; },
                        }
                    }
                    FormError { error: error_now.as_ref().map(|e| error_copy(e, Context::Reset)), code: error_now.as_ref().map(|e| e.code.to_string()) }
                    SubmitButton { id: "use-link", label: "Continue", busy_label: "Checking the link…", busy: busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "go-forgot", label: "Send me a new link", onclick: move |_| state.go(Screen::Forgot) }
                NavLink { id: "go-sign-in", label: "Back to sign in", onclick: move |_| state.go(Screen::SignIn) }
            }
        }
    }
}

#[component]
fn ResetForm(link: LinkView) -> Element {
    let state = use_context::<AppState>();
    let password = use_signal(String::new);
    let confirm = use_signal(String::new);
    let mut visible = use_signal(|| false);
    let mut confirm_visible = use_signal(|| false);
    let mut busy = use_signal(|| false);
    // After the first attempt, the messages follow what is typed.
    let mut attempted = use_signal(|| false);
    let mut error = use_signal(|| None::<BridgeError>);
    let email = link.email.clone();

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if busy() {
            return;
        }
        visible.set(false);
        confirm_visible.set(false);
        let found = password_problems(&password.peek(), &confirm.peek());
        let invalid = found.0.is_some() || found.1.is_some();
        attempted.set(true);
        error.set(None);
        if invalid {
            return;
        }
        busy.set(true);
        let mut state = state;
        spawn(async move {
            let result = api::reset_password(password.peek().clone()).await;
            busy.set(false);
            match result {
                Ok(email) => {
                    state.link.set(None);
                    state.to_sign_in(
                        email,
                        Some("Password changed. Sign in with your new password.".into()),
                    );
                }
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    let (password_error, confirm_error) = if attempted() {
        password_problems(&password.read(), &confirm.read())
    } else {
        (None, None)
    };
    let error_now = error.read().clone();
    let link_dead = link.expired
        || error_now.as_ref().is_some_and(|e| {
            matches!(
                e.code,
                ErrorCode::LinkUsed | ErrorCode::LinkExpired | ErrorCode::LinkInvalid
            )
        });
    let shown_error = error_now
        .as_ref()
        .map(|e| error_copy(e, Context::Reset))
        .or_else(|| {
            link.expired
                .then(|| "This link has expired. Ask for a new one below.".to_string())
        });
    let hint = {
        let current = password.read();
        if current.is_empty() {
            "At least 8 characters.".to_string()
        } else {
            format!(
                "Strength: {}. At least 8 characters.",
                strength(&current).label()
            )
        }
    };
    let email_for_forgot = email.clone();
    rsx! {
        section { class: "card", "aria-labelledby": "reset-title",
            h1 { id: "reset-title", "Choose a new password" }
            if let Some(email) = &email {
                p { "For the account " strong { id: "reset-email", "{email}" } }
            }
            NewerResetLink {}
            form { id: "reset-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: busy() || link_dead,
                    PasswordField { id: "password", label: "New password", value: password, visible, autocomplete: "new-password", error: password_error, hint, autofocus: true }
                    PasswordField { id: "confirm", label: "Confirm new password", value: confirm, visible: confirm_visible, autocomplete: "new-password", error: confirm_error }
                    SubmitButton { id: "reset", label: "Change password", busy_label: "Changing password…", busy: busy() }
                }
            }
            FormError { error: shown_error, code: error_now.as_ref().map(|e| e.code.to_string()) }
            if link_dead {
                button { id: "send-new-link", class: "primary", r#type: "button",
                    onclick: move |_| {
                        let mut state = state;
                        if let Some(email) = email_for_forgot.clone() {
                            state.email.set(email);
                        }
                        state.link.set(None);
                        state.go(Screen::Forgot);
                    },
                    "Send a new link"
                }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: "Back to sign in", onclick: move |_| state.go(Screen::SignIn) }
            }
        }
    }
}

fn password_problems(password: &str, confirm: &str) -> (Option<String>, Option<String>) {
    (
        validation::new_password_problem(password).map(String::from),
        validation::confirmation_problem(password, confirm).map(String::from),
    )
}

/// A second reset link arrived while this one is being used: the user picks, nothing is
/// replaced unasked.
#[component]
fn NewerResetLink() -> Element {
    let mut state = use_context::<AppState>();
    let Some(arrived) = state.arrived.read().clone() else {
        return rsx! {};
    };
    let use_new = move |_| {
        state.arrived.set(None);
        spawn(async move {
            if let Ok(Some(link)) = api::accept_arrived_link().await {
                state.link.set(Some(link));
            }
        });
    };
    let keep = move |_| {
        state.arrived.set(None);
        spawn(async move {
            let _ = api::discard_arrived_link().await;
        });
    };
    rsx! {
        div { id: "newer-link", class: "banner", role: "alert",
            p {
                "Another password-reset link just arrived"
                if let Some(email) = &arrived.email { " (for " strong { "{email}" } ")" }
                ". Use it instead of this one?"
            }
            button { id: "use-new-link", r#type: "button", onclick: use_new, "Use the new link" }
            button { id: "keep-link", class: "link", r#type: "button", onclick: keep, "Keep this one" }
        }
    }
}
