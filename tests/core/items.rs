//! Reading the organisation's collections as the signed-in user, against the real local
//! Directus and its example collection (`announcements`, which scripts/directus sets up: seven
//! published items and one draft, readable by customers), through a fault proxy that counts
//! what reaches the server.

use account_bridge::{ErrorCode, ItemPage, ItemQuery};
use account_core::{AccountService, AllowedCollections, CoreError};
use serde_json::{json, Value};
use test_support::admin::Admin;
use test_support::fault_proxy::{Fault, FaultProxy};
use test_support::{repo_root, service_for, Customer, LocalDirectus, NEWEST_FIRST};

/// A collection customers have no permission on (made here, as an organisation's staff-only
/// data would be).
const STAFF_ONLY: &str = "internal_notes";

/// What the screens and these tests ask of each collection, and no more.
fn allowed() -> AllowedCollections {
    AllowedCollections::from_config(
        &json!({"collections": {
            "announcements": {
                "fields": ["id", "title", "body", "published_at"],
                "sort": ["published_at"],
                "filter": {"status": ["_eq"], "title": ["_contains"]},
                "search": true
            },
            STAFF_ONLY: {"fields": ["id"]}
        }})
        .to_string(),
    )
    .unwrap()
}

/// A customer signed in through a proxy of their own; the service may read `allowed()`.
async fn reader(what: &str) -> (AccountService, FaultProxy) {
    let local = LocalDirectus::from_env();
    let customer = Customer::create(&local, what).await;
    let proxy = FaultProxy::start(&local.url, None).await;
    let service = service_for(&proxy.url).with_collections(allowed());
    service
        .sign_in(&customer.email, &customer.secret_password(), None)
        .await
        .unwrap();
    (service, proxy)
}

fn titles(page: &ItemPage<Value>) -> Vec<&str> {
    page.items
        .iter()
        .map(|item| item["title"].as_str().unwrap())
        .collect()
}

/// Published ones only, as the screen asks: an unlicensed Directus 12 accepts no permission
/// filter, so drafts are readable there and the query leaves them out.
fn published() -> Option<String> {
    Some(json!({"status": {"_eq": "published"}}).to_string())
}

fn newest(limit: u32, page: u32) -> ItemQuery {
    ItemQuery {
        fields: vec!["id".into(), "title".into(), "published_at".into()],
        filter: published(),
        sort: vec!["-published_at".into()],
        limit: Some(limit),
        page: Some(page),
        ..ItemQuery::default()
    }
}

#[test]
fn the_shipped_configuration_allows_the_example_collection() {
    let config = std::fs::read_to_string(repo_root().join("app-config.json")).unwrap();
    let allowed = AllowedCollections::from_config(&config).unwrap();
    assert!(allowed.check("announcements").is_ok());
    assert!(allowed.check("directus_users").is_err());
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn lists_sort_filter_page_search_and_one_item() {
    let (service, _proxy) = reader("items-list").await;

    let first = service
        .list_items("announcements", &newest(5, 1))
        .await
        .unwrap();
    assert_eq!(titles(&first), NEWEST_FIRST[..5]);
    // The draft is not counted: the filter leaves it out.
    assert_eq!(first.total, Some(7));
    let second = service
        .list_items("announcements", &newest(5, 2))
        .await
        .unwrap();
    assert_eq!(titles(&second), NEWEST_FIRST[5..]);
    // Only the fields asked for.
    let keys: Vec<&String> = first.items[0].as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3, "{keys:?}");

    let oldest = ItemQuery {
        sort: vec!["published_at".into()],
        limit: Some(1),
        ..newest(1, 1)
    };
    let oldest = service.list_items("announcements", &oldest).await.unwrap();
    assert_eq!(titles(&oldest), [NEWEST_FIRST[6]]);

    let filtered = ItemQuery {
        filter: Some(
            json!({"_and": [{"status": {"_eq": "published"}}, {"title": {"_contains": "Invoices"}}]})
                .to_string(),
        ),
        ..newest(5, 1)
    };
    let filtered = service
        .list_items("announcements", &filtered)
        .await
        .unwrap();
    assert_eq!(
        (titles(&filtered), filtered.total),
        (vec!["Invoices by email"], Some(1))
    );
    let searched = ItemQuery {
        search: Some("maintenance".into()),
        ..newest(5, 1)
    };
    let searched = service
        .list_items("announcements", &searched)
        .await
        .unwrap();
    assert_eq!(titles(&searched), ["Planned maintenance on Saturday"]);

    // One item, by its id: its body as stored, markup and all (the screen shows it as text).
    let notice_id = first.items[1]["id"].to_string();
    let notice = service
        .read_item(
            "announcements",
            &notice_id,
            &["title".into(), "body".into()],
        )
        .await
        .unwrap();
    assert_eq!(notice["title"], "Security notice");
    assert!(notice["body"]
        .as_str()
        .unwrap()
        .contains("<script>alert(1)</script>"));
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_missing_item_is_forbidden() {
    let (service, _proxy) = reader("items-missing").await;
    // Directus does not say whether an item exists to someone who may not see it.
    for id in ["999999"] {
        let error = service
            .read_item("announcements", id, &[])
            .await
            .unwrap_err();
        assert!(matches!(error, CoreError::Forbidden), "{id}: {error:?}");
    }
    // The session is untouched by a refusal.
    assert!(service
        .list_items("announcements", &newest(1, 1))
        .await
        .is_ok());
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_collection_not_in_the_configuration_is_refused_before_any_request() {
    let (service, proxy) = reader("items-not-allowed").await;
    let before = proxy.total();
    for collection in ["directus_users", "orders", "announcements/../users", ""] {
        let error = service
            .list_items(collection, &ItemQuery::default())
            .await
            .unwrap_err();
        assert_eq!(
            error.code(),
            ErrorCode::CollectionNotAllowed,
            "{collection}"
        );
        let error = service.read_item(collection, "1", &[]).await.unwrap_err();
        assert_eq!(
            error.code(),
            ErrorCode::CollectionNotAllowed,
            "{collection}"
        );
    }
    // Nothing at all was asked of the server for them: no read by any path, no refresh.
    assert_eq!(proxy.total(), before, "no request may reach the server");
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_collection_the_role_cannot_read_is_forbidden() {
    let admin = Admin::new(&LocalDirectus::from_env());
    admin.ensure_collection(STAFF_ONLY).await;
    let (service, _proxy) = reader("items-forbidden").await;
    let error = service
        .list_items(STAFF_ONLY, &ItemQuery::default())
        .await
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::Forbidden);
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn an_expired_access_token_during_a_list_is_refreshed_once() {
    let (service, proxy) = reader("items-expired").await;

    // Expired as the core sees it: one refresh first, then the list.
    service.session().expire_access_token().await;
    let page = service
        .list_items("announcements", &newest(5, 1))
        .await
        .unwrap();
    assert_eq!(titles(&page), NEWEST_FIRST[..5]);
    assert_eq!(proxy.count("POST /auth/refresh"), 1);

    // Expired as only the server sees it (its clock ran ahead): the list is refused with
    // TOKEN_EXPIRED, the core refreshes once and asks again, and the list arrives.
    let mut refused = false;
    proxy.set_faults(move |request| {
        if request.starts_with("GET /items/announcements") && !refused {
            refused = true;
            Fault::TokenExpired
        } else {
            Fault::Pass
        }
    });
    let lists_before = proxy.count("GET /items/announcements");
    let page = service
        .list_items("announcements", &newest(5, 2))
        .await
        .unwrap();
    assert_eq!(titles(&page), NEWEST_FIRST[5..]);
    assert_eq!(proxy.count("POST /auth/refresh"), 2);
    assert_eq!(proxy.count("GET /items/announcements"), lists_before + 2);
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn an_oversized_list_is_cut_by_the_size_cap() {
    let (service, proxy) = reader("items-oversized").await;
    // A list that would decode, sent with no length to check first: only the cap refuses it.
    proxy.set_faults(|request| {
        if request.starts_with("GET /items/") {
            Fault::OversizedList
        } else {
            Fault::Pass
        }
    });
    let error = service
        .list_items("announcements", &newest(5, 1))
        .await
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::NotDirectus);
    proxy.clear_faults();
    // Still signed in, and the next list works.
    assert!(service
        .list_items("announcements", &newest(5, 1))
        .await
        .is_ok());
}

#[tokio::test]
#[ignore = "needs the local test Directus: run scripts/test"]
async fn a_query_outside_the_configured_shape_is_refused_before_any_request() {
    let (service, proxy) = reader("items-shape").await;
    // The same reads succeed inside the shape, so the refusals below are the shape's.
    assert!(service
        .list_items("announcements", &newest(1, 1))
        .await
        .is_ok());
    let before = proxy.total();
    let outside = [
        // Relations: from an announcement to its author, into directus_users.
        ItemQuery {
            fields: vec!["user_created.email".into()],
            ..newest(1, 1)
        },
        ItemQuery {
            fields: vec!["*.*.*".into()],
            ..newest(1, 1)
        },
        ItemQuery {
            sort: vec!["user_created.email".into()],
            ..newest(1, 1)
        },
        ItemQuery {
            filter: Some(json!({"user_created": {"email": {"_starts_with": "a"}}}).to_string()),
            ..newest(1, 1)
        },
        ItemQuery {
            filter: Some(json!({"_and": [{"status": {"_eq": "published"}}, {"user_created": {"role": {"_eq": "x"}}}]}).to_string()),
            ..newest(1, 1)
        },
        // A field or operator the configuration does not name for the collection.
        ItemQuery {
            filter: Some(json!({"status": {"_neq": "published"}}).to_string()),
            ..newest(1, 1)
        },
        ItemQuery {
            filter: Some(json!({"body": {"_contains": "a"}}).to_string()),
            ..newest(1, 1)
        },
        ItemQuery {
            filter: Some(json!({"status": {"_eq": "$CURRENT_USER.email"}}).to_string()),
            ..newest(1, 1)
        },
    ];
    for query in outside {
        let error = service
            .list_items("announcements", &query)
            .await
            .unwrap_err();
        assert_eq!(error.code(), ErrorCode::QueryNotAllowed, "{query:?}");
    }
    for fields in [
        vec!["user_created.email".to_string()],
        vec!["*".to_string()],
    ] {
        let error = service
            .read_item("announcements", "1", &fields)
            .await
            .unwrap_err();
        assert_eq!(error.code(), ErrorCode::QueryNotAllowed, "{fields:?}");
    }
    // `.` and `..` would be dropped from the path: a read of one item would list them all.
    for id in [".", ".."] {
        let error = service
            .read_item("announcements", id, &[])
            .await
            .unwrap_err();
        assert_eq!(error.code(), ErrorCode::QueryNotAllowed, "{id}");
    }
    assert_eq!(proxy.total(), before, "no request may reach the server");

    // Naming no fields reads the configured ones, never Directus's `*`.
    let all = service
        .list_items(
            "announcements",
            &ItemQuery {
                limit: Some(1),
                ..ItemQuery::default()
            },
        )
        .await
        .unwrap();
    let mut keys: Vec<&String> = all.items[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(keys, ["body", "id", "published_at", "title"]);
}
