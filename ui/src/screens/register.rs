//! Create an account through Directus's own registration, then confirm the email.

use crate::api;
use crate::components::{
    EmphasisedMessage, FormError, NavLink, NewPasswordFields, SubmitButton, TextField,
};
use crate::copy::Context;
use crate::form::{use_new_password, use_submit};
use crate::i18n::{t, Message};
use crate::routing::Screen;
use crate::validation;
use crate::AppState;
use account_bridge::{ErrorCode, NewAccount};
use dioxus::prelude::*;

/// Seconds before "Resend the email" can be pressed again.
const RESEND_COOLDOWN: u32 = 30;

#[component]
pub fn Register(email: String) -> Element {
    let state = use_context::<AppState>();
    let first_name = use_signal(String::new);
    let last_name = use_signal(String::new);
    let email = use_signal(|| email);
    let fields = use_new_password();
    let form = use_submit();
    // After success: the account sent, for "Resend", and the seconds left before it can be pressed.
    let mut sent = use_signal(|| None::<NewAccount>);
    let mut cooldown = use_signal(|| 0u32);

    let send = move |account: NewAccount| {
        let request = fields.sending(api::register(account.clone()));
        form.run(request, move |()| {
            sent.set(Some(account));
            cooldown.set(RESEND_COOLDOWN);
            spawn(async move {
                while cooldown() > 0 {
                    sleep_one_second().await;
                    cooldown -= 1;
                }
            });
        });
    };

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if !form.start() {
            return;
        }
        fields.hide();
        let names_ok = name_problems(first_name, last_name, email)
            .iter()
            .all(Option::is_none);
        if !names_ok || !fields.is_valid() {
            return;
        }
        send(NewAccount {
            first_name: first_name.peek().trim().to_string(),
            last_name: last_name.peek().trim().to_string(),
            email: email.peek().trim().to_string(),
            password: fields.value(),
        });
    };

    let server = state.server.read().clone();
    let verify = server
        .as_ref()
        .map(|info| info.verify_email)
        .unwrap_or(true);
    let error = form.error();
    let closed = server
        .as_ref()
        .is_some_and(|info| !info.public_registration)
        || error
            .as_ref()
            .is_some_and(|e| e.code == ErrorCode::RegistrationClosed);

    if let Some(account) = sent.read().clone() {
        let wait = cooldown();
        let busy = form.busy();
        let address = account.email.clone();
        return rsx! {
            section { id: "register-done", class: "card", "aria-labelledby": "register-done-title",
                if verify {
                    h1 { id: "register-done-title", {t("register-check-email")} }
                    p { role: "status",
                        EmphasisedMessage { message: Message::new("register-sent"), variable: "email", value: account.email.clone() }
                    }
                    button { id: "resend", r#type: "button", disabled: busy || wait > 0,
                        onclick: move |_| if let Some(account) = sent.peek().clone() { if form.start() { send(account) } },
                        if busy { {t("sending")} } else if wait > 0 { {Message::new("register-resend-wait").with("seconds", wait)} } else { {t("register-resend")} }
                    }
                    FormError { error, context: Context::Register }
                    nav { class: "links",
                        NavLink { id: "go-paste-link", label: Message::new("register-paste-link"), onclick: move |_| state.go(Screen::PasteLink { expected: None, problem: None }) }
                        NavLink { id: "go-sign-in", label: Message::new("sign-in-submit"), onclick: move |_| state.go(Screen::SignIn { email: address.clone(), notice: None }) }
                    }
                } else {
                    h1 { id: "register-done-title", {t("register-ready-title")} }
                    p { role: "status", {t("register-ready")} }
                    button { id: "go-sign-in", class: "primary", r#type: "button",
                        onclick: move |_| state.go(Screen::SignIn { email: address.clone(), notice: None }), {t("sign-in-submit")} }
                }
            }
        };
    }

    let [first_name_error, last_name_error, email_error] = if form.attempted() {
        name_problems(first_name, last_name, email)
    } else {
        [None, None, None]
    };
    rsx! {
        section { class: "card", "aria-labelledby": "register-title",
            h1 { id: "register-title", {t("register-title")} }
            if closed {
                p { id: "registration-closed", class: "banner", role: "status",
                    {t("register-closed")} }
            }
            form { id: "register-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: form.busy() || closed,
                    div { class: "row",
                        TextField { id: "first-name", label: Message::new("register-first-name"), value: first_name, autocomplete: "given-name", error: first_name_error, autofocus: true }
                        TextField { id: "last-name", label: Message::new("register-last-name"), value: last_name, autocomplete: "family-name", error: last_name_error }
                    }
                    TextField { id: "email", label: Message::new("field-email"), value: email, kind: "email", autocomplete: "email", error: email_error }
                    NewPasswordFields { fields, attempted: form.attempted() }
                    FormError { error: error.filter(|e| e.code != ErrorCode::RegistrationClosed), context: Context::Register }
                    SubmitButton { id: "register", label: Message::new("register-submit"), busy_label: Message::new("register-busy"), busy: form.busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: Message::new("register-have-account"), onclick: move |_| state.go(Screen::sign_in()) }
            }
        }
    }
}

/// The local problems of the first name, last name and email.
fn name_problems(
    first_name: Signal<String>,
    last_name: Signal<String>,
    email: Signal<String>,
) -> [Option<Message>; 3] {
    [
        validation::required(&first_name.read(), Message::new("problem-first-name-empty")),
        validation::required(&last_name.read(), Message::new("problem-last-name-empty")),
        validation::email_problem(&email.read()),
    ]
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
