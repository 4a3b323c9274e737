//! The pieces every form uses: labelled fields, a password field with show/hide and a
//! caps-lock warning, the submit button, and announced errors.

use dioxus::prelude::*;

/// A labelled input. Its error is tied to it (`aria-describedby`) and announced.
#[component]
pub fn TextField(
    id: &'static str,
    label: &'static str,
    value: Signal<String>,
    #[props(default = "text")] kind: &'static str,
    #[props(default = "off")] autocomplete: &'static str,
    #[props(default)] error: Option<String>,
    #[props(default)] hint: Option<String>,
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
            label { r#for: id, "{label}" }
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
                p { id: hint_id, class: "hint", "{hint}" }
            }
            if let Some(error) = error {
                p { id: error_id, class: "field-error", role: "alert", "{error}" }
            }
        }
    }
}

/// A password input with a Show/Hide button (a real button, tied to the input) and a warning
/// while Caps Lock is on. The caller re-masks it on submit by setting `visible` to false.
#[component]
pub fn PasswordField(
    id: &'static str,
    label: &'static str,
    value: Signal<String>,
    visible: Signal<bool>,
    autocomplete: &'static str,
    #[props(default)] error: Option<String>,
    #[props(default)] hint: Option<String>,
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
    let toggle_label = if shown {
        "Hide password"
    } else {
        "Show password"
    };
    rsx! {
        div { class: "field",
            label { r#for: id, "{label}" }
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
                    if shown { "Hide" } else { "Show" }
                }
            }
            if caps_lock() {
                p { id: caps_id, class: "warning", role: "status", "Caps Lock is on." }
            }
            if let Some(hint) = hint {
                p { id: hint_id, class: "hint", "{hint}" }
            }
            if let Some(error) = error {
                p { id: error_id, class: "field-error", role: "alert", "{error}" }
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
    label: &'static str,
    busy_label: &'static str,
    busy: bool,
) -> Element {
    rsx! {
        button { id: id, class: "primary", r#type: "submit", disabled: busy, "aria-busy": if busy { "true" } else { "false" },
            if busy { "{busy_label}" } else { "{label}" }
        }
    }
}

/// An error about the whole form (from the server), announced.
#[component]
pub fn FormError(error: Option<String>, #[props(default)] code: Option<String>) -> Element {
    rsx! {
        if let Some(error) = error {
            p { id: "form-error", class: "form-error", role: "alert", "data-code": code.unwrap_or_default(), "{error}" }
        }
    }
}

/// A link-styled button that moves to another screen.
#[component]
pub fn NavLink(id: &'static str, label: &'static str, onclick: EventHandler<()>) -> Element {
    rsx! {
        button { id: id, class: "link", r#type: "button", onclick: move |_| onclick.call(()), "{label}" }
    }
}
