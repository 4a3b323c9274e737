//! "Paste a link from an email": confirms an address, or opens the reset screen.

use crate::api;
use crate::components::{FormError, NavLink, SubmitButton};
use crate::copy::{error_copy, Context};
use crate::routing::Screen;
use crate::AppState;
use account_bridge::{BridgeError, ErrorCode, LinkKind, LinkView};
use dioxus::prelude::*;

#[component]
pub fn Verify() -> Element {
    let state = use_context::<AppState>();
    let mut text = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<BridgeError>);
    let verified = use_signal(|| None::<Option<String>>);

    // A verification link (deep link or paste) waits for the user to confirm it, on the server
    // shown: a web page cannot make the app send a token of its choosing unseen. Read on every
    // render, so a link that arrives while this screen is open is shown too.
    let waiting = state
        .link
        .read()
        .clone()
        .filter(|link| link.kind == LinkKind::VerifyEmail);
    if verified.read().is_none() {
        if let Some(link) = waiting {
            return rsx! { ConfirmEmail { link, verified } };
        }
    }

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if busy() {
            return;
        }
        if text.peek().trim().is_empty() {
            error.set(Some(BridgeError {
                code: account_bridge::ErrorCode::LinkInvalid,
                message: String::new(),
                retry_after_secs: None,
                http_status: None,
            }));
            return;
        }
        busy.set(true);
        error.set(None);
        let mut state = state;
        spawn(async move {
            let opened = api::open_link(text.peek().trim().to_string(), None).await;
            busy.set(false);
            match opened {
                Ok(link) if link.kind == LinkKind::ResetPassword => {
                    state.link.set(Some(link));
                    state.go(Screen::Reset);
                }
                // The confirmation step shows next.
                Ok(link) => state.link.set(Some(link)),
                Err(failure) => error.set(Some(failure)),
            }
        });
    };

    if let Some(email) = verified.read().clone() {
        return rsx! {
            section { id: "verified", class: "card", "aria-labelledby": "verified-title",
                h1 { id: "verified-title", "Email confirmed" }
                p { role: "status",
                    match &email {
                        Some(email) => rsx! { "The address " strong { "{email}" } " is confirmed. You can sign in now." },
                        None => rsx! { "Your address is confirmed. You can sign in now." },
                    }
                }
                button { id: "go-sign-in", class: "primary", r#type: "button",
                    onclick: move |_| state.to_sign_in(email.clone(), Some("Your email is confirmed. Sign in to continue.".into())),
                    "Sign in"
                }
            }
        };
    }

    let error_now = error.read().clone();
    let error_text = error_now.as_ref().map(|e| {
        if e.message.is_empty() {
            "Paste the link from the email first.".to_string()
        } else {
            error_copy(e, Context::Verify)
        }
    });
    let described = if error_text.is_some() {
        "form-error"
    } else {
        ""
    };
    rsx! {
        section { class: "card", "aria-labelledby": "paste-title",
            h1 { id: "paste-title", "Paste a link from an email" }
            p { class: "muted",
                "Some mail apps don't open links to this app. Copy the link from the confirmation or password-reset email (or the code the web page shows) and paste it here." }
            form { id: "paste-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: busy(),
                    div { class: "field",
                        label { r#for: "link", "Link or code from the email" }
                        textarea { id: "link", name: "link", rows: "3", spellcheck: "false", autocomplete: "off",
                            "aria-describedby": described,
                            initial_value: text.peek().clone(), oninput: move |event| text.set(event.value()),
                            onmounted: move |event| async move { let _ = event.set_focus(true).await; },
                        }
                    }
                    FormError { error: error_text, code: error_now.as_ref().map(|e| e.code.to_string()) }
                    SubmitButton { id: "use-link", label: "Continue", busy_label: "Checking the link…", busy: busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: "Back to sign in", onclick: move |_| state.go(Screen::SignIn) }
            }
        }
    }
}

/// "Confirm my email at <server>": one click, with the server named, before the token is sent.
#[component]
fn ConfirmEmail(link: LinkView, verified: Signal<Option<Option<String>>>) -> Element {
    let mut state = use_context::<AppState>();
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<BridgeError>);
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
        if busy() {
            return;
        }
        busy.set(true);
        error.set(None);
        spawn(async move {
            let result = api::verify_email().await;
            busy.set(false);
            match result {
                Ok(email) => {
                    state.link.set(None);
                    verified.set(Some(email));
                }
                Err(failure) => {
                    // The core keeps a link that may still work (the server was away); a used,
                    // expired or invalid one is gone, and the paste form shows why.
                    let dead = matches!(
                        failure.code,
                        ErrorCode::LinkUsed | ErrorCode::LinkExpired | ErrorCode::LinkInvalid
                    );
                    error.set(Some(failure));
                    if dead {
                        state.link.set(None);
                    }
                }
            }
        });
    };
    let error_now = error.read().clone();
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
            FormError { error: error_now.as_ref().map(|e| error_copy(e, Context::Verify)), code: error_now.as_ref().map(|e| e.code.to_string()) }
            button { id: "confirm-email", class: "primary", r#type: "button", disabled: busy(), onclick: confirm,
                if busy() { "Confirming…" } else { "{label}" }
            }
            nav { class: "links",
                NavLink { id: "go-sign-in", label: "Not now", onclick: move |_| {
                    state.link.set(None);
                    state.go(Screen::SignIn);
                } }
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
