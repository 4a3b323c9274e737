//! The built app, launched by tauri-driver (with WebKitWebDriver) and driven through WebDriver.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Where end-to-end screenshots are kept (named in the README).
pub fn screenshot_dir() -> PathBuf {
    repo_root().join("target/e2e-screenshots")
}

/// The release binary `tauri build` made, unless `E2E_APP_BINARY` names another.
pub fn app_binary() -> PathBuf {
    let path = std::env::var_os("E2E_APP_BINARY")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("target/release/directus-desktop"));
    assert!(
        path.is_file(),
        "{} does not exist: run the tests through scripts/test, which builds the app",
        path.display()
    );
    path
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One running app with its own tauri-driver and its own settings folders.
pub struct AppUnderTest {
    driver: Child,
    pub client: Client,
    pub name: String,
}

impl AppUnderTest {
    /// Launches the app for the test `name`, with `env` added to its environment. Each test
    /// gets fresh XDG folders under target/e2e-home/, so saved settings never leak between tests.
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
        let home = Self::home(name);
        let port = free_port();
        let mut command =
            Command::new(std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()));
        command
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &free_port().to_string(),
            ])
            .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group: tauri-driver, WebKitWebDriver and the app end together.
            .process_group(0);
        for (key, value) in env {
            command.env(key, value);
        }
        let driver = command
            .spawn()
            .expect("tauri-driver did not start: is it installed (scripts/setup --tests)?");

        let webdriver = format!("http://127.0.0.1:{port}");
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app_binary(), "args": args }),
        );
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => break client,
                Err(error) if Instant::now() > deadline => {
                    panic!("no WebDriver session with the app after 30 s: {error}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        };
        AppUnderTest {
            driver,
            client,
            name: name.to_string(),
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

    /// The XDG folders of the test `name`.
    pub fn home(name: &str) -> PathBuf {
        repo_root().join("target/e2e-home").join(name)
    }

    /// Where the app keeps settings.json for the test `name` (the identifier's folder).
    pub fn app_data_dir(name: &str) -> PathBuf {
        Self::home(name).join("data/io.directus.desktop.accounts")
    }

    /// Waits up to 20 s for the element, then returns its text.
    pub async fn text_of(&self, css: &str) -> String {
        self.element(css).await.text().await.unwrap()
    }

    /// Waits for the element and returns it. When it does not come, the window is saved as
    /// target/e2e-screenshots/<test>-missing-<element>.png, to see what showed instead.
    pub async fn element(&self, css: &str) -> fantoccini::elements::Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => element,
            Err(error) => {
                let what: String = css
                    .chars()
                    .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
                    .collect();
                let shot = self.screenshot(&format!("missing-{what}")).await;
                panic!(
                    "{css} did not appear ({error}); the window: {}",
                    shot.display()
                )
            }
        }
    }

    /// Replaces the text of an input, typing as a person would.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.element(css).await;
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    /// Presses Enter in the element (submits its form).
    pub async fn press_enter(&self, css: &str) {
        self.element(css).await.send_keys("\u{E007}").await.unwrap();
    }

    pub async fn value_of(&self, css: &str) -> String {
        self.element(css)
            .await
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
    }

    pub async fn attribute(&self, css: &str, name: &str) -> Option<String> {
        self.element(css).await.attr(name).await.unwrap()
    }

    /// Whether the element is on the page now (no waiting).
    pub async fn is_present(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    pub async fn click(&self, css: &str) {
        self.element(css).await.click().await.unwrap();
    }

    /// Saves a PNG of the window as target/e2e-screenshots/<test>-<what>.png.
    pub async fn screenshot(&self, what: &str) -> PathBuf {
        // WebKit's screenshot can show the frame before the last DOM change: wait for two
        // animation frames so the picture matches what the test just read.
        self.client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await
            .unwrap();
        let png = self.client.screenshot().await.unwrap();
        std::fs::create_dir_all(screenshot_dir()).unwrap();
        let path = screenshot_dir().join(format!("{}-{what}.png", self.name));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Closes the window and waits until every process of this run is gone, as a person
    /// quitting the app would (a leftover instance would take the next launch's arguments).
    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        self.end_process_group();
    }

    fn end_process_group(&mut self) {
        let group = self.driver.id().to_string();
        for signal in ["-TERM", "-KILL"] {
            let _ = Command::new("kill")
                .args([signal, "--", &format!("-{group}")])
                .status();
            let deadline = Instant::now() + Duration::from_secs(5);
            while Instant::now() < deadline && group_alive(&group) {
                std::thread::sleep(Duration::from_millis(50));
            }
            if !group_alive(&group) {
                break;
            }
        }
        let _ = self.driver.wait();
    }
}

/// Whether any process of the group is still running (zombies of our own children aside).
fn group_alive(group: &str) -> bool {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return false;
    };
    entries.filter_map(|e| e.ok()).any(|entry| {
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // pid (comm) state ppid pgrp ...
        let Some(after) = stat.rsplit_once(')').map(|(_, rest)| rest) else {
            return false;
        };
        let fields: Vec<&str> = after.split_whitespace().collect();
        fields.len() > 3 && fields[3] == group && fields[0] != "Z"
    })
}

impl Drop for AppUnderTest {
    fn drop(&mut self) {
        self.end_process_group();
    }
}
