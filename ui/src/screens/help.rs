//! Help for the user and their support desk: the version, where the logs are, the diagnostic
//! report on the clipboard, a check that the server accepts the app's email links, and updates.

use crate::api;
use crate::components::{FormError, NavLink};
use crate::copy::{error_copy, Context};
use crate::form::use_submit;
use crate::i18n::{t, Message};
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
            Screen::account()
        } else {
            Screen::sign_in()
        });
    };
    rsx! {
        section { id: "help", class: "card", "aria-labelledby": "help-title",
            h1 { id: "help-title", {t("help-and-diagnostics")} }
            if let Some(about) = about_now {
                dl { class: "facts",
                    dt { {t("help-version")} }
                    dd { id: "app-version", "data-value": "true", "{about.name} {about.version}" }
                    dt { {t("help-build")} }
                    dd { id: "app-build", "data-value": "true", "{about.build}" }
                    dt { {t("help-log-folder")} }
                    dd { id: "log-folder", "data-value": "true", "{about.log_folder}" }
                }
            }
            p { class: "muted", {t("help-intro")} }
            div { class: "actions stacked",
                button { id: "copy-report", class: "primary", r#type: "button", disabled: copy.busy(),
                    onclick: move |_| if copy.start() {
                        copied.set(false);
                        copy.run(api::copy_diagnostic_report(), move |()| copied.set(true));
                    },
                    {t(if copy.busy() { "checking" } else { "help-copy-report" })}
                }
                button { id: "open-logs", r#type: "button", disabled: open.busy(),
                    onclick: move |_| if open.start() { open.run(api::open_log_folder(), |()| {}) },
                    {t("help-open-logs")}
                }
                button { id: "check-links", r#type: "button", disabled: check.busy(),
                    onclick: move |_| if check.start() {
                        links.set(None);
                        check.run(api::check_email_links(), move |view| links.set(Some(view)));
                    },
                    {t(if check.busy() { "checking" } else { "help-check-links" })}
                }
            }
            if copied() {
                p { id: "report-copied", class: "success", role: "status", {t("help-copied")} }
            }
            FormError { error: copy.error().or(open.error()).or(check.error()), context: Context::Server }
            if let Some(view) = links.read().clone() {
                LinkCheck { view }
            }
            crate::updates::UpdatesSection {}
            nav { class: "links",
                NavLink { id: "help-back", label: Message::new("back"), onclick: back }
            }
        }
    }
}

/// Where the two addresses go in `help-links-*`, each shown as code.
const MARK: &str = "\u{E000}";

/// What "Check email links" found, in words a support desk can act on.
#[component]
fn LinkCheck(view: EmailLinksView) -> Element {
    let accepted = match view.reset_url_allowed {
        Some(true) => Message::new("help-reset-accepted"),
        Some(false) => Message::new("help-reset-refused").with("url", view.reset_url.clone()),
        None => match &view.problem {
            Some(problem) => Message::new("help-not-asked-because")
                .with_message("problem", error_copy(problem, Context::Server)),
            None => Message::new("help-not-asked"),
        },
    };
    let addresses = if view.via_link_page {
        Message::new("help-links-via-page")
    } else {
        Message::new("help-links-direct")
    }
    .with("reset", MARK)
    .with("verify", MARK)
    .text();
    let mut parts = addresses.splitn(3, MARK);
    let (before, between, after) = (
        parts.next().unwrap_or_default().to_string(),
        parts.next().unwrap_or_default().to_string(),
        parts.next().unwrap_or_default().to_string(),
    );
    let ok = view.reset_url_allowed == Some(true)
        && view.scheme_registered != Some(false)
        && !view.any_scheme_accepted;
    rsx! {
        div { id: "links-result", class: if ok { "success" } else { "warning" }, role: "status",
            p { id: "links-accepted", {accepted} }
            p {
                {before}
                code { "data-value": "true", "{view.reset_url}" }
                {between}
                code { "data-value": "true", "{view.verify_url}" }
                {after}
            }
            if view.scheme_registered == Some(false) {
                p { id: "links-scheme", {t("help-no-scheme")} }
            }
            if view.any_scheme_accepted {
                p { id: "links-any-scheme", class: "warning", {t("help-links-any-scheme")} }
            }
        }
    }
}
