//! The Directus REST client: one method per endpoint the app uses, each with a timeout, each
//! answer mapped to the core's error type in one place.

use crate::error::CoreError;
use crate::server_url::ServerUrl;
use account_bridge::ServerSetting;
use reqwest::{header, RequestBuilder, Response, StatusCode};
use secrecy::{ExposeSecret, SecretString};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OnceCell;

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

/// The most the client reads of an answer, counted while it streams in: a hostile or broken
/// server cannot make the app hold more than this in memory. Directus's answers to the calls
/// the app makes are a few kilobytes.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;
/// Error bodies are read only for their code.
pub const MAX_ERROR_BYTES: usize = 64 * 1024;
pub const MAX_LOGO_BYTES: usize = 256 * 1024;

/// Access-token lifetimes outside this range are not believed: 0 would make every call refresh,
/// and a huge one overflows the clock on some systems (Windows' `SystemTime`).
pub const MIN_TOKEN_LIFETIME: Duration = Duration::from_secs(1);
pub const MAX_TOKEN_LIFETIME: Duration = Duration::from_secs(24 * 60 * 60);
/// A token longer than this is not Directus's (its JWTs are a few hundred bytes).
const MAX_TOKEN_LEN: usize = 4096;

/// What an anonymous caller learns from `/server/info`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerInfo {
    pub project_name: String,
    pub project_color: Option<String>,
    pub project_descriptor: Option<String>,
    /// The file id of the project logo, when one is set.
    pub project_logo: Option<String>,
    pub public_registration: bool,
    pub verify_email: bool,
    /// The project's language in Data Studio, e.g. "de-DE".
    pub default_language: Option<String>,
    /// Directus's version, when the server tells anonymous callers (it usually does not).
    pub version: Option<String>,
}

/// What signing in takes. The one-time code is for accounts with two-factor authentication.
pub struct Credentials<'a> {
    pub email: &'a str,
    pub password: &'a SecretString,
    pub otp: Option<&'a str>,
}

/// The tokens of a signed-in session. Both are secrets: `Debug` prints them redacted and they
/// never leave the core.
pub struct AuthTokens {
    pub access_token: SecretString,
    pub refresh_token: SecretString,
    /// Lifetime of the access token, as the server reported it.
    pub expires_in: Duration,
    /// The access token is marked `enforce_tfa`: a policy of the account requires two-factor
    /// authentication and the account has none (Directus 12 marks a sign-in's token only).
    pub enforce_two_factor: bool,
}

impl std::fmt::Debug for AuthTokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AuthTokens")
            .field("access_token", &"[redacted]")
            .field("refresh_token", &"[redacted]")
            .field("expires_in", &self.expires_in)
            .field("enforce_two_factor", &self.enforce_two_factor)
            .finish()
    }
}

/// What `/users/me` returned; only `id` is certain.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CurrentUser {
    pub id: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    /// The server answered with the name fields (a licensed server that lets the customer read
    /// their profile); false when it gave only the id, so a missing name means "not told".
    #[serde(skip)]
    pub names_read: bool,
}

/// Decodes a `/users/me` answer, noting whether the name fields were in it.
fn decode_current_user(body: &[u8]) -> Result<CurrentUser, CoreError> {
    let raw: serde_json::Map<String, serde_json::Value> = decode_data(body)?;
    let names_read = raw.contains_key("first_name") || raw.contains_key("last_name");
    let mut user: CurrentUser = serde_json::from_value(serde_json::Value::Object(raw))
        .map_err(|_| CoreError::NotDirectus)?;
    user.names_read = names_read;
    Ok(user)
}

/// A new two-factor secret from `/users/me/tfa/generate`: both parts are the secret.
pub struct TwoFactorSecret {
    pub secret: SecretString,
    pub otpauth_url: SecretString,
}

/// What the account's own permission on `directus_users` allows it to update, from
/// `/permissions/me`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OwnUpdate {
    /// The fields it may update; `*` for all.
    pub fields: Vec<String>,
}

impl OwnUpdate {
    pub fn allows(&self, field: &str) -> bool {
        self.fields.iter().any(|f| f == "*" || f == field)
    }
}

/// A new account, as `/users/register` takes it.
pub struct Registration<'a> {
    pub email: &'a str,
    pub password: &'a SecretString,
    pub first_name: Option<&'a str>,
    pub last_name: Option<&'a str>,
    /// The link Directus mails, with `?token=` appended.
    pub verification_url: &'a str,
}

/// How long an idle connection stays in the pool: under Node's 5 s keep-alive.
const IDLE_CONNECTION_KEPT: Duration = Duration::from_secs(4);

fn build_http(timeouts: Timeouts) -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .connect_timeout(timeouts.connect)
        .timeout(timeouts.total)
        // Verification answers with a redirect that must be seen, not followed.
        .redirect(reqwest::redirect::Policy::none())
        // Directus runs on Node, whose HTTP server closes an idle connection after 5 s. A
        // request sent on a pooled connection just as the server closes it fails as
        // unreachable (measured: a request 6 s after the last one, with the test server's 5 s
        // token lifetime). Dropping idle connections first means every pooled one is live.
        .pool_idle_timeout(IDLE_CONNECTION_KEPT)
        .user_agent(concat!("directus-desktop/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|error| error.to_string())
}

#[derive(Debug, Clone)]
pub struct DirectusClient {
    // Built on first use, on a blocking thread: building reads and parses the system's
    // certificates (tens of milliseconds), which must not hold up the window's start.
    http: Arc<OnceCell<reqwest::Client>>,
    base: ServerUrl,
    timeouts: Timeouts,
    // No server was configured: `base` is a placeholder and nothing may be sent to it.
    placeholder: bool,
}

impl DirectusClient {
    pub fn new(base: ServerUrl, timeouts: Timeouts) -> Self {
        DirectusClient {
            http: Arc::new(OnceCell::new()),
            base,
            timeouts,
            placeholder: false,
        }
    }

    /// A client for no server at all: every request is refused before anything is sent, as an
    /// empty address.
    pub fn placeholder(base: ServerUrl, timeouts: Timeouts) -> Self {
        DirectusClient {
            placeholder: true,
            ..DirectusClient::new(base, timeouts)
        }
    }

    /// Builds the HTTP client now, off the caller's thread, so the first request need not.
    pub async fn prepare(&self) -> Result<(), CoreError> {
        self.http().await.map(drop)
    }

    async fn http(&self) -> Result<&reqwest::Client, CoreError> {
        // Every request is built on this client: refusing here refuses all of them.
        if self.placeholder {
            return Err(CoreError::InvalidServerUrl(
                account_bridge::AddressProblem::Empty,
            ));
        }
        let timeouts = self.timeouts;
        self.http
            .get_or_try_init(|| async move {
                tokio::task::spawn_blocking(move || build_http(timeouts))
                    .await
                    .unwrap_or_else(|_| Err("the task building it failed".into()))
                    .map_err(|detail| CoreError::Unexpected {
                        status: 0,
                        detail: format!("HTTP client: {detail}"),
                    })
            })
            .await
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
            project_logo: Option<String>,
            #[serde(default)]
            public_registration: Option<bool>,
            #[serde(default)]
            public_registration_verify_email: Option<bool>,
            #[serde(default)]
            default_language: Option<String>,
        }
        #[derive(Deserialize)]
        struct Info {
            project: Project,
            #[serde(default)]
            version: Option<String>,
        }
        let request = self.http().await?.get(self.base.endpoint("server/info"));
        let response = self
            .expect_success(request, ApiFailure::into_common)
            .await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        let info: Info = decode_data(&body)?;
        Ok(ServerInfo {
            project_name: info
                .project
                .project_name
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| "Directus".into()),
            project_color: info.project.project_color,
            project_descriptor: info.project.project_descriptor,
            project_logo: info.project.project_logo,
            public_registration: info.project.public_registration.unwrap_or(false),
            verify_email: info
                .project
                .public_registration_verify_email
                .unwrap_or(true),
            default_language: info.project.default_language,
            version: info.version,
        })
    }

    /// `GET /server/ping`, which answers `pong`: how long a round trip to the server takes.
    pub async fn ping(&self) -> Result<Duration, CoreError> {
        let started = std::time::Instant::now();
        let request = self.http().await?.get(self.base.endpoint("server/ping"));
        let response = self
            .expect_success(request, ApiFailure::into_common)
            .await?;
        let body = read_capped(response, MAX_ERROR_BYTES, self.timeouts.total).await?;
        if body.trim_ascii() != b"pong" {
            return Err(CoreError::NotDirectus);
        }
        Ok(started.elapsed())
    }

    /// The project logo (`/assets/<id>`, which Directus serves to anyone), as a `data:` URL the
    /// webview may show under its CSP. None when it is missing, too large or not an image.
    pub async fn project_logo(&self, file_id: &str) -> Option<String> {
        let id_ok = !file_id.is_empty()
            && file_id.len() <= 64
            && file_id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !id_ok {
            return None;
        }
        let response = self
            .http()
            .await
            .ok()?
            .get(self.base.endpoint(&format!("assets/{file_id}")))
            .send()
            .await
            .ok()?;
        let kind = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(|v| {
                v.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase()
            })?;
        let allowed = [
            "image/png",
            "image/jpeg",
            "image/webp",
            "image/gif",
            "image/svg+xml",
        ];
        if !response.status().is_success() || !allowed.contains(&kind.as_str()) {
            return None;
        }
        let bytes = read_capped(response, MAX_LOGO_BYTES, self.timeouts.total)
            .await
            .ok()?;
        use base64::Engine;
        Some(format!(
            "data:{kind};base64,{}",
            base64::engine::general_purpose::STANDARD.encode(&bytes)
        ))
    }

    /// `POST /auth/login` in JSON mode.
    pub async fn login(&self, credentials: &Credentials<'_>) -> Result<AuthTokens, CoreError> {
        let otp = credentials.otp;
        let mut body = json!({
            "email": credentials.email,
            "password": credentials.password.expose_secret(),
            "mode": "json",
        });
        if let Some(otp) = otp {
            body["otp"] = json!(otp);
        }
        let request = self
            .http()
            .await?
            .post(self.base.endpoint("auth/login"))
            .json(&body);
        let response = self
            .expect_success(request, |failure| match failure.code.as_deref() {
                Some("INVALID_OTP") if otp.is_some() => CoreError::OtpInvalid,
                Some("INVALID_OTP") => CoreError::OtpRequired,
                _ => failure.into_common(),
            })
            .await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        decode_tokens(&body)
    }

    /// `POST /auth/refresh` in JSON mode. Directus rotates the refresh token every time: the
    /// one passed in is dead afterwards, so callers must keep the returned one.
    pub async fn refresh(&self, refresh_token: &SecretString) -> Result<AuthTokens, CoreError> {
        let body = json!({ "refresh_token": refresh_token.expose_secret(), "mode": "json" });
        let request = self
            .http()
            .await?
            .post(self.base.endpoint("auth/refresh"))
            .json(&body);
        // Directus's own "no" to a refresh token (a malformed, unknown or refused one) is
        // final, whatever its status; the same status from something that is not Directus is not.
        let response = self
            .expect_success(request, |failure| match failure.into_common() {
                CoreError::Unexpected {
                    status: 400 | 401 | 403,
                    ..
                } => CoreError::InvalidCredentials,
                other => other,
            })
            .await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        decode_tokens(&body)
    }

    /// `POST /auth/logout`: ends the session on the server (access tokens already issued stay
    /// valid until they expire).
    pub async fn logout(&self, refresh_token: &SecretString) -> Result<(), CoreError> {
        let body = json!({ "refresh_token": refresh_token.expose_secret(), "mode": "json" });
        let request = self
            .http()
            .await?
            .post(self.base.endpoint("auth/logout"))
            .json(&body);
        self.expect_no_content(request, |failure| failure.into_common())
            .await
    }

    /// `GET /users/me`. A customer on an unlicensed Directus 12 gets only `{id}` whatever it
    /// asks for; a licensed server (or Directus 11) returns the other fields.
    pub async fn current_user(
        &self,
        access_token: &SecretString,
    ) -> Result<CurrentUser, CoreError> {
        let request = self
            .http()
            .await?
            .get(self.base.endpoint("users/me"))
            .query(&[("fields", "id,email,first_name,last_name")])
            .bearer_auth(access_token.expose_secret());
        let response = self
            .expect_success(request, ApiFailure::into_common)
            .await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        decode_current_user(&body)
    }

    /// Whether a policy of the account requires two-factor (`GET /policies/me/globals`, which
    /// every signed-in account may ask). Directus 12 marks only a sign-in's token
    /// `enforce_tfa`, never a refreshed one, so a requirement the organisation turns on while
    /// the customer is signed in is found here, after a refresh.
    pub async fn two_factor_enforced(
        &self,
        access_token: &SecretString,
    ) -> Result<bool, CoreError> {
        #[derive(Deserialize)]
        struct Globals {
            #[serde(default)]
            enforce_tfa: bool,
        }
        let request = self
            .http()
            .await?
            .get(self.base.endpoint("policies/me/globals"))
            .bearer_auth(access_token.expose_secret());
        let response = self
            .expect_success(request, ApiFailure::into_common)
            .await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        let globals: Globals = decode_data(&body)?;
        Ok(globals.enforce_tfa)
    }

    /// Whether the account has two-factor on, when the server lets it read its own
    /// `tfa_secret` (a licensed server; Directus answers it concealed). None: not told (an
    /// unlicensed server answers `/users/me` with the id only).
    pub async fn own_two_factor(
        &self,
        access_token: &SecretString,
    ) -> Result<Option<bool>, CoreError> {
        let request = self
            .http()
            .await?
            .get(self.base.endpoint("users/me"))
            .query(&[("fields", "id,tfa_secret")])
            .bearer_auth(access_token.expose_secret());
        let response = self.expect_success(request, own_account_failure).await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        let raw: serde_json::Map<String, serde_json::Value> = decode_data(&body)?;
        Ok(raw.get("tfa_secret").map(|secret| !secret.is_null()))
    }

    /// `PATCH /users/me?fields=id,first_name,last_name` with `changes`. Directus saves, then
    /// reads the user back with the account's read permission: a licensed server that lets the
    /// customer read their profile answers 200 with the saved fields; an unlicensed one answers
    /// 403 after saving (measured on 12.4, also with `?fields=id`). So `Forbidden` here does not
    /// say whether the change was saved: the caller finds out another way (`own_update`, a
    /// sign-in with the new password).
    pub async fn update_me(
        &self,
        access_token: &SecretString,
        changes: &serde_json::Value,
    ) -> Result<CurrentUser, CoreError> {
        let request = self
            .http()
            .await?
            .patch(self.base.endpoint("users/me"))
            .query(&[("fields", "id,first_name,last_name")])
            .bearer_auth(access_token.expose_secret())
            .json(changes);
        let response = self
            .expect_success(request, |failure| match failure.code.as_deref() {
                Some("FAILED_VALIDATION") if failure.field.as_deref() == Some("password") => {
                    CoreError::PasswordRejected
                }
                _ => own_account_failure(failure),
            })
            .await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        decode_current_user(&body)
    }

    /// `GET /permissions/me`: what the account's own policies let it update in
    /// `directus_users` (None: nothing). Any account may ask, app access or not.
    pub async fn own_update(
        &self,
        access_token: &SecretString,
    ) -> Result<Option<OwnUpdate>, CoreError> {
        #[derive(Deserialize)]
        struct Access {
            access: String,
            #[serde(default)]
            fields: Option<Vec<String>>,
        }
        #[derive(Deserialize)]
        struct Actions {
            update: Option<Access>,
        }
        let request = self
            .http()
            .await?
            .get(self.base.endpoint("permissions/me"))
            .bearer_auth(access_token.expose_secret());
        let response = self.expect_success(request, own_account_failure).await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        let mut collections: std::collections::HashMap<String, serde_json::Value> =
            decode_data(&body)?;
        let Some(users) = collections.remove("directus_users") else {
            return Ok(None);
        };
        let actions: Actions = serde_json::from_value(users).map_err(|_| CoreError::NotDirectus)?;
        Ok(actions
            .update
            .and_then(|update| match update.access.as_str() {
                "none" => None,
                "full" => Some(OwnUpdate {
                    fields: vec!["*".into()],
                }),
                _ => Some(OwnUpdate {
                    fields: update.fields.unwrap_or_default(),
                }),
            }))
    }

    /// `POST /users/me/tfa/generate`: a new secret, not yet in use. Directus checks the password
    /// first (a wrong one is `INVALID_CREDENTIALS`), then refuses an account that has
    /// two-factor on already with `INVALID_PAYLOAD`: that is None here.
    pub async fn tfa_generate(
        &self,
        access_token: &SecretString,
        password: &SecretString,
    ) -> Result<Option<TwoFactorSecret>, CoreError> {
        #[derive(Deserialize)]
        struct Generated {
            secret: String,
            otpauth_url: String,
        }
        let body = json!({ "password": password.expose_secret() });
        let request = self
            .http()
            .await?
            .post(self.base.endpoint("users/me/tfa/generate"))
            .bearer_auth(access_token.expose_secret())
            .json(&body);
        let answer = self
            .expect_success(request, |failure| match failure.code.as_deref() {
                Some("INVALID_PAYLOAD") => CoreError::Unexpected {
                    status: 400,
                    detail: "two-factor is already on".into(),
                },
                _ => own_account_failure(failure),
            })
            .await;
        let response = match answer {
            Ok(response) => response,
            Err(CoreError::Unexpected { status: 400, .. }) => return Ok(None),
            Err(error) => return Err(error),
        };
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        let generated: Generated = decode_data(&body)?;
        Ok(Some(TwoFactorSecret {
            secret: SecretString::from(generated.secret),
            otpauth_url: SecretString::from(generated.otpauth_url),
        }))
    }

    /// `POST /users/me/tfa/enable`: saves `secret` when `otp` fits it. Directus answers a wrong
    /// code and an account that has two-factor on already alike (`INVALID_PAYLOAD`), both
    /// `OtpInvalid` here: the caller never sends the same secret twice.
    pub async fn tfa_enable(
        &self,
        access_token: &SecretString,
        secret: &SecretString,
        otp: &str,
    ) -> Result<(), CoreError> {
        let body = json!({ "secret": secret.expose_secret(), "otp": otp });
        let request = self
            .http()
            .await?
            .post(self.base.endpoint("users/me/tfa/enable"))
            .bearer_auth(access_token.expose_secret())
            .json(&body);
        self.expect_no_content(request, two_factor_failure).await
    }

    /// `POST /users/me/tfa/disable`: a wrong code (or two-factor already off) is
    /// `INVALID_PAYLOAD`.
    pub async fn tfa_disable(
        &self,
        access_token: &SecretString,
        otp: &str,
    ) -> Result<(), CoreError> {
        let body = json!({ "otp": otp });
        let request = self
            .http()
            .await?
            .post(self.base.endpoint("users/me/tfa/disable"))
            .bearer_auth(access_token.expose_secret())
            .json(&body);
        self.expect_no_content(request, two_factor_failure).await
    }

    /// `GET /items/<collection>` with `params` (checked by `items::list_params`): the items and
    /// the count of all that match (`meta=filter_count`).
    pub async fn items(
        &self,
        access_token: &SecretString,
        collection: &str,
        params: &[(&'static str, String)],
    ) -> Result<account_bridge::ItemPage<serde_json::Value>, CoreError> {
        #[derive(Deserialize)]
        struct Answer {
            data: Vec<serde_json::Value>,
            #[serde(default)]
            meta: Option<Meta>,
        }
        #[derive(Deserialize)]
        struct Meta {
            filter_count: Option<u64>,
        }
        let url = self.item_url(&[collection])?;
        let request = self
            .http()
            .await?
            .get(url)
            .query(params)
            .bearer_auth(access_token.expose_secret());
        let response = self.expect_success(request, items_failure).await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        let answer: Answer = serde_json::from_slice(&body).map_err(|_| CoreError::NotDirectus)?;
        Ok(account_bridge::ItemPage {
            items: answer.data,
            total: answer.meta.and_then(|meta| meta.filter_count),
        })
    }

    /// `GET /items/<collection>/<id>`: one item, with the `fields` checked by `items`.
    pub async fn item(
        &self,
        access_token: &SecretString,
        collection: &str,
        id: &str,
        fields: (&'static str, String),
    ) -> Result<serde_json::Value, CoreError> {
        let url = self.item_url(&[collection, id])?;
        let request = self
            .http()
            .await?
            .get(url)
            .query(&[fields])
            .bearer_auth(access_token.expose_secret());
        let response = self.expect_success(request, items_failure).await?;
        let body = read_capped(response, MAX_JSON_BYTES, self.timeouts.total).await?;
        let item: serde_json::Value = decode_data(&body)?;
        if item.is_object() {
            Ok(item)
        } else {
            Err(CoreError::NotDirectus)
        }
    }

    /// Whether the server is closed by its licence state: an unlicensed Directus 12 over its
    /// limits answers `RESOURCE_RESTRICTED` to every item read before it looks at the caller
    /// or the collection (and refuses every sign-in but an administrator's). Asked without a
    /// token of a collection that does not exist, so nothing is read either way.
    pub async fn licence_restricted(&self) -> Result<bool, CoreError> {
        let url = self.item_url(&["directus_desktop_licence_probe"])?;
        let request = self.http().await?.get(url).query(&[("limit", "0")]);
        match self.expect_success(request, items_failure).await {
            Ok(_) | Err(CoreError::Forbidden) => Ok(false),
            Err(CoreError::ServerRestricted) => Ok(true),
            Err(other) => Err(other),
        }
    }

    /// `items/<segment>/<segment>…` below the base, each segment escaped as one path segment
    /// (an id cannot climb out of the collection).
    fn item_url(&self, segments: &[&str]) -> Result<url::Url, CoreError> {
        let mut url = self.base.endpoint("items/");
        url.path_segments_mut()
            .map_err(|_| CoreError::NotDirectus)?
            .pop_if_empty()
            .extend(segments);
        Ok(url)
    }

    /// `POST /users/register`. The answer is the same whether or not the address already has
    /// an account (Directus hides it); for an unverified address it sends the mail again.
    pub async fn register(&self, registration: &Registration<'_>) -> Result<(), CoreError> {
        let mut body = json!({
            "email": registration.email,
            "password": registration.password.expose_secret(),
            "verification_url": registration.verification_url,
        });
        if let Some(first) = registration.first_name.filter(|v| !v.trim().is_empty()) {
            body["first_name"] = json!(first.trim());
        }
        if let Some(last) = registration.last_name.filter(|v| !v.trim().is_empty()) {
            body["last_name"] = json!(last.trim());
        }
        let request = self
            .http()
            .await?
            .post(self.base.endpoint("users/register"))
            .json(&body);
        self.expect_no_content(request, |failure| match failure.code.as_deref() {
            Some("FORBIDDEN") => CoreError::RegistrationClosed,
            Some("FAILED_VALIDATION") if failure.field.as_deref() == Some("password") => {
                CoreError::PasswordRejected
            }
            Some("INVALID_PAYLOAD") => {
                CoreError::ServerNotConfigured(ServerSetting::UserRegisterUrlAllowList)
            }
            _ => failure.into_common(),
        })
        .await
    }

    /// `GET /users/register/verify-email?token=`: Directus answers a redirect to its own login
    /// page on success, which is not followed. Only that answer counts: a proxy's or a captive
    /// portal's redirect is not a confirmation.
    pub async fn verify_email(&self, token: &SecretString) -> Result<(), CoreError> {
        let request = self
            .http()
            .await?
            .get(self.base.endpoint("users/register/verify-email"))
            .query(&[("token", token.expose_secret())]);
        let response = self.send(request).await?;
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(header::LOCATION)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            if status == StatusCode::FOUND && is_verified_redirect(location) {
                return Ok(());
            }
            tracing::warn!(
                status = status.as_u16(),
                "verification answered a redirect that is not Directus's"
            );
            return Err(CoreError::Unexpected {
                status: status.as_u16(),
                detail: "redirect".into(),
            });
        }
        if status.is_success() {
            // Directus never answers 2xx here: something in between did.
            return Err(CoreError::NotDirectus);
        }
        let failure = self.failure(response).await;
        Err(match failure.code.as_deref() {
            Some("INVALID_PAYLOAD") | Some("FORBIDDEN") => CoreError::LinkUsed,
            Some("INVALID_TOKEN") => CoreError::LinkInvalid,
            Some("TOKEN_EXPIRED") => CoreError::LinkExpired,
            _ => failure.into_common(),
        })
    }

    /// `POST /auth/password/request`: the same answer for known and unknown addresses.
    pub async fn request_password_reset(
        &self,
        email: &str,
        reset_url: &str,
    ) -> Result<(), CoreError> {
        let body = json!({ "email": email, "reset_url": reset_url });
        let request = self
            .http()
            .await?
            .post(self.base.endpoint("auth/password/request"))
            .json(&body);
        self.expect_no_content(request, |failure| match failure.code.as_deref() {
            Some("INVALID_PAYLOAD") => {
                CoreError::ServerNotConfigured(ServerSetting::PasswordResetUrlAllowList)
            }
            _ => failure.into_common(),
        })
        .await
    }

    /// `POST /auth/password/reset`. On success Directus ends every session of the account.
    pub async fn reset_password(
        &self,
        token: &SecretString,
        password: &SecretString,
    ) -> Result<(), CoreError> {
        let body = json!({ "token": token.expose_secret(), "password": password.expose_secret() });
        let request = self
            .http()
            .await?
            .post(self.base.endpoint("auth/password/reset"))
            .json(&body);
        self.expect_no_content(request, |failure| match failure.code.as_deref() {
            Some("FORBIDDEN") => CoreError::LinkUsed,
            Some("INVALID_TOKEN") | Some("INVALID_PAYLOAD") => CoreError::LinkInvalid,
            Some("TOKEN_EXPIRED") => CoreError::LinkExpired,
            Some("FAILED_VALIDATION") => CoreError::PasswordRejected,
            _ => failure.into_common(),
        })
        .await
    }

    async fn expect_no_content(
        &self,
        request: RequestBuilder,
        map: impl FnOnce(ApiFailure) -> CoreError,
    ) -> Result<(), CoreError> {
        self.expect_success(request, map).await.map(drop)
    }

    /// Sends `request`; a non-2xx answer becomes an error through `map`, which sees the
    /// endpoint's Directus code first and falls back to the shared mapping.
    async fn expect_success(
        &self,
        request: RequestBuilder,
        map: impl FnOnce(ApiFailure) -> CoreError,
    ) -> Result<Response, CoreError> {
        let response = self.send(request).await?;
        if response.status().is_success() {
            Ok(response)
        } else {
            Err(map(self.failure(response).await))
        }
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
        let body = read_capped(response, MAX_ERROR_BYTES, self.timeouts.total)
            .await
            .unwrap_or_default();
        let decoded = decode_error_body(&body);
        ApiFailure {
            status,
            code: decoded.as_ref().and_then(|d| d.code.clone()),
            field: decoded.as_ref().and_then(|d| d.field.clone()),
            retry_after,
            directus_shaped: decoded.is_some(),
        }
    }
}

/// Whether a verification redirect is the one Directus 12 sends on success: to the new user's
/// page in its Data Studio (`/admin/users/<id>`). A missing token redirects to `/admin/login`.
fn is_verified_redirect(location: &str) -> bool {
    let base = url::Url::parse("http://relative.invalid/").expect("a valid base");
    let Ok(url) = base.join(location) else {
        return false;
    };
    let segments: Vec<&str> = url
        .path_segments()
        .map(Iterator::collect)
        .unwrap_or_default();
    matches!(
        segments.as_slice(),
        [.., "admin", "users", id] if !id.is_empty()
    )
}

/// What a Directus error body says: its first error's code and field; None when the body does
/// not have Directus's `{"errors": [...]}` shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorBody {
    pub code: Option<String>,
    pub field: Option<String>,
}

pub fn decode_error_body(body: &[u8]) -> Option<ErrorBody> {
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
        // The field a validation error is about; its value and message are not kept.
        #[serde(default)]
        field: Option<String>,
    }
    let parsed = serde_json::from_slice::<Errors>(body).ok()?;
    let extensions = parsed.errors.first().and_then(|e| e.extensions.as_ref());
    // Codes are short identifiers; anything else is not kept (it could carry server text).
    let identifier = |text: &Option<String>| {
        text.clone()
            .filter(|t| t.len() <= 64 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
    };
    Some(ErrorBody {
        code: extensions.and_then(|x| identifier(&x.code)),
        field: extensions.and_then(|x| identifier(&x.field)),
    })
}

/// A non-2xx answer, reduced to what is safe to keep.
#[derive(Debug)]
struct ApiFailure {
    status: StatusCode,
    code: Option<String>,
    field: Option<String>,
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
            (403, Some("RESOURCE_RESTRICTED")) => CoreError::ServerRestricted,
            (_, Some("TOKEN_EXPIRED")) => CoreError::SessionExpired,
            _ if !self.directus_shaped => CoreError::NotDirectus,
            (status, code) => CoreError::Unexpected {
                status,
                detail: code.unwrap_or("no error code").to_string(),
            },
        }
    }
}

/// The account's own endpoints: 403 is Directus refusing it (no permission, or the read-back
/// after a save); a rejected token is an expired session.
fn own_account_failure(failure: ApiFailure) -> CoreError {
    match (failure.status.as_u16(), failure.code.as_deref()) {
        (403, Some("FORBIDDEN")) => CoreError::Forbidden,
        (401, Some("TOKEN_EXPIRED" | "INVALID_TOKEN")) => CoreError::SessionExpired,
        _ => failure.into_common(),
    }
}

/// Enabling or disabling two-factor: Directus's `INVALID_PAYLOAD` is the code not fitting.
fn two_factor_failure(failure: ApiFailure) -> CoreError {
    match failure.code.as_deref() {
        Some("INVALID_PAYLOAD") | Some("INVALID_OTP") => CoreError::OtpInvalid,
        _ => own_account_failure(failure),
    }
}

/// Whether an access token is marked `enforce_tfa`. The payload is read without checking the
/// signature: the mark only routes the customer to the set-up (the server, not this app,
/// decides what a token may do), and this app has no key to check it with anyway.
pub fn token_enforces_two_factor(access_token: &str) -> bool {
    use base64::Engine;
    #[derive(Deserialize)]
    struct Claims {
        #[serde(default)]
        enforce_tfa: Option<bool>,
    }
    let Some(payload) = access_token.split('.').nth(1) else {
        return false;
    };
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()
        .and_then(|json| serde_json::from_slice::<Claims>(&json).ok())
        .and_then(|claims| claims.enforce_tfa)
        == Some(true)
}

/// Reading items: 403 is Directus saying this account may not read it (or that there is no
/// such item, which it does not tell apart); a rejected token is an expired session.
fn items_failure(failure: ApiFailure) -> CoreError {
    match (failure.status.as_u16(), failure.code.as_deref()) {
        (403, Some("FORBIDDEN")) => CoreError::Forbidden,
        (401, Some("TOKEN_EXPIRED" | "INVALID_TOKEN" | "INVALID_CREDENTIALS")) => {
            CoreError::SessionExpired
        }
        _ => failure.into_common(),
    }
}

fn transport_error(error: &reqwest::Error, total: Duration) -> CoreError {
    if is_tls_failure(error) {
        CoreError::TlsError
    } else if error.is_timeout() {
        CoreError::Timeout(total)
    } else if error.is_connect() {
        CoreError::ServerUnreachable
    } else if error.is_decode() || error.is_body() {
        CoreError::NotDirectus
    } else {
        CoreError::ServerUnreachable
    }
}

/// A certificate that is expired, self-signed, for another name, or replaced by something in
/// between: rustls says so somewhere in the error's chain of causes.
fn is_tls_failure(error: &reqwest::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(current) = cause {
        if current.downcast_ref::<rustls::Error>().is_some() {
            return true;
        }
        // io::Error's own `source` skips the error it wraps (often another io::Error around
        // the rustls one): step into it instead.
        cause = match current.downcast_ref::<std::io::Error>() {
            Some(io) => io
                .get_ref()
                .map(|inner| inner as &(dyn std::error::Error + 'static)),
            None => current.source(),
        };
    }
    false
}

/// Reads a body, counting while it streams in; over `cap` the read stops and the answer is
/// refused. A server that drips bytes is cut by the client's total timeout.
async fn read_capped(
    mut response: Response,
    cap: usize,
    total: Duration,
) -> Result<Vec<u8>, CoreError> {
    if response
        .content_length()
        .is_some_and(|length| length > cap as u64)
    {
        tracing::warn!(
            cap,
            "the server announced an answer larger than the app accepts"
        );
        return Err(CoreError::NotDirectus);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|error| transport_error(&error, total))?
    {
        if body.len() + chunk.len() > cap {
            tracing::warn!(cap, "the server's answer is larger than the app accepts");
            return Err(CoreError::NotDirectus);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Reads `{"data": T}`. Anything else (an HTML page, a JSON without `data`) means the address
/// is not a Directus server.
pub fn decode_data<T: DeserializeOwned>(body: &[u8]) -> Result<T, CoreError> {
    #[derive(Deserialize)]
    struct Data<T> {
        data: T,
    }
    serde_json::from_slice::<Data<T>>(body)
        .map(|d| d.data)
        .map_err(|_| CoreError::NotDirectus)
}

/// The tokens of a login or refresh answer, checked: tokens must be plain visible ASCII of a
/// sane length, and the lifetime is kept within what a clock can hold.
pub fn decode_tokens(body: &[u8]) -> Result<AuthTokens, CoreError> {
    #[derive(Deserialize)]
    struct Tokens {
        access_token: String,
        refresh_token: String,
        expires: u64,
    }
    let tokens: Tokens = decode_data(body)?;
    let plausible = |token: &str| {
        !token.is_empty()
            && token.len() <= MAX_TOKEN_LEN
            && token.bytes().all(|b| b.is_ascii_graphic())
    };
    if !plausible(&tokens.access_token) || !plausible(&tokens.refresh_token) {
        return Err(CoreError::NotDirectus);
    }
    Ok(AuthTokens {
        enforce_two_factor: token_enforces_two_factor(&tokens.access_token),
        access_token: SecretString::from(tokens.access_token),
        refresh_token: SecretString::from(tokens.refresh_token),
        expires_in: Duration::from_millis(tokens.expires)
            .clamp(MIN_TOKEN_LIFETIME, MAX_TOKEN_LIFETIME),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_lifetimes_are_kept_within_what_a_clock_holds() {
        let body = |expires: &str| {
            format!(
                r#"{{"data":{{"access_token":"a.b.c","refresh_token":"r","expires":{expires}}}}}"#
            )
        };
        let lifetime =
            |expires: &str| decode_tokens(body(expires).as_bytes()).map(|t| t.expires_in);
        assert_eq!(lifetime("0").unwrap(), MIN_TOKEN_LIFETIME);
        assert_eq!(lifetime("900000").unwrap(), Duration::from_secs(900));
        assert_eq!(
            lifetime("18446744073709551615").unwrap(),
            MAX_TOKEN_LIFETIME
        );
        for bad in ["-1", "1.5", "\"10\"", "null", "1e30"] {
            assert!(
                matches!(lifetime(bad), Err(CoreError::NotDirectus)),
                "{bad}"
            );
        }
    }

    #[test]
    fn the_enforce_tfa_mark_is_read_from_the_payload() {
        use base64::Engine;
        let token = |claims: &str| {
            let encode = |text: &str| {
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text.as_bytes())
            };
            format!("{}.{}.sig", encode(r#"{"alg":"HS256"}"#), encode(claims))
        };
        assert!(token_enforces_two_factor(&token(
            r#"{"id":"u","enforce_tfa":true}"#
        )));
        assert!(!token_enforces_two_factor(&token(r#"{"id":"u"}"#)));
        assert!(!token_enforces_two_factor(&token(
            r#"{"enforce_tfa":"yes"}"#
        )));
        assert!(!token_enforces_two_factor("not-a-jwt"));
        assert!(!token_enforces_two_factor("a.!!!.c"));
    }

    #[test]
    fn tokens_must_look_like_tokens() {
        for (access, refresh) in [("", "r"), ("a", ""), ("a b", "r"), ("a", "r\n"), ("a", "é")] {
            let body = format!(
                r#"{{"data":{{"access_token":"{access}","refresh_token":"{refresh}","expires":1000}}}}"#
            );
            assert!(
                decode_tokens(body.as_bytes()).is_err(),
                "{access:?} {refresh:?}"
            );
        }
        let long = "a".repeat(MAX_TOKEN_LEN + 1);
        let body =
            format!(r#"{{"data":{{"access_token":"{long}","refresh_token":"r","expires":1000}}}}"#);
        assert!(decode_tokens(body.as_bytes()).is_err());
    }

    #[test]
    fn error_bodies_keep_only_identifiers() {
        let body = br#"{"errors":[{"message":"Pw-Canary- is bad","extensions":{"code":"FAILED_VALIDATION","field":"password"}}]}"#;
        assert_eq!(
            decode_error_body(body),
            Some(ErrorBody {
                code: Some("FAILED_VALIDATION".into()),
                field: Some("password".into())
            })
        );
        let odd = br#"{"errors":[{"extensions":{"code":"has spaces: secret"}}]}"#;
        assert_eq!(decode_error_body(odd).unwrap().code, None);
        assert_eq!(decode_error_body(b"<html>"), None);
    }

    #[test]
    fn only_directus_s_own_redirect_confirms_an_address() {
        assert!(is_verified_redirect(
            "/admin/users/4f1c6a51-8b0e-4c55-a1b4-1f7d9b5f1a10"
        ));
        assert!(is_verified_redirect(
            "https://cms.example/directus/admin/users/42"
        ));
        for other in [
            "",
            "/admin/login",
            "/admin/users/",
            "https://portal.example/login?next=/admin/users/1",
            "https://sso.example/admin/users",
        ] {
            assert!(!is_verified_redirect(other), "{other}");
        }
    }
}
