//! Calls into the Tauri core. The UI receives plain view types or a `BridgeError`, never a token.

use account_bridge::BridgeError;
use serde::de::DeserializeOwned;
use serde::Serialize;

#[cfg(target_arch = "wasm32")]
mod tauri_ipc {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        // `catch`: a command that returns Err rejects the promise; without it the UI would panic.
        #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "core"], js_name = invoke, catch)]
        pub async fn invoke(command: &str, args: JsValue) -> Result<JsValue, JsValue>;

        #[wasm_bindgen(js_namespace = console, js_name = error)]
        pub fn console_error(message: &str);

        #[wasm_bindgen(js_namespace = ["window", "__TAURI__", "event"], js_name = listen, catch)]
        pub async fn listen(
            event: &str,
            handler: &Closure<dyn FnMut(JsValue)>,
        ) -> Result<JsValue, JsValue>;
    }
}

/// Calls the Tauri command `command` with `args` (a struct whose fields are the command's
/// camelCase arguments).
#[cfg(target_arch = "wasm32")]
pub async fn call<A: Serialize, R: DeserializeOwned>(
    command: &str,
    args: &A,
) -> Result<R, BridgeError> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    let args = args
        .serialize(&serializer)
        .map_err(|e| bridge_failure(format!("arguments of {command}: {e}")))?;
    match tauri_ipc::invoke(command, args).await {
        Ok(value) => serde_wasm_bindgen::from_value(value)
            .map_err(|e| bridge_failure(format!("answer of {command}: {e}"))),
        Err(value) => Err(serde_wasm_bindgen::from_value::<BridgeError>(value.clone())
            .unwrap_or_else(|_| bridge_failure(format!("{command} failed: {value:?}")))),
    }
}

/// Outside the webview (native builds of this crate for its unit tests) there is no core.
#[cfg(not(target_arch = "wasm32"))]
pub async fn call<A: Serialize, R: DeserializeOwned>(
    command: &str,
    _args: &A,
) -> Result<R, BridgeError> {
    Err(bridge_failure(format!(
        "{command}: the UI is not running inside the app"
    )))
}

/// The bridge itself failed (a bug, not a server answer): shown as an unexpected error.
fn bridge_failure(detail: String) -> BridgeError {
    web_log(&detail);
    BridgeError::new(account_bridge::ErrorCode::Unexpected)
}

fn web_log(detail: &str) {
    #[cfg(target_arch = "wasm32")]
    tauri_ipc::console_error(detail);
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("{detail}");
}

/// Calls `handler` with the payload of every `event` the core emits, for the life of the page.
#[cfg(target_arch = "wasm32")]
pub async fn on_event<T: DeserializeOwned + 'static>(
    event: &'static str,
    mut handler: impl FnMut(T) + 'static,
) {
    use wasm_bindgen::prelude::*;
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
        let payload = js_sys_get(&message, "payload");
        match serde_wasm_bindgen::from_value::<T>(payload) {
            Ok(value) => handler(value),
            Err(error) => web_log(&format!("{event}: {error}")),
        }
    });
    if let Err(error) = tauri_ipc::listen(event, &closure).await {
        web_log(&format!("listening to {event} failed: {error:?}"));
    }
    // The page listens until it closes.
    closure.forget();
}

#[cfg(target_arch = "wasm32")]
fn js_sys_get(object: &wasm_bindgen::JsValue, key: &str) -> wasm_bindgen::JsValue {
    js_sys::Reflect::get(object, &wasm_bindgen::JsValue::from_str(key))
        .unwrap_or(wasm_bindgen::JsValue::UNDEFINED)
}

#[cfg(not(target_arch = "wasm32"))]
pub async fn on_event<T: DeserializeOwned + 'static>(
    _event: &'static str,
    _handler: impl FnMut(T) + 'static,
) {
}

/// No arguments.
#[derive(Serialize)]
pub struct NoArgs {}
