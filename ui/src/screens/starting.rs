use crate::copy::{error_copy, Context};
use crate::i18n::t;
use crate::AppState;
use account_bridge::{BridgeError, SessionView};
use dioxus::prelude::*;

/// Shown while the stored session is restored: who was signed in last time, at once, marked
/// as being checked (the keychain read and one refresh decide the rest).
#[component]
pub fn Starting() -> Element {
    let state = use_context::<AppState>();
    let user = match &*state.session.read() {
        SessionView::Restoring { user } => user.clone(),
        _ => None,
    };
    rsx! {
        section { id: "starting", class: "card starting", "aria-busy": "true",
            if let Some(user) = user {
                h1 { id: "checking-title", {t("starting-welcome-back")} }
                dl { class: "facts",
                    dt { {t("starting-account")} }
                    dd { id: "checking-who", "data-value": "true", {user.display_name()} }
                }
                p { id: "checking", class: "muted", role: "status", {t("starting-checking")} }
            } else if state.language.read().is_some() {
                // Before the core's first answer there is no catalogue yet: nothing to say.
                p { class: "muted", role: "status", {t("app-opening")} }
            }
        }
    }
}

/// The core could not start (for example, no HTTP client could be made): say what failed and
/// what to do, instead of an empty window or a crash.
#[component]
pub fn StartupFailed(failure: BridgeError) -> Element {
    rsx! {
        section { id: "startup-failed", class: "card", "aria-labelledby": "startup-failed-title",
            h1 { id: "startup-failed-title", {t("startup-failed-title")} }
            p { id: "startup-problem", role: "alert", {error_copy(&failure, Context::Server)} }
            p { class: "muted", {t("startup-failed-help")} " "
                code { id: "startup-code", "data-value": "true", "{failure.code}" }
            }
        }
    }
}
