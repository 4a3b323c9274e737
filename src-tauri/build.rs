fn main() {
    // The capabilities live under src-tauri/ while tauri.conf.json sits at the top level.
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(
            tauri_build::AppManifest::new().commands(&["server_settings", "test_connection"]),
        );
    tauri_build::try_build(attributes).expect("failed to run the Tauri build script");
}
