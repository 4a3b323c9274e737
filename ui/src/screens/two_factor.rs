//! Two-factor authentication: turning it on (the password, then the secret as a QR code and
//! as text, then a code from the authenticator app) and off (a current code). The same set-up
//! is the required one when the organisation asks for two-factor before anything else.
//!
//! The secret is shown only on the set-up screen: it is held by this component alone (dropped,
//! and wiped, when the screen is left) and the core forgets it then too.

use crate::api;
use crate::components::{FormError, NavLink, PasswordField, SubmitButton, TextField};
use crate::copy::{error_copy, Context};
use crate::form::use_submit;
use crate::i18n::{t, Message};
use crate::routing::{AccountNotice, Screen};
use crate::validation;
use crate::AppState;
use account_bridge::{ErrorCode, TwoFactorSetup};
use dioxus::prelude::*;

/// The set-up. `required`: the organisation requires it before any other signed-in screen, so
/// it says so, and offers sign-out and help instead of the way back to the account.
#[component]
pub fn TwoFactorOn(required: bool) -> Element {
    let state = use_context::<AppState>();
    let password = use_signal(String::new);
    let mut visible = use_signal(|| false);
    let code = use_signal(String::new);
    let begin = use_submit();
    let enable = use_submit();
    let copy = use_submit();
    let sign_out = use_submit();
    let mut copied = use_signal(|| false);
    let mut setup = use_signal(|| None::<TwoFactorSetup>);
    let mut enabled = use_signal(|| false);

    // Leaving the screen, however: the core forgets a secret that was not enabled. (This
    // component's copy goes with it, wiped by `TwoFactorSetup`'s drop.)
    use_drop(move || {
        if !*enabled.peek() {
            dioxus::core::spawn_forever(async {
                let _ = api::two_factor_abandon().await;
            });
        }
    });

    let start = move |event: FormEvent| {
        event.prevent_default();
        if !begin.start() {
            return;
        }
        visible.set(false);
        if validation::required(&password.peek(), Message::new("problem-password-empty")).is_some()
        {
            return;
        }
        let mut password = password;
        begin.run(
            api::two_factor_begin(password.peek().clone()),
            move |answer| {
                // Not kept once the server has taken it.
                password.set(String::new());
                setup.set(Some(answer));
            },
        );
    };

    let confirm = move |event: FormEvent| {
        event.prevent_default();
        if !enable.start() || validation::otp_problem(&code.peek()).is_some() {
            return;
        }
        let typed: String = code.peek().chars().filter(|c| !c.is_whitespace()).collect();
        enable.run(api::two_factor_enable(typed), move |_| {
            enabled.set(true);
            setup.set(None);
            // Required: the session's update lifts the requirement and the account follows
            // (routing); chosen: back to the account, which says so.
            if !required {
                state.go(Screen::SignedIn {
                    notice: Some(AccountNotice::TwoFactorOn),
                });
            }
        });
    };

    let (section_id, title_id, title) = if required {
        (
            "two-factor-required",
            "two-factor-required-title",
            t("two-factor-required-title"),
        )
    } else {
        (
            "two-factor-setup",
            "two-factor-on-title",
            t("two-factor-on-title"),
        )
    };
    let body = if enabled() {
        rsx! {
            p { id: "two-factor-enabled", class: "success", role: "status", {t("two-factor-enabled-wait")} }
        }
    } else if let Some(shown) = &*setup.read() {
        let key = shown.secret_groups.join(" ");
        let alt = Message::new("two-factor-qr-alt")
            .with("account", shown.account.clone())
            .with("issuer", shown.issuer.clone())
            .text();
        let error = enable.error();
        let code_error = enable
            .attempted()
            .then(|| validation::otp_problem(&code.read()))
            .flatten()
            .or_else(|| {
                error
                    .as_ref()
                    .filter(|e| e.code == ErrorCode::OtpInvalid)
                    .map(|e| error_copy(e, Context::TwoFactorOn))
            });
        rsx! {
            ol { class: "steps",
                li {
                    p { {t("two-factor-scan")} }
                    img { id: "two-factor-qr", class: "qr", src: "{shown.qr_code}", alt: "{alt}", width: "176", height: "176" }
                }
                li {
                    p { {t("two-factor-type-key")} }
                    div { class: "secret-row",
                        code { id: "two-factor-secret", class: "secret", dir: "ltr", "data-value": "true", "{key}" }
                        button { id: "copy-secret", r#type: "button", disabled: copy.busy(),
                            onclick: move |_| if copy.start() {
                                copied.set(false);
                                copy.run(api::copy_two_factor_secret(), move |()| copied.set(true));
                            },
                            {t("two-factor-copy-key")}
                        }
                    }
                    dl { class: "facts",
                        dt { {t("signed-in-account")} }
                        dd { id: "two-factor-account", "data-value": "true", "{shown.account}" }
                    }
                    if copied() {
                        p { id: "secret-copied", class: "success", role: "status", {t("two-factor-key-copied")} }
                    }
                }
                li {
                    form { id: "two-factor-code-form", novalidate: true, onsubmit: confirm,
                        fieldset { disabled: enable.busy(),
                            TextField { id: "two-factor-code", label: Message::new("two-factor-code-label"), value: code, autocomplete: "one-time-code", inputmode: "numeric",
                                hint: Message::new("two-factor-code-hint"), error: code_error }
                            // The copy button's failure too: one error at a time, by the form's button.
                            FormError { error: error.filter(|e| e.code != ErrorCode::OtpInvalid).or(copy.error()), context: Context::TwoFactorOn }
                            SubmitButton { id: "two-factor-enable", label: Message::new("two-factor-turn-on"), busy_label: Message::new("two-factor-turning-on"), busy: enable.busy() }
                        }
                    }
                }
            }
            p { class: "hint", {t("two-factor-secret-only-here")} }
        }
    } else {
        let error = begin.error();
        let password_error = begin
            .attempted()
            .then(|| validation::required(&password.read(), Message::new("problem-password-empty")))
            .flatten()
            .or_else(|| {
                error
                    .as_ref()
                    .filter(|e| e.code == ErrorCode::InvalidCredentials)
                    .map(|e| error_copy(e, Context::TwoFactorOn))
            });
        rsx! {
            p { class: "muted", {t("two-factor-intro")} }
            form { id: "two-factor-password-form", novalidate: true, onsubmit: start,
                fieldset { disabled: begin.busy(),
                    PasswordField { id: "password", label: Message::new("field-password"), value: password, visible, autocomplete: "current-password",
                        hint: Message::new("two-factor-password-hint"), error: password_error, autofocus: true }
                    FormError { error: error.filter(|e| e.code != ErrorCode::InvalidCredentials), context: Context::TwoFactorOn }
                    SubmitButton { id: "two-factor-begin", label: Message::new("two-factor-continue"), busy_label: Message::new("checking"), busy: begin.busy() }
                }
            }
        }
    };
    rsx! {
        section { id: section_id, class: "card", "aria-labelledby": title_id,
            h1 { id: title_id, "{title}" }
            if required && !enabled() {
                p { id: "two-factor-required-why", class: "banner", role: "status", {t("two-factor-required-intro")} }
            }
            {body}
            if required {
                nav { class: "links",
                    NavLink { id: "go-help", label: Message::new("help-and-diagnostics"), onclick: move |_| state.go(Screen::Help) }
                }
                button { id: "sign-out", class: "sign-out", r#type: "button", disabled: sign_out.busy(),
                    onclick: move |_| if sign_out.start() {
                        sign_out.run(api::sign_out(), move |view| state.apply_session(view));
                    },
                    {t(if sign_out.busy() { "signed-in-signing-out" } else { "signed-in-sign-out" })}
                }
                if let Some(problem) = sign_out.error() {
                    p { id: "sign-out-error", class: "form-error", role: "alert", "data-code": "{problem.code}",
                        {error_copy(&problem, Context::SignedIn)}
                    }
                }
            } else {
                nav { class: "links",
                    NavLink { id: "back-to-account", label: Message::new("back"), onclick: move |_| state.go(Screen::account()) }
                }
            }
        }
    }
}

/// Turning it off: a current code, `POST /users/me/tfa/disable`.
#[component]
pub fn TwoFactorOff() -> Element {
    let state = use_context::<AppState>();
    let otp = use_signal(String::new);
    let form = use_submit();

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if !form.start() || validation::otp_problem(&otp.peek()).is_some() {
            return;
        }
        let typed: String = otp.peek().chars().filter(|c| !c.is_whitespace()).collect();
        form.run(api::two_factor_disable(typed), move |_| {
            state.go(Screen::SignedIn {
                notice: Some(AccountNotice::TwoFactorOff),
            })
        });
    };

    let error = form.error();
    let otp_error = form
        .attempted()
        .then(|| validation::otp_problem(&otp.read()))
        .flatten()
        .or_else(|| {
            error
                .as_ref()
                .filter(|e| e.code == ErrorCode::OtpInvalid)
                .map(|e| error_copy(e, Context::TwoFactorOff))
        });
    rsx! {
        section { class: "card", "aria-labelledby": "two-factor-off-title",
            h1 { id: "two-factor-off-title", {t("two-factor-off-title")} }
            p { class: "muted", {t("two-factor-off-intro")} }
            form { id: "two-factor-off-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: form.busy(),
                    TextField { id: "otp", label: Message::new("sign-in-otp-label"), value: otp, autocomplete: "one-time-code", inputmode: "numeric",
                        hint: Message::new("two-factor-off-code-hint"), error: otp_error, autofocus: true }
                    FormError { error: error.filter(|e| e.code != ErrorCode::OtpInvalid), context: Context::TwoFactorOff }
                    SubmitButton { id: "two-factor-disable", label: Message::new("two-factor-turn-off"), busy_label: Message::new("two-factor-turning-off"), busy: form.busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "back-to-account", label: Message::new("back"), onclick: move |_| state.go(Screen::account()) }
            }
        }
    }
}
