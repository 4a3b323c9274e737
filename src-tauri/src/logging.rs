//! The app's log: a file in the OS's log folder for the app, rotated by size (what a support
//! desk asks a customer for), and stderr. Lines carry time, level, module and message. No
//! secret reaches it: the core logs codes, kinds and lengths, never a token, a password, a
//! one-time code or a link's token or query.

use file_rotate::compression::Compression;
use file_rotate::suffix::AppendCount;
use file_rotate::{ContentLimit, FileRotate};
use std::path::{Path, PathBuf};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

/// The current file; older ones are `.1` (newest) to `.4`.
pub const LOG_FILE: &str = "directus-desktop.log";
const MAX_FILE_BYTES: usize = 1024 * 1024;
const OLDER_FILES_KEPT: usize = 4;

/// The level, or levels per module (e.g. `debug` or `info,account_core=debug`); `RUST_LOG`
/// works too. Info when neither is set.
pub const LEVEL_ENV: &str = "DIRECTUS_DESKTOP_LOG";

/// The OS's log folder for the app, as Tauri's `app_log_dir` names it, known before the app
/// (and its logging) starts: `~/Library/Logs/<identifier>` on macOS,
/// `<local data folder>/<identifier>/logs` elsewhere (`$XDG_DATA_HOME` or `~/.local/share` on
/// Linux, `%LOCALAPPDATA%` on Windows).
pub fn log_folder(identifier: &str) -> Option<PathBuf> {
    if cfg!(target_os = "macos") {
        dirs::home_dir().map(|home| home.join("Library/Logs").join(identifier))
    } else {
        dirs::data_local_dir().map(|data| data.join(identifier).join("logs"))
    }
}

/// Logs to stderr and, when the folder can be made, to the rotated file in it.
pub fn init(folder: Option<&Path>) {
    // `Targets` takes levels per module without a regex engine (EnvFilter's span and field
    // matching would add one to the binary for nothing a support desk uses).
    let filter = [LEVEL_ENV, "RUST_LOG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find_map(|value| value.parse::<Targets>().ok())
        .unwrap_or_else(|| Targets::new().with_default(tracing::Level::INFO));
    let file = folder.and_then(|folder| match std::fs::create_dir_all(folder) {
        Ok(()) => Some(FileRotate::new(
            folder.join(LOG_FILE),
            AppendCount::new(OLDER_FILES_KEPT),
            // Whole lines: a file is cut after the write that passes the size.
            ContentLimit::BytesSurpassed(MAX_FILE_BYTES),
            Compression::None,
            None,
        )),
        Err(error) => {
            eprintln!("the log folder {} can't be made: {error}", folder.display());
            None
        }
    });
    let file_layer = file.map(|file| {
        tracing_subscriber::fmt::layer()
            .with_ansi(false)
            .with_writer(std::sync::Mutex::new(file))
    });
    tracing_subscriber::registry()
        .with(filter)
        .with(tracing_subscriber::fmt::layer().with_writer(std::io::stderr))
        .with(file_layer)
        .init();
    // A panic is a bug that ends the app (release builds abort rather than unwind): it goes to
    // the log file too, where a support desk looks, not only to a stderr nobody sees.
    let print = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        tracing::error!(panic = %info, "the app stopped on a bug");
        print(info);
    }));
}
