//! The command line a support desk can ask a customer to run (or script across machines):
//! `--diagnose [--server URL] [--json]`, `--version`, `--help`. It is handled before the app
//! starts, so single-instance never hands these to an open window, the deep-link handling
//! never takes them for a link, and no window opens.

use crate::about::Identity;
use crate::settings_store::FileSettings;
use account_core::diagnostics::{self, Subject};
use account_core::{Build, Configuration, Overrides, Settings, Timeouts, Vault};
use std::sync::Arc;

#[derive(Debug, PartialEq, Eq)]
pub enum Invocation {
    /// No flag (or a deep link): the app opens.
    App,
    Help,
    Version,
    Diagnose {
        server: Option<String>,
        json: bool,
    },
    /// Flags that make no sense: say why, with the usage.
    Misuse(String),
}

/// Exit codes of `--diagnose`: 0 all fine, 1 a check failed; 2 the command line was wrong.
const PROBLEMS_FOUND: i32 = 1;
const MISUSE: i32 = 2;

pub fn parse(args: &[String]) -> Invocation {
    // Without one of these flags the arguments are the system's (a link, or something the OS
    // adds, such as macOS's old `-psn_…`): the app opens, and ignores what is not a link.
    let ours = |arg: &String| {
        matches!(
            arg.as_str(),
            "-h" | "--help" | "-V" | "--version" | "--diagnose" | "--json" | "--server"
        ) || arg.starts_with("--server=")
    };
    if !args.iter().any(ours) {
        return Invocation::App;
    }
    let mut diagnose = false;
    let mut json = false;
    let mut server = None;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "-h" | "--help" => return Invocation::Help,
            "-V" | "--version" => return Invocation::Version,
            "--diagnose" => diagnose = true,
            "--json" => json = true,
            "--server" => match rest.next() {
                Some(url) => server = Some(url.clone()),
                None => return Invocation::Misuse("--server needs an address".into()),
            },
            other => match other.strip_prefix("--server=") {
                Some(url) => server = Some(url.to_string()),
                None => return Invocation::Misuse(format!("unknown option {other}")),
            },
        }
    }
    if !diagnose {
        return Invocation::Misuse("--server and --json go with --diagnose".into());
    }
    Invocation::Diagnose { server, json }
}

/// Runs what the command line asked for; returns the exit code.
pub fn run(invocation: Invocation, identity: &Identity) -> i32 {
    #[cfg(windows)]
    attach_to_terminal();
    match invocation {
        Invocation::App => unreachable!("the app is started by the caller"),
        Invocation::Help => {
            print!("{}", usage(identity));
            0
        }
        Invocation::Version => {
            println!(
                "{} {} ({})",
                identity.name,
                identity.version,
                identity.build()
            );
            0
        }
        Invocation::Misuse(why) => {
            eprintln!("{why}\n\n{}", usage(identity));
            MISUSE
        }
        Invocation::Diagnose { server, json } => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime for the report");
            let report = runtime.block_on(report(identity, server));
            // A keychain call that timed out is still waiting in its thread (a bus that never
            // answers holds it forever); dropping the runtime would wait for it. The report is
            // made: end without it.
            runtime.shutdown_background();
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).expect("the report is plain data")
                );
            } else {
                print!("{}", report.localized(report_language(identity)));
            }
            let problems = report.problems();
            if problems.is_empty() {
                0
            } else {
                eprintln!("problems found: {}", problems.join(", "));
                PROBLEMS_FOUND
            }
        }
    }
}

/// The app's language: the customer's pick in its settings, else the system's (the report's
/// headings; its values stay in English).
fn report_language(identity: &Identity) -> &'static account_core::language::Language {
    let settings = Settings::new(Arc::new(FileSettings::of_app(&identity.identifier)));
    let choice = settings.language();
    account_core::language::choose(
        choice.as_deref(),
        &account_core::language::system_languages(),
        None,
    )
    .0
}

/// The report on the server the app would use (or `server`), read from the app's settings
/// without starting it, and decided as the app decides it; the session itself lives only in the
/// running app.
async fn report(identity: &Identity, server: Option<String>) -> diagnostics::Report {
    let settings = Settings::new(Arc::new(FileSettings::of_app(&identity.identifier)));
    let overrides = Overrides::from_env().with_server_argument(server);
    let configuration =
        Configuration::resolve(&overrides, &settings.server_choice(), Build::current());
    let vault = Vault::new(identity.keychain_service());
    let subject = Subject {
        server: configuration.report_server(),
        source: configuration.source,
        links: configuration.link_targets(&identity.scheme),
        link_page: configuration.link_page.is_some(),
        vault: &vault,
        timeouts: Timeouts::default(),
        session: None,
        recent_errors: Vec::new(),
        last_update_check: settings.last_update_check(),
    };
    diagnostics::diagnose(identity.facts(), subject).await
}

fn usage(identity: &Identity) -> String {
    format!(
        "{name} {version}

Usage:
  directus-desktop                      open the app
  directus-desktop --diagnose           print the diagnostic report and exit
  directus-desktop --diagnose --json    the same report as JSON
  directus-desktop --diagnose --server https://cms.example.com
                                        check another server than the app's
  directus-desktop --version            print the version and build
  directus-desktop --help               print this help

--diagnose exits with 0 when everything it checked is fine, 1 when a check failed (named on
stderr), 2 when the command line is wrong. The report holds no password, token or link code.
Logs: {logs}
",
        name = identity.name,
        version = identity.version,
        logs = identity.log_folder_text(),
    )
}

/// A Windows release build is a GUI program (no console window behind the app): started from
/// a terminal it has no console, and what it prints would go nowhere. It writes to the
/// terminal's console instead, unless its output was redirected (to a file or a pipe, where it
/// already goes).
#[cfg(windows)]
fn attach_to_terminal() {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{
        AttachConsole, GetStdHandle, ATTACH_PARENT_PROCESS, STD_OUTPUT_HANDLE,
    };
    // SAFETY: plain calls without pointers; a failed attach (no parent console) is harmless.
    unsafe {
        let output = GetStdHandle(STD_OUTPUT_HANDLE);
        if output.is_null() || output == INVALID_HANDLE_VALUE {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(args: &[&str]) -> Invocation {
        parse(&args.iter().map(|a| a.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn no_flags_or_a_link_open_the_app() {
        assert_eq!(parse_str(&[]), Invocation::App);
        for system in [
            "directus-desktop://reset-password?token=x",
            "-psn_0_12345",
            "--remote-debugging-port=9222",
        ] {
            assert_eq!(parse_str(&[system]), Invocation::App, "{system}");
        }
    }

    #[test]
    fn the_support_flags() {
        assert_eq!(parse_str(&["--version"]), Invocation::Version);
        assert_eq!(parse_str(&["-h"]), Invocation::Help);
        assert_eq!(
            parse_str(&["--diagnose", "--json", "--server", "https://a.example"]),
            Invocation::Diagnose {
                server: Some("https://a.example".into()),
                json: true
            }
        );
        assert_eq!(
            parse_str(&["--server=https://a.example", "--diagnose"]),
            Invocation::Diagnose {
                server: Some("https://a.example".into()),
                json: false
            }
        );
    }

    #[test]
    fn misuse_is_said() {
        assert!(matches!(parse_str(&["--json"]), Invocation::Misuse(_)));
        assert!(matches!(
            parse_str(&["--diagnose", "--server"]),
            Invocation::Misuse(_)
        ));
        assert!(matches!(
            parse_str(&["--diagnose", "--frobnicate"]),
            Invocation::Misuse(_)
        ));
    }
}
