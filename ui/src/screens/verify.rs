//! Confirming an email address with the link from the email (deep link or pasted).

use crate::api;
use crate::components::{EmphasisedMessage, FormError, NavLink};
use crate::copy::Context;
use crate::form::use_submit;
use crate::i18n::{t, Message};
use crate::routing::{Notice, Screen};
use crate::AppState;
use account_bridge::{ErrorCode, LinkView};
use dioxus::prelude::*;

/// "Confirm my email at <server>": one click, with the server named, before the token is sent.
/// A web page cannot make the app send a token of its choosing unseen.
#[component]
pub fn ConfirmEmail(link: LinkView) -> Element {
    let state = use_context::<AppState>();
    let form = use_submit();
    let settings = use_resource(|| async { api::server_settings().await.ok() });
    let server_url = settings
        .read()
        .clone()
        .flatten()
        .map(|settings| settings.url)
        .unwrap_or_default();
    let host = server_host(&server_url);
    let project = state
        .server
        .read()
        .as_ref()
        .map(|info| info.project_name.clone());

    let confirm = move |_| {
        if !form.start() {
            return;
        }
        // The core keeps a link that may still work (the server was away): the error shows
        // here. A used, expired or invalid one is gone: the paste screen says why.
        let request = async move {
            match api::verify_email().await {
                Ok(email) => Ok(Screen::EmailConfirmed { email }),
                Err(error)
                    if matches!(
                        error.code,
                        ErrorCode::LinkUsed | ErrorCode::LinkExpired | ErrorCode::LinkInvalid
                    ) =>
                {
                    Ok(Screen::PasteLink {
                        expected: None,
                        problem: Some(error),
                    })
                }
                Err(error) => Err(error),
            }
        };
        form.run(request, move |next| state.go(next));
    };
    let label = if host.is_empty() {
        t("confirm-submit")
    } else {
        Message::new("confirm-submit-at").with("host", host).text()
    };
    rsx! {
        section { id: "confirm-email-card", class: "card", "aria-labelledby": "confirm-title",
            h1 { id: "confirm-title", {t("confirm-title")} }
            p {
                match &link.email {
                    Some(email) => rsx! {
                        EmphasisedMessage { message: Message::new("confirm-intro"), variable: "email", value: email.clone(), id: "confirm-address" }
                    },
                    None => rsx! { {t("confirm-intro-no-email")} },
                }
            }
            p { class: "server-named",
                if let Some(project) = project { strong { "data-value": "true", "{project}" } " " }
                span { id: "confirm-server", "data-value": "true", "{server_url}" }
            }
            p { class: "muted", {t("confirm-only-if")} }
            FormError { error: form.error(), context: Context::Verify }
            button { id: "confirm-email", class: "primary", r#type: "button", disabled: form.busy(), onclick: confirm,
                if form.busy() { {t("confirm-busy")} } else { "{label}" }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: Message::new("confirm-not-now"), onclick: move |_| state.go(Screen::sign_in()) }
            }
        }
    }
}

#[component]
pub fn EmailConfirmed(email: Option<String>) -> Element {
    let state = use_context::<AppState>();
    rsx! {
        section { id: "verified", class: "card", "aria-labelledby": "verified-title",
            h1 { id: "verified-title", {t("confirmed-title")} }
            p { role: "status",
                match &email {
                    Some(email) => rsx! {
                        EmphasisedMessage { message: Message::new("confirmed"), variable: "email", value: email.clone() }
                    },
                    None => rsx! { {t("confirmed-no-email")} },
                }
            }
            button { id: "go-sign-in", class: "primary", r#type: "button",
                onclick: move |_| state.go(Screen::SignIn {
                    email: email.clone().unwrap_or_default(),
                    notice: Some(Notice::EmailConfirmed),
                }),
                {t("sign-in-submit")}
            }
        }
    }
}

/// `https://cms.example.com/directus/` → `cms.example.com/directus`: what a person recognises.
fn server_host(url: &str) -> String {
    url.trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_end_matches('/')
        .to_string()
}
