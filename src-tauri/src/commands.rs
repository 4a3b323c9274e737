//! Tauri commands: each is one line into the core. Errors cross as `BridgeError`.

use account_bridge::{BridgeError, ServerInfoView, ServerSettingsView};
use account_core::AccountService;
use tauri::State;

#[tauri::command]
pub fn server_settings(service: State<'_, AccountService>) -> ServerSettingsView {
    service.server_settings()
}

#[tauri::command]
pub async fn test_connection(
    service: State<'_, AccountService>,
) -> Result<ServerInfoView, BridgeError> {
    service.test_connection().await.map_err(BridgeError::from)
}
