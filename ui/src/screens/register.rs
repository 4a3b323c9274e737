//! Create an account through Directus's own registration, then confirm the email.

use crate::api;
use crate::components::{FormError, NavLink, PasswordField, SubmitButton, TextField};
use crate::copy::{error_copy, Context};
use crate::routing::Screen;
use crate::validation::{self, strength};
use crate::AppState;
use account_bridge::{BridgeError, ErrorCode, NewAccount};
use dioxus::prelude::*;

/// Seconds before "Resend the email" can be pressed again.
const RESEND_COOLDOWN: u32 = 30;

#[derive(Default, Clone, PartialEq)]
struct Problems {
    first_name: Option<String>,
    last_name: Option<String>,
    email: Option<String>,
    password: Option<String>,
    confirm: Option<String>,
}

impl Problems {
    fn any(&self) -> bool {
        self.first_name.is_some()
            || self.last_name.is_some()
            || self.email.is_some()
            || self.password.is_some()
            || self.confirm.is_some()
    }
}

#[component]
pub fn Register() -> Element {
    let state = use_context::<AppState>();
    let first_name = use_signal(String::new);
    let last_name = use_signal(String::new);
    let email = use_signal(|| state.email.peek().clone());
    let password = use_signal(String::new);
    let confirm = use_signal(String::new);
    let mut visible = use_signal(|| false);
    let mut confirm_visible = use_signal(|| false);
    let mut busy = use_signal(|| false);
    // After the first attempt, the messages follow what is typed (a fixed field loses its error).
    let mut attempted = use_signal(|| false);
    let mut form_error = use_signal(|| None::<BridgeError>);
    // After success: the account sent, for "Resend", and the seconds left before it can be pressed.
    let mut sent = use_signal(|| None::<NewAccount>);
    let mut cooldown = use_signal(|| 0u32);

    let mut send = move |account: NewAccount| {
        busy.set(true);
        form_error.set(None);
        spawn(async move {
            let result = api::register(account.clone()).await;
            busy.set(false);
            match result {
                Ok(()) => {
                    sent.set(Some(account));
                    cooldown.set(RESEND_COOLDOWN);
                    while cooldown() > 0 {
                        sleep_one_second().await;
                        cooldown -= 1;
                    }
                }
                Err(error) => form_error.set(Some(error)),
            }
        });
    };

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if busy() {
            return;
        }
        visible.set(false);
        confirm_visible.set(false);
        let found = problems_of(
            &first_name.peek(),
            &last_name.peek(),
            &email.peek(),
            &password.peek(),
            &confirm.peek(),
        );
        attempted.set(true);
        if found.any() {
            return;
        }
        send(NewAccount {
            first_name: first_name.peek().trim().to_string(),
            last_name: last_name.peek().trim().to_string(),
            email: email.peek().trim().to_string(),
            password: password.peek().clone(),
        });
    };

    let verify = state
        .server
        .read()
        .as_ref()
        .map(|info| info.verify_email)
        .unwrap_or(true);
    let closed = state
        .server
        .read()
        .as_ref()
        .is_some_and(|info| !info.public_registration)
        || form_error
            .read()
            .as_ref()
            .is_some_and(|e| e.code == ErrorCode::RegistrationClosed);
    let problems_now = if attempted() {
        problems_of(
            &first_name.read(),
            &last_name.read(),
            &email.read(),
            &password.read(),
            &confirm.read(),
        )
    } else {
        Problems::default()
    };
    let form_error_now = form_error.read().clone();

    if let Some(account) = sent.read().clone() {
        let wait = cooldown();
        return rsx! {
            section { id: "register-done", class: "card", "aria-labelledby": "register-done-title",
                if verify {
                    h1 { id: "register-done-title", "Check your email" }
                    p { role: "status",
                        "If "
                        strong { "{account.email}" }
                        " can be registered, we've sent it a link to confirm the address. Open the link, or paste it into this app, then sign in."
                    }
                    button { id: "resend", r#type: "button", disabled: busy() || wait > 0,
                        onclick: move |_| if let Some(account) = sent.peek().clone() { send(account) },
                        if busy() { "Sending…" } else if wait > 0 { "Resend the email ({wait} s)" } else { "Resend the email" }
                    }
                    FormError { error: form_error_now.as_ref().map(|e| error_copy(e, Context::Register)) }
                    nav { class: "links",
                        NavLink { id: "go-paste-link", label: "Paste the link from the email", onclick: move |_| state.go(Screen::Verify) }
                        NavLink { id: "go-sign-in", label: "Sign in", onclick: move |_| state.to_sign_in(Some(account.email.clone()), None) }
                    }
                } else {
                    h1 { id: "register-done-title", "You can sign in now" }
                    p { role: "status", "If the address could be registered, the account is ready." }
                    button { id: "go-sign-in", class: "primary", r#type: "button",
                        onclick: move |_| state.to_sign_in(Some(account.email.clone()), None), "Sign in" }
                }
            }
        };
    }

    let hint = {
        let current = password.read();
        if current.is_empty() {
            "At least 8 characters. A few unrelated words make a strong password.".to_string()
        } else {
            format!(
                "Strength: {}. At least 8 characters.",
                strength(&current).label()
            )
        }
    };
    let strength_class = strength(&password.read()).class();
    rsx! {
        section { class: "card", "aria-labelledby": "register-title",
            h1 { id: "register-title", "Create an account" }
            if closed {
                p { id: "registration-closed", class: "banner", role: "status",
                    "This server doesn't accept new accounts from the app. Contact the organisation that runs it." }
            }
            form { id: "register-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: busy() || closed,
                    div { class: "row",
                        TextField { id: "first-name", label: "First name", value: first_name, autocomplete: "given-name", error: problems_now.first_name, autofocus: true }
                        TextField { id: "last-name", label: "Last name", value: last_name, autocomplete: "family-name", error: problems_now.last_name }
                    }
                    TextField { id: "email", label: "Email", value: email, kind: "email", autocomplete: "email", error: problems_now.email }
                    PasswordField { id: "password", label: "Password", value: password, visible, autocomplete: "new-password", error: problems_now.password, hint }
                    div { class: "{strength_class}", "aria-hidden": "true" }
                    PasswordField { id: "confirm", label: "Confirm password", value: confirm, visible: confirm_visible, autocomplete: "new-password", error: problems_now.confirm }
                    FormError { error: form_error_now.as_ref().filter(|e| e.code != ErrorCode::RegistrationClosed).map(|e| error_copy(e, Context::Register)), code: form_error_now.as_ref().map(|e| e.code.to_string()) }
                    SubmitButton { id: "register", label: "Create account", busy_label: "Creating account…", busy: busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: "I already have an account", onclick: move |_| state.go(Screen::SignIn) }
            }
        }
    }
}

fn problems_of(
    first_name: &str,
    last_name: &str,
    email: &str,
    password: &str,
    confirm: &str,
) -> Problems {
    Problems {
        first_name: validation::required(first_name, "Enter your first name.").map(String::from),
        last_name: validation::required(last_name, "Enter your last name.").map(String::from),
        email: validation::email_problem(email).map(String::from),
        password: validation::new_password_problem(password).map(String::from),
        confirm: validation::confirmation_problem(password, confirm).map(String::from),
    }
}

/// Waits a second without blocking the page.
pub async fn sleep_one_second() {
    #[cfg(target_arch = "wasm32")]
    {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ =
                    window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}
