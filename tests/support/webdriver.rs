//! What driving a window through WebDriver takes, for the app (tauri-driver) and for the
//! browser (chromedriver) alike: a driver process (in its own process group on Linux), a
//! session, and the element helpers the tests read like a person's steps.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// Where end-to-end screenshots are kept (named in docs/testing.md).
pub fn screenshot_dir() -> PathBuf {
    crate::app::repo_root().join("target/e2e-screenshots")
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A WebDriver server the test started (on Linux spawned with `process_group(0)`), ended with
/// every process it started: closing a session does not always end the program it drove.
pub struct DriverProcess(pub Child);

impl DriverProcess {
    /// Opens a session on the driver listening on `port`, retrying while it starts.
    pub async fn session(
        &self,
        port: u16,
        capabilities: serde_json::Map<String, serde_json::Value>,
    ) -> Client {
        let webdriver = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&webdriver)
                .await
            {
                Ok(client) => return client,
                Err(error) if Instant::now() > deadline => {
                    panic!("no WebDriver session after 30 s: {error}")
                }
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        }
    }

    #[cfg(unix)]
    pub fn end(&mut self) {
        let group = self.0.id().to_string();
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
        let _ = self.0.wait();
    }

    /// Windows has no process groups to signal: the tree under the driver (Edge's driver, the
    /// app, its web view) is ended at once. Only while the driver runs: once it has been waited
    /// for, its id may belong to another program.
    #[cfg(windows)]
    pub fn end(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = Command::new("taskkill")
                .args(["/T", "/F", "/PID", &self.0.id().to_string()])
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .status();
        }
        let _ = self.0.wait();
    }
}

impl Drop for DriverProcess {
    fn drop(&mut self) {
        self.end();
    }
}

/// Whether any process of the group is still running (zombies of our own children aside).
#[cfg(unix)]
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

/// One window under WebDriver; `name` prefixes its screenshots.
pub struct Page {
    pub client: Client,
    pub name: String,
    /// Whether the page runs scripts (a browser with JavaScript off does not).
    pub scripts: bool,
}

impl Page {
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

    /// Waits up to 20 s until `css` shows exactly `expected` (a new page replaces the old one
    /// a moment after a click).
    pub async fn wait_for_text(&self, css: &str, expected: &str) {
        self.wait_for_text_where(css, expected, |text| text == expected)
            .await
    }

    /// Waits up to 20 s until `css` shows text that contains `part`.
    pub async fn wait_for_text_containing(&self, css: &str, part: &str) {
        self.wait_for_text_where(css, part, |text| text.contains(part))
            .await
    }

    /// When the text never comes, the window is saved as target/e2e-screenshots/<test>-timeout.png.
    async fn wait_for_text_where(&self, css: &str, expected: &str, shows: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(element) = self.client.find(Locator::Css(css)).await {
                if element.text().await.is_ok_and(|text| shows(&text)) {
                    return;
                }
            }
            if Instant::now() > deadline {
                let shot = self.screenshot("timeout").await;
                panic!("{css} never showed {expected:?}: {}", shot.display());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
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
        if self.scripts {
            self.client
            .execute_async(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                vec![],
            )
            .await
            .unwrap();
        }
        let png = self.client.screenshot().await.unwrap();
        std::fs::create_dir_all(screenshot_dir()).unwrap();
        let path = screenshot_dir().join(format!("{}-{what}.png", self.name));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// Whether the element is there and shown (not `hidden`, not inside `<noscript>`).
    pub async fn is_displayed(&self, css: &str) -> bool {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => element.is_displayed().await.unwrap_or(false),
            Err(_) => false,
        }
    }
}
