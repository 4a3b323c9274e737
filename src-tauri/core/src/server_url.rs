//! The address of the Directus server: parsed once, checked, normalised.

use crate::error::CoreError;
use account_bridge::AddressProblem;
use std::fmt;
use std::net::IpAddr;
use url::{Host, Url};

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
}
