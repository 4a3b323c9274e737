//! The organisation's own data, read as the signed-in user: `GET /items/<collection>` and
//! `GET /items/<collection>/<id>` for the collections the app's configuration names, with the
//! session's access token, which never leaves the core. Read-only.

use crate::error::CoreError;
use account_bridge::ItemQuery;
use serde::Deserialize;
use std::collections::BTreeSet;

/// The most items one request may ask for (Directus's own default page is 100).
pub const MAX_LIMIT: u32 = 100;

/// The collections the UI may read, from the app's configuration. Anything else is refused
/// before a request is made: a page that was tampered with cannot use the session to read
/// what the organisation did not mean to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowedCollections(BTreeSet<String>);

impl AllowedCollections {
    /// Each name must be a plain collection name; Directus's own (`directus_*`: users, roles,
    /// settings, files…) are never allowed.
    pub fn new<S: Into<String>>(names: impl IntoIterator<Item = S>) -> Result<Self, CoreError> {
        let mut allowed = BTreeSet::new();
        for name in names {
            let name = name.into();
            if !is_identifier(&name) || name.starts_with("directus_") {
                return Err(config_error(format!(
                    "{name:?} is not a collection the app can be allowed to read"
                )));
            }
            allowed.insert(name);
        }
        Ok(AllowedCollections(allowed))
    }

    /// The app configuration's JSON: `{"collections": ["announcements", …]}`.
    pub fn from_config(json: &str) -> Result<Self, CoreError> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Config {
            collections: Vec<String>,
        }
        let config: Config = serde_json::from_str(json)
            .map_err(|error| config_error(format!("the app configuration: {error}")))?;
        Self::new(config.collections)
    }

    pub fn check(&self, collection: &str) -> Result<(), CoreError> {
        if self.0.contains(collection) {
            Ok(())
        } else {
            Err(CoreError::CollectionNotAllowed(
                collection.chars().take(64).collect(),
            ))
        }
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }
}

fn config_error(detail: String) -> CoreError {
    CoreError::Unexpected { status: 0, detail }
}

/// A screen's mistake (a malformed query), said in the log; never the server's fault.
fn query_error(detail: &str) -> CoreError {
    CoreError::Unexpected {
        status: 0,
        detail: format!("invalid item query: {detail}"),
    }
}

/// Names of collections and fields: letters, digits, `_` and `-`, as Directus creates them.
fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// A field path (`title`, `author.name`, `*`).
fn is_field_path(text: &str) -> bool {
    text == "*"
        || (text.len() <= 128
            && text
                .split('.')
                .all(|part| is_identifier(part) || part == "*"))
}

/// An item's primary key: an integer, a UUID or a string key, sent as one path segment.
pub fn check_item_id(id: &str) -> Result<(), CoreError> {
    if id.is_empty() || id.len() > 128 || id.chars().any(char::is_control) {
        return Err(query_error("the item id"));
    }
    Ok(())
}

/// `fields` alone, for one item.
pub fn fields_param(fields: &[String]) -> Result<Option<(&'static str, String)>, CoreError> {
    if fields.len() > 32 || !fields.iter().all(|field| is_field_path(field)) {
        return Err(query_error("fields"));
    }
    Ok((!fields.is_empty()).then(|| ("fields", fields.join(","))))
}

/// The query string of a list: checked and bounded here, so what reaches Directus is only
/// what a screen can legitimately ask for.
pub fn list_params(query: &ItemQuery) -> Result<Vec<(&'static str, String)>, CoreError> {
    let mut params = Vec::new();
    params.extend(fields_param(&query.fields)?);
    if let Some(filter) = &query.filter {
        if filter.len() > 8 * 1024 {
            return Err(query_error("the filter is too long"));
        }
        let parsed: serde_json::Value =
            serde_json::from_str(filter).map_err(|_| query_error("the filter is not JSON"))?;
        if !parsed.is_object() {
            return Err(query_error("the filter is not a JSON object"));
        }
        params.push(("filter", parsed.to_string()));
    }
    if !query.sort.is_empty() {
        let valid = query.sort.len() <= 8
            && query
                .sort
                .iter()
                .all(|key| is_field_path(key.strip_prefix('-').unwrap_or(key)) && key != "*");
        if !valid {
            return Err(query_error("sort"));
        }
        params.push(("sort", query.sort.join(",")));
    }
    let limit = query.limit.unwrap_or(MAX_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(query_error("limit"));
    }
    params.push(("limit", limit.to_string()));
    match (query.page, query.offset) {
        (Some(_), Some(_)) => return Err(query_error("both page and offset")),
        (Some(page), None) if page >= 1 => params.push(("page", page.to_string())),
        (Some(_), None) => return Err(query_error("page")),
        (None, Some(offset)) => params.push(("offset", offset.to_string())),
        (None, None) => {}
    }
    if let Some(search) = &query.search {
        if search.chars().count() > 200 || search.chars().any(char::is_control) {
            return Err(query_error("search"));
        }
        if !search.trim().is_empty() {
            params.push(("search", search.trim().to_string()));
        }
    }
    // How many match in all, so a screen can say how many pages there are.
    params.push(("meta", "filter_count".into()));
    Ok(params)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query() -> ItemQuery {
        ItemQuery::default()
    }

    #[test]
    fn only_configured_plain_collections_are_allowed() {
        let allowed =
            AllowedCollections::from_config(r#"{"collections": ["announcements"]}"#).unwrap();
        assert!(allowed.check("announcements").is_ok());
        for other in ["directus_users", "Announcements", "orders", "", "../users"] {
            assert!(
                matches!(
                    allowed.check(other),
                    Err(CoreError::CollectionNotAllowed(_))
                ),
                "{other}"
            );
        }
        for bad in [
            r#"{"collections": ["directus_users"]}"#,
            r#"{"collections": ["a/b"]}"#,
            r#"{"collections": [""]}"#,
            r#"{"collections": "announcements"}"#,
            r#"{"collection": ["announcements"]}"#,
        ] {
            assert!(AllowedCollections::from_config(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_list_query_becomes_bounded_directus_parameters() {
        let params = list_params(&ItemQuery {
            fields: vec!["id".into(), "title".into(), "author.name".into()],
            filter: Some(r#"{ "status": { "_eq": "published" } }"#.into()),
            sort: vec!["-published_at".into(), "id".into()],
            limit: Some(5),
            page: Some(2),
            offset: None,
            search: Some("  maintenance ".into()),
        })
        .unwrap();
        assert_eq!(
            params,
            vec![
                ("fields", "id,title,author.name".to_string()),
                ("filter", r#"{"status":{"_eq":"published"}}"#.to_string()),
                ("sort", "-published_at,id".to_string()),
                ("limit", "5".to_string()),
                ("page", "2".to_string()),
                ("search", "maintenance".to_string()),
                ("meta", "filter_count".to_string()),
            ]
        );
        // Nothing asked: Directus's default page, and the count.
        assert_eq!(
            list_params(&query()).unwrap(),
            vec![
                ("limit", "100".to_string()),
                ("meta", "filter_count".to_string())
            ]
        );
    }

    #[test]
    fn a_malformed_query_is_refused_before_anything_is_sent() {
        let bad = [
            ItemQuery {
                fields: vec!["title,body".into()],
                ..query()
            },
            ItemQuery {
                fields: vec!["x&limit=-1".into()],
                ..query()
            },
            ItemQuery {
                filter: Some("status=published".into()),
                ..query()
            },
            ItemQuery {
                filter: Some("[1]".into()),
                ..query()
            },
            ItemQuery {
                sort: vec!["-".into()],
                ..query()
            },
            ItemQuery {
                sort: vec!["*".into()],
                ..query()
            },
            ItemQuery {
                limit: Some(0),
                ..query()
            },
            ItemQuery {
                limit: Some(MAX_LIMIT + 1),
                ..query()
            },
            ItemQuery {
                page: Some(0),
                ..query()
            },
            ItemQuery {
                page: Some(1),
                offset: Some(5),
                ..query()
            },
            ItemQuery {
                search: Some("a\nb".into()),
                ..query()
            },
            ItemQuery {
                search: Some("x".repeat(201)),
                ..query()
            },
        ];
        for query in bad {
            assert!(
                matches!(
                    list_params(&query),
                    Err(CoreError::Unexpected { status: 0, .. })
                ),
                "{query:?}"
            );
        }
        assert!(check_item_id("").is_err());
        assert!(check_item_id("a\u{0}b").is_err());
        assert!(check_item_id("42").is_ok());
        assert!(check_item_id("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b").is_ok());
    }
}
