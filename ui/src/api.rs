//! The app's commands and events, typed: one function per command in
//! `src-tauri/src/commands.rs` (same name, same arguments, same result) and one subscription per
//! event. Names are the bridge's constants (`account_bridge::commands`, `events`), so a
//! misspelt one does not compile; the argument names are checked against commands.rs by
//! `src-tauri/src/commands/tests.rs`. The rest of the UI calls these functions.

use crate::invoke::{call, on_event, NoArgs};
use account_bridge::{
    commands, events, AboutView, AccountView, BridgeError, EmailLinksView, ItemPage, ItemQuery,
    LanguageView, LinkKind, LinkView, NewAccount, PasswordChanged, ServerInfoView,
    ServerSettingsView, SessionView, StartupView, TwoFactorSetup, UpdateView, UserView,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

type Answer<T> = Result<T, BridgeError>;

pub async fn startup() -> Answer<StartupView> {
    call(commands::STARTUP, &NoArgs {}).await
}

/// The language to speak now (after the server's `default_language` may have changed).
pub async fn language() -> Answer<LanguageView> {
    call(commands::LANGUAGE, &NoArgs {}).await
}

/// The customer's pick (`None`: "Automatic"), saved; the language to speak from now on.
pub async fn choose_language(code: Option<String>) -> Answer<LanguageView> {
    #[derive(Serialize)]
    struct Args {
        code: Option<String>,
    }
    call(commands::CHOOSE_LANGUAGE, &Args { code }).await
}

pub async fn server_settings() -> Answer<ServerSettingsView> {
    call(commands::SERVER_SETTINGS, &NoArgs {}).await
}

/// The server in use when `url` is None, else the typed address before it is saved.
pub async fn test_connection(url: Option<String>) -> Answer<ServerInfoView> {
    #[derive(Serialize)]
    struct Args {
        url: Option<String>,
    }
    call(commands::TEST_CONNECTION, &Args { url }).await
}

pub async fn change_server(url: String, link_page: Option<String>) -> Answer<ServerSettingsView> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args {
        url: String,
        link_page: Option<String>,
    }
    call(commands::CHANGE_SERVER, &Args { url, link_page }).await
}

pub async fn retry_restore() -> Answer<SessionView> {
    call(commands::RETRY_RESTORE, &NoArgs {}).await
}

pub async fn sign_in(email: String, password: String, otp: Option<String>) -> Answer<SessionView> {
    #[derive(Serialize)]
    struct Args {
        email: String,
        password: String,
        otp: Option<String>,
    }
    call(
        commands::SIGN_IN,
        &Args {
            email,
            password,
            otp,
        },
    )
    .await
}

pub async fn sign_out() -> Answer<SessionView> {
    call(commands::SIGN_OUT, &NoArgs {}).await
}

/// A page of `collection` (one the app's configuration lists), each item read into `T`: the
/// screen's own type with the fields it asked for. The core adds the session's token.
pub async fn list_items<T: DeserializeOwned>(
    collection: &str,
    query: &ItemQuery,
) -> Answer<ItemPage<T>> {
    #[derive(Serialize)]
    struct Args<'a> {
        collection: &'a str,
        query: &'a ItemQuery,
    }
    call(commands::LIST_ITEMS, &Args { collection, query }).await
}

/// One item of `collection` by its id, with `fields` (all the role may read when empty).
pub async fn read_item<T: DeserializeOwned>(
    collection: &str,
    id: &ItemId,
    fields: &[&str],
) -> Answer<T> {
    #[derive(Serialize)]
    struct Args<'a> {
        collection: &'a str,
        id: &'a str,
        fields: &'a [&'a str],
    }
    call(
        commands::READ_ITEM,
        &Args {
            collection,
            id: &id.0,
            fields,
        },
    )
    .await
}

/// An item's primary key, whether the collection numbers its items or uses UUIDs or strings.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ItemId(pub String);

impl<'de> Deserialize<'de> for ItemId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Key {
            Number(u64),
            Text(String),
        }
        Ok(ItemId(match Key::deserialize(deserializer)? {
            Key::Number(number) => number.to_string(),
            Key::Text(text) => text,
        }))
    }
}

pub async fn current_user() -> Answer<UserView> {
    call(commands::CURRENT_USER, &NoArgs {}).await
}

pub async fn register(account: NewAccount) -> Answer<()> {
    #[derive(Serialize)]
    struct Args {
        account: NewAccount,
    }
    call(commands::REGISTER, &Args { account }).await
}

/// A pasted link or code; `expected` narrows it to one kind.
pub async fn open_link(text: String, expected: Option<LinkKind>) -> Answer<LinkView> {
    #[derive(Serialize)]
    struct Args {
        text: String,
        expected: Option<LinkKind>,
    }
    call(commands::OPEN_LINK, &Args { text, expected }).await
}

pub async fn accept_arrived_link() -> Answer<Option<LinkView>> {
    call(commands::ACCEPT_ARRIVED_LINK, &NoArgs {}).await
}

pub async fn discard_arrived_link() -> Answer<()> {
    call(commands::DISCARD_ARRIVED_LINK, &NoArgs {}).await
}

pub async fn verify_email() -> Answer<Option<String>> {
    call(commands::VERIFY_EMAIL, &NoArgs {}).await
}

pub async fn request_password_reset(email: String) -> Answer<()> {
    #[derive(Serialize)]
    struct Args {
        email: String,
    }
    call(commands::REQUEST_PASSWORD_RESET, &Args { email }).await
}

pub async fn reset_password(password: String) -> Answer<Option<String>> {
    #[derive(Serialize)]
    struct Args {
        password: String,
    }
    call(commands::RESET_PASSWORD, &Args { password }).await
}

pub async fn about() -> Answer<AboutView> {
    call(commands::ABOUT, &NoArgs {}).await
}

/// Builds the diagnostic report and puts it on the clipboard (the text stays in the core).
pub async fn copy_diagnostic_report() -> Answer<()> {
    call(commands::COPY_DIAGNOSTIC_REPORT, &NoArgs {}).await
}

pub async fn open_log_folder() -> Answer<()> {
    call(commands::OPEN_LOG_FOLDER, &NoArgs {}).await
}

pub async fn check_email_links() -> Answer<EmailLinksView> {
    call(commands::CHECK_EMAIL_LINKS, &NoArgs {}).await
}

/// The signed-in customer's account: name (and where it is known from), two-factor, server.
pub async fn account() -> Answer<AccountView> {
    call(commands::ACCOUNT, &NoArgs {}).await
}

pub async fn update_name(first_name: String, last_name: String) -> Answer<AccountView> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args {
        first_name: String,
        last_name: String,
    }
    call(
        commands::UPDATE_NAME,
        &Args {
            first_name,
            last_name,
        },
    )
    .await
}

/// `signed_in_again` false: this device must sign in with the new password and a fresh code
/// (`sign_in`).
pub async fn change_password(
    current_password: String,
    otp: Option<String>,
    new_password: String,
) -> Answer<PasswordChanged> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args {
        current_password: String,
        otp: Option<String>,
        new_password: String,
    }
    call(
        commands::CHANGE_PASSWORD,
        &Args {
            current_password,
            otp,
            new_password,
        },
    )
    .await
}

/// Starts the two-factor set-up (the server asks for the password); the secret stays in the
/// core until `two_factor_enable` or `two_factor_abandon`.
pub async fn two_factor_begin(password: String) -> Answer<TwoFactorSetup> {
    #[derive(Serialize)]
    struct Args {
        password: String,
    }
    call(commands::TWO_FACTOR_BEGIN, &Args { password }).await
}

pub async fn two_factor_enable(otp: String) -> Answer<AccountView> {
    #[derive(Serialize)]
    struct Args {
        otp: String,
    }
    call(commands::TWO_FACTOR_ENABLE, &Args { otp }).await
}

/// The set-up screen was left: the core forgets the secret.
pub async fn two_factor_abandon() -> Answer<()> {
    call(commands::TWO_FACTOR_ABANDON, &NoArgs {}).await
}

pub async fn two_factor_disable(otp: String) -> Answer<AccountView> {
    #[derive(Serialize)]
    struct Args {
        otp: String,
    }
    call(commands::TWO_FACTOR_DISABLE, &Args { otp }).await
}

/// Puts the pending two-factor secret on the clipboard (from the core).
pub async fn copy_two_factor_secret() -> Answer<()> {
    call(commands::COPY_TWO_FACTOR_SECRET, &NoArgs {}).await
}

/// Updates: on or off, the last check, what was found, what is under way.
pub async fn updates() -> Answer<UpdateView> {
    call(commands::UPDATES, &NoArgs {}).await
}

/// Looks for a newer version now (the core also looks by itself, daily).
pub async fn check_for_updates() -> Answer<UpdateView> {
    call(commands::CHECK_FOR_UPDATES, &NoArgs {}).await
}

/// "Later": no banner for this version, in this run or the next.
pub async fn postpone_update() -> Answer<UpdateView> {
    call(commands::POSTPONE_UPDATE, &NoArgs {}).await
}

/// Downloads, verifies and installs the update found, then the app restarts: an answer comes
/// only when that did not happen.
pub async fn install_update() -> Answer<()> {
    call(commands::INSTALL_UPDATE, &NoArgs {}).await
}

/// Every change of the updates' view: a check, an offer, an install's progress.
pub async fn on_update_changed(handler: impl FnMut(UpdateView) + 'static) {
    on_event(events::UPDATE_CHANGED, handler).await
}

/// Every change of the session, for the life of the page.
pub async fn on_session_changed(handler: impl FnMut(SessionView) + 'static) {
    on_event(events::SESSION_CHANGED, handler).await
}

/// Every deep link that arrives (to be accepted with `accept_arrived_link`).
pub async fn on_link_opened(handler: impl FnMut(LinkView) + 'static) {
    on_event(events::LINK_OPENED, handler).await
}

/// Every deep link the core refused.
pub async fn on_link_rejected(handler: impl FnMut(BridgeError) + 'static) {
    on_event(events::LINK_REJECTED, handler).await
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    /// Every source file of the UI, with its text up to its unit tests.
    fn sources() -> Vec<(PathBuf, String)> {
        fn walk(folder: &Path, found: &mut Vec<(PathBuf, String)>) {
            for entry in std::fs::read_dir(folder).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|extension| extension == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    let code = text.split("#[cfg(test)]").next().unwrap().to_string();
                    found.push((path, code));
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.len() > 10, "the UI's sources were not found");
        found
    }

    /// The screens reach the core through this module's functions only, so this file and
    /// commands.rs are the whole of the bridge to check.
    #[test]
    fn no_other_ui_file_calls_the_core_or_names_a_command_or_an_event() {
        for (path, code) in sources() {
            let name = path.file_name().unwrap().to_str().unwrap();
            if name == "api.rs" || name == "invoke.rs" {
                continue;
            }
            for name_of_the_bridge in ["invoke::", "commands::", "events::", "__TAURI__"] {
                assert!(
                    !code.contains(name_of_the_bridge),
                    "{} uses {name_of_the_bridge}: only ui/src/api.rs calls the core",
                    path.display()
                );
            }
        }
    }

    /// Tokens never reach the webview: nothing in the UI has a name for one.
    #[test]
    fn the_ui_never_names_a_token_field() {
        for (path, code) in sources() {
            let lower = code.to_lowercase();
            for token_name in ["_token", "token_", "token:", "tokens:"] {
                assert!(
                    !lower.contains(token_name),
                    "{} names a token ({token_name})",
                    path.display()
                );
            }
        }
    }
}
