//! "Paste a link from an email": confirms an address, or opens the reset screen.

use crate::components::{FormError, NavLink, SubmitButton};
use crate::copy::{error_copy, Context};
use crate::invoke::call;
use crate::routing::Screen;
use crate::AppState;
use account_bridge::{BridgeError, LinkKind, LinkView};
use dioxus::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
pub struct OpenLinkArgs {
    pub text: String,
    pub expected: Option<LinkKind>,
}

#[derive(Serialize)]
struct NoArgs {}

#[component]
pub fn Verify() -> Element {
    let state = use_context::<AppState>();
    let mut text = use_signal(String::new);
    let mut busy = use_signal(|| false);
    let mut error = use_signal(|| None::<BridgeError>);
    let mut verified = use_signal(|| None::<Option<String>>);

    // A verification link that arrived as a deep link: confirm at once.
    use_hook(move || {
        let mut state = state;
        let arrived = state
            .link
            .peek()
            .clone()
            .filter(|link| link.kind == LinkKind::VerifyEmail);
        if arrived.is_some() {
            state.link.set(None);
            busy.set(true);
            spawn(async move {
                let result = call::<_, Option<String>>("verify_email", &NoArgs {}).await;
                busy.set(false);
                match result {
                    Ok(email) => verified.set(Some(email)),
                    Err(failure) => error.set(Some(failure)),
                }
            });
        }
    });

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
            let args = OpenLinkArgs {
                text: text.peek().trim().to_string(),
                expected: None,
            };
            let opened = call::<_, LinkView>("open_link", &args).await;
            let result = match opened {
                Ok(link) if link.kind == LinkKind::ResetPassword => {
                    state.link.set(Some(link));
                    busy.set(false);
                    state.go(Screen::Reset);
                    return;
                }
                Ok(_) => call::<_, Option<String>>("verify_email", &NoArgs {}).await,
                Err(error) => Err(error),
            };
            busy.set(false);
            match result {
                Ok(email) => verified.set(Some(email)),
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
