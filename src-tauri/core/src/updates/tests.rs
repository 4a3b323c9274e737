//! The rules of checking and installing, over a scripted channel. The platform's updater itself
//! (the manifest over https, signatures, the download) is tested at the edge against a local
//! https server: `src-tauri/src/updater/tests.rs`.

use super::*;
use crate::settings::MemorySettings;
use crate::SettingsStore;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// A public key as `tauri signer generate` prints it, with key id `id`.
fn public_key(id: u64) -> String {
    let engine = base64::engine::general_purpose::STANDARD;
    let mut key = b"Ed".to_vec();
    key.extend_from_slice(&id.to_le_bytes());
    key.extend_from_slice(&[7; 32]);
    let file = format!(
        "untrusted comment: minisign public key: {id:016X}\n{}\n",
        engine.encode(key)
    );
    engine.encode(file)
}

fn config(manifest: &str, key: &str) -> UpdateConfig {
    serde_json::from_value(serde_json::json!({ "manifest": manifest, "publicKey": key })).unwrap()
}

#[test]
fn a_source_is_an_https_manifest_and_a_minisign_key() {
    let source = UpdateSource::from_config(
        &config(
            "https://updates.example.org/app/latest.json",
            &public_key(0xA1B2),
        ),
        Build::Release,
    )
    .unwrap();
    assert_eq!(
        source.manifest.as_str(),
        "https://updates.example.org/app/latest.json"
    );
    assert_eq!(source.key_id, "000000000000A1B2");

    let refused = [
        (
            "http://updates.example.org/latest.json",
            public_key(1),
            Build::Release,
        ),
        (
            "http://127.0.0.1:9/latest.json",
            public_key(1),
            Build::Release,
        ),
        (
            "http://updates.example.org/latest.json",
            public_key(1),
            Build::Development,
        ),
        ("file:///tmp/latest.json", public_key(1), Build::Development),
        ("not an address", public_key(1), Build::Release),
        (
            "https://updates.example.org/latest.json",
            "bm90IGEga2V5".into(),
            Build::Release,
        ),
        (
            "https://updates.example.org/latest.json",
            String::new(),
            Build::Release,
        ),
    ];
    for (manifest, key, build) in refused {
        assert!(
            UpdateSource::from_config(&config(manifest, &key), build).is_err(),
            "{manifest} {key:?} {build:?}"
        );
    }
    // A local test server over plain http, in a development build only.
    assert!(UpdateSource::from_config(
        &config("http://127.0.0.1:9/latest.json", &public_key(1)),
        Build::Development
    )
    .is_ok());
}

#[test]
fn the_app_configuration_names_updates_or_leaves_them_off() {
    let shipped =
        crate::AppConfig::parse(include_str!("../../../../app-config.json"), Build::Release)
            .unwrap();
    assert!(shipped.updates.is_none(), "the shipped app has updates off");

    let with_updates = format!(
        r#"{{"collections": {{}}, "updates": {{"manifest": "https://u.example.org/latest.json", "publicKey": "{}"}}}}"#,
        public_key(5)
    );
    let parsed = crate::AppConfig::parse(&with_updates, Build::Release).unwrap();
    assert_eq!(parsed.updates.unwrap().key_id, "0000000000000005");

    let misspelt = with_updates.replace("publicKey", "public_key");
    assert!(crate::AppConfig::parse(&misspelt, Build::Release).is_err());
    let plain_http = with_updates.replace("https://", "http://");
    assert!(crate::AppConfig::parse(&plain_http, Build::Release).is_err());
}

/// A channel that answers checks from a script and counts what it was asked.
#[derive(Default)]
struct Scripted {
    checks: Mutex<VecDeque<Result<Option<Release>, UpdateFailure>>>,
    installs: Mutex<VecDeque<Result<(), UpdateFailure>>>,
    checked: AtomicUsize,
    installed: AtomicUsize,
    /// A check waits this long, so two can overlap.
    check_time: Duration,
}

impl Scripted {
    fn answering(checks: Vec<Result<Option<Release>, UpdateFailure>>) -> Self {
        Scripted {
            checks: Mutex::new(checks.into()),
            ..Scripted::default()
        }
    }
}

impl UpdateChannel for Arc<Scripted> {
    async fn check(&self) -> Result<Option<Release>, UpdateFailure> {
        self.checked.fetch_add(1, Ordering::SeqCst);
        tokio::time::sleep(self.check_time).await;
        self.checks
            .lock()
            .unwrap()
            .pop_front()
            .expect("a scripted answer")
    }

    async fn install(&self, progress: Progress) -> Result<(), UpdateFailure> {
        self.installed.fetch_add(1, Ordering::SeqCst);
        // As a download does: each chunk after a wait, so the window sees each step.
        for bytes in [0, 500, 1000] {
            progress(InstallStage::Downloaded {
                bytes,
                total: Some(1000),
            });
            tokio::task::yield_now().await;
        }
        let result = self
            .installs
            .lock()
            .unwrap()
            .pop_front()
            .expect("a scripted install");
        if result.is_ok() {
            progress(InstallStage::Installing);
            tokio::task::yield_now().await;
        }
        result
    }
}

fn release(version: &str) -> Option<Release> {
    Some(Release {
        version: version.into(),
        notes: "Fixes.\n\u{202E}Reversed\u{7}".into(),
    })
}

fn updates(channel: &Arc<Scripted>, store: &Arc<MemorySettings>) -> Updates<Arc<Scripted>> {
    let settings = Settings::new(store.clone() as Arc<dyn SettingsStore>);
    Updates::new(Some(channel.clone()), "1.4.0", settings)
}

#[tokio::test]
async fn a_newer_version_is_offered_and_the_same_or_an_older_one_never() {
    let channel = Arc::new(Scripted::answering(vec![
        Ok(release("1.4.0")),
        Ok(release("1.3.9")),
        Ok(None),
        Ok(release("1.5.0")),
    ]));
    let store = Arc::new(MemorySettings::default());
    let updates = updates(&channel, &store);
    for _ in 0..3 {
        let view = updates.check().await;
        assert_eq!(view.available, None);
        assert_eq!(view.last_check.unwrap().outcome, UpdateOutcome::UpToDate);
    }
    let view = updates.check().await;
    let offered = view.offer().expect("a banner");
    assert_eq!(offered.version, "1.5.0");
    assert_eq!(
        offered.notes, "Fixes.\nReversed",
        "plain text, no control characters"
    );
    assert_eq!(
        view.last_check.unwrap().outcome,
        UpdateOutcome::Found {
            version: "1.5.0".into()
        }
    );
}

#[tokio::test]
async fn a_failed_check_shows_no_banner_and_is_remembered_with_its_reason() {
    let channel = Arc::new(Scripted::answering(vec![
        Ok(release("2.0.0")),
        Err(UpdateFailure::Unreachable),
        Ok(release("not-a-version")),
    ]));
    let store = Arc::new(MemorySettings::default());
    let updates = updates(&channel, &store);
    updates.check().await;
    let view = updates.check().await;
    assert_eq!(
        view.last_check.as_ref().unwrap().outcome,
        UpdateOutcome::Failed {
            reason: UpdateFailure::Unreachable
        }
    );
    assert_eq!(
        view.offer().map(|update| update.version.as_str()),
        Some("2.0.0"),
        "what an earlier check found stays offered"
    );
    let view = updates.check().await;
    assert_eq!(
        view.last_check.unwrap().outcome,
        UpdateOutcome::Failed {
            reason: UpdateFailure::BadManifest
        }
    );
    // The next start reads the last check back.
    let restarted = updates_again(&store);
    assert!(restarted.view().last_check.is_some());
    assert_eq!(restarted.view().available, None);
}

fn updates_again(store: &Arc<MemorySettings>) -> Updates<Arc<Scripted>> {
    updates(&Arc::new(Scripted::default()), store)
}

#[tokio::test]
async fn later_holds_across_a_restart_for_that_version_and_not_for_the_next() {
    let store = Arc::new(MemorySettings::default());
    let first = updates(
        &Arc::new(Scripted::answering(vec![Ok(release("1.5.0"))])),
        &store,
    );
    first.check().await;
    let view = first.postpone();
    assert!(view.available.as_ref().unwrap().postponed);
    assert!(view.offer().is_none(), "no banner after Later");

    let restarted = updates(
        &Arc::new(Scripted::answering(vec![
            Ok(release("1.5.0")),
            Ok(release("1.6.0")),
        ])),
        &store,
    );
    assert!(
        restarted.check().await.offer().is_none(),
        "still Later for 1.5.0"
    );
    let view = restarted.check().await;
    assert_eq!(
        view.offer().unwrap().version,
        "1.6.0",
        "a newer version is offered"
    );
}

#[tokio::test]
async fn two_checks_at_once_ask_the_source_once() {
    let channel = Arc::new(Scripted {
        check_time: Duration::from_millis(200),
        ..Scripted::answering(vec![Ok(release("1.5.0"))])
    });
    let store = Arc::new(MemorySettings::default());
    let updates = updates(&channel, &store);
    let (a, b) = tokio::join!(updates.check(), updates.check());
    assert_eq!(channel.checked.load(Ordering::SeqCst), 1);
    assert_eq!(a, b);
    assert_eq!(a.activity, UpdateActivity::Idle);
}

#[tokio::test]
async fn an_install_reports_its_progress_and_a_failure_leaves_the_offer() {
    let channel = Arc::new(Scripted::answering(vec![Ok(release("1.5.0"))]));
    *channel.installs.lock().unwrap() = vec![Err(UpdateFailure::Rejected), Ok(())].into();
    let store = Arc::new(MemorySettings::default());
    let updates = updates(&channel, &store);
    let nothing_found = updates.install().await;
    assert!(matches!(
        nothing_found,
        Err(CoreError::Update(UpdateFailure::NoPackage))
    ));
    assert_eq!(channel.installed.load(Ordering::SeqCst), 0);

    updates.check().await;
    let mut views = updates.subscribe();
    let error = updates.install().await.unwrap_err();
    assert_eq!(error.code(), account_bridge::ErrorCode::UpdateRejected);
    let view = updates.view();
    assert_eq!(view.activity, UpdateActivity::Idle);
    assert_eq!(view.offer().unwrap().version, "1.5.0", "offered again");
    assert!(views.has_changed().unwrap());

    let mut seen = Vec::new();
    let watcher = tokio::spawn(async move {
        let watching = async {
            while views.changed().await.is_ok() {
                let activity = views.borrow_and_update().activity;
                seen.push(activity);
                if activity == UpdateActivity::Installing {
                    break;
                }
            }
        };
        let _ = tokio::time::timeout(Duration::from_secs(5), watching).await;
        seen
    });
    updates.install().await.unwrap();
    let seen = watcher.await.unwrap();
    assert!(
        seen.contains(&UpdateActivity::Downloading { percent: Some(50) }),
        "{seen:?}"
    );
    assert_eq!(seen.last(), Some(&UpdateActivity::Installing));
}

static NOW: AtomicU64 = AtomicU64::new(1_000_000);

fn test_clock() -> u64 {
    NOW.load(Ordering::SeqCst)
}

#[tokio::test(start_paused = true)]
async fn the_schedule_checks_after_the_first_screen_then_daily() {
    let answers = (0..5).map(|_| Ok(None)).collect();
    let channel = Arc::new(Scripted::answering(answers));
    let store = Arc::new(MemorySettings::default());
    let updates = Arc::new(updates(&channel, &store).with_clock(test_clock));
    let (shown, screen) = tokio::sync::oneshot::channel::<()>();
    let schedule = tokio::spawn({
        let updates = updates.clone();
        async move {
            updates
                .run_schedule(async {
                    let _ = screen.await;
                })
                .await
        }
    });
    tokio::time::sleep(Duration::from_secs(60)).await;
    assert_eq!(
        channel.checked.load(Ordering::SeqCst),
        0,
        "not before the first screen"
    );
    shown.send(()).unwrap();
    tokio::time::sleep(FIRST_CHECK_DELAY + Duration::from_millis(10)).await;
    assert_eq!(channel.checked.load(Ordering::SeqCst), 1);

    // An hour later nothing is due; a day after the check, one is.
    tokio::time::sleep(SCHEDULE_TICK).await;
    NOW.fetch_add(SCHEDULE_TICK.as_secs(), Ordering::SeqCst);
    assert_eq!(channel.checked.load(Ordering::SeqCst), 1);
    NOW.fetch_add(CHECK_INTERVAL_SECS, Ordering::SeqCst);
    tokio::time::sleep(SCHEDULE_TICK).await;
    assert_eq!(channel.checked.load(Ordering::SeqCst), 2);
    // A clock set back counts as due.
    NOW.store(1, Ordering::SeqCst);
    tokio::time::sleep(SCHEDULE_TICK).await;
    assert_eq!(channel.checked.load(Ordering::SeqCst), 3);
    schedule.abort();
}

#[tokio::test]
async fn a_build_without_a_source_never_asks() {
    let store = Arc::new(MemorySettings::default());
    let updates: Updates<Arc<Scripted>> = Updates::new(
        None,
        "1.4.0",
        Settings::new(store.clone() as Arc<dyn SettingsStore>),
    );
    assert!(!updates.view().enabled);
    updates.run_schedule(std::future::pending()).await;
    let view = updates.check().await;
    assert_eq!(view.last_check, None);
    assert!(updates.install().await.is_err());
    let settings = Settings::new(store as Arc<dyn SettingsStore>);
    assert!(
        settings.last_update_check().is_none(),
        "nothing was written"
    );
}

/// A host that accepts the connection and never answers: the check and the download each end
/// within their bound, as `Timeout`, instead of waiting for it.
#[tokio::test]
async fn a_host_that_never_answers_times_out_within_the_bound() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let silent = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((connection, _)) = listener.accept().await {
            held.push(connection);
        }
    });
    // A development build (these tests) takes a loopback http host.
    let source = UpdateSource::from_config(
        &config(
            &format!("http://127.0.0.1:{port}/latest.json"),
            &public_key(1),
        ),
        Build::Development,
    )
    .unwrap();
    let bound = Duration::from_millis(500);
    let started = std::time::Instant::now();
    // Without a bound these would wait for ever: the test fails instead.
    let within = |call| tokio::time::timeout(Duration::from_secs(5), call);
    assert_eq!(
        within(fetch_manifest(&source, bound))
            .await
            .expect("bounded"),
        Err(UpdateFailure::Timeout)
    );
    let package: Url = format!("http://127.0.0.1:{port}/package").parse().unwrap();
    let nothing: Progress = Arc::new(|_| {});
    assert_eq!(
        tokio::time::timeout(
            Duration::from_secs(5),
            download_package(&package, 1024, bound, &nothing)
        )
        .await
        .expect("bounded"),
        Err(UpdateFailure::Timeout)
    );
    let took = started.elapsed();
    assert!(took < Duration::from_secs(5), "{took:?}");
    println!("two calls to a silent host ended in {took:?} (bound {bound:?} each)");
    silent.abort();
}
