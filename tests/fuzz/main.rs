//! Property-based fuzzing of everything that reads outside input: the link parser, the server-
//! and link-page-address parsers, and the decoders of Directus's answers. A coverage-guided
//! fuzzer (cargo-fuzz, libFuzzer) needs a nightly compiler, which this project's machines do not
//! have; proptest's generators are aimed at the shapes these parsers care about instead:
//! arbitrary text, link- and token-shaped text, JSON answers with hostile values, and valid
//! inputs with random bytes changed.
//!
//! `cargo run --profile tools -p account-tests --bin fuzz-parsers -- 10000000` runs ten million
//! inputs on every core and prints the count and the time; the test command runs a short share.
//! Any panic fails the run and prints the (shrunk) input that caused it.

use account_core::directus::{decode_data, decode_error_body, decode_tokens};
use account_core::{parse_link, LinkPage, ServerUrl};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use std::time::Instant;

const SEEDS: &[&str] = &[
    "directus-desktop://reset-password?token=eyJhbGciOiJIUzI1NiJ9.eyJlbWFpbCI6ImFAYi5jIiwic2NvcGUiOiJwYXNzd29yZC1yZXNldCJ9.c2ln",
    "https://example.com/app/verify-email?token=eyJhbGciOiJIUzI1NiJ9.eyJzY29wZSI6InBlbmRpbmctcmVnaXN0cmF0aW9uIn0.c2ln",
    "https://cms.example.com/directus/",
    "http://127.0.0.1:8055/",
    r#"{"data":{"access_token":"a.b.c","refresh_token":"r","expires":900000}}"#,
    r#"{"errors":[{"message":"x","extensions":{"code":"FAILED_VALIDATION","field":"password"}}]}"#,
    r#"{"data":{"project":{"project_name":"Acme","public_registration":true}}}"#,
];

/// One input: text in one of the shapes that matter.
fn input() -> impl Strategy<Value = String> {
    let seed = prop::sample::select(SEEDS);
    prop_oneof![
        // Anything at all.
        any::<String>(),
        // Links: a route and a token-shaped tail.
        (
            prop::sample::select(vec![
                "directus-desktop://reset-password?token=",
                "directus-desktop:verify-email?token=",
                "https://example.com/reset-password.html?token=",
                "https://example.com/%E0%A4%A/verify-email/?x=1&token=",
                "",
            ]),
            "[A-Za-z0-9_=%.-]{0,40}\\.[A-Za-z0-9_=%.-]{0,120}\\.[A-Za-z0-9_-]{0,20}",
        )
            .prop_map(|(prefix, token)| format!("{prefix}{token}")),
        // Addresses.
        "(https?|ftp|directus-desktop)://[a-z0-9.:@\\[\\]%-]{0,40}(/[a-z0-9%.-]{0,12}){0,4}(\\?[a-z=&]{0,10})?(#.{0,5})?",
        // Answers with hostile values.
        (
            "(\"[ -~]{0,30}\"|-?[0-9]{1,25}(\\.[0-9]+)?(e[0-9]{1,3})?|null|true|\\[\\]|\\{\\})",
            "(\"[ -~]{0,30}\"|-?[0-9]{1,25}|null)",
        )
            .prop_map(|(value, other)| format!(
                r#"{{"data":{{"access_token":{value},"refresh_token":{other},"expires":{value}}},"errors":[{{"extensions":{{"code":{other},"field":{value}}}}}]}}"#
            )),
        // Valid inputs with bytes changed, cut or repeated.
        (seed, any::<Vec<(usize, u8)>>(), any::<usize>()).prop_map(|(seed, changes, cut)| {
            let mut bytes = seed.as_bytes().to_vec();
            for (at, byte) in changes {
                let len = bytes.len().max(1);
                match byte % 3 {
                    0 => bytes.insert(at % (len + 1).min(bytes.len() + 1), byte),
                    1 if !bytes.is_empty() => {
                        let at = at % bytes.len();
                        bytes[at] = byte;
                    }
                    _ if !bytes.is_empty() => {
                        bytes.remove(at % bytes.len());
                    }
                    _ => {}
                }
            }
            bytes.truncate(cut % (bytes.len() + 2));
            String::from_utf8_lossy(&bytes).into_owned()
        }),
    ]
}

/// Every parser and decoder on one input; a panic anywhere fails the run.
fn exercise(text: &str) {
    let _ = parse_link(text, None);
    let _ = ServerUrl::parse(text);
    let _ = LinkPage::parse(text);
    let bytes = text.as_bytes();
    let _ = decode_tokens(bytes);
    let _ = decode_data::<serde_json::Value>(bytes);
    let _ = decode_error_body(bytes);
}

fn run(cases: u32, seed: u64) -> Result<(), String> {
    let config = Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    };
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner =
        TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &key));
    runner
        .run(&input(), |text| {
            exercise(&text);
            Ok(())
        })
        .map_err(|failure| failure.to_string())
}

fn main() {
    let total: u64 = std::env::args()
        .nth(1)
        .map(|n| n.replace('_', "").parse().expect("the number of inputs"))
        .unwrap_or(10_000_000);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs()
        });
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    // Quiet: a caught panic prints only in the summary below.
    std::panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let workers: Vec<_> = (0..threads)
        .map(|worker| {
            let share = total / threads + u64::from(worker < total % threads);
            std::thread::spawn(move || -> Result<(), String> {
                // proptest counts cases in u32: run the share in chunks.
                let mut left = share;
                let mut chunk_seed = seed.wrapping_add(worker.wrapping_mul(1_000_003));
                while left > 0 {
                    let cases = left.min(u64::from(u32::MAX / 2)) as u32;
                    run(cases, chunk_seed).map_err(|e| format!("FUZZ_SEED={chunk_seed}: {e}"))?;
                    left -= u64::from(cases);
                    chunk_seed = chunk_seed.wrapping_add(1);
                }
                Ok(())
            })
        })
        .collect();
    let mut failures = Vec::new();
    for worker in workers {
        if let Err(failure) = worker.join().expect("a fuzz worker") {
            failures.push(failure);
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    if !failures.is_empty() {
        eprintln!("fuzz-parsers: a parser panicked:\n{}", failures.join("\n"));
        std::process::exit(1);
    }
    println!(
        "fuzz-parsers: {total} inputs on {threads} threads in {elapsed:.1} s ({:.0} inputs/s), seed {seed}, no panic",
        total as f64 / elapsed
    );
}
