use crate::copy::{error_copy, Context};
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
                h1 { id: "checking-title", "Welcome back" }
                dl { class: "facts",
                    dt { "Account" }
                    dd { id: "checking-who", {user.display_name()} }
                }
                p { id: "checking", class: "muted", role: "status", "Checking your session…" }
            } else {
                p { class: "muted", role: "status", "Opening your account…" }
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
            h1 { id: "startup-failed-title", "The app couldn't start" }
            p { id: "startup-problem", role: "alert", {error_copy(&failure, Context::Server)} }
            p { class: "muted", "Close the app and open it again. If this keeps happening, send this code to your support desk: "
                code { id: "startup-code", "{failure.code}" }
            }
        }
    }
}
