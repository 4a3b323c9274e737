//! The account's own forms, reached from the account screen: edit the name, change the
//! password. (Two-factor authentication has its own module.) The email address is not offered
//! for change: Directus does not confirm a new address, so a typo would lock the customer out.

use crate::api;
use crate::components::{
    FormError, NavLink, NewPasswordFields, PasswordField, SubmitButton, TextField,
};
use crate::copy::{error_copy, Context};
use crate::form::{use_new_password, use_submit};
use crate::i18n::{t, Message};
use crate::routing::{AccountNotice, Notice, Screen};
use crate::validation;
use crate::AppState;
use account_bridge::{BridgeError, ErrorCode, PasswordChanged, SessionView};
use dioxus::prelude::*;

/// First and last name, as `PATCH /users/me` saves them; empty ones are the server's to allow
/// or refuse.
#[component]
pub fn EditName(first_name: String, last_name: String) -> Element {
    let state = use_context::<AppState>();
    let first_name = use_signal(|| first_name);
    let last_name = use_signal(|| last_name);
    let form = use_submit();

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if !form.start() {
            return;
        }
        let request = api::update_name(
            first_name.peek().trim().to_string(),
            last_name.peek().trim().to_string(),
        );
        form.run(request, move |_| {
            state.go(Screen::SignedIn {
                notice: Some(AccountNotice::NameSaved),
            })
        });
    };

    rsx! {
        section { class: "card", "aria-labelledby": "edit-name-title",
            h1 { id: "edit-name-title", {t("edit-name-title")} }
            p { class: "muted", {t("edit-name-intro")} }
            form { id: "edit-name-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: form.busy(),
                    div { class: "row",
                        TextField { id: "first-name", label: Message::new("register-first-name"), value: first_name, autocomplete: "given-name", autofocus: true }
                        TextField { id: "last-name", label: Message::new("register-last-name"), value: last_name, autocomplete: "family-name" }
                    }
                    p { id: "email-not-changeable", class: "hint", {t("edit-name-email-fixed")} }
                    FormError { error: form.error(), context: Context::EditName }
                    SubmitButton { id: "save-name", label: Message::new("edit-name-save"), busy_label: Message::new("server-saving"), busy: form.busy() }
                }
            }
            nav { class: "links",
                NavLink { id: "back-to-account", label: Message::new("back"), onclick: move |_| state.go(Screen::account()) }
            }
        }
    }
}

/// The current password (and code, when two-factor is on) checked by the server, then the new
/// password with the same fields, rules and meter as the reset screen. Directus signs every
/// session out when the password changes; the core signs this device in again with the new
/// password, and when that needs a fresh code, this screen asks for it.
#[component]
pub fn ChangePassword(ask_code: bool, in_progress: bool) -> Element {
    let state = use_context::<AppState>();
    let current = use_signal(String::new);
    let mut current_visible = use_signal(|| false);
    let otp = use_signal(String::new);
    let fields = use_new_password();
    let form = use_submit();
    // The server asked for a code the screen did not know was needed.
    let mut code_asked = use_signal(|| false);
    // Changed, but signing in with the new password here needs a fresh code: the email to sign
    // in as.
    let mut needs_fresh_code = use_signal(|| None::<String>);
    let fresh = use_signal(String::new);
    let again = use_submit();
    let with_code = ask_code || code_asked();

    let submit = move |event: FormEvent| {
        event.prevent_default();
        if !form.start() {
            return;
        }
        current_visible.set(false);
        fields.hide();
        let with_code = ask_code || *code_asked.peek();
        let [current_problem, code_problem] = problems(current, otp, with_code);
        if current_problem.is_some() || code_problem.is_some() || !fields.is_valid() {
            return;
        }
        let email = match &*state.session.peek() {
            SessionView::SignedIn { user, .. } => user.email.clone(),
            _ => state.last_email.peek().clone(),
        };
        let code = with_code.then(|| digits(&otp.peek()));
        state.set_password_change_in_progress(true);
        let sent = fields.sending(api::change_password(
            current.peek().clone(),
            code,
            fields.value(),
        ));
        // A code asked for is the next step of the form, not an error. Anything else that
        // fails leaves the password as it was: the screen is an ordinary one again.
        let request = async move {
            let answer = sent.await;
            if answer.is_err() {
                state.set_password_change_in_progress(false);
            }
            match answer {
                Ok(changed) => Ok(Some(changed)),
                Err(error) if error.code == ErrorCode::OtpRequired => Ok(None),
                Err(error) => Err(error),
            }
        };
        form.run(request, move |answer| match answer {
            Some(PasswordChanged {
                signed_in_again: true,
            }) => state.go(Screen::SignedIn {
                notice: Some(AccountNotice::PasswordChanged),
            }),
            Some(PasswordChanged {
                signed_in_again: false,
            }) => needs_fresh_code.set(Some(email)),
            None => code_asked.set(true),
        });
    };

    if let Some(email) = needs_fresh_code.read().clone() {
        let sign_in_again = {
            let email = email.clone();
            move |event: FormEvent| {
                event.prevent_default();
                if !again.start() || validation::otp_problem(&fresh.peek()).is_some() {
                    return;
                }
                let request =
                    api::sign_in(email.clone(), fields.value(), Some(digits(&fresh.peek())));
                again.run(request, move |view| {
                    state.apply_session(view);
                    state.go(Screen::SignedIn {
                        notice: Some(AccountNotice::PasswordChanged),
                    });
                });
            }
        };
        let error = again.error();
        let code_error = again
            .attempted()
            .then(|| validation::otp_problem(&fresh.read()))
            .flatten()
            .or_else(|| field_copy(error.as_ref(), ErrorCode::OtpInvalid, Context::SignIn));
        return rsx! {
            section { class: "card", "aria-labelledby": "change-password-title",
                h1 { id: "change-password-title", {t("change-password-title")} }
                p { id: "password-changed", class: "success", role: "status", {t("change-password-fresh-code-intro")} }
                form { id: "sign-in-again-form", novalidate: true, onsubmit: sign_in_again,
                    fieldset { disabled: again.busy(),
                        TextField { id: "fresh-code", label: Message::new("sign-in-otp-label"), value: fresh, autocomplete: "one-time-code", inputmode: "numeric",
                            hint: Message::new("change-password-fresh-code-hint"), error: code_error, autofocus: true }
                        FormError { error: error.filter(|e| e.code != ErrorCode::OtpInvalid), context: Context::SignIn }
                        SubmitButton { id: "sign-in-again", label: Message::new("sign-in-submit"), busy_label: Message::new("sign-in-busy"), busy: again.busy() }
                    }
                }
                nav { class: "links",
                    NavLink { id: "go-sign-in", label: Message::new("back-to-sign-in"), onclick: move |_| state.go(Screen::SignIn { email: email.clone(), notice: Some(Notice::PasswordChanged) }) }
                }
            }
        };
    }

    let error = form.error();
    let [current_problem, code_problem] = if form.attempted() {
        problems(current, otp, with_code)
    } else {
        [None, None]
    };
    let current_error = current_problem.or_else(|| {
        field_copy(
            error.as_ref(),
            ErrorCode::InvalidCredentials,
            Context::ChangePassword,
        )
    });
    let code_error = code_problem.or_else(|| {
        field_copy(
            error.as_ref(),
            ErrorCode::OtpInvalid,
            Context::ChangePassword,
        )
    });
    // Shown at their fields instead (a refused new password by the new password's).
    let form_error = error.filter(|e| {
        !matches!(
            e.code,
            ErrorCode::InvalidCredentials | ErrorCode::OtpInvalid | ErrorCode::PasswordRejected
        )
    });
    // Under way: the answer may come after the session it ended and the one that replaced it.
    let busy = form.busy() || in_progress;
    rsx! {
        section { class: "card", "aria-labelledby": "change-password-title",
            h1 { id: "change-password-title", {t("change-password-title")} }
            form { id: "change-password-form", novalidate: true, onsubmit: submit,
                fieldset { disabled: busy,
                    PasswordField { id: "current-password", label: Message::new("field-current-password"), value: current, visible: current_visible,
                        autocomplete: "current-password", error: current_error, autofocus: true }
                    if with_code {
                        TextField { id: "otp", label: Message::new("sign-in-otp-label"), value: otp, autocomplete: "one-time-code", inputmode: "numeric",
                            hint: Message::new("change-password-otp-hint"), error: code_error, autofocus: code_asked() }
                    }
                    NewPasswordFields { fields, attempted: form.attempted(), label: Message::new("field-new-password"), confirm_label: Message::new("field-confirm-new-password") }
                    p { id: "other-devices", class: "hint", {t("change-password-other-devices")} }
                    FormError { error: form_error, context: Context::ChangePassword }
                    SubmitButton { id: "save-password", label: Message::new("reset-submit"), busy_label: Message::new("reset-busy"), busy }
                }
            }
            nav { class: "links",
                NavLink { id: "back-to-account", label: Message::new("back"), onclick: move |_| state.go(Screen::account()) }
            }
        }
    }
}

/// The local problems of the current password and (when asked for) the code.
fn problems(current: Signal<String>, otp: Signal<String>, with_code: bool) -> [Option<Message>; 2] {
    [
        validation::required(
            &current.read(),
            Message::new("problem-current-password-empty"),
        ),
        if with_code {
            validation::otp_problem(&otp.read())
        } else {
            None
        },
    ]
}

/// The server's answer, worded for the field it is about, when it has `code`.
fn field_copy(error: Option<&BridgeError>, code: ErrorCode, context: Context) -> Option<Message> {
    error
        .filter(|error| error.code == code)
        .map(|error| error_copy(error, context))
}

/// A code as typed ("123 456"), as sent.
fn digits(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect()
}
