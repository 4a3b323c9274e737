fn main() {
    // The capabilities live under src-tauri/ while tauri.conf.json sits at the top level.
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(&[
            "server_settings",
            "test_connection",
            "change_server",
            "session_view",
            "last_email",
            "sign_in",
            "sign_out",
            "current_user",
            "register",
            "open_link",
            "pending_link",
            "verify_email",
            "request_password_reset",
            "reset_password",
            "startup_failure",
            "retry_restore",
            "accept_arrived_link",
            "discard_arrived_link",
        ]));
    tauri_build::try_build(attributes).expect("failed to run the Tauri build script");
}
