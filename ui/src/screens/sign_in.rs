//! Sign in, with the one-time code asked only when the server wants it.

use crate::api;
use crate::components::{
    FormError, LanguagePicker, NavLink, PasswordField, SubmitButton, TextField,
};
use crate::copy::{self, error_copy, Context};
use crate::form::{use_submit, Submit};
use crate::i18n::{t, Message};
use crate::routing::{Notice, Screen};
use crate::validation;
use crate::AppState;
use account_bridge::{ErrorCode, SessionView};
use dioxus::prelude::*;

#[component]
pub fn SignIn(email: String, notice: Option<Notice>) -> Element {
    let state = use_context::<AppState>();
    let start_with = if email.is_empty() {
        state.last_email.peek().clone()
    } else {
        email
    };
    let email = use_signal(|| start_with);
    let password = use_signal(String::new);
    let otp = use_signal(String::new);
    let mut visible = use_signal(|| false);
    // The email the server asked a code for; editing the email hides the code field again.
    let mut otp_for = use_signal(|| None::<String>);
    // Whether a submit included the code field: its "enter the code" waits until then.
    let mut code_tried = use_signal(|| false);
    let form = use_submit();

    let needs_otp = otp_for.read().as_deref() == Some(email.read().trim());
    let reason = match &*state.session.read() {
        SessionView::SignedOut { reason, .. } => *reason,
        _ => None,
    };
    let banner = copy::sign_in_banner(notice, reason);

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if !form.start() {
            return;
        }
        visible.set(false);
        let needs_otp = otp_for.peek().as_deref() == Some(email.peek().trim());
        code_tried.set(needs_otp);
        if problems(email, password, otp, needs_otp)
            .iter()
            .any(Option::is_some)
        {
            return;
        }
        let address = email.peek().trim().to_string();
        let code = needs_otp.then(|| otp.peek().chars().filter(|c| !c.is_whitespace()).collect());
        let request = api::sign_in(address.clone(), password.peek().clone(), code);
        // A code asked for is the next step of the form, not an error.
        let request = async move {
            match request.await {
                Ok(view) => Ok(Some(view)),
                Err(error) if error.code == ErrorCode::OtpRequired => Ok(None),
                Err(error) => Err(error),
            }
        };
        form.run(request, move |signed_in| match signed_in {
            Some(view) => state.apply_session(view),
            None => otp_for.set(Some(address)),
        });
    };

    let [email_error, password_error, otp_error] = if form.attempted() {
        problems(email, password, otp, needs_otp && code_tried())
    } else {
        [None, None, None]
    };
    let error = form.error();
    let otp_error = otp_error.or_else(|| {
        error
            .as_ref()
            .filter(|e| e.code == ErrorCode::OtpInvalid)
            .map(|e| error_copy(e, Context::SignIn))
    });
    rsx! {
        section { class: "card", "aria-labelledby": "sign-in-title",
            h1 { id: "sign-in-title", {t("sign-in-title")} }
            if let Some(banner) = banner {
                p { id: "banner", class: "banner", role: "status", {banner} }
            }
            KeychainNotice {}
            form { id: "sign-in-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: form.busy(),
                    TextField { id: "email", label: Message::new("field-email"), value: email, kind: "email", autocomplete: "username", error: email_error, autofocus: email.peek().is_empty() }
                    PasswordField { id: "password", label: Message::new("field-password"), value: password, visible, autocomplete: "current-password", error: password_error, autofocus: !email.peek().is_empty() }
                    if needs_otp {
                        TextField {
                            id: "otp",
                            label: Message::new("sign-in-otp-label"),
                            value: otp,
                            autocomplete: "one-time-code",
                            inputmode: "numeric",
                            hint: Message::new("sign-in-otp-hint"),
                            error: otp_error,
                            autofocus: true,
                        }
                    }
                    FormError { error, context: Context::SignIn }
                    SubmitButton { id: "sign-in", label: Message::new("sign-in-submit"), busy_label: Message::new("sign-in-busy"), busy: form.busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "go-forgot", label: Message::new("sign-in-forgot"), onclick: move |_| {
                    state.go(Screen::Forgot { email: email.peek().trim().to_string() });
                } }
                NavLink { id: "go-register", label: Message::new("sign-in-register"), onclick: move |_| {
                    state.go(Screen::Register { email: email.peek().trim().to_string() });
                } }
                NavLink { id: "go-paste-link", label: Message::new("sign-in-paste-link"), onclick: move |_| {
                    state.go(Screen::PasteLink { expected: None, problem: None });
                } }
                NavLink { id: "go-server", label: Message::new("sign-in-server"), onclick: move |_| state.go(Screen::Server) }
                NavLink { id: "go-help", label: Message::new("sign-in-help"), onclick: move |_| state.go(Screen::Help) }
            }
            LanguagePicker {}
        }
    }
}

/// The local problems of the email, password and (when asked for) one-time code.
fn problems(
    email: Signal<String>,
    password: Signal<String>,
    otp: Signal<String>,
    needs_otp: bool,
) -> [Option<Message>; 3] {
    [
        validation::email_problem(&email.read()),
        validation::required(&password.read(), Message::new("problem-password-empty")),
        if needs_otp {
            validation::otp_problem(&otp.read())
        } else {
            None
        },
    ]
}

/// The keychain failed while signed out: at start-up (a locked keychain: "Try again" reads it
/// again), or while deleting the session at sign-out (the app keeps trying by itself).
#[component]
fn KeychainNotice() -> Element {
    let state = use_context::<AppState>();
    let retry: Submit = use_submit();
    let SessionView::SignedOut {
        reason,
        keychain_problem: Some(problem),
    } = state.session.read().clone()
    else {
        return rsx! {};
    };
    if reason.is_some() {
        return rsx! {
            p { id: "keychain-problem", class: "warning", role: "status",
                {t("sign-in-keychain-not-removed")}
            }
        };
    }
    let try_again = move |_| {
        if retry.start() {
            retry.run(api::retry_restore(), move |view| state.apply_session(view));
        }
    };
    rsx! {
        div { id: "keychain-problem", class: "warning", role: "status",
            p { {error_copy(&problem, Context::SignIn)} }
            button { id: "retry-keychain", r#type: "button", disabled: retry.busy(), onclick: try_again,
                {t(if retry.busy() { "trying" } else { "try-again" })}
            }
        }
    }
}
