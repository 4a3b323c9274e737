//! The Directus REST client: one method per endpoint the app uses, each with a timeout, each
//! answer mapped to the core's error type in one place.

use crate::error::CoreError;
use crate::server_url::ServerUrl;
use reqwest::{header, RequestBuilder, Response, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;
use std::time::Duration;

/// How long the client waits. A desktop app on a bad network must give up and say so rather
/// than spin forever.
#[derive(Debug, Clone, Copy)]
pub struct Timeouts {
    pub connect: Duration,
    pub total: Duration,
}

impl Default for Timeouts {
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_secs(5),
            total: Duration::from_secs(20),
        }
    }
}

/// What an anonymous caller learns from `/server/info`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerInfo {
    pub project_name: String,
    pub project_color: Option<String>,
    pub project_descriptor: Option<String>,
    pub public_registration: bool,
    pub verify_email: bool,
}

/// The tokens of a signed-in session. Both are secrets: `Debug` prints them redacted and they
/// never leave the core.
pub struct AuthTokens {
    pub access_token: SecretString,
    pub refresh_token: SecretString,
    /// Lifetime of the access token, as the server reported it.
    pub expires_in: Duration,
}

impl std::fmt::Debug for AuthTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthTokens")
            .field("access_token", &"[redacted]")
            .field("refresh_token", &"[redacted]")
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

#[derive(Debug, Clone)]
pub struct DirectusClient {
    http: reqwest::Client,
    base: ServerUrl,
    timeouts: Timeouts,
}

impl DirectusClient {
    pub fn new(base: ServerUrl, timeouts: Timeouts) -> Result<Self, CoreError> {
        let http = reqwest::Client::builder()
            .connect_timeout(timeouts.connect)
            .timeout(timeouts.total)
            // Verification answers with a redirect that must be seen, not followed.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("directus-desktop/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|error| CoreError::Unexpected {
                status: 0,
                detail: format!("HTTP client: {error}"),
            })?;
        Ok(DirectusClient {
            http,
            base,
            timeouts,
        })
    }

    pub fn base(&self) -> &ServerUrl {
        &self.base
    }

    pub async fn server_info(&self) -> Result<ServerInfo, CoreError> {
        #[derive(Deserialize)]
        struct Project {
            project_name: Option<String>,
            project_color: Option<String>,
            project_descriptor: Option<String>,
            #[serde(default)]
            public_registration: Option<bool>,
            #[serde(default)]
            public_registration_verify_email: Option<bool>,
        }
        #[derive(Deserialize)]
        struct Info {
            project: Project,
        }
        let request = self.http.get(self.base.endpoint("server/info"));
        let response = self.send(request).await?;
        if !response.status().is_success() {
            return Err(self.failure(response).await.into_common());
        }
        let info: Info = read_data(response, self.timeouts.total).await?;
        Ok(ServerInfo {
            project_name: info
                .project
                .project_name
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| "Directus".into()),
            project_color: info.project.project_color,
            project_descriptor: info.project.project_descriptor,
            public_registration: info.project.public_registration.unwrap_or(false),
            verify_email: info
                .project
                .public_registration_verify_email
                .unwrap_or(true),
        })
    }

    /// `POST /auth/login` in JSON mode. `otp` is the one-time code, for accounts with 2FA.
    pub async fn login(
        &self,
        email: &str,
        password: &SecretString,
        otp: Option<&str>,
    ) -> Result<AuthTokens, CoreError> {
        let mut body = json!({
            "email": email,
            "password": password.expose_secret(),
            "mode": "json",
        });
        if let Some(otp) = otp {
            body["otp"] = json!(otp);
        }
        let request = self.http.post(self.base.endpoint("auth/login")).json(&body);
        let response = self.send(request).await?;
        if !response.status().is_success() {
            let failure = self.failure(response).await;
            return Err(match failure.code.as_deref() {
                Some("INVALID_OTP") if otp.is_some() => CoreError::OtpInvalid,
                Some("INVALID_OTP") => CoreError::OtpRequired,
                _ => failure.into_common(),
            });
        }
        read_tokens(response, self.timeouts.total).await
    }

    async fn send(&self, request: RequestBuilder) -> Result<Response, CoreError> {
        request
            .header(header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(|error| transport_error(&error, self.timeouts.total))
    }

    /// Reads a non-2xx answer without keeping any of the server's text: Directus echoes the
    /// submitted password in some validation messages.
    async fn failure(&self, response: Response) -> ApiFailure {
        let status = response.status();
        let retry_after = response
            .headers()
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_secs);
        let body = response.bytes().await.unwrap_or_default();
        #[derive(Deserialize)]
        struct Errors {
            errors: Vec<ErrorEntry>,
        }
        #[derive(Deserialize)]
        struct ErrorEntry {
            #[serde(default)]
            extensions: Option<Extensions>,
        }
        #[derive(Deserialize)]
        struct Extensions {
            code: Option<String>,
        }
        let parsed = serde_json::from_slice::<Errors>(&body).ok();
        let code = parsed
            .as_ref()
            .and_then(|p| p.errors.first())
            .and_then(|e| e.extensions.as_ref())
            .and_then(|x| x.code.clone());
        ApiFailure {
            status,
            code,
            retry_after,
            directus_shaped: parsed.is_some(),
        }
    }
}

/// A non-2xx answer, reduced to what is safe to keep.
#[derive(Debug)]
struct ApiFailure {
    status: StatusCode,
    code: Option<String>,
    retry_after: Option<Duration>,
    /// Whether the body had Directus's `{"errors": [...]}` shape.
    directus_shaped: bool,
}

impl ApiFailure {
    /// The mapping every endpoint shares; endpoints match their own codes first.
    fn into_common(self) -> CoreError {
        match (self.status.as_u16(), self.code.as_deref()) {
            (_, Some("REQUESTS_EXCEEDED")) | (429, _) => CoreError::RateLimited {
                retry_after: self.retry_after,
            },
            (_, Some("SERVICE_UNAVAILABLE")) | (502..=504, _) => CoreError::ServerUnavailable,
            (_, Some("INVALID_CREDENTIALS")) => CoreError::InvalidCredentials,
            (_, Some("USER_SUSPENDED")) => CoreError::AccountSuspended,
            (_, Some("TOKEN_EXPIRED")) => CoreError::SessionExpired,
            _ if !self.directus_shaped => CoreError::NotDirectus,
            (status, code) => CoreError::Unexpected {
                status,
                detail: code.unwrap_or("no error code").to_string(),
            },
        }
    }
}

fn transport_error(error: &reqwest::Error, total: Duration) -> CoreError {
    if error.is_connect() {
        CoreError::ServerUnreachable
    } else if error.is_timeout() {
        CoreError::Timeout(total)
    } else if error.is_decode() || error.is_body() {
        CoreError::NotDirectus
    } else {
        CoreError::ServerUnreachable
    }
}

/// Reads `{"data": T}` from a 2xx answer. Anything else (an HTML page, a JSON without `data`)
/// means the address is not a Directus server.
async fn read_data<T: DeserializeOwned>(
    response: Response,
    total: Duration,
) -> Result<T, CoreError> {
    #[derive(Deserialize)]
    struct Data<T> {
        data: T,
    }
    let body = response
        .bytes()
        .await
        .map_err(|error| transport_error(&error, total))?;
    serde_json::from_slice::<Data<T>>(&body)
        .map(|d| d.data)
        .map_err(|_| CoreError::NotDirectus)
}

async fn read_tokens(response: Response, total: Duration) -> Result<AuthTokens, CoreError> {
    #[derive(Deserialize)]
    struct Tokens {
        access_token: String,
        refresh_token: String,
        expires: u64,
    }
    let tokens: Tokens = read_data(response, total).await?;
    Ok(AuthTokens {
        access_token: SecretString::from(tokens.access_token),
        refresh_token: SecretString::from(tokens.refresh_token),
        expires_in: Duration::from_millis(tokens.expires),
    })
}
