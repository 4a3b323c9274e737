//! The app's commands and events, typed: one function per command in
//! `src-tauri/src/commands.rs` (same name, same arguments, same result) and one subscription per
//! event. The rest of the UI calls these; no command or event name is written anywhere else.

use crate::invoke::{call, on_event, NoArgs};
use account_bridge::{
    events, AboutView, BridgeError, EmailLinksView, ItemPage, ItemQuery, LanguageView, LinkKind,
    LinkView, NewAccount, ServerInfoView, ServerSettingsView, SessionView, StartupView, UserView,
};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

type Answer<T> = Result<T, BridgeError>;

pub async fn startup() -> Answer<StartupView> {
    call("startup", &NoArgs {}).await
}

/// The language to speak now (after the server's `default_language` may have changed).
pub async fn language() -> Answer<LanguageView> {
    call("language", &NoArgs {}).await
}

/// The customer's pick (`None`: "Automatic"), saved; the language to speak from now on.
pub async fn choose_language(code: Option<String>) -> Answer<LanguageView> {
    #[derive(Serialize)]
    struct Args {
        code: Option<String>,
    }
    call("choose_language", &Args { code }).await
}

pub async fn server_settings() -> Answer<ServerSettingsView> {
    call("server_settings", &NoArgs {}).await
}

/// The server in use when `url` is None, else the typed address before it is saved.
pub async fn test_connection(url: Option<String>) -> Answer<ServerInfoView> {
    #[derive(Serialize)]
    struct Args {
        url: Option<String>,
    }
    call("test_connection", &Args { url }).await
}

pub async fn change_server(url: String, link_page: Option<String>) -> Answer<ServerSettingsView> {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Args {
        url: String,
        link_page: Option<String>,
    }
    call("change_server", &Args { url, link_page }).await
}

pub async fn retry_restore() -> Answer<SessionView> {
    call("retry_restore", &NoArgs {}).await
}

pub async fn sign_in(email: String, password: String, otp: Option<String>) -> Answer<SessionView> {
    #[derive(Serialize)]
    struct Args {
        email: String,
        password: String,
        otp: Option<String>,
    }
    call(
        "sign_in",
        &Args {
            email,
            password,
            otp,
        },
    )
    .await
}

pub async fn sign_out() -> Answer<SessionView> {
    call("sign_out", &NoArgs {}).await
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
    call("list_items", &Args { collection, query }).await
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
        "read_item",
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
    call("current_user", &NoArgs {}).await
}

pub async fn register(account: NewAccount) -> Answer<()> {
    #[derive(Serialize)]
    struct Args {
        account: NewAccount,
    }
    call("register", &Args { account }).await
}

/// A pasted link or code; `expected` narrows it to one kind.
pub async fn open_link(text: String, expected: Option<LinkKind>) -> Answer<LinkView> {
    #[derive(Serialize)]
    struct Args {
        text: String,
        expected: Option<LinkKind>,
    }
    call("open_link", &Args { text, expected }).await
}

pub async fn accept_arrived_link() -> Answer<Option<LinkView>> {
    call("accept_arrived_link", &NoArgs {}).await
}

pub async fn discard_arrived_link() -> Answer<()> {
    call("discard_arrived_link", &NoArgs {}).await
}

pub async fn verify_email() -> Answer<Option<String>> {
    call("verify_email", &NoArgs {}).await
}

pub async fn request_password_reset(email: String) -> Answer<()> {
    #[derive(Serialize)]
    struct Args {
        email: String,
    }
    call("request_password_reset", &Args { email }).await
}

pub async fn reset_password(password: String) -> Answer<Option<String>> {
    #[derive(Serialize)]
    struct Args {
        password: String,
    }
    call("reset_password", &Args { password }).await
}

pub async fn about() -> Answer<AboutView> {
    call("about", &NoArgs {}).await
}

/// Builds the diagnostic report and puts it on the clipboard (the text stays in the core).
pub async fn copy_diagnostic_report() -> Answer<()> {
    call("copy_diagnostic_report", &NoArgs {}).await
}

pub async fn open_log_folder() -> Answer<()> {
    call("open_log_folder", &NoArgs {}).await
}

pub async fn check_email_links() -> Answer<EmailLinksView> {
    call("check_email_links", &NoArgs {}).await
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
