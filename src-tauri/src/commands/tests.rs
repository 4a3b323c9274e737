//! The places Tauri needs the commands by hand, checked against their one list
//! (`account_bridge::commands::ALL`): without these tests a name missing from one of them shows
//! only when the window calls it. The handler list and the functions are read from the source
//! text, since `generate_handler!` and `#[tauri::command]` leave nothing to ask at run time; the
//! permissions from the capability files and from Tauri's access check as built into the app.

use account_bridge::commands;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LIB: &str = include_str!("../lib.rs");
const COMMANDS: &str = include_str!("../commands.rs");
const UI_API: &str = include_str!("../../../ui/src/api.rs");
const PERMISSION_SET: &str = include_str!("../../../permissions/app-commands.json");

/// What the webview may use besides the commands: listening to the core's events.
const OTHER_PERMISSIONS: &[&str] = &["core:event:allow-listen", "core:event:allow-unlisten"];

fn listed() -> Vec<String> {
    commands::ALL.iter().map(ToString::to_string).collect()
}

fn sorted(names: impl IntoIterator<Item = String>) -> BTreeSet<String> {
    names.into_iter().collect()
}

/// The text between `open` (which ends with an opening bracket) and the bracket that closes it.
fn bracketed<'a>(text: &'a str, open: &str) -> &'a str {
    bracketed_and_after(text, open).0
}

/// `bracketed`, and the text after the closing bracket.
fn bracketed_and_after<'a>(text: &'a str, open: &str) -> (&'a str, &'a str) {
    let start = text.find(open).unwrap_or_else(|| panic!("no `{open}`")) + open.len();
    let mut depth = 1;
    for (at, c) in text[start..].char_indices() {
        match c {
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            return (&text[start..start + at], &text[start + at + 1..]);
        }
    }
    panic!("`{open}` is never closed")
}

/// `items` split at the commas outside brackets, with `//` comments left out.
fn split_top_level(items: &str) -> Vec<String> {
    let items = items
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let (mut parts, mut part, mut depth) = (Vec::new(), String::new(), 0);
    for c in items.chars() {
        match c {
            '(' | '[' | '{' | '<' => depth += 1,
            ')' | ']' | '}' | '>' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(std::mem::take(&mut part));
                continue;
            }
            _ => {}
        }
        part.push(c);
    }
    parts.push(part);
    parts
        .into_iter()
        .map(|part| part.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|part| !part.is_empty())
        .collect()
}

/// Each `#[tauri::command]` function of commands.rs: its name and the arguments the window
/// sends, as it names them (camelCase, Tauri's default); Tauri's own (state, the app) left out.
fn command_functions() -> BTreeMap<String, BTreeSet<String>> {
    let mut functions = BTreeMap::new();
    for after in COMMANDS.split("#[tauri::command]").skip(1) {
        let signature = &after[after.find("fn ").expect("a command is a function") + 3..];
        let name_end = signature
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .expect("a function name ends");
        let arguments = split_top_level(bracketed(signature, "("))
            .into_iter()
            .filter_map(|argument| {
                let (name, kind) = argument.split_once(':').expect("`name: Type`");
                let injected = ["Service<", "Updates<", "State<", "AppHandle"]
                    .iter()
                    .any(|tauri_type| kind.trim().starts_with(tauri_type));
                (!injected).then(|| camel_case(name.trim()))
            })
            .collect();
        let name = signature[..name_end].to_string();
        assert!(
            functions.insert(name.clone(), arguments).is_none(),
            "{name} twice"
        );
    }
    functions
}

fn camel_case(snake: &str) -> String {
    let mut words = snake.split('_');
    let mut camel = words.next().unwrap_or_default().to_string();
    for word in words {
        let mut chars = word.chars();
        camel.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        camel.push_str(chars.as_str());
    }
    camel
}

/// Each command ui/src/api.rs calls, by name, with the argument names it sends.
fn ui_calls() -> BTreeMap<String, BTreeSet<String>> {
    let mut calls = BTreeMap::new();
    for function in UI_API.split("\npub async fn ").skip(1) {
        let Some(at) = function.find("call(") else {
            continue;
        };
        let constant = function[at + "call(".len()..]
            .trim_start()
            .strip_prefix("commands::")
            .unwrap_or_else(|| panic!("api.rs calls a command by a literal: {function}"));
        let constant = &constant[..constant
            .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
            .unwrap_or(constant.len())];
        let arguments = match function.find("struct Args") {
            None => BTreeSet::new(),
            Some(at) => {
                let camel = function[..at].contains(r#"rename_all = "camelCase""#);
                split_top_level(bracketed(&function[at..], "{"))
                    .into_iter()
                    .map(|field| {
                        let name = field.split(':').next().unwrap_or_default().trim();
                        let name = name.strip_prefix("pub ").unwrap_or(name);
                        if camel {
                            camel_case(name)
                        } else {
                            name.to_string()
                        }
                    })
                    .collect()
            }
        };
        // The bridge's own test holds each constant to its name in capitals.
        let name = constant.to_lowercase();
        assert!(
            calls.insert(name.clone(), arguments).is_none(),
            "api.rs calls {name} from two functions"
        );
    }
    calls
}

/// The commands whose work is the edge's own: the first paint when the core could not start,
/// what the app knows about itself, the clipboard and the file manager.
const EDGE_OWN: &[&str] = &[
    "startup",
    "about",
    "copy_diagnostic_report",
    "open_log_folder",
    "copy_two_factor_secret",
];

/// The body of each `#[tauri::command]` function, by name.
fn command_bodies() -> BTreeMap<String, String> {
    COMMANDS
        .split("#[tauri::command]")
        .skip(1)
        .map(|after| {
            let signature = &after[after.find("fn ").expect("a command is a function") + 3..];
            let name = signature
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .next()
                .unwrap_or_default();
            let (_, after_arguments) = bracketed_and_after(signature, "(");
            let body = bracketed(after_arguments, "{");
            (
                name.to_string(),
                body.split_whitespace().collect::<String>(),
            )
        })
        .collect()
}

/// The edge is thin: a command is one expression into the core, so the core's tests cover it.
#[test]
fn every_command_but_the_edges_own_is_one_expression_into_the_service() {
    let bodies = command_bodies();
    for name in EDGE_OWN {
        assert!(bodies.contains_key(*name), "{name} is no longer a command");
    }
    for (name, body) in bodies {
        if EDGE_OWN.contains(&name.as_str()) {
            continue;
        }
        // Into the account service, or into the updates (the core's other service).
        let into_the_core = ["service.", "Ok(service.", "updates.", "Ok(updates."]
            .iter()
            .any(|start| body.starts_with(start));
        assert!(
            into_the_core && !body.contains(';'),
            "commands::{name} does more than call the core: `{body}`"
        );
    }
}

#[test]
fn the_handler_list_is_the_command_list() {
    let handlers = split_top_level(bracketed(LIB, "generate_handler!["))
        .into_iter()
        .map(|entry| {
            entry
                .strip_prefix("commands::")
                .unwrap_or_else(|| panic!("{entry}: every command is in commands.rs"))
                .to_string()
        })
        .collect::<Vec<_>>();
    assert_eq!(
        handlers,
        listed(),
        "generate_handler! in src-tauri/src/lib.rs must name the commands of \
         account_bridge::commands::ALL, in its order"
    );
}

#[test]
fn every_command_function_is_listed_and_every_listed_command_has_one() {
    assert_eq!(
        sorted(command_functions().into_keys()),
        sorted(listed()),
        "the #[tauri::command] functions of src-tauri/src/commands.rs and \
         account_bridge::commands::ALL differ"
    );
}

#[test]
fn the_ui_calls_every_command_with_the_arguments_it_takes() {
    assert_eq!(
        ui_calls(),
        command_functions(),
        "ui/src/api.rs and src-tauri/src/commands.rs differ in a command or its arguments"
    );
}

#[test]
fn the_permission_set_allows_every_command() {
    let file: serde_json::Value = serde_json::from_str(PERMISSION_SET).unwrap();
    let set = &file["set"][0];
    assert_eq!(set["identifier"], commands::PERMISSION_SET);
    let allowed = set["permissions"]
        .as_array()
        .expect("a list of permissions")
        .iter()
        .map(|permission| permission.as_str().unwrap().to_string())
        .collect::<Vec<_>>();
    let expected = commands::ALL
        .iter()
        .map(|name| commands::allow_permission(name))
        .collect::<Vec<_>>();
    assert_eq!(allowed, expected);
}

/// What Tauri enforces, from the capability and the permissions as built into the app: the
/// window may call every listed command, and nothing else of the app or its plugins; a page
/// from elsewhere may call nothing.
#[test]
fn the_built_app_lets_the_window_call_the_listed_commands_and_nothing_else() {
    let mut context: tauri::Context<tauri::Wry> = tauri::generate_context!();
    let authority = context.runtime_authority_mut();
    let local = tauri::ipc::Origin::Local;
    let remote = tauri::ipc::Origin::Remote {
        url: "https://example.com/".parse().unwrap(),
    };
    for name in commands::ALL {
        assert!(
            authority
                .resolve_access(name, "main", "main", &local)
                .is_some(),
            "the window may not call {name}"
        );
        assert!(authority
            .resolve_access(name, "main", "main", &remote)
            .is_none());
    }
    for refused in [
        "no_such_command",
        "plugin:opener|open_path",
        "plugin:opener|open_url",
        "plugin:store|get",
        "plugin:deep-link|get_current",
        "plugin:event|emit",
    ] {
        assert!(
            authority
                .resolve_access(refused, "main", "main", &local)
                .is_none(),
            "the window may call {refused}"
        );
    }
}

/// The webview may call the app's commands, through their set, and listen to its events:
/// nothing else, in any capability file.
#[test]
fn the_window_may_call_the_app_commands_and_nothing_else() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/capabilities");
    let mut files = 0;
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let capability: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let granted = capability["permissions"]
            .as_array()
            .expect("a list of permissions")
            .iter()
            .map(|permission| {
                permission
                    .as_str()
                    .or_else(|| permission["identifier"].as_str())
                    .expect("a permission is named")
                    .to_string()
            })
            .collect::<BTreeSet<_>>();
        let mut expected = sorted(OTHER_PERMISSIONS.iter().map(ToString::to_string));
        expected.insert(commands::PERMISSION_SET.to_string());
        assert_eq!(
            granted,
            expected,
            "{}: the window is given the set {} (every command) and the events, nothing else",
            path.display(),
            commands::PERMISSION_SET
        );
        assert_eq!(capability["windows"], serde_json::json!(["main"]));
        files += 1;
    }
    assert_eq!(files, 1, "one capability, for the one window");
}
