//! The mail sink (maildev) the local Directus sends to: the tests read mails as a user would.

use serde_json::Value;
use std::time::{Duration, Instant};

/// The scheme of the app's links in the test Directus's mails (`scripts/directus --test`
/// allows the release build's scheme).
pub const APP_SCHEME: &str = "directus-desktop";
/// What a confirmation mail's app link opens.
pub const VERIFY_EMAIL: &str = "verify-email";
/// What a password-reset mail's app link opens.
pub const RESET_PASSWORD: &str = "reset-password";

/// Waits for a mail to `recipient` with the app's `what` link (`VERIFY_EMAIL`,
/// `RESET_PASSWORD`) and returns it.
pub async fn wait_for_app_link(maildev_url: &str, recipient: &str, what: &str) -> String {
    wait_for_link(
        maildev_url,
        recipient,
        &format!("{APP_SCHEME}://{what}?token="),
    )
    .await
}

/// Waits (Directus sends after answering) for a mail to `recipient` holding a link that starts
/// with `link_prefix`, and returns the whole link.
pub async fn wait_for_link(maildev_url: &str, recipient: &str, link_prefix: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    let url = format!("{}/api/email", maildev_url.trim_end_matches('/'));
    loop {
        let mails: Value = reqwest::get(&url).await.unwrap().json().await.unwrap();
        let found = mails
            .as_array()
            .into_iter()
            .flatten()
            .rev()
            .find_map(|mail| {
                let to_recipient = mail["to"].as_array().into_iter().flatten().any(|to| {
                    to["address"]
                        .as_str()
                        .is_some_and(|a| a.eq_ignore_ascii_case(recipient))
                });
                if !to_recipient {
                    return None;
                }
                let html = mail["html"].as_str().unwrap_or_default();
                let start = html.find(link_prefix)?;
                let rest = &html[start..];
                let end = rest.find(['"', '\'', '<', ' ', '\n']).unwrap_or(rest.len());
                Some(rest[..end].replace("&amp;", "&"))
            });
        if let Some(link) = found {
            return link;
        }
        assert!(
            Instant::now() < deadline,
            "no mail to {recipient} with a {link_prefix} link within 20 s"
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }
}

/// The `token` query parameter of a link.
pub fn token_of(link: &str) -> String {
    link.split_once("token=")
        .map(|(_, token)| token.split('&').next().unwrap_or_default().to_string())
        .expect("the link has a token")
}
