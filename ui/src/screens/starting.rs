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
