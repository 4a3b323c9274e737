//! The pieces every form uses: labelled fields, a password field with show/hide and a
//! caps-lock warning, a new password with its confirmation, the paste-a-link field, the submit
//! button, and announced errors; and a message with an emphasised part. Every piece takes its
//! words as [`Message`]s and formats them itself.

use crate::api;
use crate::copy::{error_copy, Context};
use crate::form::NewPassword;
use crate::i18n::{t, Message};
use crate::validation::strength;
use crate::AppState;
use account_bridge::{BridgeError, ErrorCode};
use dioxus::prelude::*;

/// A labelled input. Its error is tied to it (`aria-describedby`) and announced.
#[component]
pub fn TextField(
    id: &'static str,
    label: Message,
    value: Signal<String>,
    #[props(default = "text")] kind: &'static str,
    #[props(default = "off")] autocomplete: &'static str,
    #[props(default)] error: Option<Message>,
    #[props(default)] hint: Option<Message>,
    #[props(default)] autofocus: bool,
    #[props(default)] inputmode: Option<&'static str>,
) -> Element {
    let invalid = if error.is_some() { "true" } else { "false" };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = match (&error, &hint) {
        (Some(_), _) => error_id.clone(),
        (None, Some(_)) => hint_id.clone(),
        _ => String::new(),
    };
    rsx! {
        div { class: "field",
            label { r#for: id, {label} }
            input {
                id: id,
                name: id,
                r#type: kind,
                autocomplete: autocomplete,
                inputmode: inputmode,
                // Uncontrolled: a controlled value re-set on every render drops keys typed fast.
                initial_value: value.peek().clone(),
                "aria-invalid": invalid,
                "aria-describedby": described,
                oninput: move |event| value.set(event.value()),
                onmounted: move |event| async move {
                    if autofocus {
                        let _ = event.set_focus(true).await;
                    }
                },
            }
            if let Some(hint) = hint {
                p { id: hint_id, class: "hint", {hint} }
            }
            if let Some(error) = error {
                p { id: error_id, class: "field-error", role: "alert", {error} }
            }
        }
    }
}

/// A password input with a Show/Hide button (a real button, tied to the input) and a warning
/// while Caps Lock is on. The caller re-masks it on submit by setting `visible` to false.
#[component]
pub fn PasswordField(
    id: &'static str,
    label: Message,
    value: Signal<String>,
    visible: Signal<bool>,
    autocomplete: &'static str,
    #[props(default)] error: Option<Message>,
    #[props(default)] hint: Option<Message>,
    #[props(default)] autofocus: bool,
) -> Element {
    let mut caps_lock = use_signal(|| false);
    let invalid = if error.is_some() { "true" } else { "false" };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let caps_id = format!("{id}-caps");
    let described = [
        error.as_ref().map(|_| error_id.clone()),
        hint.as_ref().map(|_| hint_id.clone()),
        caps_lock().then(|| caps_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let shown = visible();
    let toggle_label = t(if shown {
        "password-hide-label"
    } else {
        "password-show-label"
    });
    rsx! {
        div { class: "field",
            label { r#for: id, {label} }
            div { class: "password-row",
                input {
                    id: id,
                    name: id,
                    r#type: if shown { "text" } else { "password" },
                    autocomplete: autocomplete,
                    // Uncontrolled: a controlled value re-set on every render drops keys typed fast.
                    initial_value: value.peek().clone(),
                    spellcheck: "false",
                    "aria-invalid": invalid,
                    "aria-describedby": described,
                    oninput: move |event| value.set(event.value()),
                    onkeydown: move |event| caps_lock.set(caps_lock_on(&event)),
                    onkeyup: move |event| caps_lock.set(caps_lock_on(&event)),
                    onblur: move |_| caps_lock.set(false),
                    onmounted: move |event| async move {
                        if autofocus {
                            let _ = event.set_focus(true).await;
                        }
                    },
                }
                button {
                    id: "{id}-toggle",
                    class: "toggle",
                    r#type: "button",
                    "aria-controls": id,
                    "aria-pressed": if shown { "true" } else { "false" },
                    "aria-label": toggle_label,
                    onclick: move |_| visible.set(!shown),
                    {t(if shown { "password-hide" } else { "password-show" })}
                }
            }
            if caps_lock() {
                p { id: caps_id, class: "warning", role: "status", {t("caps-lock-on")} }
            }
            if let Some(hint) = hint {
                p { id: hint_id, class: "hint", {hint} }
            }
            if let Some(error) = error {
                p { id: error_id, class: "field-error", role: "alert", {error} }
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn caps_lock_on(event: &KeyboardEvent) -> bool {
    event
        .data()
        .downcast::<web_sys::KeyboardEvent>()
        .is_some_and(|key| key.get_modifier_state("CapsLock"))
}

#[cfg(not(target_arch = "wasm32"))]
fn caps_lock_on(_event: &KeyboardEvent) -> bool {
    false
}

/// The form's submit button: says what is happening while the request runs.
#[component]
pub fn SubmitButton(
    id: &'static str,
    /// What it does, and what it says while doing it.
    label: Message,
    busy_label: Message,
    busy: bool,
) -> Element {
    rsx! {
        button { id: id, class: "primary", r#type: "submit", disabled: busy, "aria-busy": if busy { "true" } else { "false" },
            if busy { {busy_label} } else { {label} }
        }
    }
}

/// An error about the whole form, from the server, announced. Errors about one field (a
/// refused password, a wrong one-time code) are shown by that field instead.
#[component]
pub fn FormError(error: Option<BridgeError>, context: Context) -> Element {
    let Some(error) = error.filter(|error| error.field.is_none()) else {
        return rsx! {};
    };
    rsx! {
        p { id: "form-error", class: "form-error", role: "alert", "data-code": "{error.code}",
            {error_copy(&error, context)}
        }
    }
}

/// A link-styled button that moves to another screen.
#[component]
pub fn NavLink(id: &'static str, label: Message, onclick: EventHandler<()>) -> Element {
    rsx! {
        button { id: id, class: "link", r#type: "button", onclick: move |_| onclick.call(()), {label} }
    }
}

/// A message with one of its variables shown emphasised, in its own element: the address a
/// link was sent to, the project's name. The message places it, as where it goes differs by
/// language. The value is marked `data-value`: it is data, not the app's words.
#[component]
pub fn EmphasisedMessage(
    message: Message,
    /// The variable shown emphasised, and its value.
    variable: &'static str,
    value: String,
    /// The emphasised element's id, when something looks for it.
    #[props(default)]
    id: Option<&'static str>,
) -> Element {
    let (before, after) = message.around(variable);
    rsx! {
        {before}
        strong { id: id, "data-value": "true", "{value}" }
        {after}
    }
}

/// A new password and its confirmation (register, reset): show/hide and caps-lock on each, the
/// rules, a strength meter, and the server's refusal next to the password it refused.
#[component]
pub fn NewPasswordFields(
    fields: NewPassword,
    /// Whether the form was submitted once: local problems show from then on.
    attempted: bool,
    /// The two labels.
    #[props(default = Message::new("field-password"))]
    label: Message,
    #[props(default = Message::new("field-confirm-password"))] confirm_label: Message,
    #[props(default)] autofocus: bool,
) -> Element {
    let (local_problem, confirm_problem) = if attempted {
        fields.problems()
    } else {
        (None, None)
    };
    let refused = fields.refused_now();
    let password_error = local_problem.or_else(|| {
        refused.then(|| {
            error_copy(
                &BridgeError::new(ErrorCode::PasswordRejected),
                Context::Register,
            )
        })
    });
    let (hint, meter) = {
        let typed = fields.password.read();
        if refused {
            (
                Message::new("password-strength-refused"),
                "strength refused",
            )
        } else if typed.is_empty() {
            (Message::new("password-hint-empty"), "strength")
        } else {
            let strength = strength(&typed);
            (
                Message::new("password-strength").with("strength", strength.key()),
                strength.class(),
            )
        }
    };
    rsx! {
        PasswordField { id: "password", label, value: fields.password, visible: fields.visible, autocomplete: "new-password", error: password_error, hint, autofocus }
        div { id: "password-strength", class: "{meter}", "aria-hidden": "true" }
        PasswordField { id: "confirm", label: confirm_label, value: fields.confirm, visible: fields.confirm_visible, autocomplete: "new-password", error: confirm_problem }
    }
}

/// The text area a link or code from an email is pasted into.
#[component]
pub fn PasteLinkField(value: Signal<String>, #[props(default)] error: Option<Message>) -> Element {
    let (described, invalid) = if error.is_some() {
        ("link-error", "true")
    } else {
        ("", "false")
    };
    rsx! {
        div { class: "field",
            label { r#for: "link", {t("paste-field-label")} }
            textarea { id: "link", name: "link", "data-value": "true", rows: "3", spellcheck: "false", autocomplete: "off",
                "aria-invalid": invalid,
                "aria-describedby": described,
                // Uncontrolled, like the other fields.
                initial_value: value.peek().clone(),
                oninput: move |event| value.set(event.value()),
                onmounted: move |event| async move { let _ = event.set_focus(true).await; },
            }
            if let Some(error) = error {
                p { id: "link-error", class: "field-error", role: "alert", {error} }
            }
        }
    }
}

/// The language picker (sign-in and server screens): "Automatic" (the system's language, else
/// the server's) and each language by its own name. The change applies at once and is saved.
#[component]
pub fn LanguagePicker() -> Element {
    let state = use_context::<AppState>();
    let Some(view) = state.language.read().clone() else {
        return rsx! {};
    };
    let automatic = view
        .available
        .iter()
        .find(|option| option.code == view.automatic)
        .map_or(view.automatic.clone(), |option| option.name.clone());
    let selected = view.choice.clone().unwrap_or_default();
    let choose = move |event: FormEvent| {
        let code = Some(event.value()).filter(|code| !code.is_empty());
        spawn(async move {
            if let Ok(view) = api::choose_language(code).await {
                state.apply_language(view);
            }
        });
    };
    rsx! {
        div { class: "language",
            label { r#for: "language", {t("language-label")} }
            select { id: "language", onchange: choose,
                option { value: "", selected: selected.is_empty(),
                    {Message::new("language-automatic").with("language", automatic)}
                }
                for option in view.available {
                    option { key: "{option.code}", value: "{option.code}", lang: "{option.code}", "data-value": "true",
                        selected: selected == option.code, "{option.name}" }
                }
            }
        }
    }
}
