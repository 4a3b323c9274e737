//! The links in Directus's emails, however they reach the app: a deep link
//! (`<scheme>://reset-password?token=…`), the https hand-off page's address, or the bare token
//! pasted by hand. Only two routes exist, and a token must look like the JWT Directus signs,
//! with the scope that matches its route. The signature is the server's to check.

use crate::error::CoreError;
use account_bridge::{LinkKind, LinkView};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use secrecy::SecretString;
use serde::Deserialize;
use url::Url;

/// Directus's tokens are a few hundred bytes; anything far larger is not one.
const MAX_TOKEN_LEN: usize = 4096;
const MAX_INPUT_LEN: usize = 8192;

/// The folder where an organisation hosts the hand-off page (`hand-off/index.html`) as
/// `reset-password` and `verify-email`. The same rules as a server address: https, or http on
/// this computer; kept with a trailing slash so the routes go below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkPage(Url);

impl LinkPage {
    pub fn parse(input: &str) -> Result<Self, CoreError> {
        let mut url = match crate::ServerUrl::parse(input) {
            Ok(url) => url.as_url().clone(),
            Err(CoreError::InvalidServerUrl(why)) => return Err(CoreError::InvalidLinkPage(why)),
            Err(other) => return Err(other),
        };
        // Given one of the page's own addresses, take its folder.
        let last = url
            .path_segments()
            .and_then(|s| s.rev().nth(1).map(str::to_string));
        if let Some(last) = last.filter(|l| l == "reset-password" || l == "verify-email") {
            let path = url.path();
            let folder = path[..path.len() - last.len() - 1].to_string();
            url.set_path(&folder);
        }
        Ok(LinkPage(url))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub(crate) fn route_url(&self, route: &str) -> String {
        self.0
            .join(route)
            .expect("a route name is a relative path")
            .into()
    }
}

/// Where the links in Directus's emails point: the app's own scheme, or an https hand-off
/// page the organisation hosts. Directus appends `?token=…` to each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTargets {
    pub verify_email: String,
    pub reset_password: String,
}

impl LinkTargets {
    /// `<scheme>://verify-email` and `<scheme>://reset-password`.
    pub fn for_scheme(scheme: &str) -> Self {
        LinkTargets {
            verify_email: format!("{scheme}://verify-email"),
            reset_password: format!("{scheme}://reset-password"),
        }
    }

    /// `<page>verify-email` and `<page>reset-password`: the hand-off page, hosted at both.
    pub fn for_page(page: &LinkPage) -> Self {
        LinkTargets {
            verify_email: page.route_url("verify-email"),
            reset_password: page.route_url("reset-password"),
        }
    }
}

/// A link the app accepted: which screen it is for, its token, and what the token says about
/// the account (display only: the server verifies the token).
pub struct ParsedLink {
    pub kind: LinkKind,
    pub token: SecretString,
    pub email: Option<String>,
    /// Seconds since the Unix epoch after which the server will refuse the token.
    pub expires_at: Option<u64>,
}

impl std::fmt::Debug for ParsedLink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParsedLink")
            .field("kind", &self.kind)
            .field("token", &"[redacted]")
            .field("email", &self.email)
            .finish()
    }
}

impl ParsedLink {
    pub fn view(&self, now_secs: u64) -> LinkView {
        LinkView {
            kind: self.kind,
            email: self.email.clone(),
            expired: self.expires_at.is_some_and(|exp| exp <= now_secs),
        }
    }
}

/// Parses what a user pasted or what a deep link delivered. `expected` narrows it to one kind
/// (the reset screen accepts only reset links).
pub fn parse_link(input: &str, expected: Option<LinkKind>) -> Result<ParsedLink, CoreError> {
    let input = input.trim();
    if input.is_empty() || input.len() > MAX_INPUT_LEN {
        return Err(CoreError::LinkInvalid);
    }
    let (route, token) = if input.contains("://") {
        let url = Url::parse(input).map_err(|_| CoreError::LinkInvalid)?;
        let route = route_of(&url).ok_or(CoreError::LinkInvalid)?;
        let token = url
            .query_pairs()
            .find(|(key, _)| key == "token")
            .map(|(_, value)| value.into_owned())
            .ok_or(CoreError::LinkInvalid)?;
        (Some(route), token)
    } else {
        (None, input.to_string())
    };
    let claims = read_claims(&token)?;
    let kind = match claims.scope.as_deref() {
        Some("password-reset") => LinkKind::ResetPassword,
        Some("pending-registration") => LinkKind::VerifyEmail,
        _ => return Err(CoreError::LinkInvalid),
    };
    if route.is_some_and(|route| route != kind) || expected.is_some_and(|want| want != kind) {
        return Err(CoreError::LinkInvalid);
    }
    Ok(ParsedLink {
        kind,
        token: SecretString::from(token),
        email: claims
            .email
            .filter(|email| email.len() <= 254 && email.contains('@')),
        expires_at: claims.exp,
    })
}

/// The route a link names: the host of a custom-scheme link (`scheme://reset-password`), or the
/// last path segment of an https hand-off page (`https://example.com/app/reset-password`).
fn route_of(url: &Url) -> Option<LinkKind> {
    let name = match url.scheme() {
        "https" | "http" => url
            .path_segments()?
            .rev()
            .find(|s| !s.is_empty())?
            .to_string(),
        _ => match url.host_str() {
            Some(host) if !host.is_empty() => host.to_string(),
            // `scheme:reset-password?…` or `scheme:///reset-password?…`
            _ => url.path().trim_matches('/').to_string(),
        },
    };
    route_named(&name)
}

/// `reset-password` or `verify-email`, in any case, with an optional `.html` (a page hosted as
/// a file of that name).
fn route_named(name: &str) -> Option<LinkKind> {
    let name = name.to_ascii_lowercase();
    let name = name
        .strip_suffix(".html")
        .or_else(|| name.strip_suffix(".htm"))
        .unwrap_or(&name);
    match name {
        "reset-password" => Some(LinkKind::ResetPassword),
        "verify-email" => Some(LinkKind::VerifyEmail),
        _ => None,
    }
}

#[derive(Deserialize)]
struct Claims {
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    exp: Option<u64>,
}

fn read_claims(token: &str) -> Result<Claims, CoreError> {
    if token.len() > MAX_TOKEN_LEN {
        return Err(CoreError::LinkInvalid);
    }
    let parts: Vec<&str> = token.split('.').collect();
    let base64url = |part: &&str| {
        !part.is_empty()
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if parts.len() != 3 || !parts.iter().all(base64url) {
        return Err(CoreError::LinkInvalid);
    }
    let payload = URL_SAFE_NO_PAD
        .decode(parts[1])
        .map_err(|_| CoreError::LinkInvalid)?;
    serde_json::from_slice(&payload).map_err(|_| CoreError::LinkInvalid)
}

/// For log lines: which kind of link, never its token.
pub fn describe(link: &ParsedLink) -> &'static str {
    match link.kind {
        LinkKind::ResetPassword => "reset-password link",
        LinkKind::VerifyEmail => "verify-email link",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::ExposeSecret;

    fn token(payload: serde_json::Value) -> String {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
        let payload = URL_SAFE_NO_PAD.encode(payload.to_string());
        format!("{header}.{payload}.c2lnbmF0dXJl")
    }

    fn reset_token() -> String {
        token(
            serde_json::json!({"email": "ada@example.com", "scope": "password-reset", "exp": 4_000_000_000u64}),
        )
    }

    fn verify_token() -> String {
        token(serde_json::json!({"email": "ada@example.com", "scope": "pending-registration"}))
    }

    #[test]
    fn accepts_deep_links_handoff_pages_and_bare_tokens() {
        let reset = reset_token();
        for input in [
            format!("directus-desktop://reset-password?token={reset}"),
            format!("directus-desktop-dev://reset-password/?token={reset}&x=1"),
            format!("https://example.com/app/reset-password?token={reset}"),
            format!("  https://example.com/reset-password/?token={reset}\n"),
            reset.clone(),
        ] {
            let link = parse_link(&input, None).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(link.kind, LinkKind::ResetPassword);
            assert_eq!(link.email.as_deref(), Some("ada@example.com"));
            assert_eq!(link.token.expose_secret(), &reset);
        }
        let verify = parse_link(
            &format!("directus-desktop://verify-email?token={}", verify_token()),
            None,
        )
        .unwrap();
        assert_eq!(verify.kind, LinkKind::VerifyEmail);
    }

    #[test]
    fn the_route_and_the_scope_must_agree() {
        let reset = reset_token();
        assert!(parse_link(
            &format!("directus-desktop://verify-email?token={reset}"),
            None
        )
        .is_err());
        assert!(parse_link(&reset, Some(LinkKind::VerifyEmail)).is_err());
        assert!(parse_link(&format!("directus-desktop://steal?token={reset}"), None).is_err());
        let admin = token(serde_json::json!({"id": "1", "role": "x", "app_access": true}));
        assert!(
            parse_link(&admin, None).is_err(),
            "a session token is not a link"
        );
    }

    #[test]
    fn refuses_malformed_input() {
        let long = "a".repeat(5000);
        for input in [
            "",
            "   ",
            "directus-desktop://reset-password",
            "directus-desktop://reset-password?token=",
            "directus-desktop://reset-password?token=abc",
            "a.b",
            "a.b.c.d",
            "a..c",
            "abc.d$f.ghi",
            "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig",
            "not a url://reset-password?token=x",
            "https://example.com/?token=x.y.z",
            long.as_str(),
            "🦀.🦀.🦀",
            "directus-desktop://reset-password?token=%F0%9F%A6%80.%F0%9F%A6%80.x",
        ] {
            assert!(parse_link(input, None).is_err(), "{input:?}");
        }
        let huge = format!("{}.{}.{}", "a".repeat(3000), "b".repeat(3000), "c");
        assert!(parse_link(&huge, None).is_err());
    }

    #[test]
    fn accepts_the_pages_hosted_as_files_or_folders() {
        let reset = reset_token();
        for input in [
            format!("https://example.com/app/reset-password.html?token={reset}"),
            format!("https://example.com/app/Reset-Password/?token={reset}"),
            format!("http://127.0.0.1:8080/reset-password?utm=x&token={reset}#top"),
        ] {
            assert_eq!(
                parse_link(&input, None).unwrap().kind,
                LinkKind::ResetPassword,
                "{input}"
            );
        }
    }

    #[test]
    fn refuses_other_routes_and_tricks() {
        let reset = reset_token();
        for input in [
            format!("https://example.com/reset-password/steal?token={reset}"),
            format!("https://example.com/reset-password.exe?token={reset}"),
            format!("https://example.com/app?route=reset-password&token={reset}"),
            format!("directus-desktop://reset-password-now?token={reset}"),
            format!("directus-desktop://verify-email?token={reset}"),
            format!("directus-desktop://reset-password?tok={reset}"),
            format!("javascript:alert(1)//reset-password?token={reset}"),
            format!("directus-desktop://reset-password?token={reset}.x"),
        ] {
            assert!(parse_link(&input, None).is_err(), "{input}");
        }
    }

    #[test]
    fn a_link_page_is_a_folder_with_the_two_routes_below_it() {
        for (input, folder) in [
            (
                "https://example.com/directus-desktop",
                "https://example.com/directus-desktop/",
            ),
            (
                "https://example.com/directus-desktop/",
                "https://example.com/directus-desktop/",
            ),
            (
                "https://example.com/a/reset-password",
                "https://example.com/a/",
            ),
            (
                "https://example.com/verify-email/?x=1",
                "https://example.com/",
            ),
            ("http://localhost:8080", "http://localhost:8080/"),
        ] {
            let page = LinkPage::parse(input).unwrap();
            assert_eq!(page.as_str(), folder, "{input}");
        }
        let page = LinkPage::parse("https://example.com/app/").unwrap();
        assert_eq!(
            crate::LinkTargets::for_page(&page),
            crate::LinkTargets {
                verify_email: "https://example.com/app/verify-email".into(),
                reset_password: "https://example.com/app/reset-password".into(),
            }
        );
        for bad in [
            "http://example.com/app/",
            "ftp://example.com/",
            "directus-desktop://x",
            "",
        ] {
            assert!(
                matches!(LinkPage::parse(bad), Err(CoreError::InvalidLinkPage(_))),
                "{bad}"
            );
        }
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn never_panics_on_any_text(input in any::<String>()) {
                let _ = parse_link(&input, None);
                let _ = parse_link(&input, Some(LinkKind::ResetPassword));
                let _ = LinkPage::parse(&input);
            }

            #[test]
            fn never_panics_on_link_shaped_text(
                scheme in "[a-z][a-z0-9+.-]{0,12}",
                route in "(reset-password|verify-email|[^?#/]{0,20})",
                token in "[A-Za-z0-9_.%-]{0,200}|\\PC{0,50}",
                tail in "\\PC{0,40}",
            ) {
                let _ = parse_link(&format!("{scheme}://{route}?token={token}{tail}"), None);
                let _ = parse_link(&format!("https://h.example/{route}?token={token}{tail}"), None);
            }

            #[test]
            fn huge_inputs_are_refused(len in 8193usize..200_000) {
                let reset = reset_token();
                let padded = format!("{reset}{}", "A".repeat(len));
                prop_assert!(parse_link(&padded, None).is_err());
                let link = format!("directus-desktop://reset-password?token={reset}&pad={}", "x".repeat(len));
                prop_assert!(parse_link(&link, None).is_err());
            }

            #[test]
            fn any_valid_token_round_trips_in_every_link_style(
                email in "[a-z]{1,20}@[a-z]{1,10}\\.[a-z]{2,5}",
                exp in 0u64..5_000_000_000,
                folder in "(/[a-z0-9-]{1,10}){0,3}",
            ) {
                let reset = token(serde_json::json!({"email": email, "scope": "password-reset", "exp": exp}));
                for input in [
                    reset.clone(),
                    format!("directus-desktop://reset-password?token={reset}"),
                    format!("https://example.com{folder}/reset-password?token={reset}"),
                ] {
                    let link = parse_link(&input, Some(LinkKind::ResetPassword)).unwrap();
                    prop_assert_eq!(link.token.expose_secret(), reset.as_str());
                    prop_assert_eq!(link.email.as_deref(), Some(email.as_str()));
                    prop_assert!(parse_link(&input, Some(LinkKind::VerifyEmail)).is_err());
                }
            }

            #[test]
            fn a_wrong_scope_is_refused_on_every_route(scope in "\\PC{0,30}") {
                prop_assume!(scope != "password-reset" && scope != "pending-registration");
                let forged = token(serde_json::json!({"email": "a@b.c", "scope": scope}));
                for route in ["reset-password", "verify-email"] {
                    let link = format!("directus-desktop://{route}?token={forged}");
                    prop_assert!(parse_link(&link, None).is_err());
                }
                prop_assert!(parse_link(&forged, None).is_err());
            }
        }
    }

    #[test]
    fn the_view_tells_an_expired_link() {
        let expired =
            token(serde_json::json!({"email": "a@b.c", "scope": "password-reset", "exp": 100}));
        let link = parse_link(&expired, None).unwrap();
        assert!(link.view(200).expired);
        assert!(!link.view(50).expired);
        assert!(!format!("{link:?}").contains(&expired));
    }
}
