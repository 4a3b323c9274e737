//! The sign-in form's fields, and nothing else, as a Dioxus app built the way the UI is
//! (`scripts/bench` builds it into the bare window): what Dioxus itself costs, below anything the
//! app adds.

use dioxus::prelude::*;

fn main() {
    dioxus::launch(Form);
}

#[component]
fn Form() -> Element {
    let mut email = use_signal(String::new);
    let mut password = use_signal(String::new);
    rsx! {
        main {
            h1 { "Sign in" }
            form { id: "sign-in-form",
                label { r#for: "email", "Email" }
                input { id: "email", r#type: "email", autocomplete: "username", value: "{email}",
                    oninput: move |event| email.set(event.value()) }
                label { r#for: "password", "Password" }
                input { id: "password", r#type: "password", autocomplete: "current-password",
                    value: "{password}", oninput: move |event| password.set(event.value()) }
                button { r#type: "submit", "Sign in" }
            }
        }
    }
}
