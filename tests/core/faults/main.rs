//! The session over time and under faults, against the real local Directus and the real Secret
//! Service. One test binary (`core_faults`, run one test at a time by scripts/test), one module
//! for each kind of fault: the network between the core and the server (`network`), servers
//! that answer what they should not (`server_answers`), a keychain that fails or stalls
//! (`keychain`), links meeting faults (`links`), and randomised fault schedules checked against
//! invariants after every step (`schedules`). What they share stands here.

mod keychain;
mod links;
mod network;
mod schedules;
mod server_answers;

use account_bridge::SessionView;
use account_core::settings::MemorySettings;
use account_core::{AccountService, ServerUrl, SettingsStore, Vault};
use secrecy::ExposeSecret;
use std::sync::Arc;
use std::time::{Duration, Instant};
use test_support::fault_proxy::FaultProxy;
use test_support::faulty_keychain::faulty_platform_store;
use test_support::{quick_retry, service_with, Customer, LocalDirectus, TEST_KEYCHAIN_SERVICE};

fn vault() -> Arc<Vault> {
    Arc::new(Vault::new(TEST_KEYCHAIN_SERVICE))
}

/// What the keychain holds for `server`, read through a vault of its own: one for the whole
/// test binary, so the many checks share one Secret Service connection (gnome-keyring gives
/// up under thousands of new sessions a minute).
async fn stored_token(server: &str) -> Option<String> {
    static READER: std::sync::OnceLock<Arc<Vault>> = std::sync::OnceLock::new();
    let reader = READER.get_or_init(vault);
    let server = ServerUrl::parse(server).unwrap();
    // This reader is another client of the Secret Service than the session under test: an
    // entry the session deletes between this reader's search and its read comes back as "no
    // such item". Read again; the second look sees the delete.
    let mut last_error = None;
    for _ in 0..5 {
        match reader.load(&server).await {
            Ok(stored) => {
                return stored.map(|stored| stored.refresh_token.expose_secret().to_string())
            }
            Err(error) => last_error = Some(error),
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the keychain does not answer: {last_error:?}")
}

/// A customer who signed in on a fault proxy of its own (so a keychain entry of its own), then
/// closed the app; returns the email, the proxy, and the settings the next run shares.
async fn remembered_then_closed(what: &str) -> (String, FaultProxy, Arc<dyn SettingsStore>) {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, what).await;
    let proxy = FaultProxy::start(&local.url, None).await;
    let settings: Arc<dyn SettingsStore> = Arc::new(MemorySettings::default());
    let first = service_with(&proxy.url, vault(), settings.clone());
    first
        .sign_in(&customer.email, &customer.secret_password(), None)
        .await
        .unwrap();
    (customer.email, proxy, settings)
}

/// A customer signed in on a fault proxy of its own, with a keychain that can be made to fail.
struct FaultySetup {
    proxy: FaultProxy,
    switch: test_support::faulty_keychain::FaultSwitch,
    faulty: Arc<Vault>,
    settings: Arc<dyn SettingsStore>,
    service: AccountService,
}

async fn signed_in_with_faulty_keychain(what: &str) -> FaultySetup {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, what).await;
    let proxy = FaultProxy::start(&local.url, None).await;
    let (store, switch) = faulty_platform_store();
    let faulty = Arc::new(Vault::with_store(TEST_KEYCHAIN_SERVICE, store));
    let settings: Arc<dyn SettingsStore> = Arc::new(MemorySettings::default());
    let service = quick(service_with(&proxy.url, faulty.clone(), settings.clone()));
    service.start().await;
    service
        .sign_in(&customer.email, &customer.secret_password(), None)
        .await
        .unwrap();
    FaultySetup {
        proxy,
        switch,
        faulty,
        settings,
        service,
    }
}

/// Whether the keychain comes to hold the last refresh token the server gave out, within 5 s
/// (a refresh's save runs just after the refresh answers).
async fn newest_token_stored(proxy: &FaultProxy) -> bool {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if stored_token(&proxy.url).await == proxy.last_delivered_refresh_token() {
            return true;
        }
        if Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn quick(service: AccountService) -> AccountService {
    service.with_retry_policy(quick_retry()).unwrap()
}

/// A service for `url` with quick retries, the real keychain and settings of its own.
fn quick_service(url: &str) -> AccountService {
    quick(service_with(
        url,
        vault(),
        Arc::new(MemorySettings::default()),
    ))
}

/// Signed in, and remembered on this device or not (a keychain save that failed says not).
fn signed_in_remembered(remembered: bool) -> impl Fn(&SessionView) -> bool {
    move |view| matches!(view, SessionView::SignedIn { remembered: r, .. } if *r == remembered)
}

fn is_online(view: &SessionView) -> bool {
    matches!(view, SessionView::SignedIn { offline: false, .. })
}

/// Waits up to `limit` for the view to satisfy `done`, without calling anything that would
/// refresh: only the background task may bring it there.
async fn wait_for_view(
    service: &AccountService,
    limit: Duration,
    done: impl Fn(&SessionView) -> bool,
) -> Option<Duration> {
    let started = Instant::now();
    let mut views = service.subscribe();
    loop {
        if done(&views.borrow_and_update()) {
            return Some(started.elapsed());
        }
        let left = limit.checked_sub(started.elapsed())?;
        if tokio::time::timeout(left, views.changed()).await.is_err() {
            return done(&service.session_view()).then(|| started.elapsed());
        }
    }
}
