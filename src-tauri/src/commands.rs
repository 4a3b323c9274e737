//! Tauri commands: each is one line into the core. Errors cross as `BridgeError`; no command
//! returns a token.

use account_bridge::{
    BridgeError, LinkKind, LinkView, ServerInfoView, ServerSettingsView, SessionView, UserView,
};
use account_core::{AccountService, NewAccount};
use secrecy::SecretString;
use tauri::State;

type Service<'a> = State<'a, AccountService>;

#[tauri::command]
pub fn startup_failure(failure: State<'_, crate::StartupFailure>) -> Option<BridgeError> {
    failure.0.lock().expect("never poisoned").clone()
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
pub fn session_view(service: Service<'_>) -> SessionView {
    service.session_view()
}

#[tauri::command]
pub fn last_email(service: Service<'_>) -> Option<String> {
    service.last_email()
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
pub fn pending_link(service: Service<'_>) -> Option<LinkView> {
    service.pending_link()
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
