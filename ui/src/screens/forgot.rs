//! Forgot password: asks for a reset link, without telling whether the account exists.

use crate::api;
use crate::components::{EmphasisedMessage, FormError, NavLink, SubmitButton, TextField};
use crate::copy::Context;
use crate::form::use_submit;
use crate::i18n::{t, Message};
use crate::routing::Screen;
use crate::validation;
use crate::AppState;
use account_bridge::LinkKind;
use dioxus::prelude::*;

#[component]
pub fn Forgot(email: String) -> Element {
    let state = use_context::<AppState>();
    let email = use_signal(|| email);
    let form = use_submit();
    let mut sent_to = use_signal(|| None::<String>);

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if !form.start() || validation::email_problem(&email.peek()).is_some() {
            return;
        }
        let address = email.peek().trim().to_string();
        form.run(api::request_password_reset(address.clone()), move |()| {
            sent_to.set(Some(address))
        });
    };

    if let Some(address) = sent_to.read().clone() {
        return rsx! {
            section { id: "forgot-sent", class: "card", "aria-labelledby": "forgot-sent-title",
                h1 { id: "forgot-sent-title", {t("forgot-check-email")} }
                p { role: "status",
                    EmphasisedMessage { message: Message::new("forgot-sent"), variable: "email", value: address.clone() }
                }
                nav { class: "links",
                    NavLink { id: "go-paste-link", label: Message::new("register-paste-link"), onclick: move |_| state.go(Screen::PasteLink { expected: Some(LinkKind::ResetPassword), problem: None }) }
                    NavLink { id: "go-sign-in", label: Message::new("back-to-sign-in"), onclick: move |_| state.go(Screen::SignIn { email: address.clone(), notice: None }) }
                }
            }
        };
    }

    let email_error = form
        .attempted()
        .then(|| validation::email_problem(&email.read()))
        .flatten();
    rsx! {
        section { class: "card", "aria-labelledby": "forgot-title",
            h1 { id: "forgot-title", {t("forgot-title")} }
            p { class: "muted", {t("forgot-intro")} }
            form { id: "forgot-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: form.busy(),
                    TextField { id: "email", label: Message::new("field-email"), value: email, kind: "email", autocomplete: "email", error: email_error, autofocus: true }
                    FormError { error: form.error(), context: Context::Forgot }
                    SubmitButton { id: "send-link", label: Message::new("forgot-submit"), busy_label: Message::new("sending"), busy: form.busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: Message::new("back-to-sign-in"), onclick: move |_| state.go(Screen::sign_in()) }
            }
        }
    }
}
