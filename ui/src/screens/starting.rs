use crate::copy::{error_copy, Context};
use account_bridge::BridgeError;
use dioxus::prelude::*;

/// Shown while the stored session is restored: a quiet placeholder, not the sign-in form.
#[component]
pub fn Starting() -> Element {
    rsx! {
        section { id: "starting", class: "card starting", "aria-busy": "true",
            p { class: "muted", role: "status", "Opening your account…" }
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
