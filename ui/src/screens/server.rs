//! Server settings: which Directus the app talks to, a check that it answers, and saving
//! another address.

use crate::api;
use crate::components::{EmphasisedMessage, LanguagePicker, NavLink, TextField};
use crate::copy::{error_copy, Context};
use crate::form::use_submit;
use crate::i18n::{t, Message};
use crate::routing::Screen;
use crate::AppState;
use account_bridge::{ServerInfoView, ServerSettingsView, ServerUrlSource};
use dioxus::prelude::*;

#[component]
pub fn ServerScreen() -> Element {
    let state = use_context::<AppState>();
    let mut settings = use_signal(|| None::<ServerSettingsView>);
    let mut address = use_signal(String::new);
    let mut link_page = use_signal(String::new);
    let test = use_submit();
    let save = use_submit();
    // What the last "Test connection" found.
    let mut answered = use_signal(|| None::<ServerInfoView>);
    let mut saved = use_signal(|| false);
    // Bumped on save, so the (uncontrolled) fields start again from the saved, tidied values.
    let mut revision = use_signal(|| 0u32);

    use_hook(move || {
        spawn(async move {
            if let Ok(current) = api::server_settings().await {
                address.set(current.url.clone());
                link_page.set(current.link_page.clone().unwrap_or_default());
                settings.set(Some(current));
            }
        });
    });

    let typed = move || Some(address.peek().trim().to_string()).filter(|a| !a.is_empty());
    let test_connection = move |_| {
        if !test.start() {
            return;
        }
        save.dismiss();
        answered.set(None);
        saved.set(false);
        test.run(api::test_connection(typed()), move |info| {
            answered.set(Some(info))
        });
    };
    let save_settings = move |event: FormEvent| {
        event.prevent_default();
        let Some(url) = typed() else { return };
        if !save.start() {
            return;
        }
        // The save's answer replaces a failed test's.
        test.dismiss();
        saved.set(false);
        let page = Some(link_page.peek().trim().to_string()).filter(|p| !p.is_empty());
        save.run(api::change_server(url, page), move |current| {
            address.set(current.url.clone());
            link_page.set(current.link_page.clone().unwrap_or_default());
            settings.set(Some(current));
            saved.set(true);
            revision += 1;
            state.refresh_server_info();
        });
    };

    let failure = save.error().or_else(|| test.error());
    let current = settings.read().clone();
    rsx! {
        section { class: "card", "aria-labelledby": "server-title",
            h1 { id: "server-title", {t("server-title")} }
            match &current {
                None => rsx! { p { class: "muted", {t("loading")} } },
                Some(current) => rsx! {
                    dl { class: "facts",
                        dt { {t("server-in-use")} }
                        dd { id: "server-url", "data-value": "true", "{current.url}" }
                        dt { {t("server-set-by")} }
                        dd { id: "server-url-source", {source_label(current.source)} }
                        dt { {t("server-email-links")} }
                        dd { id: "email-links",
                            match &current.link_page {
                                Some(page) => Message::new("server-links-via-page").with("page", page.clone()),
                                None => Message::new("server-links-direct"),
                            }
                        }
                    }
                    if current.source == ServerUrlSource::Environment {
                        p { class: "hint", {t("server-environment-wins")} }
                    }
                    if current.source == ServerUrlSource::Unset {
                        p { id: "server-needed", class: "banner", role: "status", {t("server-needed")} }
                    }
                },
            }
            // Mounted once the current address is known, so the field starts with it.
            if current.is_some() {
                form { key: "{revision}", id: "server-form", novalidate: true, onsubmit: save_settings,
                    TextField { id: "server-url-input", label: Message::new("server-address"), value: address, kind: "url", autocomplete: "url",
                        hint: Message::new("server-address-hint") }
                    TextField { id: "link-page-input", label: Message::new("server-link-page"), value: link_page, kind: "url", autocomplete: "off",
                        hint: Message::new("server-link-page-hint") }
                    div { class: "actions",
                        button { id: "test-connection", r#type: "button", disabled: test.busy(), onclick: test_connection,
                            {t(if test.busy() { "server-testing" } else { "server-test" })}
                        }
                        button { id: "save-server", class: "primary", r#type: "submit", disabled: save.busy(),
                            {t(if save.busy() { "server-saving" } else { "server-save" })}
                        }
                    }
                }
            }
            if saved() {
                p { id: "server-saved", class: "success", role: "status", {t("server-saved")} }
            }
            if let Some(info) = answered.read().clone() {
                ConnectionStatus { info }
            }
            if let Some(failure) = failure {
                p { id: "connection-error", class: "form-error", role: "alert", "data-code": "{failure.code}",
                    {error_copy(&failure, Context::Server)}
                }
            }
            nav { class: "links",
                NavLink { id: "go-help", label: Message::new("help-and-diagnostics"), onclick: move |_| state.go(Screen::Help) }
                NavLink { id: "go-sign-in", label: Message::new("back"), onclick: move |_| state.go(Screen::sign_in()) }
            }
            LanguagePicker {}
        }
    }
}

/// What "Test connection" found: the project's name, in bold.
#[component]
fn ConnectionStatus(info: ServerInfoView) -> Element {
    let message = if info.public_registration {
        Message::new("server-connected")
    } else {
        Message::new("server-connected-closed")
    };
    rsx! {
        p { id: "connection-status", class: "success", role: "status",
            EmphasisedMessage { message, variable: "project", value: info.project_name, id: "project-name" }
        }
    }
}

fn source_label(source: ServerUrlSource) -> Message {
    match source {
        ServerUrlSource::Environment => Message::new("server-source-environment"),
        ServerUrlSource::Settings => Message::new("server-source-settings"),
        ServerUrlSource::Default => Message::new("server-source-default"),
        ServerUrlSource::Unset => Message::new("server-source-unset"),
        ServerUrlSource::CommandLine => Message::new("server-source-command-line"),
    }
}
