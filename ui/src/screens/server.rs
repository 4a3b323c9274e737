//! Server settings: which Directus the app talks to, and a check that it answers.

use crate::invoke::{call, NoArgs};
use account_bridge::{BridgeError, ServerInfoView, ServerSettingsView, ServerUrlSource};
use dioxus::prelude::*;

/// The result of the last "Test connection".
#[derive(Clone, PartialEq)]
enum Check {
    NotRun,
    Running,
    Answered(ServerInfoView),
    Failed(BridgeError),
}

#[component]
pub fn ServerScreen() -> Element {
    let settings = use_resource(|| async {
        call::<_, ServerSettingsView>("server_settings", &NoArgs {}).await
    });
    let mut check = use_signal(|| Check::NotRun);

    let test_connection = move |_| {
        if *check.read() == Check::Running {
            return;
        }
        check.set(Check::Running);
        spawn(async move {
            let result = call::<_, ServerInfoView>("test_connection", &NoArgs {}).await;
            check.set(match result {
                Ok(info) => Check::Answered(info),
                Err(error) => Check::Failed(error),
            });
        });
    };

    let running = *check.read() == Check::Running;
    rsx! {
        section { class: "card", "aria-labelledby": "server-title",
            h1 { id: "server-title", "Server settings" }
            match &*settings.read() {
                None => rsx! { p { class: "muted", "Loading…" } },
                Some(Err(error)) => rsx! { p { class: "error", role: "alert", "{error.message}" } },
                Some(Ok(settings)) => rsx! {
                    dl { class: "facts",
                        dt { "Address" }
                        dd { id: "server-url", "{settings.url}" }
                        dt { "Set by" }
                        dd { id: "server-url-source", {source_label(settings.source)} }
                    }
                },
            }
            button {
                id: "test-connection",
                class: "primary",
                r#type: "button",
                disabled: running,
                onclick: test_connection,
                if running { "Testing…" } else { "Test connection" }
            }
            match &*check.read() {
                Check::NotRun | Check::Running => rsx! {},
                Check::Answered(info) => rsx! {
                    p { id: "connection-status", class: "success", role: "status",
                        "Connected to "
                        strong { id: "project-name", "{info.project_name}" }
                    }
                },
                Check::Failed(error) => rsx! {
                    p { id: "connection-error", class: "error", role: "alert", "data-code": "{error.code}",
                        "{error.message}"
                    }
                },
            }
        }
    }
}

fn source_label(source: ServerUrlSource) -> &'static str {
    match source {
        ServerUrlSource::Environment => "an environment variable (DIRECTUS_DESKTOP_SERVER_URL)",
        ServerUrlSource::Settings => "this app's settings",
        ServerUrlSource::Default => "default (the local development server)",
    }
}
