use account_bridge::commands;

/// Where the window's permission set is written: with the `allow-<name>` permissions
/// tauri-build writes for each command, which it reads after this script has run.
const PERMISSION_SET_FILE: &str = "permissions/app-commands.json";

fn main() {
    build_facts();
    write_permission_set();
    // The capabilities live under src-tauri/ while tauri.conf.json sits at the top level. With
    // its own pattern tauri-build does not watch them: without this line a changed capability
    // would leave the app built with the old one.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes = tauri_build::Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(commands::ALL));
    app_config();
    tauri_build::try_build(attributes).expect("failed to run the Tauri build script");
}

/// The permission set that allows every command of the bridge's list, so the window's
/// capability names the set and a new command needs no line there. Written only when it
/// changes: tauri-build reruns this script whenever `permissions/` changes.
fn write_permission_set() {
    let permissions = commands::ALL
        .iter()
        .map(|name| format!("        \"{}\"", commands::allow_permission(name)))
        .collect::<Vec<_>>()
        .join(",\n");
    let text = format!(
        r#"{{
  "set": [
    {{
      "identifier": "{}",
      "description": "Every command of the app: written by src-tauri/build.rs from account_bridge::commands::ALL, not by hand.",
      "permissions": [
{permissions}
      ]
    }}
  ]
}}
"#,
        commands::PERMISSION_SET
    );
    if std::fs::read_to_string(PERMISSION_SET_FILE).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(PERMISSION_SET_FILE, text)
            .unwrap_or_else(|error| panic!("writing {PERMISSION_SET_FILE}: {error}"));
    }
}

/// The organisation's configuration, built into the binary (src-tauri/src/lib.rs):
/// `app-config.json`, or the file `DIRECTUS_DESKTOP_APP_CONFIG` names (an organisation that keeps
/// its configuration outside the repository; the tests' build with a local update host).
fn app_config() {
    const NAMED: &str = "DIRECTUS_DESKTOP_APP_CONFIG";
    println!("cargo:rerun-if-env-changed={NAMED}");
    let path = std::env::var(NAMED).unwrap_or_else(|_| "app-config.json".into());
    println!("cargo:rerun-if-changed={path}");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("reading {path}: {error}"));
    let out = std::path::Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("app-config.json");
    if std::fs::read_to_string(&out).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&out, text).unwrap_or_else(|error| panic!("writing {out:?}: {error}"));
    }
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
