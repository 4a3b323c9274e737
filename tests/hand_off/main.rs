//! The https hand-off page in Debian's headless Chromium: what a person who clicked an email's
//! link sees, with JavaScript on and off, and what the page is allowed to load.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use sha2::{Digest, Sha256};
use test_support::browser::Browser;
use test_support::forged_token::{reset_token_signed_with, verify_token_signed_with};
use test_support::hand_off::{page_html, serve_hand_off_page};

const SIGNING_SECRET: &str = "any secret: the page never checks signatures";

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: run through scripts/test"]
async fn a_reset_link_opens_the_app_and_offers_the_address_to_copy() {
    let folder = serve_hand_off_page("127.0.0.1:0").await;
    let token = reset_token_signed_with(SIGNING_SECRET, "ada@example.com", false);
    let address = format!("{folder}reset-password?token={token}");
    let browser = Browser::launch("hand-off-reset", true).await;
    browser.open(&address).await;

    assert_eq!(browser.text_of("#ready-title").await, "Reset your password");
    assert_eq!(
        browser.attribute("#open-app", "href").await.as_deref(),
        Some(format!("directus-desktop://reset-password?token={token}").as_str()),
        "the button opens the app's deep link with the same token"
    );
    assert_eq!(browser.value_of("#page-link").await, address);
    assert!(browser.is_displayed("#copy").await);
    assert!(!browser.is_displayed("#broken").await);
    assert!(!browser.is_displayed("#no-script").await);

    // After the page's deep-link attempt, headless Chromium drops WebDriver's native clicks
    // (a script's click still arrives), so the button is pressed from a script. Without a
    // person's gesture the browser refuses the clipboard, and the page must say to press Ctrl+C.
    browser.element("html[data-app-opened]").await;
    browser
        .client
        .execute("document.getElementById('copy').click()", vec![])
        .await
        .unwrap();
    let status = wait_for_text(&browser, "#copy-status").await;
    assert_eq!(
        browser
            .client
            .execute(
                "return document.activeElement.id + ':' + String(document.getSelection())",
                vec![]
            )
            .await
            .unwrap(),
        serde_json::json!(format!("page-link:{address}")),
        "the link is selected, ready for Ctrl+C"
    );
    assert!(
        status.starts_with("Copied") || status.starts_with("Selected"),
        "the copy button says what it did: {status:?}"
    );
    browser.screenshot("page").await;
    browser.quit().await;
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: run through scripts/test"]
async fn the_page_speaks_the_visitors_language() {
    let folder = serve_hand_off_page("127.0.0.1:0").await;
    let token = reset_token_signed_with(SIGNING_SECRET, "ada@example.com", false);
    let address = format!("{folder}reset-password?token={token}");

    let browser = Browser::launch_in("hand-off-german", true, "de-AT").await;
    browser.open(&address).await;
    assert_eq!(
        browser.text_of("#ready-title").await,
        "Passwort zurücksetzen"
    );
    assert_eq!(
        browser.text_of("#open-app").await,
        "Directus Desktop öffnen"
    );
    // The app's own button, named as the app in German names it, in bold.
    assert_eq!(
        browser.text_of("#nothing-happened strong").await,
        "Link aus einer E-Mail einfügen"
    );
    browser.screenshot("page").await;
    browser.quit().await;

    let browser = Browser::launch_in("hand-off-arabic", true, "ar").await;
    browser
        .open(&format!("{folder}reset-password?token=cut.short"))
        .await;
    assert_eq!(
        browser.text_of("#broken-title").await,
        "هذا الرابط غير مكتمل"
    );
    let direction = browser
        .client
        .execute(
            "return document.documentElement.dir + ':' + document.documentElement.lang",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(direction, serde_json::json!("rtl:ar"));
    browser.screenshot("broken").await;
    browser.quit().await;

    // A language the app does not have: English.
    let browser = Browser::launch_in("hand-off-japanese", true, "ja-JP").await;
    browser.open(&address).await;
    assert_eq!(browser.text_of("#ready-title").await, "Reset your password");
    browser.quit().await;
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: run through scripts/test"]
async fn a_verification_link_opens_the_app_on_its_own_route() {
    let folder = serve_hand_off_page("127.0.0.1:0").await;
    let token = verify_token_signed_with(SIGNING_SECRET, "ada@example.com");
    let browser = Browser::launch("hand-off-verify", true).await;
    // Hosted as a folder of files, with a trailing slash: the same route.
    browser
        .open(&format!("{folder}verify-email/?token={token}"))
        .await;
    assert_eq!(
        browser.text_of("#ready-title").await,
        "Confirm your email address"
    );
    assert_eq!(
        browser.attribute("#open-app", "href").await.as_deref(),
        Some(format!("directus-desktop://verify-email?token={token}").as_str())
    );
    browser.quit().await;
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: run through scripts/test"]
async fn without_javascript_the_page_says_to_copy_the_address_bar() {
    let folder = serve_hand_off_page("127.0.0.1:0").await;
    let token = reset_token_signed_with(SIGNING_SECRET, "ada@example.com", false);
    let browser = Browser::launch("hand-off-no-script", false).await;
    browser
        .open(&format!("{folder}reset-password?token={token}"))
        .await;
    let instructions = browser.text_of("#no-script").await;
    assert!(
        instructions.contains("address bar") && instructions.contains("Paste a link from an email"),
        "{instructions}"
    );
    // Without a script the page cannot choose a language: it says it in each of them.
    for words in [
        "Adressleiste",
        "barre d’adresse",
        "barra de direcciones",
        "شريط العناوين",
    ] {
        assert!(instructions.contains(words), "{words} in {instructions}");
    }
    assert!(browser.is_displayed("#no-script").await);
    assert!(!browser.is_displayed("#ready").await);
    assert!(!browser.is_displayed("#broken").await);
    browser.screenshot("page").await;
    browser.quit().await;
}

#[tokio::test]
#[ignore = "needs Chromium and chromedriver: run through scripts/test"]
async fn a_cut_or_foreign_link_says_it_is_incomplete_and_opens_nothing() {
    let folder = serve_hand_off_page("127.0.0.1:0").await;
    let token = reset_token_signed_with(SIGNING_SECRET, "ada@example.com", false);
    let cut = &token[..token.rfind('.').unwrap()];
    let browser = Browser::launch("hand-off-broken", true).await;
    for address in [
        format!("{folder}reset-password"),
        format!("{folder}reset-password?token={cut}"),
        format!("{folder}steal-session?token={token}"),
        format!("{folder}reset-password?token=%3Cimg%20src%3Dx%3E.a.b"),
        // A malformed escape in the address: decoding it throws, and the page must still say so.
        format!("{folder}reset-password%E0%A4%A?token={token}"),
        format!("{folder}%?token={token}"),
    ] {
        browser.open(&address).await;
        browser.element("#broken").await;
        assert!(browser.is_displayed("#broken").await, "{address}");
        assert!(!browser.is_displayed("#ready").await, "{address}");
        assert_eq!(
            browser.attribute("#open-app", "href").await.as_deref(),
            Some("#"),
            "{address}: no deep link is built"
        );
    }
    browser.screenshot("page").await;
    browser.quit().await;
}

/// The page loads nothing from anywhere, and its Content-Security-Policy allows exactly its
/// own script and style (a change to either must update the hashes, or the page stops working).
#[test]
fn the_page_loads_nothing_and_its_policy_matches_its_code() {
    let html = page_html();
    for forbidden in [
        "src=",
        "<link",
        "url(",
        "@import",
        "<iframe",
        "<img",
        "fetch(",
        "XMLHttpRequest",
    ] {
        assert!(
            !html.contains(forbidden),
            "the page must not contain {forbidden:?}"
        );
    }
    let policy = html
        .split("http-equiv=\"Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a Content-Security-Policy meta tag");
    assert!(policy.starts_with("default-src 'none';"), "{policy}");
    for tag in ["script", "style"] {
        let code = html
            .split(&format!("<{tag}>"))
            .nth(1)
            .and_then(|rest| rest.split(&format!("</{tag}>")).next())
            .unwrap();
        let hash = STANDARD.encode(Sha256::digest(code.as_bytes()));
        assert!(
            policy.contains(&format!("{tag}-src 'sha256-{hash}'")),
            "the policy must allow the page's {tag}: put 'sha256-{hash}' in {tag}-src"
        );
    }
}

async fn wait_for_text(browser: &Browser, css: &str) -> String {
    for _ in 0..20 {
        let text = browser.text_of(css).await;
        if !text.is_empty() {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    String::new()
}
