//! Debian's Chromium, headless, through its chromedriver: for the hand-off page, which people
//! open in a browser.

use crate::webdriver::{free_port, DriverProcess, Page};
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};

pub struct Browser {
    page: Page,
    driver: DriverProcess,
    // The profile folder lives as long as the browser.
    _profile: std::path::PathBuf,
}

impl std::ops::Deref for Browser {
    type Target = Page;

    fn deref(&self) -> &Page {
        &self.page
    }
}

impl Browser {
    /// A fresh headless Chromium for the test `name`, with JavaScript on or off, in English.
    pub async fn launch(name: &str, javascript: bool) -> Self {
        Self::launch_in(name, javascript, "en-US").await
    }

    /// The same, for a visitor whose browser asks for `language` first (e.g. "de-DE").
    pub async fn launch_in(name: &str, javascript: bool, language: &str) -> Self {
        let port = free_port();
        let driver = DriverProcess(
            Command::new("/usr/bin/chromedriver")
                .arg(format!("--port={port}"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .process_group(0)
                .spawn()
                .expect("chromedriver did not start: is it installed (scripts/setup --tests)?"),
        );
        // Outside target/e2e-home, whose files are searched for tokens: the browser is
        // meant to see the link's token.
        let profile = crate::app::repo_root()
            .join("target/chromium-profiles")
            .join(name);
        let _ = std::fs::remove_dir_all(&profile);
        std::fs::create_dir_all(&profile).unwrap();
        let mut args = vec![
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-default-apps".into(),
            "--disable-sync".into(),
            "--no-first-run".into(),
            "--window-size=900,800".into(),
            format!("--lang={language}"),
            format!("--user-data-dir={}", profile.display()),
        ];
        if !javascript {
            args.push("--blink-settings=scriptEnabled=false".into());
        }
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), "chrome".into());
        capabilities.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": args,
                // The page's deep link would bring up the browser's "Open the app?" prompt,
                // which takes the clicks that follow; the tests read the link instead.
                "prefs": {
                    "protocol_handler": { "excluded_schemes": {
                        "directus-desktop": true, "directus-desktop-dev": true
                    } },
                    "intl": { "accept_languages": language },
                },
            }),
        );
        let client = driver.session(port, capabilities).await;
        Browser {
            page: Page {
                client,
                name: name.to_string(),
                scripts: javascript,
            },
            driver,
            _profile: profile,
        }
    }

    pub async fn open(&self, url: &str) {
        self.page.client.goto(url).await.unwrap();
    }

    pub async fn quit(mut self) {
        let _ = self.page.client.clone().close().await;
        self.driver.end();
    }
}
