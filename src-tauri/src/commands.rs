//! Tauri commands: each is one line into the core. Errors cross as `BridgeError`; no command
//! returns a token.

use crate::about::Identity;
use crate::clipboard::Clipboard;
use account_bridge::{
    AboutView, AccountView, BridgeError, EmailLinksView, ErrorCode, ItemPage, ItemQuery,
    LanguageView, LinkKind, LinkView, PasswordChanged, ServerInfoView, ServerSettingsView,
    SessionView, StartupView, TwoFactorSetup, UpdateView, UserView,
};
use account_core::{AccountService, NewAccount};
use secrecy::{ExposeSecret, SecretString};
use tauri::{AppHandle, Manager, State};
use tauri_plugin_opener::OpenerExt;

type Service<'a> = State<'a, AccountService>;
type Updates<'a> = State<'a, crate::AppUpdates>;

/// The first paint's data in one call. When the core could not start, there is no service:
/// the failure is all there is to show.
#[tauri::command]
pub fn startup(app: AppHandle) -> StartupView {
    tracing::info!(
        after_ms = crate::since_start_ms(),
        "the window asks for its first paint"
    );
    match app.try_state::<AccountService>() {
        Some(service) => service.startup_view(),
        None => StartupView::failed(
            app.state::<crate::StartupFailure>().reason(),
            account_core::language::view(None, &account_core::language::system_languages(), None),
        ),
    }
}

#[tauri::command]
pub fn language(service: Service<'_>) -> LanguageView {
    service.language_view()
}

#[tauri::command]
pub fn choose_language(service: Service<'_>, code: Option<String>) -> LanguageView {
    service.choose_language(code.as_deref())
}

#[tauri::command]
pub async fn retry_restore(service: Service<'_>) -> Result<SessionView, BridgeError> {
    Ok(service.retry_restore().await)
}

#[tauri::command]
pub fn accept_arrived_link(service: Service<'_>) -> Option<LinkView> {
    service.accept_arrived_link()
}

#[tauri::command]
pub fn discard_arrived_link(service: Service<'_>) {
    service.discard_arrived_link()
}

#[tauri::command]
pub fn server_settings(service: Service<'_>) -> ServerSettingsView {
    service.server_settings()
}

#[tauri::command]
pub async fn test_connection(
    service: Service<'_>,
    url: Option<String>,
) -> Result<ServerInfoView, BridgeError> {
    service
        .test_connection(url.as_deref())
        .await
        .map_err(BridgeError::from)
}

#[tauri::command]
pub async fn change_server(
    service: Service<'_>,
    url: String,
    link_page: Option<String>,
) -> Result<ServerSettingsView, BridgeError> {
    service
        .change_server(&url, link_page.as_deref())
        .await
        .map_err(BridgeError::from)
}

#[tauri::command]
pub async fn sign_in(
    service: Service<'_>,
    email: String,
    password: SecretString,
    otp: Option<String>,
) -> Result<SessionView, BridgeError> {
    service
        .sign_in(&email, &password, otp.as_deref())
        .await
        .map_err(BridgeError::from)
}

#[tauri::command]
pub async fn sign_out(service: Service<'_>) -> Result<SessionView, BridgeError> {
    Ok(service.sign_out().await)
}

#[tauri::command]
pub async fn current_user(service: Service<'_>) -> Result<UserView, BridgeError> {
    service.current_user().await.map_err(BridgeError::from)
}

/// A page of a collection the app's configuration lists (`app-config.json`), as the
/// signed-in user; the token is added by the core.
#[tauri::command]
pub async fn list_items(
    service: Service<'_>,
    collection: String,
    query: ItemQuery,
) -> Result<ItemPage<serde_json::Value>, BridgeError> {
    service
        .list_items(&collection, &query)
        .await
        .map_err(BridgeError::from)
}

#[tauri::command]
pub async fn read_item(
    service: Service<'_>,
    collection: String,
    id: String,
    fields: Vec<String>,
) -> Result<serde_json::Value, BridgeError> {
    service
        .read_item(&collection, &id, &fields)
        .await
        .map_err(BridgeError::from)
}

#[tauri::command]
pub async fn register(service: Service<'_>, account: NewAccount) -> Result<(), BridgeError> {
    service.register(&account).await.map_err(BridgeError::from)
}

#[tauri::command]
pub fn open_link(
    service: Service<'_>,
    text: String,
    expected: Option<LinkKind>,
) -> Result<LinkView, BridgeError> {
    service
        .open_link(&text, expected)
        .map_err(BridgeError::from)
}

#[tauri::command]
pub async fn verify_email(service: Service<'_>) -> Result<Option<String>, BridgeError> {
    service.verify_email().await.map_err(BridgeError::from)
}

#[tauri::command]
pub async fn request_password_reset(
    service: Service<'_>,
    email: String,
) -> Result<(), BridgeError> {
    service
        .request_password_reset(&email)
        .await
        .map_err(BridgeError::from)
}

#[tauri::command]
pub async fn reset_password(
    service: Service<'_>,
    password: SecretString,
) -> Result<Option<String>, BridgeError> {
    service
        .reset_password(&password)
        .await
        .map_err(BridgeError::from)
}

#[tauri::command]
pub fn about(identity: State<'_, Identity>) -> AboutView {
    identity.about()
}

/// The support desk's report, put on the clipboard from here: it never passes the webview.
#[tauri::command]
pub async fn copy_diagnostic_report(
    service: Service<'_>,
    identity: State<'_, Identity>,
    clipboard: State<'_, Clipboard>,
) -> Result<(), BridgeError> {
    let report = service.diagnose(identity.facts()).await;
    tracing::info!(problems = ?report.problems(), "diagnostic report copied");
    clipboard
        .set_text(report.localized(service.language()).to_string())
        .map_err(|error| edge_failure("the clipboard", &error))
}

/// Opens the log folder in the system's file manager; nothing else can be opened from the UI.
#[tauri::command]
pub fn open_log_folder(app: AppHandle, identity: State<'_, Identity>) -> Result<(), BridgeError> {
    let folder = identity
        .log_folder
        .clone()
        .ok_or_else(|| BridgeError::new(ErrorCode::Unexpected))?;
    tracing::info!(folder = %folder.display(), "opening the log folder");
    app.opener()
        .open_path(folder.to_string_lossy(), None::<&str>)
        .map_err(|error| edge_failure("opening the log folder", &error))
}

#[tauri::command]
pub async fn check_email_links(
    service: Service<'_>,
    identity: State<'_, Identity>,
) -> Result<EmailLinksView, BridgeError> {
    Ok(service.check_email_links(&identity.scheme).await)
}

/// The signed-in customer's own account: name (and where it is known from), two-factor.
#[tauri::command]
pub async fn account(service: Service<'_>) -> Result<AccountView, BridgeError> {
    service.account().await.map_err(BridgeError::from)
}

#[tauri::command]
pub async fn update_name(
    service: Service<'_>,
    first_name: String,
    last_name: String,
) -> Result<AccountView, BridgeError> {
    service
        .update_name(&first_name, &last_name)
        .await
        .map_err(BridgeError::from)
}

#[tauri::command]
pub async fn change_password(
    service: Service<'_>,
    current_password: SecretString,
    otp: Option<String>,
    new_password: SecretString,
) -> Result<PasswordChanged, BridgeError> {
    service
        .change_password(&current_password, otp.as_deref(), &new_password)
        .await
        .map_err(BridgeError::from)
}

/// Starts the two-factor set-up: the secret stays in the core until it is enabled or abandoned.
#[tauri::command]
pub async fn two_factor_begin(
    service: Service<'_>,
    password: SecretString,
) -> Result<TwoFactorSetup, BridgeError> {
    service
        .two_factor_begin(&password)
        .await
        .map_err(BridgeError::from)
}

#[tauri::command]
pub async fn two_factor_enable(
    service: Service<'_>,
    otp: String,
) -> Result<AccountView, BridgeError> {
    service
        .two_factor_enable(&otp)
        .await
        .map_err(BridgeError::from)
}

/// The set-up screen was left: the pending secret is forgotten.
#[tauri::command]
pub fn two_factor_abandon(service: Service<'_>) {
    service.two_factor_abandon()
}

#[tauri::command]
pub async fn two_factor_disable(
    service: Service<'_>,
    otp: String,
) -> Result<AccountView, BridgeError> {
    service
        .two_factor_disable(&otp)
        .await
        .map_err(BridgeError::from)
}

/// The pending two-factor secret, put on the clipboard from here: the copy button needs no
/// second trip of the secret through the webview.
#[tauri::command]
pub fn copy_two_factor_secret(
    service: Service<'_>,
    clipboard: State<'_, Clipboard>,
) -> Result<(), BridgeError> {
    let secret = service
        .pending_two_factor_secret()
        .map_err(BridgeError::from)?;
    tracing::info!("two-factor secret copied");
    clipboard
        .set_text(secret.expose_secret().to_string())
        .map_err(|error| edge_failure("the clipboard", &error))
}

/// A failure of the desktop itself (clipboard, file manager): logged with its detail, shown as
/// unexpected.
fn edge_failure(what: &str, error: &dyn std::fmt::Display) -> BridgeError {
    tracing::warn!(%error, "{what} failed");
    BridgeError::new(ErrorCode::Unexpected)
}

#[cfg(test)]
mod tests;

#[tauri::command]
pub fn updates(updates: Updates<'_>) -> UpdateView {
    updates.view()
}

#[tauri::command]
pub async fn check_for_updates(updates: Updates<'_>) -> Result<UpdateView, BridgeError> {
    Ok(updates.check().await)
}

#[tauri::command]
pub fn postpone_update(updates: Updates<'_>) -> UpdateView {
    updates.postpone()
}

/// Returns only when the update was not installed: on success the app restarts.
#[tauri::command]
pub async fn install_update(updates: Updates<'_>) -> Result<(), BridgeError> {
    updates.install().await.map_err(BridgeError::from)
}
