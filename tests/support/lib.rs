//! What the test binaries share: where the local test Directus is, its admin API and mail
//! sink, stand-in servers for the failure cases, and the app under WebDriver.

pub mod admin;
// The app under WebDriver: Linux and Windows. The browser and what it serves: Linux (Chromium
// in a process group of its own).
pub mod app;
#[cfg(unix)]
pub mod browser;
pub mod fault_proxy;
pub mod faulty_keychain;
pub mod faulty_server;
pub mod forged_token;
#[cfg(unix)]
pub mod hand_off;
pub mod mailbox;
pub mod os_keychain;
#[cfg(unix)]
pub mod silent_bus;
pub mod update_host;
pub mod webdriver;

use account_bridge::ServerUrlSource;
use account_core::{AccountService, LinkTargets, ServerUrl, Timeouts, Vault};
use secrecy::SecretString;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// The local test Directus and mail sink that `scripts/test` starts (`scripts/directus start
/// --test`), as it describes them in the environment.
#[derive(Debug, Clone)]
pub struct LocalDirectus {
    pub url: String,
    pub admin_email: String,
    pub admin_password: String,
    /// The admin's static token, for set-up calls that must not expire mid-test.
    pub admin_token: String,
    pub secret: String,
    pub maildev_url: String,
}

impl LocalDirectus {
    pub fn from_env() -> Self {
        let var = |name: &str| {
            std::env::var(name).unwrap_or_else(|_| {
                panic!("{name} is not set: run these tests through scripts/test, which starts the local Directus")
            })
        };
        LocalDirectus {
            url: var("DIRECTUS_URL"),
            admin_email: var("DIRECTUS_ADMIN_EMAIL"),
            admin_password: var("DIRECTUS_ADMIN_PASSWORD"),
            admin_token: var("DIRECTUS_ADMIN_TOKEN"),
            secret: var("DIRECTUS_SECRET"),
            maildev_url: var("MAILDEV_URL"),
        }
    }
}

/// The published announcements `scripts/directus-configure.mjs` seeds, newest first.
pub const NEWEST_FIRST: [&str; 7] = [
    "Planned maintenance on Saturday",
    "Security notice",
    "Holiday closing",
    "Price list for 2027",
    "Invoices by email",
    "New opening hours",
    "Welcome to the customer app",
];

/// The repository's top folder.
pub fn repo_root() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// Short timeouts, so the failure cases finish quickly.
pub fn short_timeouts() -> Timeouts {
    Timeouts {
        connect: Duration::from_secs(2),
        total: Duration::from_secs(2),
    }
}

/// The keychain service name the tests write under, apart from any real app's.
pub const TEST_KEYCHAIN_SERVICE: &str = "io.directus.desktop.accounts.tests";

/// The links the test Directus allows (scripts/directus).
pub fn app_links() -> LinkTargets {
    LinkTargets::for_scheme("directus-desktop")
}

/// What the app shell would say about itself, for the diagnostic report.
pub fn app_facts() -> account_core::diagnostics::AppFacts {
    account_core::diagnostics::AppFacts {
        name: "Directus Desktop (tests)".into(),
        version: "0.0.0".into(),
        build: "commit test, built today, debug".into(),
        os: std::env::consts::OS.into(),
        arch: std::env::consts::ARCH.into(),
        webview: "none".into(),
        log_folder: repo_root().join("target/test-logs").display().to_string(),
        scheme: "directus-desktop".into(),
        updates: None,
    }
}

/// An account service for `server_url` with the tests' keychain service.
pub fn service_for(server_url: &str) -> AccountService {
    service_with(
        server_url,
        Arc::new(Vault::new(TEST_KEYCHAIN_SERVICE)),
        Arc::new(account_core::settings::MemorySettings::default()),
    )
}

/// An account service with a given vault and settings (a "restart" passes the same settings).
pub fn service_with(
    server_url: &str,
    vault: Arc<Vault>,
    settings: Arc<dyn account_core::SettingsStore>,
) -> AccountService {
    log_to_file();
    AccountService::new(
        ServerUrl::parse(server_url).unwrap(),
        ServerUrlSource::Environment,
        Timeouts::default(),
        vault,
        app_links(),
        settings,
    )
    .unwrap()
}

/// Retries quick enough for tests: 50 ms doubling to 400 ms.
pub fn quick_retry() -> account_core::RetryPolicy {
    account_core::RetryPolicy {
        first: Duration::from_millis(50),
        max: Duration::from_millis(400),
        keychain_saves: 2,
    }
}

/// Sends the core's log lines, at debug level, to `target/test-logs/<test binary>.log`, which
/// scripts/test scans for secrets. Called by the helpers every test goes through; only the
/// first call in a process does anything.
pub fn log_to_file() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let dir = repo_root().join("target/test-logs");
        let _ = std::fs::create_dir_all(&dir);
        let name = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.file_stem().map(|s| s.to_string_lossy().to_string()))
            .unwrap_or_else(|| "tests".into());
        let Ok(file) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join(format!("{name}.log")))
        else {
            return;
        };
        let _ = tracing_subscriber::fmt()
            .with_env_filter(tracing_subscriber::EnvFilter::new("debug"))
            .with_ansi(false)
            .with_writer(std::sync::Mutex::new(file))
            .try_init();
    });
}

/// An account service that reaches the local Directus from an address of its own (through a
/// forwarder that sets X-Forwarded-For), so the registration rate limit of one test, or of an
/// earlier run, never spills into another.
pub async fn service_from_own_address(
    local: &LocalDirectus,
) -> (AccountService, fault_proxy::FaultProxy) {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let address = format!(
        "10.{}.{}.{}",
        100 + (std::process::id() % 100),
        (n / 250) % 250,
        n % 250 + 1
    );
    let proxy = fault_proxy::FaultProxy::start(&local.url, Some(&address)).await;
    (service_for(&proxy.url), proxy)
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

fn unique() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    format!("{nanos:x}{}", COUNTER.fetch_add(1, Ordering::Relaxed))
}

/// An address no other test (or earlier run) has used.
pub fn unique_email(what: &str) -> String {
    format!("{what}-{}@example.com", unique())
}

/// Every password a test uses starts with this marker, so scripts/test can prove that none
/// reached a log, a settings file or the test output.
pub const PASSWORD_MARKER: &str = "Pw-Canary-";

pub fn test_password() -> String {
    format!("{PASSWORD_MARKER}{}-long!", unique())
}

/// Text (a password, a token) as the core takes it.
pub fn secret(text: &str) -> SecretString {
    SecretString::from(text.to_string())
}

/// An active customer the admin made, with an address and a password no other test used.
pub struct Customer {
    pub id: String,
    pub email: String,
    pub password: String,
}

impl Customer {
    /// Creates the customer on the local Directus; `what` names the test in its address.
    pub async fn create(local: &LocalDirectus, what: &str) -> Customer {
        let (email, password) = (unique_email(what), test_password());
        let id = admin::Admin::new(local)
            .create_customer(&email, &password)
            .await;
        Customer {
            id,
            email,
            password,
        }
    }

    /// The password as the core's sign-in takes it.
    pub fn secret_password(&self) -> SecretString {
        secret(&self.password)
    }
}

/// Registers `email` (from an address of its own, clear of the registration limiter) and
/// returns the verification link from the mail Directus sent.
pub async fn register_and_read_verify_link(local: &LocalDirectus, email: &str) -> String {
    let (service, _proxy) = service_from_own_address(local).await;
    let account = account_core::NewAccount {
        first_name: "Grace".into(),
        last_name: "Hopper".into(),
        email: email.to_string(),
        password: test_password(),
    };
    service.register(&account).await.unwrap();
    mailbox::wait_for_app_link(&local.maildev_url, email, mailbox::VERIFY_EMAIL).await
}
