//! `docs/errors.md` is the support desk's table of error codes and their details. It is written
//! by hand, so this test keeps it from drifting: every code and detail in the code has a row,
//! and every row names something the code has.

use account_bridge::{AddressProblem, BridgeError, ErrorCode, Field, Keychain, ServerSetting};
use std::collections::BTreeSet;

// Built into the test binary: it needs no path at run time, and cargo rebuilds it when the
// page changes.
const PAGE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/errors.md"));

/// The first cell of each table row in the section under `heading`, without its backticks.
fn first_cells(heading: &str) -> Vec<String> {
    let section = PAGE
        .split("\n## ")
        .find(|section| section.starts_with(heading))
        .unwrap_or_else(|| panic!("docs/errors.md has no \"## {heading}\" section"));
    section
        .lines()
        .filter_map(|line| line.strip_prefix("| `"))
        .map(|rest| {
            let (name, _) = rest
                .split_once('`')
                .unwrap_or_else(|| panic!("an unclosed backtick in docs/errors.md: | `{rest}"));
            name.to_owned()
        })
        .collect()
}

/// The names in `documented` must be exactly `defined`, each once.
fn assert_same(what: &str, documented: Vec<String>, defined: BTreeSet<String>) {
    let mut seen = BTreeSet::new();
    for name in &documented {
        assert!(
            seen.insert(name.clone()),
            "docs/errors.md lists the {what} {name} twice"
        );
    }
    let missing: Vec<_> = defined.difference(&seen).collect();
    let unknown: Vec<_> = seen.difference(&defined).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "docs/errors.md differs from the code: {what}s without a row: {missing:?}; \
         rows for {what}s the code does not have: {unknown:?}"
    );
}

#[test]
fn every_error_code_has_one_row_and_every_row_is_a_code() {
    let defined = ErrorCode::ALL
        .iter()
        .map(|code| code.as_str().to_owned())
        .collect();
    assert_same("code", first_cells("Codes"), defined);
}

#[test]
fn every_error_detail_has_one_row_and_every_row_is_a_detail() {
    // Every detail set. A struct literal, not `BridgeError::new`: a detail added to
    // `BridgeError` stops this from compiling until it is set here and given its row.
    let error = BridgeError {
        code: ErrorCode::Unexpected,
        field: Some(Field::ServerUrl),
        address: Some(AddressProblem::NoHost),
        retry_after_secs: Some(1),
        http_status: Some(500),
        server_setting: Some(ServerSetting::PasswordResetUrlAllowList),
        keychain: Some(Keychain::SecretService),
    };
    let json = serde_json::to_value(error).unwrap();
    let defined = json
        .as_object()
        .unwrap()
        .keys()
        .filter(|key| *key != "code")
        .cloned()
        .collect();
    assert_same("detail", first_cells("Details"), defined);
}
