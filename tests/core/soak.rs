//! Sign-in → use → sign-out, over and over, in one process against the local Directus and the
//! real Secret Service: memory stays flat, and nothing is left behind in the keychain or in
//! Directus's sessions. `SOAK_CYCLES` sets how many (1,000 for the benchmark docs/testing.md names;
//! the test command runs a short share).

use account_bridge::SessionView;
use account_core::settings::MemorySettings;
use account_core::{ServerUrl, Vault};
use secrecy::SecretString;
use std::sync::Arc;
use std::time::Instant;
use test_support::admin::Admin;
use test_support::{
    service_with, test_password, unique_email, LocalDirectus, TEST_KEYCHAIN_SERVICE,
};

/// Resident memory of this process, in KiB (`VmRSS` in /proc/self/status).
fn resident_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .expect("VmRSS in /proc/self/status")
}

/// Directus's stored sessions of `user_id`, counted in its SQLite database.
fn server_sessions_of(user_id: &str) -> u64 {
    let state = std::env::var("DIRECTUS_STATE_DIR").expect("scripts/directus env sets it");
    let output = std::process::Command::new("python3")
        .args([
            "-c",
            "import sqlite3, sys\n\
             db = sqlite3.connect(sys.argv[1])\n\
             print(db.execute('select count(*) from directus_sessions where user = ?', (sys.argv[2],)).fetchone()[0])",
        ])
        .arg(format!("{state}/data.db"))
        .arg(user_id)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .unwrap()
}

#[tokio::test]
#[ignore = "needs the local test Directus and a Secret Service: run scripts/test"]
async fn sign_in_use_sign_out_cycles_leave_nothing_behind() {
    let cycles: usize = std::env::var("SOAK_CYCLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(100);
    let local = LocalDirectus::from_env();
    let (email, password) = (unique_email("soak"), test_password());
    let user_id = Admin::new(&local).create_customer(&email, &password).await;
    let password = SecretString::from(password);
    let vault = Arc::new(Vault::new(TEST_KEYCHAIN_SERVICE));
    let service = service_with(
        &local.url,
        vault.clone(),
        Arc::new(MemorySettings::default()),
    );
    service.start().await;

    let warm_up = (cycles / 10).max(5);
    let mut after_warm_up = 0;
    let started = Instant::now();
    for cycle in 0..cycles {
        if cycle == warm_up {
            after_warm_up = resident_kib();
        }
        let view = service.sign_in(&email, &password, None).await.unwrap();
        assert!(
            matches!(view, SessionView::SignedIn { .. }),
            "cycle {cycle}"
        );
        service.current_user().await.unwrap();
        service.session().expire_access_token().await;
        service.current_user().await.unwrap(); // through a refresh
        let view = service.sign_out().await;
        assert!(
            matches!(
                view,
                SessionView::SignedOut {
                    keychain_problem: None,
                    ..
                }
            ),
            "cycle {cycle}: {view:?}"
        );
    }
    let elapsed = started.elapsed();
    let growth = resident_kib().saturating_sub(after_warm_up);
    let stored = vault
        .load(&ServerUrl::parse(&local.url).unwrap())
        .await
        .unwrap();
    let sessions = server_sessions_of(&user_id);
    println!(
        "soak: {cycles} cycles in {:.1} s ({:.1} ms each); resident memory grew {} KiB after {warm_up} warm-up cycles; {} keychain entries and {sessions} server sessions left",
        elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1000.0 / cycles as f64,
        growth,
        usize::from(stored.is_some()),
    );
    assert!(stored.is_none(), "no keychain entry left");
    assert_eq!(sessions, 0, "every server session was ended");
    assert!(
        growth <= 5 * 1024,
        "resident memory grew {growth} KiB (bound: 5 MiB)"
    );
}
