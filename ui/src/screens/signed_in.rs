//! The account screen, the signed-in home: who is signed in (name and email), the password and
//! two-factor authentication with a way to change each, which server, whether this device
//! remembers the session; the organisation's screens, help, sign out.

use crate::api;
use crate::components::NavLink;
use crate::copy::{error_copy, Context};
use crate::form::use_submit;
use crate::i18n::{t, Message};
use crate::routing::{AccountNotice, Screen};
use crate::AppState;
use account_bridge::{NameSource, SessionView, TwoFactorState};
use dioxus::prelude::*;

#[component]
pub fn SignedIn(notice: Option<AccountNotice>) -> Element {
    let state = use_context::<AppState>();
    let sign_out = use_submit();
    let retry = use_submit();
    // The account as the core knows it now (a licensed server returns the name; an unlicensed
    // one only what this device saved), read again on every visit.
    let mut account = use_resource(|| async { api::account().await });

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
    let (view, problem) = match &*account.read() {
        Some(Ok(view)) => (Some(view.clone()), None),
        Some(Err(error)) => (None, Some(error.clone())),
        None => (None, None),
    };
    let loading = view.is_none() && problem.is_none();
    let (first_name, last_name) = view.as_ref().map_or_else(
        || (user.first_name.clone(), user.last_name.clone()),
        |view| (view.user.first_name.clone(), view.user.last_name.clone()),
    );
    let name = account_bridge::full_name(first_name.as_deref(), last_name.as_deref());
    let source = view.as_ref().map(|view| view.name_known_from);
    let two_factor = view
        .as_ref()
        .map_or(TwoFactorState::Unknown, |view| view.two_factor);
    let edit_name = {
        let (first_name, last_name) = (first_name.clone(), last_name.clone());
        move |()| {
            state.go(Screen::EditName {
                first_name: first_name.clone().unwrap_or_default(),
                last_name: last_name.clone().unwrap_or_default(),
            })
        }
    };
    rsx! {
        section { id: "signed-in", class: "card", "aria-labelledby": "signed-in-title",
            h1 { id: "signed-in-title", {t("signed-in-title")} }
            if let Some(notice) = notice {
                p { id: "account-notice", class: "success", role: "status", {notice_copy(notice)} }
            }
            ul { id: "account", class: "account-rows",
                li { class: "account-row",
                    div { class: "account-what",
                        span { class: "account-label", {t("account-name")} }
                        if loading {
                            span { id: "account-name", class: "account-value muted", {t("loading")} }
                        } else if name.is_empty() {
                            // Empty, as the server says, or not said at all.
                            span { id: "account-name", class: "account-value muted",
                                {t(if source == Some(NameSource::Server) { "account-name-empty" } else { "account-name-unknown" })}
                            }
                        } else {
                            span { id: "account-name", class: "account-value", "data-value": "true", "{name}" }
                        }
                        if source == Some(NameSource::ThisDevice) && !name.is_empty() {
                            span { id: "account-name-source", class: "hint", {t("account-name-this-device")} }
                        }
                    }
                    button { id: "edit-name", r#type: "button", disabled: loading,
                        onclick: move |_| edit_name(()), {t("account-edit-name")} }
                }
                li { class: "account-row",
                    div { class: "account-what",
                        span { class: "account-label", {t("signed-in-email")} }
                        span { id: "who", class: "account-value", "data-value": "true", "{user.email}" }
                    }
                }
                li { class: "account-row",
                    div { class: "account-what",
                        span { class: "account-label", {t("field-password")} }
                    }
                    button { id: "change-password", r#type: "button", disabled: loading,
                        onclick: move |_| state.go(Screen::ChangePassword {
                            ask_code: two_factor == TwoFactorState::On,
                            in_progress: false,
                        }),
                        {t("account-change-password")}
                    }
                }
                li { class: "account-row",
                    div { class: "account-what",
                        span { id: "two-factor-label", class: "account-label", {t("account-two-factor")} }
                        span { id: "two-factor-state", class: "account-value",
                            {t(match (loading, two_factor) {
                                (true, _) => "loading",
                                (_, TwoFactorState::On) => "account-two-factor-on",
                                (_, TwoFactorState::Off) => "account-two-factor-off",
                                (_, TwoFactorState::Unknown) => "account-two-factor-unknown",
                            })}
                        }
                        if !loading && two_factor == TwoFactorState::Unknown {
                            span { id: "two-factor-unknown", class: "hint", {t("account-two-factor-unknown-hint")} }
                        }
                    }
                    // Unknown (the server doesn't say): both ways are offered; the server
                    // refuses the one that doesn't apply.
                    if !loading && two_factor != TwoFactorState::On {
                        button { id: "two-factor-on", r#type: "button", "aria-describedby": "two-factor-label",
                            onclick: move |_| state.go(Screen::TwoFactorOn), {t("account-turn-on")} }
                    }
                    if !loading && two_factor != TwoFactorState::Off {
                        button { id: "two-factor-off", r#type: "button", "aria-describedby": "two-factor-label",
                            onclick: move |_| state.go(Screen::TwoFactorOff), {t("account-turn-off")} }
                    }
                }
            }
            if let Some(problem) = problem {
                div { id: "account-problem", class: "warning", role: "status",
                    p { {error_copy(&problem, Context::SignedIn)} }
                    button { id: "account-retry", class: "link", r#type: "button",
                        onclick: move |_| account.restart(), {t("try-again")} }
                }
            }
            dl { class: "facts",
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
                            retry.run(async { api::current_user().await.map(drop) }, move |()| account.restart());
                        },
                        {t(if retry.busy() { "trying" } else { "signed-in-try-now" })}
                    }
                }
            }
            nav { class: "links",
                NavLink { id: "open-announcements", label: Message::new("signed-in-announcements"), onclick: move |_| state.go(Screen::Announcements { page: 1 }) }
                NavLink { id: "go-help", label: Message::new("help-and-diagnostics"), onclick: move |_| state.go(Screen::Help) }
            }
            button { id: "sign-out", class: "sign-out", r#type: "button", disabled: sign_out.busy(),
                onclick: move |_| if sign_out.start() {
                    sign_out.run(api::sign_out(), move |view| state.apply_session(view));
                },
                {t(if sign_out.busy() { "signed-in-signing-out" } else { "signed-in-sign-out" })}
            }
        }
    }
}

/// What the account screen says about what the customer just did.
fn notice_copy(notice: AccountNotice) -> Message {
    match notice {
        AccountNotice::NameSaved => Message::new("account-notice-name-saved"),
        AccountNotice::PasswordChanged => Message::new("account-notice-password-changed"),
        AccountNotice::TwoFactorOn => Message::new("account-notice-two-factor-on"),
        AccountNotice::TwoFactorOff => Message::new("account-notice-two-factor-off"),
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
