//! Confirming an email address with the link from the email (deep link or pasted).

use crate::api;
use crate::components::{FormError, NavLink};
use crate::copy::Context;
use crate::form::use_submit;
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
        "Confirm my email".to_string()
    } else {
        format!("Confirm my email at {host}")
    };
    rsx! {
        section { id: "confirm-email-card", class: "card", "aria-labelledby": "confirm-title",
            h1 { id: "confirm-title", "Confirm your email" }
            p {
                match &link.email {
                    Some(email) => rsx! { "This link confirms " strong { id: "confirm-address", "{email}" } " on this server:" },
                    None => rsx! { "This link confirms your address on this server:" },
                }
            }
            p { class: "server-named",
                if let Some(project) = project { strong { "{project}" } " " }
                span { id: "confirm-server", "{server_url}" }
            }
            p { class: "muted", "Only continue if you created an account there." }
            FormError { error: form.error(), context: Context::Verify }
            button { id: "confirm-email", class: "primary", r#type: "button", disabled: form.busy(), onclick: confirm,
                if form.busy() { "Confirming…" } else { "{label}" }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: "Not now", onclick: move |_| state.go(Screen::sign_in()) }
            }
        }
    }
}

#[component]
pub fn EmailConfirmed(email: Option<String>) -> Element {
    let state = use_context::<AppState>();
    rsx! {
        section { id: "verified", class: "card", "aria-labelledby": "verified-title",
            h1 { id: "verified-title", "Email confirmed" }
            p { role: "status",
                match &email {
                    Some(email) => rsx! { "The address " strong { "{email}" } " is confirmed. You can sign in now." },
                    None => rsx! { "Your address is confirmed. You can sign in now." },
                }
            }
            button { id: "go-sign-in", class: "primary", r#type: "button",
                onclick: move |_| state.go(Screen::SignIn {
                    email: email.clone().unwrap_or_default(),
                    notice: Some(Notice::EmailConfirmed),
                }),
                "Sign in"
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
