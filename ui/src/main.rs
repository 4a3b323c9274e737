//! The Dioxus UI. It only calls the app's Tauri commands (`invoke`) and shows what they return:
//! it never talks to Directus and never sees a token.

mod invoke;
mod screens;

use dioxus::prelude::*;

fn main() {
    dioxus::launch(App);
}

#[component]
fn App() -> Element {
    rsx! {
        main { class: "app",
            screens::server::ServerScreen {}
        }
    }
}
