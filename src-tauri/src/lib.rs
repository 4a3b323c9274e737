//! The Tauri edge: plugins, state, and commands that are one line into the core each; and the
//! command line for support desks, handled before any of that starts.

mod about;
mod cli;
mod clipboard;
mod commands;
mod deep_links;
mod logging;
mod session_bus;
mod settings_store;
mod updater;

use about::Identity;
use account_bridge::BridgeError;
use account_core::{
    AccountService, AppConfig, Build, Configuration, CoreError, LinkTargets, Overrides, Settings,
    SettingsStore, Timeouts, Updates, Vault,
};
use std::sync::Arc;
use tauri::{Emitter, Manager};

/// The organisation's part of the configuration (`app-config.json`, next to
/// `tauri.conf.json`, or the file `DIRECTUS_DESKTOP_APP_CONFIG` names at build time): the
/// collections the screens may read and where updates come from. Built into the binary, so
/// neither the page nor a file on the customer's disk can widen it.
const APP_CONFIG: &str = include_str!(concat!(env!("OUT_DIR"), "/app-config.json"));

/// Updates through the platform's updater; off (no channel) when the build names no source.
pub type AppUpdates = Updates<updater::PluginChannel<tauri::Wry>>;

/// What went wrong while the app started, for the window to show instead of the screens.
#[derive(Default)]
pub struct StartupFailure(pub std::sync::Mutex<Option<BridgeError>>);

impl StartupFailure {
    /// Why the core is missing (it is only missing when its start failed).
    pub fn reason(&self) -> BridgeError {
        self.0
            .lock()
            .expect("never poisoned")
            .clone()
            .unwrap_or_else(|| BridgeError::new(account_bridge::ErrorCode::Unexpected))
    }
}

/// When `run` began: start-up's stages are logged against it (a support desk's "it is slow to
/// open" gets numbers).
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Milliseconds since `run` began.
pub fn since_start_ms() -> u128 {
    STARTED
        .get()
        .map_or(0, |started| started.elapsed().as_millis())
}

pub fn run() {
    STARTED.get_or_init(std::time::Instant::now);
    let mut context = tauri::generate_context!();
    let app_config = AppConfig::parse(APP_CONFIG, Build::current());
    let update_source = app_config
        .as_ref()
        .ok()
        .and_then(|config| config.updates.clone());
    let identity = Identity::from_config(context.config(), update_source.clone());
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::parse(&args) {
        cli::Invocation::App => {}
        invocation => std::process::exit(cli::run(invocation, &identity)),
    }
    logging::init(identity.log_folder.as_deref());
    tracing::info!(
        version = %identity.version,
        build = %identity.build(),
        log_folder = %identity.log_folder_text(),
        "starting"
    );
    session_bus::check();
    match &update_source {
        Some(source) => {
            tracing::info!(manifest = %source.manifest, key = %source.key_id, "updates on");
            // The plugin reads its settings from the app's configuration, and from nowhere else.
            context
                .config_mut()
                .plugins
                .0
                .insert("updater".into(), updater::plugin_config(source));
        }
        None => tracing::info!("updates off: this build names no update source"),
    }
    let (first_screen, first_screen_shown) = tokio::sync::oneshot::channel::<()>();
    let first_screen = std::sync::Mutex::new(Some(first_screen));

    let mut builder = tauri::Builder::default()
        // single-instance first: a second launch hands its arguments (a deep link) to the
        // running app and exits before any other plugin starts.
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            // The link in the arguments reaches deep_links through on_open_url.
            deep_links::bring_forward(app);
        }))
        .plugin(tauri_plugin_deep_link::init())
        .plugin(tauri_plugin_store::Builder::new().build())
        .plugin(tauri_plugin_opener::init());
    if update_source.is_some() {
        builder = builder.plugin(tauri_plugin_updater::Builder::new().build());
    }
    let result = builder
        .manage(StartupFailure::default())
        .manage(clipboard::Clipboard::default())
        .manage(identity)
        .setup(move |app| {
            tracing::info!(after_ms = since_start_ms(), "plugins ready, setting up");
            start_updates(app, update_source, first_screen_shown);
            // A failure here shows a window that says what failed, instead of ending the app.
            if let Err(error) = app_config.and_then(|config| start_core(app, config)) {
                tracing::error!(code = %error.code(), %error, "the app could not start its core");
                *app.state::<StartupFailure>()
                    .0
                    .lock()
                    .expect("never poisoned") = Some(BridgeError::from(error));
            }
            Ok(())
        })
        .on_page_load(move |_, payload| {
            if payload.event() == tauri::webview::PageLoadEvent::Finished {
                tracing::info!(after_ms = since_start_ms(), "the page has loaded");
                if let Some(shown) = first_screen.lock().expect("never poisoned").take() {
                    let _ = shown.send(());
                }
            }
        })
        // A command missing here is refused only when the window calls it: commands/tests.rs
        // fails when this list differs from account_bridge::commands::ALL.
        .invoke_handler(tauri::generate_handler![
            commands::startup,
            commands::language,
            commands::choose_language,
            commands::retry_restore,
            commands::accept_arrived_link,
            commands::discard_arrived_link,
            commands::server_settings,
            commands::test_connection,
            commands::change_server,
            commands::sign_in,
            commands::sign_out,
            commands::current_user,
            commands::list_items,
            commands::read_item,
            commands::register,
            commands::open_link,
            commands::verify_email,
            commands::request_password_reset,
            commands::reset_password,
            commands::about,
            commands::copy_diagnostic_report,
            commands::open_log_folder,
            commands::check_email_links,
            commands::account,
            commands::update_name,
            commands::change_password,
            commands::two_factor_begin,
            commands::two_factor_enable,
            commands::two_factor_abandon,
            commands::two_factor_disable,
            commands::copy_two_factor_secret,
            commands::updates,
            commands::check_for_updates,
            commands::postpone_update,
            commands::install_update,
        ])
        .build(context);
    match result {
        Ok(app) => app.run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                finish_keychain_writes(app);
            }
        }),
        Err(error) => {
            // Nothing can be shown without a window: say it where a support desk will look.
            tracing::error!(%error, "the app could not open its window");
            std::process::exit(1);
        }
    }
}

/// A refresh saves its new token in the background: one the user quits right after must still
/// reach the keychain, or the next start finds a token the server has already replaced. Bounded,
/// so a keychain that waits on an unlock prompt cannot keep the app from ending.
fn finish_keychain_writes(app: &tauri::AppHandle) {
    tauri::async_runtime::block_on(keychain_writes_finished(app));
}

async fn keychain_writes_finished<R: tauri::Runtime>(app: &tauri::AppHandle<R>) {
    let Some(service) = app.try_state::<AccountService>() else {
        return;
    };
    let finished = tokio::time::timeout(std::time::Duration::from_secs(3), service.flush()).await;
    if finished.is_err() {
        tracing::warn!("the keychain did not finish the last save before the app ended");
    }
}

/// Updates: checked once the first screen is up, then daily, and told to the window. With no
/// source, the Help screen says they are off and nothing is ever asked.
fn start_updates(
    app: &mut tauri::App,
    source: Option<account_core::UpdateSource>,
    first_screen: tokio::sync::oneshot::Receiver<()>,
) {
    let channel = source.map(|source| updater::PluginChannel::new(app.handle().clone(), source));
    let store: Arc<dyn SettingsStore> =
        Arc::new(settings_store::PluginStoreSettings(app.handle().clone()));
    let version = app.package_info().version.to_string();
    app.manage(AppUpdates::new(channel, &version, Settings::new(store)));
    let mut views = app.state::<AppUpdates>().subscribe();
    let handle = app.handle().clone();
    tauri::async_runtime::spawn(async move {
        while views.changed().await.is_ok() {
            let view = views.borrow_and_update().clone();
            let _ = handle.emit(account_bridge::events::UPDATE_CHANGED, view);
        }
    });
    let handle = app.handle().clone();
    tauri::async_runtime::spawn(async move {
        let updates = handle.state::<AppUpdates>();
        updates
            .run_schedule(async {
                let _ = first_screen.await;
            })
            .await;
    });
}

fn start_core(app: &mut tauri::App, config: AppConfig) -> Result<(), CoreError> {
    settings_store::check_settings_file(app.handle());
    let settings: Arc<dyn SettingsStore> =
        Arc::new(settings_store::PluginStoreSettings(app.handle().clone()));
    let saved = Settings::new(settings.clone()).server_choice();
    // A release build with nothing configured sends nothing: the window asks for the address.
    let configuration = Configuration::resolve(&Overrides::from_env(), &saved, Build::current());
    let url = configuration.server?;
    let source = configuration.source;
    tracing::info!(server = %url, ?source, "server URL chosen");
    let identity = app.state::<Identity>();
    let vault = Arc::new(Vault::new(identity.keychain_service()));
    let links = LinkTargets::for_scheme(&identity.scheme);
    let service = AccountService::new(url, source, Timeouts::default(), vault, links, settings)?
        .with_link_page(configuration.link_page)
        .with_collections(config.collections)
        .with_system_languages(account_core::language::system_languages());
    tracing::info!(links = ?service.link_targets(), "email links");
    let mut views = service.subscribe();
    app.manage(service);

    // The UI learns of every session change (expiry and recovery in the background included).
    let handle = app.handle().clone();
    tauri::async_runtime::spawn(async move {
        while views.changed().await.is_ok() {
            let view = views.borrow_and_update().clone();
            let _ = handle.emit(account_bridge::events::SESSION_CHANGED, view);
        }
    });
    deep_links::listen(app.handle());
    let handle = app.handle().clone();
    tauri::async_runtime::spawn(async move {
        handle.state::<AccountService>().start().await;
    });
    Ok(())
}
