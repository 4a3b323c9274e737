//! The built app, launched by tauri-driver and driven through WebDriver: with WebKitWebDriver on
//! Linux, Microsoft's Edge WebDriver on Windows (the platform workflow).

use crate::webdriver::{free_port, DriverProcess, Page};
#[cfg(unix)]
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub use crate::repo_root;

/// The app's identifier (tauri.conf.json), which names its folders.
const IDENTIFIER: &str = "io.directus.desktop.accounts";

/// The release binary `tauri build` made, unless `E2E_APP_BINARY` names another.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("E2E_APP_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            repo_root().join(format!(
                "target/release/directus-desktop{}",
                std::env::consts::EXE_SUFFIX
            ))
        });
    assert!(
        path.is_file(),
        "{} does not exist: run the tests through scripts/test, which builds the app",
        path.display()
    );
    path
}

/// Where the .deb installs the app.
pub const INSTALLED_BINARY: &str = "/usr/bin/directus-desktop";

/// One running app with its own tauri-driver and its own settings folders.
pub struct AppUnderTest {
    page: Page,
    // Declared after the page: the session closes before the driver's processes end.
    driver: DriverProcess,
}

impl std::ops::Deref for AppUnderTest {
    type Target = Page;

    fn deref(&self) -> &Page {
        &self.page
    }
}

impl AppUnderTest {
    /// Launches the app for the test `name`, with `env` added to its environment. Each test
    /// gets fresh XDG folders under target/e2e-home/, so saved settings never leak between tests
    /// (on Windows, fresh app folders: see `app_data_dir`).
    pub async fn launch(name: &str, env: &[(&str, &str)]) -> Self {
        Self::launch_with_settings(name, env, None).await
    }

    /// Like `launch`, with the app's settings.json holding `settings` (any text, valid or not).
    pub async fn launch_with_settings(
        name: &str,
        env: &[(&str, &str)],
        settings: Option<&str>,
    ) -> Self {
        let home = Self::home(name);
        let _ = std::fs::remove_dir_all(&home);
        std::fs::create_dir_all(&home).unwrap();
        if cfg!(windows) {
            assert!(
                std::env::var_os("CI").is_some(),
                "on Windows each test empties the app's own folders in %APPDATA% and \
                 %LOCALAPPDATA%: run the end-to-end tests on a throw-away machine (CI set)"
            );
            for folder in [Self::app_data_dir(name), Self::app_local_data_dir(name)] {
                let _ = std::fs::remove_dir_all(folder);
            }
        }
        if let Some(settings) = settings {
            let dir = Self::app_data_dir(name);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(dir.join("settings.json"), settings).unwrap();
        }
        Self::relaunch(name, env).await
    }

    /// Starts the app again for the test `name`, keeping its settings (a restart).
    pub async fn relaunch(name: &str, env: &[(&str, &str)]) -> Self {
        Self::relaunch_with_args(name, env, &[]).await
    }

    /// Starts the app with command-line arguments (a link, as when an email link starts it).
    pub async fn relaunch_with_args(name: &str, env: &[(&str, &str)], args: &[&str]) -> Self {
        Self::start(name, env, args, &app_binary()).await
    }

    /// Starts the copy the .deb installed (`/usr/bin/directus-desktop`) for the test `name`,
    /// keeping its settings.
    pub async fn relaunch_installed(name: &str, env: &[(&str, &str)]) -> Self {
        Self::start(name, env, &[], Path::new(INSTALLED_BINARY)).await
    }

    async fn start(name: &str, env: &[(&str, &str)], args: &[&str], program: &Path) -> Self {
        let home = Self::home(name);
        let port = free_port();
        let trusting = crate::update_host::trusting_the_update_host();
        let mut command =
            Command::new(std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()));
        command.args([
            "--port",
            &port.to_string(),
            "--native-port",
            &free_port().to_string(),
        ]);
        // Windows: msedgedriver.exe from PATH, tauri-driver's default there.
        #[cfg(unix)]
        command.args(["--native-driver", "/usr/bin/WebKitWebDriver"]);
        command
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            // The app's own log (in its log folder below XDG_DATA_HOME) at debug level, where
            // scripts/test scans it for secrets.
            .env("DIRECTUS_DESKTOP_LOG", "debug")
            // English, whatever this machine's locale, unless the test asks for another.
            .env("LANGUAGE", "en")
            // The app is built to take updates from the tests' host, which it must trust.
            .env(trusting.0, &trusting.1)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        // Its own process group: tauri-driver, WebKitWebDriver and the app end together.
        #[cfg(unix)]
        command.process_group(0);
        for (key, value) in env {
            command.env(key, value);
        }
        let driver = DriverProcess(
            command
                .spawn()
                .expect("tauri-driver did not start: is it installed (scripts/setup --tests)?"),
        );
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": program, "args": args }),
        );
        let client = driver.session(port, capabilities).await;
        AppUnderTest {
            page: Page {
                client,
                name: name.to_string(),
                scripts: true,
            },
            driver,
        }
    }

    /// Starts the binary a second time with `link`, as a mail client or `gio open` would: the
    /// running app takes the link and this second process exits. Returns whether it exited
    /// within 15 s, successfully.
    pub fn open_in_running_app(name: &str, env: &[(&str, &str)], link: &str) -> bool {
        let home = Self::home(name);
        let mut command = Command::new(app_binary());
        command
            .arg(link)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        for (key, value) in env {
            command.env(key, value);
        }
        let mut child = command.spawn().unwrap();
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = child.try_wait() {
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        false
    }

    /// Pastes `link` on the "Paste a link from an email" screen and uses it, as a customer
    /// whose mail program does not open the app would.
    pub async fn paste_link(&self, link: &str) {
        self.click("#go-paste-link").await;
        self.fill("#link", link).await;
        self.click("#use-link").await;
    }

    /// Waits for the mail to `email` with the app's `what` link (`mailbox::RESET_PASSWORD`,
    /// `mailbox::VERIFY_EMAIL`) and pastes it into the app; returns the link.
    pub async fn paste_mailed_link(&self, maildev_url: &str, email: &str, what: &str) -> String {
        let link = crate::mailbox::wait_for_app_link(maildev_url, email, what).await;
        self.paste_link(&link).await;
        link
    }

    /// The XDG folders of the test `name`.
    pub fn home(name: &str) -> PathBuf {
        repo_root().join("target/e2e-home").join(name)
    }

    /// The app's log file for the test `name`, in its log folder (as the app names it).
    pub fn log_file(name: &str) -> PathBuf {
        Self::app_local_data_dir(name).join("logs/directus-desktop.log")
    }

    /// Where the app keeps settings.json for the test `name` (the identifier's folder). Windows
    /// finds it through the system's known folders, which no environment variable moves: there
    /// every test has the real one, emptied when it launches.
    pub fn app_data_dir(name: &str) -> PathBuf {
        if cfg!(windows) {
            windows_folder("APPDATA")
        } else {
            Self::home(name).join("data").join(IDENTIFIER)
        }
    }

    /// The app's local folder (its log, the web view's data): the same as `app_data_dir` on
    /// Linux, `%LOCALAPPDATA%`'s on Windows.
    fn app_local_data_dir(name: &str) -> PathBuf {
        if cfg!(windows) {
            windows_folder("LOCALAPPDATA")
        } else {
            Self::app_data_dir(name)
        }
    }

    /// Closes the window and waits until every process of this run is gone, as a person
    /// quitting the app would (a leftover instance would take the next launch's arguments).
    pub async fn quit(mut self) {
        let _ = self.page.client.clone().close().await;
        self.driver.end();
    }
}

/// The app's folder under a Windows profile folder (`APPDATA`, `LOCALAPPDATA`).
fn windows_folder(variable: &str) -> PathBuf {
    PathBuf::from(std::env::var_os(variable).unwrap_or_else(|| panic!("{variable} is not set")))
        .join(IDENTIFIER)
}
