//! `scripts/bench`: the app beside two floors, a bare Tauri window holding a static sign-in form
//! (`tests/bench/baseline`) and the same window holding the form's fields as a one-screen Dioxus
//! app (`tests/bench/dioxus-form`), launched alternately (A B C A B C …) through tauri-driver
//! under the same Xvfb, D-Bus and keychain, and measured the same way; then a start with a
//! remembered session, the core's cost over plain HTTP against the local Directus, and the
//! sizes. Prints tables of numbers: a benchmark, not a test.
//!
//! Usage: `bench <app> <bare window> <bare window with the Dioxus form>`; `BENCH_RUNS` (5),
//! `BENCH_IDLE_SECS` (60), `BENCH_CALLS` (10), `BENCH_STARTS_ONLY=1` (the start-up and memory rows only). The local Directus's variables
//! (`scripts/directus env --test`) must be set.

use fantoccini::Locator;
use secrecy::SecretString;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use test_support::admin::Admin;
use test_support::app::repo_root;
use test_support::webdriver::{free_port, DriverProcess};
use test_support::{service_for, test_password, unique_email, LocalDirectus};

/// What one launch measured.
struct Launch {
    start_ms: f64,
    pss_mib: f64,
    /// Only when asked to sit idle.
    wakeups_per_minute: f64,
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [app, baseline, dioxus] = [0, 1, 2].map(|i| {
        PathBuf::from(
            args.get(i)
                .expect("usage: bench <app> <bare window> <bare window with a Dioxus form>"),
        )
    });
    let runs: usize = env_number("BENCH_RUNS", 5);
    let idle_secs: u64 = env_number("BENCH_IDLE_SECS", 60);
    let calls: usize = env_number("BENCH_CALLS", 10);
    let local = LocalDirectus::from_env();

    if std::env::var("BENCH_WARM").is_ok_and(|v| v == "1") {
        // One launch each, not counted, so every measured one finds its folders (WebKit's
        // storage, Mesa's compiled shaders) from an earlier run.
        eprintln!("warm starts: one launch each first");
        for (binary, name) in [
            (&app, "app-warmup"),
            (&baseline, "baseline-warmup"),
            (&dioxus, "dioxus-warmup"),
        ] {
            launch(binary, name, &local, None).await;
        }
    }
    let (mut ours, mut floor, mut dioxus_floor) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..runs {
        // Alternating, so a slow moment of the machine hits all three.
        ours.push(launch(&app, &format!("app-{run}"), &local, None).await);
        floor.push(launch(&baseline, &format!("baseline-{run}"), &local, None).await);
        dioxus_floor.push(launch(&dioxus, &format!("dioxus-{run}"), &local, None).await);
        eprintln!("run {} of {runs} done", run + 1);
    }
    if std::env::var("BENCH_STARTS_ONLY").is_ok_and(|v| v == "1") {
        // While working on start-up: its two rows only.
        let launches = [&ours[..], &floor[..], &dioxus_floor[..]];
        row("start → sign-in email field usable, ms", launches, |l| {
            l.start_ms
        });
        row("process-tree PSS 3 s after the form, MiB", launches, |l| {
            l.pss_mib
        });
        return;
    }
    eprintln!("idle wake-ups: {idle_secs} s each");
    let idle = [
        launch(&app, "app-idle", &local, Some(idle_secs)).await,
        launch(&baseline, "baseline-idle", &local, Some(idle_secs)).await,
        launch(&dioxus, "dioxus-idle", &local, Some(idle_secs)).await,
    ];
    eprintln!("restoring a remembered session: {runs} starts");
    let restored = restored_starts(&app, &local, runs).await;
    eprintln!("the core against plain HTTP: {calls} calls each");
    let (core_sign_in, raw_sign_in, core_refresh, raw_refresh) = core_cost(&local, calls).await;

    println!(
        "\n| figure | this app | bare Tauri (static form) | ratio | bare Tauri + Dioxus form | ratio |"
    );
    println!("|---|---|---|---|---|---|");
    let start = |l: &Launch| l.start_ms;
    let pss = |l: &Launch| l.pss_mib;
    let launches = [&ours[..], &floor[..], &dioxus_floor[..]];
    row("start → sign-in email field usable, ms", launches, start);
    row("process-tree PSS 3 s after the form, MiB", launches, pss);
    let wakeups = idle.map(|l| l.wakeups_per_minute);
    println!(
        "| idle wake-ups per minute (context switches of the process tree) | {:.0} | {:.0} | {:.2}× | {:.0} | {:.2}× |",
        wakeups[0],
        wakeups[1],
        wakeups[0] / wakeups[1].max(1.0),
        wakeups[2],
        wakeups[0] / wakeups[2].max(1.0)
    );
    let binary = |path: &Path| format!("{} / {}", mb(file_size(path)), mb(stripped_size(path)));
    println!(
        "| release binary (file / stripped) | {} | {} | | {} | |",
        binary(&app),
        binary(&baseline),
        binary(&dioxus)
    );
    if let Some(deb) = newest(&repo_root().join("target/release/bundle/deb"), "deb") {
        println!("| `.deb` | {} | | | | |", mb(file_size(&deb)));
    }
    let wasm = |path: PathBuf| format!("{} / {}", kb(file_size(&path)), kb(gzip_size(&path)));
    println!(
        "| UI wasm after wasm-opt (raw / gzip -9) | {} | (none) | | {} | |",
        wasm(repo_root().join("ui/dist/ui_bg.wasm")),
        wasm(repo_root().join("target/bench-dioxus-dist/ui_bg.wasm"))
    );
    println!(
        "\n| the core against plain reqwest, ms | through account-core | plain reqwest | ratio |"
    );
    println!("|---|---|---|---|");
    core_row("sign-in (login + /users/me)", &core_sign_in, &raw_sign_in);
    core_row("refresh (refresh + /users/me)", &core_refresh, &raw_refresh);

    // The budget of a restored start: the form's time plus one refresh round trip.
    let form = median(&ours.iter().map(start).collect::<Vec<_>>());
    let budget = form + median(&raw_refresh);
    let shown: Vec<f64> = restored.iter().map(|(shown, _)| *shown).collect();
    let signed_in: Vec<f64> = restored.iter().map(|(_, signed_in)| *signed_in).collect();
    println!("\n| a remembered session at start, ms | this app | budget | ratio |");
    println!("|---|---|---|---|");
    println!(
        "| start → the user shown (\"Checking your session…\") | {} | {form:.0} (the form) | {:.2}× |",
        spread(&shown),
        median(&shown) / form
    );
    println!(
        "| start → signed in | {} | {budget:.0} (the form + one refresh) | {:.2}× |",
        spread(&signed_in),
        median(&signed_in) / budget
    );
}

/// Starts `binary` through tauri-driver with fresh folders and waits for the sign-in form's
/// email field to be displayed and enabled. With `idle_secs`, also counts the process tree's
/// context switches over that many seconds, per minute.
async fn launch(
    binary: &Path,
    name: &str,
    local: &LocalDirectus,
    idle_secs: Option<u64>,
) -> Launch {
    let home = match warm_home(name) {
        Some(home) => home,
        None => {
            let home = repo_root().join("target/bench-home").join(name);
            let _ = std::fs::remove_dir_all(&home);
            std::fs::create_dir_all(&home).unwrap();
            home
        }
    };
    let (driver, client, started) = start(binary, &home, local).await;
    loop {
        if let Ok(field) = client.find(Locator::Css("#email")).await {
            if field.is_displayed().await.unwrap_or(false)
                && field.is_enabled().await.unwrap_or(false)
            {
                break;
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{name}: no sign-in form"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let start_ms = started.elapsed().as_secs_f64() * 1000.0;
    tokio::time::sleep(Duration::from_secs(3)).await;
    let tree = app_tree(driver.0.id(), binary);
    let pss_mib = tree.iter().map(|pid| pss_kib(*pid)).sum::<u64>() as f64 / 1024.0;
    let mut wakeups_per_minute = 0.0;
    if let Some(seconds) = idle_secs {
        // The same threads at both ends (one that ended or started meanwhile is left out).
        let before: Vec<ThreadSwitches> =
            tree.iter().flat_map(|pid| context_switches(*pid)).collect();
        tokio::time::sleep(Duration::from_secs(seconds)).await;
        let after: Vec<ThreadSwitches> =
            tree.iter().flat_map(|pid| context_switches(*pid)).collect();
        let mut woke: Vec<(String, u64)> = after
            .iter()
            .filter_map(|now| {
                let earlier = before.iter().find(|b| b.tid == now.tid)?;
                Some((
                    now.name.clone(),
                    now.switches.saturating_sub(earlier.switches),
                ))
            })
            .filter(|(_, count)| *count > 0)
            .collect();
        woke.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        let total: u64 = woke.iter().map(|(_, count)| count).sum();
        wakeups_per_minute = total as f64 * 60.0 / seconds as f64;
        eprintln!(
            "{name}: {} processes, {total} context switches in {seconds} s; busiest threads: {woke:?}",
            tree.len()
        );
    }
    let _ = client.close().await;
    drop(driver);
    Launch {
        start_ms,
        pss_mib,
        wakeups_per_minute,
    }
}

/// With `BENCH_WARM=1`, each program keeps one home across its launches (`app-3` and `app-idle`
/// use `app-warm`): a start like every start after the first, not the first ever.
fn warm_home(name: &str) -> Option<PathBuf> {
    if !std::env::var("BENCH_WARM").is_ok_and(|v| v == "1") {
        return None;
    }
    let program = name.split('-').next().unwrap_or(name);
    let home = repo_root()
        .join("target/bench-home")
        .join(format!("{program}-warm"));
    std::fs::create_dir_all(&home).unwrap();
    Some(home)
}

/// The app started with a session remembered from its last run: how long until the window
/// shows the user (as being checked), and until it shows them signed in. Each start restores
/// (and rotates) the session the previous one saved.
async fn restored_starts(app: &Path, local: &LocalDirectus, runs: usize) -> Vec<(f64, f64)> {
    let (email, password) = (unique_email("bench-restore"), test_password());
    Admin::new(local).create_customer(&email, &password).await;
    let home = repo_root().join("target/bench-home/restored");
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(&home).unwrap();
    let (driver, client, _) = start(app, &home, local).await;
    let field = wait_for(&client, "#email").await;
    field.send_keys(&email).await.unwrap();
    let field = wait_for(&client, "#password").await;
    field
        .send_keys(&format!("{password}\u{E007}"))
        .await
        .unwrap();
    wait_for(&client, "#signed-in").await;
    let _ = client.close().await;
    drop(driver);

    let mut starts = Vec::new();
    for _ in 0..runs {
        let (driver, client, started) = start(app, &home, local).await;
        let mut shown = None;
        let signed_in = loop {
            if shown.is_none() {
                for who in ["#checking-who", "#who"] {
                    if let Ok(element) = client.find(Locator::Css(who)).await {
                        if element.is_displayed().await.unwrap_or(false) {
                            shown = Some(ms(started));
                        }
                    }
                }
            }
            assert!(
                client.find(Locator::Css("#sign-in-form")).await.is_err(),
                "a remembered session showed the sign-in form"
            );
            if client.find(Locator::Css("#signed-in")).await.is_ok() {
                break ms(started);
            }
            assert!(started.elapsed() < Duration::from_secs(60), "not restored");
            tokio::time::sleep(Duration::from_millis(5)).await;
        };
        starts.push((shown.unwrap_or(signed_in), signed_in));
        let _ = client.close().await;
        drop(driver);
    }
    starts
}

async fn wait_for(client: &fantoccini::Client, css: &str) -> fantoccini::elements::Element {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Ok(element) = client.find(Locator::Css(css)).await {
            if element.is_displayed().await.unwrap_or(false) {
                return element;
            }
        }
        assert!(Instant::now() < deadline, "{css} never showed");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Launches `binary` through a fresh tauri-driver with `home` as its data, config and cache
/// folders: the driver, its session, and when the session was asked for.
async fn start(
    binary: &Path,
    home: &Path,
    local: &LocalDirectus,
) -> (DriverProcess, fantoccini::Client, Instant) {
    let port = free_port();
    let driver = DriverProcess(
        Command::new(std::env::var("TAURI_DRIVER").unwrap_or_else(|_| "tauri-driver".into()))
            .args(["--port", &port.to_string()])
            .args(["--native-port", &free_port().to_string()])
            .args(["--native-driver", "/usr/bin/WebKitWebDriver"])
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("DIRECTUS_DESKTOP_SERVER_URL", &local.url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("tauri-driver (scripts/setup --tests installs it)"),
    );
    // The driver listens before the clock starts: both apps pay the same session set-up.
    wait_for_port(port).await;
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "tauri:options".into(),
        serde_json::json!({ "application": binary }),
    );
    let started = Instant::now();
    let client = driver.session(port, capabilities).await;
    (driver, client, started)
}

async fn wait_for_port(port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .is_err()
    {
        assert!(Instant::now() < deadline, "tauri-driver did not listen");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The app's process and everything below it (its web and network processes), found among
/// the descendants of the driver: not the drivers themselves.
fn app_tree(driver: u32, binary: &Path) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter_map(|pid| Some((pid, parent_of(pid)?)))
        .collect();
    let descendants = |root: u32| {
        let mut found = vec![root];
        let mut i = 0;
        while i < found.len() {
            let parent = found[i];
            found.extend(
                parents
                    .iter()
                    .filter(|(_, p)| *p == parent)
                    .map(|(c, _)| *c),
            );
            i += 1;
        }
        found
    };
    let name = binary.file_name().unwrap().to_string_lossy().to_string();
    let app = descendants(driver).into_iter().find(|pid| {
        std::fs::read_link(format!("/proc/{pid}/exe"))
            .is_ok_and(|exe| exe.file_name().is_some_and(|f| f.to_string_lossy() == name))
    });
    app.map(descendants).unwrap_or_default()
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn pss_kib(pid: u32) -> u64 {
    status_field(&format!("/proc/{pid}/smaps_rollup"), "Pss:")
}

struct ThreadSwitches {
    tid: u32,
    name: String,
    switches: u64,
}

/// Voluntary and involuntary context switches of each thread of `pid`.
fn context_switches(pid: u32) -> Vec<ThreadSwitches> {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return Vec::new();
    };
    tasks
        .filter_map(|task| task.ok())
        .filter_map(|task| {
            let tid = task.file_name().to_str()?.parse().ok()?;
            let status = task.path().join("status");
            let status = status.to_string_lossy();
            let name = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
            Some(ThreadSwitches {
                tid,
                name: name.trim().to_string(),
                switches: status_field(&status, "voluntary_ctxt_switches:")
                    + status_field(&status, "nonvoluntary_ctxt_switches:"),
            })
        })
        .collect()
}

fn status_field(path: &str, field: &str) -> u64 {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .find(|line| line.starts_with(field))
        .and_then(|line| line.split_whitespace().nth(1)?.parse().ok())
        .unwrap_or(0)
}

/// A sign-in and a refresh through the core's client, and the same requests with plain
/// reqwest, alternately; milliseconds each.
async fn core_cost(
    local: &LocalDirectus,
    calls: usize,
) -> (Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
    let (email, password) = (unique_email("bench"), test_password());
    Admin::new(local).create_customer(&email, &password).await;
    let service = service_for(&local.url);
    service.start().await;
    let raw = reqwest::Client::new();
    let base = local.url.trim_end_matches('/').to_string();
    let secret = SecretString::from(password.clone());
    let (mut core_in, mut raw_in, mut core_refresh, mut raw_refresh) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..calls {
        let started = Instant::now();
        service.sign_in(&email, &secret, None).await.unwrap();
        core_in.push(ms(started));
        let started = Instant::now();
        service.session().expire_access_token().await;
        service.current_user().await.unwrap();
        core_refresh.push(ms(started));
        service.sign_out().await;

        let started = Instant::now();
        let login = serde_json::json!({"email": email, "password": password, "mode": "json"});
        let tokens = post_json(&raw, &format!("{base}/auth/login"), login).await;
        read_me(&raw, &base, &tokens).await;
        raw_in.push(ms(started));
        let started = Instant::now();
        let refresh =
            serde_json::json!({"refresh_token": tokens["data"]["refresh_token"], "mode": "json"});
        let refreshed = post_json(&raw, &format!("{base}/auth/refresh"), refresh).await;
        read_me(&raw, &base, &refreshed).await;
        raw_refresh.push(ms(started));
        // Not measured: ends the session, as the core's sign-out did.
        let _ = raw
            .post(format!("{base}/auth/logout"))
            .json(&serde_json::json!({"refresh_token": refreshed["data"]["refresh_token"], "mode": "json"}))
            .send()
            .await;
    }
    (core_in, raw_in, core_refresh, raw_refresh)
}

async fn post_json(raw: &reqwest::Client, url: &str, body: serde_json::Value) -> serde_json::Value {
    let response = raw.post(url).json(&body).send().await.unwrap();
    response.json().await.unwrap()
}

/// `/users/me` with the access token of a login or refresh answer.
async fn read_me(raw: &reqwest::Client, base: &str, tokens: &serde_json::Value) {
    let access = tokens["data"]["access_token"].as_str().unwrap();
    raw.get(format!("{base}/users/me"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
}

fn ms(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

/// One figure: this app, then each floor with the ratio of the medians.
fn row(figure: &str, launches: [&[Launch]; 3], value: impl Fn(&Launch) -> f64) {
    let [ours, floor, dioxus] = launches.map(|l| l.iter().map(&value).collect::<Vec<f64>>());
    println!(
        "| {figure} | {} | {} | {:.2}× | {} | {:.2}× |",
        spread(&ours),
        spread(&floor),
        median(&ours) / median(&floor),
        spread(&dioxus),
        median(&ours) / median(&dioxus)
    );
}

fn core_row(figure: &str, core: &[f64], raw: &[f64]) {
    println!(
        "| {figure} | {} | {} | {:.2}× |",
        spread(core),
        spread(raw),
        median(core) / median(raw)
    );
}

/// `median (min–max)`.
fn spread(values: &[f64]) -> String {
    let min = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let max = values.iter().cloned().fold(0.0, f64::max);
    format!("{:.0} ({:.0}–{:.0})", median(values), min, max)
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

fn env_number<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn stripped_size(binary: &Path) -> u64 {
    let copy = std::env::temp_dir().join(format!(
        "bench-stripped-{}",
        binary.file_name().unwrap().to_string_lossy()
    ));
    let stripped = Command::new("strip")
        .arg("-o")
        .arg(&copy)
        .arg(binary)
        .status()
        .is_ok_and(|s| s.success());
    let size = if stripped { file_size(&copy) } else { 0 };
    let _ = std::fs::remove_file(copy);
    size
}

fn gzip_size(path: &Path) -> u64 {
    Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map(|out| out.stdout.len() as u64)
        .unwrap_or(0)
}

fn newest(dir: &Path, extension: &str) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .max_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_000_000.0)
}

fn kb(bytes: u64) -> String {
    format!("{:.0} KB", bytes as f64 / 1000.0)
}
