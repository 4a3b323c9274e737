//! Help for the user and their support desk: the version, where the logs are, the diagnostic
//! report on the clipboard, and a check that the server accepts the app's email links.

use crate::api;
use crate::components::{FormError, NavLink};
use crate::copy::{error_copy, Context};
use crate::form::use_submit;
use crate::routing::Screen;
use crate::AppState;
use account_bridge::{EmailLinksView, SessionView};
use dioxus::prelude::*;

#[component]
pub fn Help() -> Element {
    let state = use_context::<AppState>();
    let about = use_resource(|| async { api::about().await.ok() });
    let copy = use_submit();
    let open = use_submit();
    let check = use_submit();
    let mut copied = use_signal(|| false);
    let mut links = use_signal(|| None::<EmailLinksView>);

    let about_now = about.read().clone().flatten();
    let back = move |_| {
        let signed_in = matches!(*state.session.peek(), SessionView::SignedIn { .. });
        state.go(if signed_in {
            Screen::SignedIn
        } else {
            Screen::sign_in()
        });
    };
    rsx! {
        section { id: "help", class: "card", "aria-labelledby": "help-title",
            h1 { id: "help-title", "Help and diagnostics" }
            if let Some(about) = about_now {
                dl { class: "facts",
                    dt { "Version" }
                    dd { id: "app-version", "{about.name} {about.version}" }
                    dt { "Build" }
                    dd { id: "app-build", "{about.build}" }
                    dt { "Log folder" }
                    dd { id: "log-folder", "{about.log_folder}" }
                }
            }
            p { class: "muted",
                "If something doesn't work, your support desk may ask for the diagnostic report. It says which server the app uses and how it answers, and contains no password or code." }
            div { class: "actions stacked",
                button { id: "copy-report", class: "primary", r#type: "button", disabled: copy.busy(),
                    onclick: move |_| if copy.start() {
                        copied.set(false);
                        copy.run(api::copy_diagnostic_report(), move |()| copied.set(true));
                    },
                    if copy.busy() { "Checking…" } else { "Copy diagnostic report" }
                }
                button { id: "open-logs", r#type: "button", disabled: open.busy(),
                    onclick: move |_| if open.start() { open.run(api::open_log_folder(), |()| {}) },
                    "Open log folder"
                }
                button { id: "check-links", r#type: "button", disabled: check.busy(),
                    onclick: move |_| if check.start() {
                        links.set(None);
                        check.run(api::check_email_links(), move |view| links.set(Some(view)));
                    },
                    if check.busy() { "Checking…" } else { "Check email links" }
                }
            }
            if copied() {
                p { id: "report-copied", class: "success", role: "status",
                    "Copied. Paste it into your message to the support desk." }
            }
            FormError { error: copy.error().or(open.error()).or(check.error()), context: Context::Server }
            if let Some(view) = links.read().clone() {
                LinkCheck { view }
            }
            nav { class: "links",
                NavLink { id: "help-back", label: "Back", onclick: back }
            }
        }
    }
}

/// What "Check email links" found, in words a support desk can act on.
#[component]
fn LinkCheck(view: EmailLinksView) -> Element {
    let accepted = match view.reset_url_allowed {
        Some(true) => "The server accepts the app's password-reset link.".to_string(),
        Some(false) => format!(
            "The server refuses the app's password-reset link. Its administrators must add {} to PASSWORD_RESET_URL_ALLOW_LIST.",
            view.reset_url
        ),
        None => match &view.problem {
            Some(problem) => format!(
                "The server couldn't be asked: {}",
                error_copy(problem, Context::Server)
            ),
            None => "The server couldn't be asked.".to_string(),
        },
    };
    let ok = view.reset_url_allowed == Some(true) && view.scheme_registered != Some(false);
    rsx! {
        div { id: "links-result", class: if ok { "success" } else { "warning" }, role: "status",
            p { id: "links-accepted", "{accepted}" }
            p {
                if view.via_link_page {
                    "Emails link to your organisation's page: "
                } else {
                    "Emails link straight to this app: "
                }
                code { "{view.reset_url}" }
                " and "
                code { "{view.verify_url}" }
                ". The server must list the second in USER_REGISTER_URL_ALLOW_LIST; checking that would create an account, so it is not checked here."
            }
            if view.scheme_registered == Some(false) {
                p { id: "links-scheme",
                    "No program on this computer opens the app's links: install the app from its package, or ask your organisation for a link page." }
            }
        }
    }
}
