//! Links from emails arriving as deep links: at a cold start (`get_current`) or to the running
//! app (`on_open_url`, which single-instance forwards from a second launch). The core checks
//! every one; the UI hears of each as an event and asks for a link that came before it was
//! ready (`pending_link`).

use account_bridge::{events, BridgeError};
use account_core::AccountService;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_deep_link::DeepLinkExt;

pub fn listen(app: &AppHandle) {
    // In development the scheme is registered at run time; installed builds register it in
    // their bundle (the .deb's desktop entry, the .app's Info.plist, the installer's registry keys).
    #[cfg(all(debug_assertions, any(target_os = "linux", windows)))]
    if let Err(error) = app.deep_link().register_all() {
        tracing::warn!(%error, "the link scheme could not be registered for development");
    }
    match app.deep_link().get_current() {
        Ok(Some(urls)) => urls.iter().for_each(|url| deliver(app, url.as_str())),
        Ok(None) => {}
        Err(error) => tracing::warn!(%error, "the start-up link could not be read"),
    }
    let handle = app.clone();
    app.deep_link().on_open_url(move |event| {
        for url in event.urls() {
            deliver(&handle, url.as_str());
        }
        bring_forward(&handle);
    });
}

fn deliver(app: &AppHandle, url: &str) {
    let service = app.state::<AccountService>();
    match service.link_arrived(url) {
        Ok(view) => {
            let _ = app.emit(events::LINK_OPENED, view);
        }
        Err(error) => {
            // The URL itself may hold a token: only its length is logged.
            tracing::warn!(length = url.len(), code = %error.code(), "a link was refused");
            let _ = app.emit(events::LINK_REJECTED, BridgeError::from(error));
        }
    }
}

pub fn bring_forward(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}
