//! Choose a new password with the link from the email (deep link or pasted).

use crate::api;
use crate::components::{EmphasisedMessage, FormError, NavLink, NewPasswordFields, SubmitButton};
use crate::copy::Context;
use crate::form::{use_new_password, use_submit};
use crate::i18n::{t, Message};
use crate::routing::{Notice, Screen};
use crate::AppState;
use account_bridge::{BridgeError, ErrorCode, LinkView};
use dioxus::prelude::*;

#[component]
pub fn Reset(link: LinkView, arrived: Option<LinkView>) -> Element {
    let state = use_context::<AppState>();
    let fields = use_new_password();
    let form = use_submit();
    let email = link.email.clone();

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if !form.start() {
            return;
        }
        fields.hide();
        if !fields.is_valid() {
            return;
        }
        let request = fields.sending(api::reset_password(fields.value()));
        form.run(request, move |email| {
            state.go(Screen::SignIn {
                email: email.unwrap_or_default(),
                notice: Some(Notice::PasswordChanged),
            })
        });
    };

    // An expired link is said at once; a used or invalid one when the server answers.
    let error = form.error().or_else(|| {
        link.expired
            .then(|| BridgeError::new(ErrorCode::LinkExpired))
    });
    let link_dead = error.as_ref().is_some_and(|e| {
        matches!(
            e.code,
            ErrorCode::LinkUsed | ErrorCode::LinkExpired | ErrorCode::LinkInvalid
        )
    });
    let email_for_forgot = email.clone().unwrap_or_default();
    rsx! {
        section { class: "card", "aria-labelledby": "reset-title",
            h1 { id: "reset-title", {t("reset-title")} }
            if let Some(email) = &email {
                p { EmphasisedMessage { message: Message::new("reset-for"), variable: "email", value: email.clone(), id: "reset-email" } }
            }
            if let Some(arrived) = arrived {
                NewerResetLink { arrived }
            }
            form { id: "reset-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: form.busy() || link_dead,
                    NewPasswordFields { fields, attempted: form.attempted(), label: Message::new("field-new-password"), confirm_label: Message::new("field-confirm-new-password"), autofocus: true }
                    SubmitButton { id: "reset", label: Message::new("reset-submit"), busy_label: Message::new("reset-busy"), busy: form.busy() }
                }
            }
            FormError { error, context: Context::Reset }
            if link_dead {
                button { id: "send-new-link", class: "primary", r#type: "button",
                    onclick: move |_| state.go(Screen::Forgot { email: email_for_forgot.clone() }),
                    {t("reset-send-new-link")}
                }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: Message::new("back-to-sign-in"), onclick: move |_| state.go(Screen::sign_in()) }
            }
        }
    }
}

/// A second reset link arrived while this one is being used: the user picks, nothing is
/// replaced unasked.
#[component]
fn NewerResetLink(arrived: LinkView) -> Element {
    let state = use_context::<AppState>();
    let use_new = move |_| {
        spawn(async move {
            if let Ok(Some(link)) = api::accept_arrived_link().await {
                state.go(Screen::for_link(link));
            }
        });
    };
    let keep = move |_| {
        state.set_arrived(None);
        spawn(async move {
            let _ = api::discard_arrived_link().await;
        });
    };
    rsx! {
        div { id: "newer-link", class: "banner", role: "alert",
            p {
                match &arrived.email {
                    Some(email) => rsx! {
                        EmphasisedMessage { message: Message::new("reset-newer-link-for"), variable: "email", value: email.clone() }
                    },
                    None => rsx! { {t("reset-newer-link")} },
                }
            }
            button { id: "use-new-link", r#type: "button", onclick: use_new, {t("reset-use-new")} }
            button { id: "keep-link", class: "link", r#type: "button", onclick: keep, {t("reset-keep")} }
        }
    }
}
