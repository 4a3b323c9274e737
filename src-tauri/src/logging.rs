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

/// The rotated log in `folder`, made if need be. The folder and its files are the user's alone
/// (a log says which server the user works with, who signed in and when, and what failed):
/// `0700` and `0600` on Unix, existing ones included. On Windows the folder is below
/// `%LOCALAPPDATA%`, in the user's profile, which only the user (and the system's
/// administrators) can read, and the files take that folder's permissions.
fn open(folder: &Path) -> std::io::Result<FileRotate<AppendCount>> {
    std::fs::create_dir_all(folder)?;
    #[cfg(unix)]
    let options = {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let private = |path: &Path, mode| {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        };
        private(folder, 0o700)?;
        // Files from before this rule (rotation renames them, keeping their mode).
        for n in 0..=OLDER_FILES_KEPT {
            let name = match n {
                0 => LOG_FILE.to_string(),
                n => format!("{LOG_FILE}.{n}"),
            };
            let path = folder.join(name);
            if path.exists() {
                private(&path, 0o600)?;
            }
        }
        let mut options = std::fs::OpenOptions::new();
        // What file-rotate asks of its options, and the mode for each file it makes.
        options.read(true).create(true).append(true).mode(0o600);
        Some(options)
    };
    #[cfg(not(unix))]
    let options = None;
    Ok(FileRotate::new(
        folder.join(LOG_FILE),
        AppendCount::new(OLDER_FILES_KEPT),
        // Whole lines: a file is cut after the write that passes the size.
        ContentLimit::BytesSurpassed(MAX_FILE_BYTES),
        Compression::None,
        options,
    ))
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
    let file = folder.and_then(|folder| match open(folder) {
        Ok(file) => Some(file),
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

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::io::Write;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn the_log_folder_and_files_are_the_users_alone() {
        let root = std::env::temp_dir().join(format!("log-modes-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let folder = root.join("logs");
        // Made anew, and one left by an earlier version with the usual modes.
        let mut file = open(&folder).unwrap();
        file.write_all(b"a line\n").unwrap();
        file.flush().unwrap();
        assert_eq!(mode(&folder), 0o700);
        assert_eq!(mode(&folder.join(LOG_FILE)), 0o600);

        drop(file);
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        let older = folder.join(format!("{LOG_FILE}.1"));
        std::fs::write(&older, "older\n").unwrap();
        std::fs::set_permissions(&older, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::set_permissions(
            folder.join(LOG_FILE),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        let mut file = open(&folder).unwrap();
        // Past the size: the next write goes to a new file, made by the rotation.
        file.write_all(&vec![b'x'; MAX_FILE_BYTES + 1]).unwrap();
        file.write_all(b"after the rotation\n").unwrap();
        file.flush().unwrap();
        assert_eq!(mode(&folder), 0o700);
        for n in 1..=2 {
            let rotated = folder.join(format!("{LOG_FILE}.{n}"));
            assert_eq!(mode(&rotated), 0o600, "{}", rotated.display());
        }
        assert_eq!(mode(&folder.join(LOG_FILE)), 0o600);
        let _ = std::fs::remove_dir_all(&root);
    }
}
