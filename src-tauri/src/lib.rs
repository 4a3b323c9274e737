//! The Tauri edge: plugins, state, and commands that are one line into the core each.

mod commands;
mod deep_links;
mod settings_store;

use account_core::{
    links::resolve_link_page, resolve_server_url, AccountService, LinkTargets, Timeouts, Vault,
    LINK_PAGE_ENV, SERVER_URL_ENV,
};
use std::sync::Arc;
use tauri::{Emitter, Manager};

/// The event the UI listens to for session changes.
const SESSION_CHANGED_EVENT: &str = "session-changed";

/// The scheme the deep-link plugin registers (tauri.conf.json), which the emailed links use.
fn link_scheme(config: &tauri::Config) -> String {
    config
        .plugins
        .0
        .get("deep-link")
        .and_then(|deep_link| deep_link.pointer("/desktop/schemes/0"))
        .and_then(|scheme| scheme.as_str())
        .unwrap_or("directus-desktop")
        .to_string()
}

/// Development builds keep their secrets apart from an installed release build.
fn keychain_service(identifier: &str) -> String {
    if cfg!(debug_assertions) {
        format!("{identifier}.dev")
    } else {
        identifier.to_string()
    }
}

pub fn run() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,directus_desktop=debug,account_core=debug".into()),
        )
        .init();

    tauri::Builder::default()
        // single-instance first: a second launch hands its arguments (a deep link) to the
        // running app and exits before any other plugin starts.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            // The link in the arguments reaches deep_links through on_open_url.
            deep_links::bring_forward(app);
        }))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_store::Builder::new().build())
        .setup(|app| {
            settings_store::check_settings_file(app.handle());
            let settings = Arc::new(settings_store::PluginStoreSettings(app.handle().clone()));
            let from_env = std::env::var(SERVER_URL_ENV).ok();
            let saved = settings_store::saved_server_url(&settings);
            let (url, source) = resolve_server_url(from_env.as_deref(), saved.as_deref());
            tracing::info!(server = %url, ?source, "server URL chosen");
            let config = app.config();
            let vault = Arc::new(Vault::new(keychain_service(&config.identifier)));
            let links = LinkTargets::for_scheme(&link_scheme(config));
            let link_page = resolve_link_page(
                std::env::var(LINK_PAGE_ENV).ok().as_deref(),
                settings_store::saved_link_page(&settings).as_deref(),
            );
            let service =
                AccountService::new(url, source, Timeouts::default(), vault, links, settings)?
                    .with_link_page(link_page);
            tracing::info!(links = ?service.link_targets(), "email links");
            let mut views = service.subscribe();
            app.manage(service);

            // The UI learns of every session change (expiry in the background included).
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                while views.changed().await.is_ok() {
                    let view = views.borrow_and_update().clone();
                    let _ = handle.emit(SESSION_CHANGED_EVENT, view);
                }
            });
            deep_links::listen(app.handle());
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                handle.state::<AccountService>().start().await;
            });
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::server_settings,
            commands::test_connection,
            commands::change_server,
            commands::session_view,
            commands::last_email,
            commands::sign_in,
            commands::sign_out,
            commands::current_user,
            commands::register,
            commands::open_link,
            commands::pending_link,
            commands::verify_email,
            commands::request_password_reset,
            commands::reset_password,
        ])
        .run(tauri::generate_context!())
        .expect("error while running the app");
}
