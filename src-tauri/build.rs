fn main() {
    build_facts();
    // The capabilities live under src-tauri/ while tauri.conf.json sits at the top level.
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(&[
            "startup",
            "language",
            "choose_language",
            "server_settings",
            "test_connection",
            "change_server",
            "sign_in",
            "sign_out",
            "current_user",
            "list_items",
            "read_item",
            "register",
            "open_link",
            "verify_email",
            "request_password_reset",
            "reset_password",
            "retry_restore",
            "accept_arrived_link",
            "discard_arrived_link",
            "about",
            "copy_diagnostic_report",
            "open_log_folder",
            "check_email_links",
        ]));
    // The collections list is built into the binary (src-tauri/src/lib.rs).
    println!("cargo:rerun-if-changed=app-config.json");
    tauri_build::try_build(attributes).expect("failed to run the Tauri build script");
}

/// The commit and date the binary is built from, for `--version` and the diagnostic report.
fn build_facts() {
    let commit = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    // SOURCE_DATE_EPOCH (reproducible builds) wins over the clock.
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        });
    println!("cargo:rustc-env=DIRECTUS_DESKTOP_COMMIT={commit}");
    println!(
        "cargo:rustc-env=DIRECTUS_DESKTOP_BUILT={}",
        civil_date(seconds)
    );
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
}

/// `YYYY-MM-DD` (UTC) of a Unix time: Howard Hinnant's days-to-civil algorithm.
fn civil_date(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
