//! The organisation's announcements, behind the sign-in: the example of a screen that reads the
//! organisation's own Directus data (docs/customising.md shows how to add another). Everything
//! shown is held by these components only, so it is gone as soon as the screen is left.

use crate::api::{self, ItemId};
use crate::components::NavLink;
use crate::copy::{error_copy, Context};
use crate::i18n::{t, Message};
use crate::routing::Screen;
use crate::AppState;
use account_bridge::{BridgeError, ErrorCode, ItemPage, ItemQuery};
use dioxus::prelude::*;
use serde::Deserialize;

/// The collection, as named in `app-config.json`.
const COLLECTION: &str = "announcements";
const PAGE_SIZE: u32 = 5;

/// What the screens read of an announcement.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct Announcement {
    id: ItemId,
    title: String,
    #[serde(default)]
    published_at: Option<String>,
    #[serde(default)]
    body: Option<String>,
}

#[component]
pub fn List(page: u32) -> Element {
    let state = use_context::<AppState>();
    let mut listing = use_resource(move || async move {
        let query = ItemQuery {
            fields: vec!["id".into(), "title".into(), "published_at".into()],
            // Published ones. A licensed Directus can also hide drafts from customers by
            // permission; an unlicensed one cannot, so the screen asks for published ones only.
            filter: Some(r#"{"status":{"_eq":"published"}}"#.into()),
            sort: vec!["-published_at".into()],
            limit: Some(PAGE_SIZE),
            page: Some(page),
            ..ItemQuery::default()
        };
        api::list_items::<Announcement>(COLLECTION, &query).await
    });

    let body = match &*listing.read() {
        None => {
            rsx! { p { id: "announcements-loading", class: "muted", role: "status", {t("announcements-loading")} } }
        }
        Some(Err(error)) => rsx! {
            Failure { id: "announcements-error", error: error.clone(), forbidden: Message::new("announcements-forbidden"),
                onretry: move |_| listing.restart() }
        },
        Some(Ok(ItemPage { items, .. })) if items.is_empty() => rsx! {
            p { id: "announcements-empty", class: "muted", {t("announcements-empty")} }
        },
        Some(Ok(ItemPage { items, total })) => {
            let pages = total.map(|total| total.div_ceil(u64::from(PAGE_SIZE)).max(1));
            let last = pages.map_or(items.len() < PAGE_SIZE as usize, |pages| {
                u64::from(page) >= pages
            });
            rsx! {
                ul { id: "announcements-list", class: "items",
                    for item in items.iter().cloned() {
                        li { key: "{item.id.0}", class: "announcement",
                            button { class: "item-link", r#type: "button",
                                onclick: move |_| state.go(Screen::Announcement { id: item.id.0.clone(), page }),
                                span { class: "item-title", "data-value": "true", "{item.title}" }
                                if let Some(date) = item.published_at.as_deref() {
                                    span { class: "item-date muted", "data-value": "true", {format_date(date)} }
                                }
                            }
                        }
                    }
                }
                nav { class: "pager", "aria-label": t("announcements-pages"),
                    button { id: "announcements-newer", r#type: "button", disabled: page <= 1,
                        onclick: move |_| state.go(Screen::Announcements { page: page.saturating_sub(1).max(1) }), {t("announcements-newer")} }
                    span { id: "announcements-page", class: "muted",
                        match pages {
                            Some(pages) => Message::new("announcements-page-of").with("page", page).with("pages", pages),
                            None => Message::new("announcements-page").with("page", page),
                        }
                    }
                    button { id: "announcements-older", r#type: "button", disabled: last,
                        onclick: move |_| state.go(Screen::Announcements { page: page + 1 }), {t("announcements-older")} }
                }
            }
        }
    };
    rsx! {
        section { id: "announcements", class: "card", "aria-labelledby": "announcements-title",
            h1 { id: "announcements-title", {t("announcements-title")} }
            {body}
            nav { class: "links",
                NavLink { id: "back-to-account", label: Message::new("announcements-your-account"), onclick: move |_| state.go(Screen::account()) }
            }
        }
    }
}

#[component]
pub fn Item(id: String, page: u32) -> Element {
    let state = use_context::<AppState>();
    let item_id = ItemId(id);
    let mut reading = use_resource(move || {
        let item_id = item_id.clone();
        async move {
            api::read_item::<Announcement>(
                COLLECTION,
                &item_id,
                &["id", "title", "body", "published_at"],
            )
            .await
        }
    });
    let body = match &*reading.read() {
        None => {
            rsx! { p { id: "announcement-loading", class: "muted", role: "status", {t("loading")} } }
        }
        Some(Err(error)) => rsx! {
            Failure { id: "announcement-error", error: error.clone(), forbidden: Message::new("announcement-forbidden"),
                onretry: move |_| reading.restart() }
        },
        Some(Ok(item)) => rsx! {
            h1 { id: "announcement-title", "data-value": "true", "{item.title}" }
            if let Some(date) = item.published_at.as_deref() {
                p { id: "announcement-date", class: "muted", "data-value": "true", {format_date(date)} }
            }
            // Plain text: each paragraph a text node, so markup in the body shows as typed.
            div { id: "announcement-body", class: "item-body", "data-value": "true",
                for (index, paragraph) in paragraphs(item.body.as_deref().unwrap_or_default()).into_iter().enumerate() {
                    p { key: "{index}", "{paragraph}" }
                }
            }
        },
    };
    rsx! {
        article { id: "announcement", class: "card",
            {body}
            nav { class: "links",
                NavLink { id: "announcements-back", label: Message::new("announcements-all"), onclick: move |_| state.go(Screen::Announcements { page }) }
                NavLink { id: "back-to-account", label: Message::new("announcements-your-account"), onclick: move |_| state.go(Screen::account()) }
            }
        }
    }
}

/// Why the data could not be shown, and a way to try again (not for a refusal: trying again
/// would change nothing).
#[component]
fn Failure(
    id: &'static str,
    error: BridgeError,
    /// What a refusal says: it names what was refused.
    forbidden: Message,
    onretry: EventHandler<()>,
) -> Element {
    let message = match error.code {
        ErrorCode::Forbidden => forbidden,
        _ => error_copy(&error, Context::SignedIn),
    };
    let retry = !matches!(
        error.code,
        ErrorCode::Forbidden | ErrorCode::CollectionNotAllowed | ErrorCode::QueryNotAllowed
    );
    rsx! {
        div { id: id, class: "notice-error banner", role: "alert",
            p { {message} }
            if retry {
                button { id: "{id}-retry", class: "link", r#type: "button", onclick: move |_| onretry.call(()), {t("try-again")} }
            }
        }
    }
}

/// Paragraphs at blank lines; single line breaks kept inside a paragraph by CSS
/// (`white-space: pre-line`).
fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(String::from)
        .collect()
}

/// A Directus timestamp as a date in the app's language ("26 November 2026", "26. November
/// 2026").
fn format_date(timestamp: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(timestamp));
        if !date.get_time().is_nan() {
            let options = js_sys::Object::new();
            for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric")] {
                let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
            }
            return String::from(date.to_locale_date_string(&crate::i18n::date_locale(), &options));
        }
    }
    timestamp.get(..10).unwrap_or(timestamp).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_becomes_paragraphs_of_plain_text() {
        assert_eq!(
            paragraphs("First line\nsame paragraph\r\n\r\n\n<script>x</script>\n\n  "),
            vec!["First line\nsame paragraph", "<script>x</script>"]
        );
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn an_announcement_reads_whatever_key_type_the_collection_uses() {
        let numbered: Announcement =
            serde_json::from_str(r#"{"id": 7, "title": "T", "published_at": null}"#).unwrap();
        assert_eq!(numbered.id, ItemId("7".into()));
        let uuid: Announcement =
            serde_json::from_str(r#"{"id": "6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "title": "T"}"#)
                .unwrap();
        assert_eq!(uuid.id.0.len(), 36);
    }
}
