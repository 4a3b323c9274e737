//! The address of the Directus server: parsed once, checked, normalised.

use crate::error::CoreError;
use account_bridge::{AddressProblem, ServerUrlSource};
use std::fmt;
use std::net::IpAddr;
use url::{Host, Url};

/// The environment variable that overrides the saved server URL (support desks and tests).
pub const SERVER_URL_ENV: &str = "DIRECTUS_DESKTOP_SERVER_URL";

/// The local Directus that `scripts/run-app` starts: a development build's server when none
/// is configured.
pub const LOCAL_DEFAULT: &str = "http://127.0.0.1:8055/";

/// Which kind of build this is, for what happens when no server is configured anywhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Build {
    /// Falls back to the local development Directus (`scripts/run-app`).
    Development,
    /// Falls back to nothing: a customer's sign-in must never go to whatever listens on port
    /// 8055 of their computer. The window opens the server settings instead.
    Release,
}

impl Build {
    /// This binary's kind: a build with debug assertions is a development build.
    pub const fn current() -> Build {
        if cfg!(debug_assertions) {
            Build::Development
        } else {
            Build::Release
        }
    }
}

/// The longest address accepted, once normalised. The address names the session's keychain
/// entry, and Windows' Credential Manager keeps at most 513 bytes of user name per credential
/// (`CRED_MAX_USERNAME_LENGTH`); the same limit everywhere, so an address that works on one
/// OS works on all.
pub const MAX_SERVER_URL_BYTES: usize = 500;

/// A Directus base URL that is safe to send credentials to: `https://`, or `http://` on a
/// loopback host only. The path always ends with `/`, so a Directus served under a sub-path
/// (`https://example.com/directus/`) keeps its prefix when endpoints are joined to it.
#[derive(Clone, PartialEq, Eq)]
pub struct ServerUrl(Url);

impl ServerUrl {
    pub fn parse(input: &str) -> Result<Self, CoreError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(CoreError::InvalidServerUrl(AddressProblem::Empty));
        }
        let mut url = Url::parse(trimmed)
            .map_err(|_| CoreError::InvalidServerUrl(AddressProblem::NotAWebAddress))?;
        match url.scheme() {
            "https" => {}
            "http" if is_loopback(&url) => {}
            "http" => return Err(CoreError::InvalidServerUrl(AddressProblem::PlainHttp)),
            _ => {
                return Err(CoreError::InvalidServerUrl(
                    AddressProblem::UnsupportedScheme,
                ))
            }
        }
        if url.host().is_none() {
            return Err(CoreError::InvalidServerUrl(AddressProblem::NoHost));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(CoreError::InvalidServerUrl(AddressProblem::HasCredentials));
        }
        url.set_query(None);
        url.set_fragment(None);
        if !url.path().ends_with('/') {
            let path = format!("{}/", url.path());
            url.set_path(&path);
        }
        if url.as_str().len() > MAX_SERVER_URL_BYTES {
            return Err(CoreError::InvalidServerUrl(AddressProblem::TooLong));
        }
        Ok(ServerUrl(url))
    }

    /// An endpoint below the base, e.g. `endpoint("server/info")`.
    pub fn endpoint(&self, path: &str) -> Url {
        // `join` of a relative path without a leading slash keeps the base's sub-path, and the
        // paths passed here are constants of this crate, so this cannot fail.
        self.0
            .join(path.trim_start_matches('/'))
            .expect("endpoint paths are relative constants")
    }

    pub fn as_url(&self) -> &Url {
        &self.0
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

impl fmt::Display for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl fmt::Debug for ServerUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ServerUrl({})", self.0)
    }
}

/// Picks the server URL in the order a support desk expects: the environment variable, then the
/// saved setting, then the local default. A bad environment variable is an error the window
/// shows at start-up (it was set on purpose, and silently using another server would hide the
/// mistake); a bad saved value is skipped with a warning, and the Server screen can fix it.
pub fn resolve_server_url(
    from_env: Option<&str>,
    from_settings: Option<&str>,
) -> Result<(ServerUrl, ServerUrlSource), CoreError> {
    resolve_server_url_for(Build::Development, from_env, from_settings)
}

/// As `resolve_server_url`, for `build`: when nothing is configured, a release build gets the
/// local address only as a placeholder, with `ServerUrlSource::Unset` (the service sends
/// nothing to it, and the window asks for the address).
pub fn resolve_server_url_for(
    build: Build,
    from_env: Option<&str>,
    from_settings: Option<&str>,
) -> Result<(ServerUrl, ServerUrlSource), CoreError> {
    if let Some(value) = from_env.filter(|v| !v.trim().is_empty()) {
        return ServerUrl::parse(value).map(|url| (url, ServerUrlSource::Environment));
    }
    if let Some(value) = from_settings.filter(|v| !v.trim().is_empty()) {
        match ServerUrl::parse(value) {
            Ok(url) => return Ok((url, ServerUrlSource::Settings)),
            Err(error) => tracing::warn!(%error, "ignoring the saved server URL"),
        }
    }
    let default = ServerUrl::parse(LOCAL_DEFAULT).expect("the default URL is valid");
    match build {
        Build::Development => Ok((default, ServerUrlSource::Default)),
        Build::Release => Ok((default, ServerUrlSource::Unset)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn normalised(input: &str) -> String {
        ServerUrl::parse(input).unwrap().to_string()
    }

    #[test]
    fn an_address_too_long_for_every_keychain_is_refused() {
        let base = "https://example.com/";
        let longest = format!(
            "{base}{}/",
            "d".repeat(MAX_SERVER_URL_BYTES - base.len() - 1)
        );
        assert_eq!(normalised(&longest).len(), MAX_SERVER_URL_BYTES);
        // One more byte, even one the normalising adds (the trailing slash), is too many.
        let over = format!("{base}{}", "d".repeat(MAX_SERVER_URL_BYTES - base.len()));
        assert!(matches!(
            ServerUrl::parse(&over),
            Err(CoreError::InvalidServerUrl(AddressProblem::TooLong))
        ));
    }

    #[test]
    fn adds_the_trailing_slash_and_keeps_a_sub_path() {
        assert_eq!(normalised("https://example.com"), "https://example.com/");
        assert_eq!(
            normalised("https://example.com/directus"),
            "https://example.com/directus/"
        );
        assert_eq!(
            ServerUrl::parse("https://example.com/directus")
                .unwrap()
                .endpoint("server/info")
                .as_str(),
            "https://example.com/directus/server/info"
        );
        assert_eq!(
            ServerUrl::parse("https://example.com/")
                .unwrap()
                .endpoint("/auth/login")
                .as_str(),
            "https://example.com/auth/login"
        );
    }

    #[test]
    fn drops_query_and_fragment_and_trims_space() {
        assert_eq!(
            normalised("  https://example.com/app/?a=1#x "),
            "https://example.com/app/"
        );
    }

    #[test]
    fn plain_http_only_for_loopback() {
        assert!(ServerUrl::parse("http://127.0.0.1:8055").is_ok());
        assert!(ServerUrl::parse("http://127.8.9.10").is_ok());
        assert!(ServerUrl::parse("http://localhost:8055").is_ok());
        assert!(ServerUrl::parse("http://[::1]:8055").is_ok());
        for refused in [
            "http://example.com",
            "http://192.168.1.10:8055",
            "http://localhost.example.com",
        ] {
            let error = ServerUrl::parse(refused).unwrap_err();
            assert!(matches!(error, CoreError::InvalidServerUrl(_)), "{refused}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_web_address() {
        for refused in [
            "",
            "   ",
            "example.com",
            "ftp://example.com",
            "file:///etc/passwd",
            "https://user:pw@example.com",
            "javascript:alert(1)",
        ] {
            assert!(ServerUrl::parse(refused).is_err(), "{refused:?}");
        }
    }

    #[test]
    fn resolution_order_is_env_then_settings_then_default() {
        let (url, source) =
            resolve_server_url(Some("https://env.example"), Some("https://saved.example")).unwrap();
        assert_eq!(
            (url.as_str(), source),
            ("https://env.example/", ServerUrlSource::Environment)
        );

        let (url, source) = resolve_server_url(None, Some("https://saved.example")).unwrap();
        assert_eq!(
            (url.as_str(), source),
            ("https://saved.example/", ServerUrlSource::Settings)
        );

        let (url, source) = resolve_server_url(Some(" "), None).unwrap();
        assert_eq!(
            (url.as_str(), source),
            (LOCAL_DEFAULT, ServerUrlSource::Default)
        );
    }

    #[test]
    fn only_a_development_build_falls_back_to_the_local_directus() {
        for (from_env, saved) in [(None, None), (Some(" "), Some("")), (None, Some("ftp://x"))] {
            let (_, source) = resolve_server_url_for(Build::Release, from_env, saved).unwrap();
            assert_eq!(source, ServerUrlSource::Unset, "{from_env:?} {saved:?}");
            let (url, source) =
                resolve_server_url_for(Build::Development, from_env, saved).unwrap();
            assert_eq!(
                (url.as_str(), source),
                (LOCAL_DEFAULT, ServerUrlSource::Default)
            );
        }
        // What is configured is used by both.
        for build in [Build::Release, Build::Development] {
            let (url, source) =
                resolve_server_url_for(build, None, Some("https://saved.example")).unwrap();
            assert_eq!(
                (url.as_str(), source),
                ("https://saved.example/", ServerUrlSource::Settings)
            );
        }
    }

    #[test]
    fn an_invalid_override_is_an_error_and_an_invalid_saved_value_falls_through() {
        let error = resolve_server_url(
            Some("http://insecure.example"),
            Some("https://saved.example"),
        )
        .unwrap_err();
        assert!(matches!(error, CoreError::InvalidServerUrl(_)), "{error:?}");
        let (url, source) = resolve_server_url(None, Some("ftp://saved.example")).unwrap();
        assert_eq!(
            (url.as_str(), source),
            (LOCAL_DEFAULT, ServerUrlSource::Default)
        );
    }
}
