//! "Paste a link from an email": for mail apps that don't open links to this app. The link or
//! code opens its own screen (confirm the email, or choose a new password).

use crate::api;
use crate::components::{FormError, NavLink, PasteLinkField, SubmitButton};
use crate::copy::Context;
use crate::form::use_submit;
use crate::i18n::{t, Message};
use crate::routing::Screen;
use crate::AppState;
use account_bridge::{BridgeError, LinkKind};
use dioxus::prelude::*;

/// `expected`: the reset screen's variant takes only a reset link. `problem`: why the user is
/// back here (the link they followed turned out used, expired or invalid).
#[component]
pub fn PasteLink(expected: Option<LinkKind>, problem: Option<BridgeError>) -> Element {
    let state = use_context::<AppState>();
    let text = use_signal(String::new);
    let form = use_submit();

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if !form.start() || text.peek().trim().is_empty() {
            return;
        }
        let request = api::open_link(text.peek().trim().to_string(), expected);
        form.run(request, move |link| state.go(Screen::for_link(link)));
    };

    let empty = form.attempted() && text.read().trim().is_empty();
    let error = if form.attempted() {
        form.error()
    } else {
        problem
    };
    let context = match expected {
        Some(LinkKind::ResetPassword) => Context::Reset,
        _ => Context::Verify,
    };
    let (title, intro) = match expected {
        Some(LinkKind::ResetPassword) => (t("paste-reset-title"), t("paste-reset-intro")),
        _ => (t("paste-title"), t("paste-intro")),
    };
    rsx! {
        section { class: "card", "aria-labelledby": "paste-title",
            h1 { id: "paste-title", "{title}" }
            p { class: "muted", "{intro}" }
            form { id: "paste-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: form.busy(),
                    PasteLinkField { value: text, error: empty.then(|| Message::new("problem-link-empty")) }
                    FormError { error, context }
                    SubmitButton { id: "use-link", label: Message::new("paste-submit"), busy_label: Message::new("paste-busy"), busy: form.busy() }
                }
            }
            nav { class: "links",
                if expected == Some(LinkKind::ResetPassword) {
                    NavLink { id: "go-forgot", label: Message::new("paste-new-link"), onclick: move |_| state.go(Screen::Forgot { email: String::new() }) }
                }
                NavLink { id: "go-sign-in", label: Message::new("back-to-sign-in"), onclick: move |_| state.go(Screen::sign_in()) }
            }
        }
    }
}
