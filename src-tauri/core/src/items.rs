//! The organisation's own data, read as the signed-in user: `GET /items/<collection>` and
//! `GET /items/<collection>/<id>` for the collections the app's configuration names, with the
//! session's access token, which never leaves the core. Read-only.
//!
//! The configuration says, per collection, which fields may be read, sorted and filtered (and
//! with which operators), and whether a search may run. Every query is checked against that
//! shape before a request is made. This is the boundary an unlicensed Directus 12 cannot draw
//! itself: it accepts no field lists or row filters in a permission, so without it a tampered
//! page could follow relations (`user_created.email`, `*.*`) into `directus_users` or any
//! related collection with the customer's session.

use crate::error::CoreError;
use account_bridge::ItemQuery;
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// The most items one request may ask for (Directus's own default page is 100).
pub const MAX_LIMIT: u32 = 100;

/// How deep `_and`/`_or` may nest, and how many conditions one filter may hold.
const MAX_FILTER_DEPTH: usize = 4;
const MAX_FILTER_CONDITIONS: usize = 32;

/// The filter operators a configuration may name: Directus's comparisons on one field's own
/// value. Relational ones (`_some`, `_none`) and geometry are left out on purpose: they reach
/// into other collections or take objects as values.
const OPERATORS: &[&str] = &[
    "_eq",
    "_neq",
    "_lt",
    "_lte",
    "_gt",
    "_gte",
    "_in",
    "_nin",
    "_null",
    "_nnull",
    "_contains",
    "_ncontains",
    "_icontains",
    "_nicontains",
    "_starts_with",
    "_nstarts_with",
    "_istarts_with",
    "_nistarts_with",
    "_ends_with",
    "_nends_with",
    "_iends_with",
    "_niends_with",
    "_between",
    "_nbetween",
    "_empty",
    "_nempty",
];

/// What the app may ask of one collection, from the app's configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectionShape {
    /// The fields a screen may read (and gets when it names none).
    fields: BTreeSet<String>,
    /// The fields a list may be sorted by.
    #[serde(default)]
    sort: BTreeSet<String>,
    /// The fields a list may be filtered on, each with the operators it may use.
    #[serde(default)]
    filter: BTreeMap<String, BTreeSet<String>>,
    /// Whether a list may use Directus's `search`, which matches every text field of the
    /// collection, listed or not.
    #[serde(default)]
    search: bool,
}

/// The collections the UI may read and the shape of what it may ask of each, from the app's
/// configuration. Anything else is refused before a request is made: a page that was
/// tampered with cannot use the session to read what the organisation did not mean to show.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AllowedCollections(BTreeMap<String, CollectionShape>);

impl AllowedCollections {
    /// The app configuration's JSON:
    /// `{"collections": {"announcements": {"fields": [...], "sort": [...], "filter": {"status": ["_eq"]}, "search": true}}}`.
    pub fn from_config(json: &str) -> Result<Self, CoreError> {
        crate::app_config::AppConfig::parse(json, crate::Build::current())
            .map(|config| config.collections)
    }

    /// The collections of the app configuration, checked.
    pub(crate) fn from_shapes(shapes: BTreeMap<String, CollectionShape>) -> Result<Self, String> {
        for (name, shape) in &shapes {
            // Directus's own collections (`directus_*`: users, roles, settings, files…) are
            // never allowed.
            if !is_identifier(name) || name.starts_with("directus_") {
                return Err(format!(
                    "{name:?} is not a collection the app can be allowed to read"
                ));
            }
            shape
                .validate()
                .map_err(|detail| format!("collection {name:?}: {detail}"))?;
        }
        Ok(AllowedCollections(shapes))
    }

    /// The shape allowed for `collection`, or `COLLECTION_NOT_ALLOWED`.
    pub fn check(&self, collection: &str) -> Result<&CollectionShape, CoreError> {
        self.0
            .get(collection)
            .ok_or_else(|| CoreError::CollectionNotAllowed(collection.chars().take(64).collect()))
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

impl CollectionShape {
    fn validate(&self) -> Result<(), String> {
        if self.fields.is_empty() {
            return Err("no fields to read".into());
        }
        let named = self
            .fields
            .iter()
            .chain(&self.sort)
            .chain(self.filter.keys());
        if let Some(bad) = named.into_iter().find(|field| !is_identifier(field)) {
            return Err(format!(
                "{bad:?} is not a plain field name (no relation paths or wildcards)"
            ));
        }
        for (field, operators) in &self.filter {
            if let Some(bad) = operators
                .iter()
                .find(|op| !OPERATORS.contains(&op.as_str()))
            {
                return Err(format!("{bad:?} on {field:?} is not a supported operator"));
            }
        }
        Ok(())
    }

    /// The query string of a list: checked against the shape and bounded here, so what
    /// reaches Directus is only what the organisation configured.
    pub fn list_params(&self, query: &ItemQuery) -> Result<Vec<(&'static str, String)>, CoreError> {
        let mut params = vec![self.fields_param(&query.fields)?];
        if let Some(filter) = &query.filter {
            if filter.len() > 8 * 1024 {
                return Err(refused("the filter is too long"));
            }
            let parsed: Value =
                serde_json::from_str(filter).map_err(|_| refused("the filter is not JSON"))?;
            let mut conditions = 0;
            self.check_filter(&parsed, 0, &mut conditions)?;
            params.push(("filter", parsed.to_string()));
        }
        if !query.sort.is_empty() {
            if query.sort.len() > 8 {
                return Err(refused("too many sort keys"));
            }
            for key in &query.sort {
                let field = key.strip_prefix('-').unwrap_or(key);
                if !self.sort.contains(field) {
                    return Err(refused(&format!("sorting by {}", shown(field))));
                }
            }
            params.push(("sort", query.sort.join(",")));
        }
        let limit = query.limit.unwrap_or(MAX_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(refused("limit"));
        }
        params.push(("limit", limit.to_string()));
        match (query.page, query.offset) {
            (Some(_), Some(_)) => return Err(refused("both page and offset")),
            (Some(page), None) if page >= 1 => params.push(("page", page.to_string())),
            (Some(_), None) => return Err(refused("page")),
            (None, Some(offset)) => params.push(("offset", offset.to_string())),
            (None, None) => {}
        }
        if let Some(search) = &query.search {
            if !self.search {
                return Err(refused("search is not enabled for this collection"));
            }
            if search.chars().count() > 200 || search.chars().any(char::is_control) {
                return Err(refused("search"));
            }
            if !search.trim().is_empty() {
                params.push(("search", search.trim().to_string()));
            }
        }
        // How many match in all, so a screen can say how many pages there are.
        params.push(("meta", "filter_count".into()));
        Ok(params)
    }

    /// `fields` for one item or a list: the ones asked for, each configured; none asked means
    /// every configured field (never Directus's default, `*`).
    pub fn fields_param(&self, fields: &[String]) -> Result<(&'static str, String), CoreError> {
        if fields.len() > 32 {
            return Err(refused("too many fields"));
        }
        if let Some(field) = fields.iter().find(|field| !self.fields.contains(*field)) {
            return Err(refused(&format!("reading {}", shown(field))));
        }
        let fields: Vec<&str> = if fields.is_empty() {
            self.fields.iter().map(String::as_str).collect()
        } else {
            fields.iter().map(String::as_str).collect()
        };
        Ok(("fields", fields.join(",")))
    }

    /// Walks Directus's filter JSON: `_and`/`_or` over a list of filters, or a configured
    /// field with configured operators whose values are plain values. Anything else (relation
    /// paths, unknown operators, objects as values, `$CURRENT_USER…`) is refused.
    fn check_filter(
        &self,
        filter: &Value,
        depth: usize,
        conditions: &mut usize,
    ) -> Result<(), CoreError> {
        let Value::Object(filter) = filter else {
            return Err(refused("the filter is not a JSON object"));
        };
        if depth >= MAX_FILTER_DEPTH {
            return Err(refused("the filter nests too deep"));
        }
        for (key, value) in filter {
            match key.as_str() {
                "_and" | "_or" => {
                    let Value::Array(parts) = value else {
                        return Err(refused("_and/_or takes a list"));
                    };
                    if parts.is_empty() {
                        return Err(refused("an empty _and/_or"));
                    }
                    for part in parts {
                        self.check_filter(part, depth + 1, conditions)?;
                    }
                }
                field => self.check_condition(field, value, conditions)?,
            }
        }
        Ok(())
    }

    fn check_condition(
        &self,
        field: &str,
        condition: &Value,
        conditions: &mut usize,
    ) -> Result<(), CoreError> {
        let Some(operators) = self.filter.get(field) else {
            return Err(refused(&format!("filtering on {}", shown(field))));
        };
        let Value::Object(condition) = condition else {
            return Err(refused("a condition is an object of operators"));
        };
        if condition.is_empty() {
            return Err(refused("an empty condition"));
        }
        for (operator, value) in condition {
            *conditions += 1;
            if *conditions > MAX_FILTER_CONDITIONS {
                return Err(refused("the filter has too many conditions"));
            }
            if !operators.contains(operator) {
                return Err(refused(&format!(
                    "the operator {} on {}",
                    shown(operator),
                    shown(field)
                )));
            }
            check_operand(operator, value)?;
        }
        Ok(())
    }
}

/// The value an operator compares with: a plain value, or a list of them for the operators
/// that take one.
fn check_operand(operator: &str, value: &Value) -> Result<(), CoreError> {
    let plain = |value: &Value| match value {
        Value::String(text) => !is_user_variable(text),
        Value::Number(_) | Value::Bool(_) | Value::Null => true,
        Value::Array(_) | Value::Object(_) => false,
    };
    let fits = match operator {
        "_in" | "_nin" => {
            matches!(value, Value::Array(items) if items.len() <= 100 && items.iter().all(plain))
        }
        "_between" | "_nbetween" => {
            matches!(value, Value::Array(items) if items.len() == 2 && items.iter().all(plain))
        }
        "_null" | "_nnull" | "_empty" | "_nempty" => value.is_boolean(),
        _ => plain(value),
    };
    if fits {
        Ok(())
    } else {
        Err(refused(&format!("the value for {}", shown(operator))))
    }
}

/// Directus replaces `$CURRENT_USER`, `$CURRENT_ROLE`… (and paths below them, such as
/// `$CURRENT_USER.email`) with the signed-in user's own records: a comparison with them probes
/// the user's and role's data, which is not a collection the configuration allows.
/// `$NOW` (dates) stays allowed.
fn is_user_variable(text: &str) -> bool {
    text.starts_with("$CURRENT_")
}

/// An item's primary key: an integer, a UUID or a string key, sent as one path segment. `.`
/// and `..` are refused: the URL library drops them as path steps, which would turn a read
/// of one item into a read of the whole collection.
pub fn check_item_id(id: &str) -> Result<(), CoreError> {
    if id.is_empty()
        || id.len() > 128
        || id.chars().any(char::is_control)
        || matches!(id, "." | "..")
    {
        return Err(refused("the item id"));
    }
    Ok(())
}

/// A query outside the configured shape (or malformed), refused before anything is sent.
/// The detail is for the log: it names at most a bounded, printable part of what was asked.
fn refused(detail: &str) -> CoreError {
    CoreError::QueryNotAllowed(detail.to_string())
}

/// A name from a query, as the log shows it: short and printable.
fn shown(text: &str) -> String {
    let cleaned: String = text.chars().filter(|c| !c.is_control()).take(64).collect();
    format!("{cleaned:?}")
}

/// Names of collections and fields: letters, digits, `_` and `-`, as Directus creates them.
fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const CONFIG: &str = r#"{"collections": {"announcements": {
        "fields": ["id", "title", "body", "published_at", "status"],
        "sort": ["published_at", "id"],
        "filter": {"status": ["_eq", "_in"], "title": ["_contains"], "published_at": ["_lte", "_between", "_null"]},
        "search": true
    }}}"#;

    fn shape() -> CollectionShape {
        AllowedCollections::from_config(CONFIG)
            .unwrap()
            .check("announcements")
            .unwrap()
            .clone()
    }

    fn query() -> ItemQuery {
        ItemQuery::default()
    }

    fn filtered(filter: Value) -> ItemQuery {
        ItemQuery {
            filter: Some(filter.to_string()),
            ..query()
        }
    }

    fn is_refused(result: Result<Vec<(&'static str, String)>, CoreError>) -> bool {
        matches!(result, Err(CoreError::QueryNotAllowed(_)))
    }

    #[test]
    fn only_configured_plain_collections_are_allowed() {
        let allowed = AllowedCollections::from_config(CONFIG).unwrap();
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
        let shape = |shape: Value| json!({"collections": {"news": shape}}).to_string();
        for bad in [
            r#"{"collections": {"directus_users": {"fields": ["id"]}}}"#.to_string(),
            r#"{"collections": {"a/b": {"fields": ["id"]}}}"#.to_string(),
            r#"{"collections": {"": {"fields": ["id"]}}}"#.to_string(),
            r#"{"collections": ["announcements"]}"#.to_string(),
            r#"{"collection": {"announcements": {"fields": ["id"]}}}"#.to_string(),
            shape(json!({"fields": []})),
            shape(json!({"fields": ["user_created.email"]})),
            shape(json!({"fields": ["*"]})),
            shape(json!({"fields": ["id"], "sort": ["author.name"]})),
            shape(json!({"fields": ["id"], "filter": {"author.name": ["_eq"]}})),
            shape(json!({"fields": ["id"], "filter": {"id": ["_some"]}})),
            shape(json!({"fields": ["id"], "filter": {"id": ["_regex"]}})),
            shape(json!({"fields": ["id"], "writable": true})),
        ] {
            assert!(AllowedCollections::from_config(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_list_query_becomes_bounded_directus_parameters() {
        let params = shape()
            .list_params(&ItemQuery {
                fields: vec!["id".into(), "title".into()],
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
                ("fields", "id,title".to_string()),
                ("filter", r#"{"status":{"_eq":"published"}}"#.to_string()),
                ("sort", "-published_at,id".to_string()),
                ("limit", "5".to_string()),
                ("page", "2".to_string()),
                ("search", "maintenance".to_string()),
                ("meta", "filter_count".to_string()),
            ]
        );
        // Nothing asked: the configured fields (never Directus's `*`), its default page, and
        // the count.
        assert_eq!(
            shape().list_params(&query()).unwrap(),
            vec![
                ("fields", "body,id,published_at,status,title".to_string()),
                ("limit", "100".to_string()),
                ("meta", "filter_count".to_string())
            ]
        );
    }

    #[test]
    fn filters_inside_the_shape_pass() {
        for filter in [
            json!({"status": {"_eq": "published"}}),
            json!({"status": {"_in": ["published", "archived"]}}),
            json!({"_and": [{"status": {"_eq": "published"}}, {"title": {"_contains": "Invoices"}}]}),
            json!({"_or": [{"published_at": {"_null": true}}, {"published_at": {"_lte": "$NOW"}}]}),
            json!({"published_at": {"_between": ["2026-01-01", "2026-12-31"]}}),
            json!({"status": {"_eq": "published"}, "title": {"_contains": "x"}}),
        ] {
            assert!(
                shape().list_params(&filtered(filter.clone())).is_ok(),
                "{filter}"
            );
        }
    }

    #[test]
    fn a_query_outside_the_shape_is_refused_with_its_own_code() {
        let refused_filters = [
            // Relations: into directus_users, or anywhere related.
            json!({"user_created": {"email": {"_eq": "a@example.com"}}}),
            json!({"user_created.email": {"_eq": "a@example.com"}}),
            json!({"author": {"_some": {"name": {"_eq": "x"}}}}),
            // A field or an operator the configuration does not name for it.
            json!({"body": {"_contains": "password"}}),
            json!({"status": {"_neq": "draft"}}),
            json!({"title": {"_regex": ".*"}}),
            json!({"_and": [{"status": {"_eq": "published"}}, {"body": {"_contains": "x"}}]}),
            json!({"_not": [{"status": {"_eq": "x"}}]}),
            // Values: objects, nested lists, the user's own records.
            json!({"status": {"_eq": {"_eq": "x"}}}),
            json!({"status": {"_in": [["published"]]}}),
            json!({"status": {"_in": "published"}}),
            json!({"status": {"_eq": "$CURRENT_USER.email"}}),
            json!({"status": {"_eq": "$CURRENT_ROLE"}}),
            json!({"published_at": {"_between": ["2026-01-01"]}}),
            json!({"published_at": {"_null": "yes"}}),
            // Shapes that are not filters.
            json!({"status": "published"}),
            json!({"status": {}}),
            json!({"_and": []}),
            json!({"_and": {"status": {"_eq": "x"}}}),
            json!([1]),
            json!({"_and": [{"_and": [{"_and": [{"_and": [{"status": {"_eq": "x"}}]}]}]}]}),
            json!({"status": {"_in": (0..101).collect::<Vec<_>>()}}),
        ];
        for filter in refused_filters {
            assert!(
                is_refused(shape().list_params(&filtered(filter.clone()))),
                "{filter}"
            );
        }
        let many: Vec<Value> = (0..33).map(|_| json!({"status": {"_eq": "x"}})).collect();
        assert!(is_refused(
            shape().list_params(&filtered(json!({"_or": many})))
        ));

        let refused_queries = [
            ItemQuery {
                fields: vec!["user_created.email".into()],
                ..query()
            },
            ItemQuery {
                fields: vec!["*".into()],
                ..query()
            },
            ItemQuery {
                fields: vec!["*.*.*".into()],
                ..query()
            },
            ItemQuery {
                fields: vec!["title,body".into()],
                ..query()
            },
            ItemQuery {
                fields: vec!["x&limit=-1".into()],
                ..query()
            },
            ItemQuery {
                fields: vec!["secret_notes".into()],
                ..query()
            },
            ItemQuery {
                sort: vec!["user_created.email".into()],
                ..query()
            },
            ItemQuery {
                sort: vec!["-title".into()],
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
                filter: Some("status=published".into()),
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
        for query in refused_queries {
            assert!(is_refused(shape().list_params(&query)), "{query:?}");
        }

        // Search matches every text field, listed or not: only where the configuration says so.
        let mut no_search = shape();
        no_search.search = false;
        let searched = ItemQuery {
            search: Some("x".into()),
            ..query()
        };
        assert!(is_refused(no_search.list_params(&searched)));
    }

    #[test]
    fn one_items_fields_and_id_are_checked() {
        assert_eq!(
            shape().fields_param(&["title".into()]).unwrap(),
            ("fields", "title".to_string())
        );
        assert_eq!(
            shape().fields_param(&[]).unwrap(),
            ("fields", "body,id,published_at,status,title".to_string())
        );
        for bad in ["user_created.email", "*", "secret_notes"] {
            assert!(
                matches!(
                    shape().fields_param(&[bad.into()]),
                    Err(CoreError::QueryNotAllowed(_))
                ),
                "{bad}"
            );
        }
        for bad in ["", ".", "..", "a\u{0}b", &"1".repeat(129)] {
            assert!(
                matches!(check_item_id(bad), Err(CoreError::QueryNotAllowed(_))),
                "{bad:?}"
            );
        }
        assert!(check_item_id("42").is_ok());
        assert!(check_item_id("...").is_ok());
        assert!(check_item_id("6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b").is_ok());
    }

    #[test]
    fn the_detail_in_the_log_is_bounded_and_printable() {
        let long = format!("{}\u{1b}[31m", "x".repeat(500));
        let Err(CoreError::QueryNotAllowed(detail)) = shape().list_params(&ItemQuery {
            fields: vec![long],
            ..query()
        }) else {
            panic!("not refused");
        };
        assert!(detail.len() < 100 && !detail.contains('\u{1b}'), "{detail}");
    }
}
