//! Who is signed in, on which server, whether it is remembered; sign out.

use crate::api;
use crate::components::NavLink;
use crate::copy::{error_copy, Context};
use crate::form::use_submit;
use crate::i18n::{t, Message};
use crate::routing::Screen;
use crate::AppState;
use account_bridge::SessionView;
use dioxus::prelude::*;

#[component]
pub fn SignedIn() -> Element {
    let state = use_context::<AppState>();
    let sign_out = use_submit();
    let retry = use_submit();

    // Reads the profile again (a licensed server returns the name).
    use_hook(move || {
        spawn(async move {
            let _ = api::current_user().await;
        });
    });

    let SessionView::SignedIn {
        user,
        server_url,
        remembered,
        offline,
        connection_problem,
        keychain_problem,
        ..
    } = state.session.read().clone()
    else {
        return rsx! {};
    };
    let name = user.display_name();
    rsx! {
        section { id: "signed-in", class: "card", "aria-labelledby": "signed-in-title",
            h1 { id: "signed-in-title", {t("signed-in-title")} }
            dl { class: "facts",
                dt { {t("signed-in-account")} }
                dd { id: "who", "data-value": "true", "{name}" }
                if name != user.email {
                    dt { {t("signed-in-email")} }
                    dd { id: "who-email", "data-value": "true", "{user.email}" }
                }
                dt { {t("signed-in-server")} }
                dd { id: "server", "data-value": "true", "{server_url}" }
                dt { {t("signed-in-device")} }
                dd { id: "remembered",
                    {t(if remembered { "signed-in-remembered" } else { "signed-in-not-remembered" })}
                }
            }
            if let Some(problem) = keychain_problem {
                p { id: "keychain-problem", class: "warning", role: "status", {error_copy(&problem, Context::SignedIn)} }
            }
            if offline {
                div { id: "offline", class: "warning", role: "status",
                    p { {offline_copy(connection_problem.as_ref())} }
                    button { id: "retry-now", class: "link", r#type: "button", disabled: retry.busy(),
                        onclick: move |_| if retry.start() {
                            // Any call that needs the session refreshes it; the result arrives
                            // as a session change.
                            retry.run(async { api::current_user().await.map(drop) }, |()| {});
                        },
                        {t(if retry.busy() { "trying" } else { "signed-in-try-now" })}
                    }
                }
            }
            button { id: "sign-out", r#type: "button", disabled: sign_out.busy(),
                onclick: move |_| if sign_out.start() {
                    sign_out.run(api::sign_out(), move |view| state.apply_session(view));
                },
                {t(if sign_out.busy() { "signed-in-signing-out" } else { "signed-in-sign-out" })}
            }
            nav { class: "links",
                NavLink { id: "open-announcements", label: Message::new("signed-in-announcements"), onclick: move |_| state.go(Screen::Announcements { page: 1 }) }
                NavLink { id: "go-help", label: Message::new("help-and-diagnostics"), onclick: move |_| state.go(Screen::Help) }
            }
        }
    }
}

/// What the offline notice says, by why the last refresh failed.
fn offline_copy(problem: Option<&account_bridge::BridgeError>) -> Message {
    match problem {
        // Not a connection problem: say what it is, then that the session is kept.
        Some(problem)
            if matches!(
                problem.code,
                account_bridge::ErrorCode::TlsError | account_bridge::ErrorCode::ServerRestricted
            ) =>
        {
            Message::new("signed-in-offline-tls")
                .with_message("problem", error_copy(problem, Context::SignedIn))
        }
        Some(problem) if problem.code == account_bridge::ErrorCode::RateLimited => {
            Message::new("signed-in-offline-slow-down")
        }
        _ => Message::new("signed-in-offline"),
    }
}
