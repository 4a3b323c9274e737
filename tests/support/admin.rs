//! The local Directus's admin API, for setting up what a test needs (customers, 2FA,
//! suspension, server settings).

use crate::LocalDirectus;
use serde_json::{json, Value};
use totp_rs::{Algorithm, Secret, TOTP};

/// A password policy in force; dropping it lifts it.
pub struct PasswordPolicy {
    base: String,
    token: String,
}

impl Drop for PasswordPolicy {
    fn drop(&mut self) {
        let admin = Admin {
            http: reqwest::Client::new(),
            base: self.base.clone(),
            token: self.token.clone(),
        };
        // Drop cannot await, and may run inside the test's runtime: a thread of its own.
        let lifted = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(admin.patch_settings(json!({ "auth_password_policy": null })))
        })
        .join();
        if lifted.is_err() && !std::thread::panicking() {
            panic!("the password policy could not be lifted");
        }
    }
}

/// `enforce_tfa` on the Customer policy; dropping it lifts it.
pub struct TwoFactorRequirement {
    base: String,
    token: String,
    policy: String,
}

impl Drop for TwoFactorRequirement {
    fn drop(&mut self) {
        let admin = Admin {
            http: reqwest::Client::new(),
            base: self.base.clone(),
            token: self.token.clone(),
        };
        let path = format!("policies/{}", self.policy);
        let lifted = std::thread::spawn(move || {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(admin.call(
                    reqwest::Method::PATCH,
                    &path,
                    Some(json!({ "enforce_tfa": false })),
                ))
        })
        .join();
        if lifted.is_err() && !std::thread::panicking() {
            panic!("the two-factor requirement could not be lifted");
        }
    }
}

pub struct Admin {
    http: reqwest::Client,
    base: String,
    token: String,
}

impl Admin {
    /// The admin API with the admin's static token (access tokens from a login would
    /// expire after the test server's 5 seconds).
    pub fn new(local: &LocalDirectus) -> Self {
        Admin {
            http: reqwest::Client::new(),
            base: local.url.trim_end_matches('/').to_string(),
            token: local.admin_token.clone(),
        }
    }

    async fn call(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self
            .http
            .request(method.clone(), format!("{}/{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        let text = response.text().await.unwrap();
        assert!(status.is_success(), "{method} {path}: HTTP {status}");
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// `GET <path>` as the admin: the whole answer.
    pub async fn get(&self, path: &str) -> Value {
        self.call(reqwest::Method::GET, path, None).await
    }

    /// A collection with an id and a title, made unless it exists, and no permission for
    /// anyone but the admin.
    pub async fn ensure_collection(&self, name: &str) {
        let existing = self.get("collections?fields=collection").await;
        let known = existing["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["collection"] == name);
        if !known {
            let body = json!({
                "collection": name,
                "schema": {},
                "meta": {},
                "fields": [
                    {"field": "id", "type": "integer", "schema": {"is_primary_key": true, "has_auto_increment": true}},
                    {"field": "title", "type": "string", "schema": {}},
                ],
            });
            self.call(reqwest::Method::POST, "collections", Some(body))
                .await;
            self.call(
                reqwest::Method::POST,
                &format!("items/{name}"),
                Some(json!({"title": "staff only"})),
            )
            .await;
        }
    }

    /// A POST as someone other than the admin (a customer's own token, or nobody).
    async fn post_as(&self, token: Option<&str>, path: &str, body: Value) -> Value {
        let mut request = self.http.post(format!("{}/{path}", self.base)).json(&body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request.send().await.unwrap().json().await.unwrap()
    }

    pub async fn customer_role(&self) -> String {
        let roles = self
            .call(
                reqwest::Method::GET,
                "roles?filter%5Bname%5D%5B_eq%5D=Customer&fields=id",
                None,
            )
            .await;
        roles["data"][0]["id"]
            .as_str()
            .expect("the Customer role")
            .to_string()
    }

    /// An active customer with this email and password; returns its id.
    pub async fn create_customer(&self, email: &str, password: &str) -> String {
        let role = self.customer_role().await;
        let created = self
            .call(
                reqwest::Method::POST,
                "users",
                Some(
                    json!({"email": email, "password": password, "role": role, "status": "active",
                            "first_name": "Test", "last_name": "Customer"}),
                ),
            )
            .await;
        created["data"]["id"].as_str().unwrap().to_string()
    }

    pub async fn set_status(&self, user_id: &str, status: &str) {
        self.call(
            reqwest::Method::PATCH,
            &format!("users/{user_id}"),
            Some(json!({"status": status})),
        )
        .await;
    }

    /// Uploads a file to the file library; returns its id.
    pub async fn upload(&self, name: &str, mime: &str, bytes: Vec<u8>) -> String {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str(mime)
            .unwrap();
        let form = reqwest::multipart::Form::new().part("file", part);
        let response = self
            .http
            .post(format!("{}/files", self.base))
            .bearer_auth(&self.token)
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert!(
            response.status().is_success(),
            "upload: HTTP {}",
            response.status()
        );
        let answer: Value = response.json().await.unwrap();
        answer["data"]["id"].as_str().unwrap().to_string()
    }

    /// A fresh access token of that account (it lives 5 seconds on the test server).
    async fn access_token_of(&self, email: &str, password: &str) -> String {
        let login = self
            .post_as(
                None,
                "auth/login",
                json!({"email": email, "password": password}),
            )
            .await;
        login["data"]["access_token"].as_str().unwrap().to_string()
    }

    /// The status of the account with this email ("active", "unverified", ...).
    pub async fn status_of(&self, email: &str) -> Option<String> {
        let query = reqwest::Url::parse_with_params(
            "http://query.invalid/",
            &[("filter[email][_eq]", email), ("fields", "status")],
        )
        .unwrap();
        let users = self
            .call(
                reqwest::Method::GET,
                &format!("users?{}", query.query().unwrap()),
                None,
            )
            .await;
        users["data"][0]["status"].as_str().map(str::to_string)
    }

    pub async fn patch_settings(&self, settings: Value) {
        self.call(reqwest::Method::PATCH, "settings", Some(settings))
            .await;
    }

    /// Sets the server's password policy (a regular expression, as Directus takes it) until
    /// the returned guard is dropped, even by a failing test, so no later test meets it.
    pub async fn password_policy(&self, policy: &str) -> PasswordPolicy {
        self.patch_settings(json!({ "auth_password_policy": policy }))
            .await;
        PasswordPolicy {
            base: self.base.clone(),
            token: self.token.clone(),
        }
    }

    /// The user's `fields` as the admin reads them.
    pub async fn user(&self, id: &str, fields: &str) -> Value {
        self.get(&format!("users/{id}?fields={fields}")).await["data"].clone()
    }

    /// Moves a user to another role.
    pub async fn set_role(&self, user_id: &str, role: &str) {
        self.call(
            reqwest::Method::PATCH,
            &format!("users/{user_id}"),
            Some(json!({ "role": role })),
        )
        .await;
    }

    /// Sets `enforce_tfa` on the Customer policy; dropping the guard sets it back off.
    pub async fn require_two_factor_of_customers(&self) -> TwoFactorRequirement {
        let policy = self.customer_policy().await;
        self.call(
            reqwest::Method::PATCH,
            &format!("policies/{policy}"),
            Some(json!({ "enforce_tfa": true })),
        )
        .await;
        TwoFactorRequirement {
            base: self.base.clone(),
            token: self.token.clone(),
            policy,
        }
    }

    async fn customer_policy(&self) -> String {
        let policies = self
            .call(
                reqwest::Method::GET,
                "policies?filter%5Bname%5D%5B_eq%5D=Customer&fields=id",
                None,
            )
            .await;
        policies["data"][0]["id"]
            .as_str()
            .expect("the Customer policy")
            .to_string()
    }

    /// A role whose policy grants customers nothing on their own user (an organisation that
    /// did not grant the update-own-user rule); made once, found afterwards.
    pub async fn role_without_account_changes(&self) -> String {
        let name = "Customer without account changes";
        let path = format!(
            "roles?filter%5Bname%5D%5B_eq%5D={}&fields=id",
            name.replace(' ', "%20")
        );
        let found = self.call(reqwest::Method::GET, &path, None).await;
        if let Some(id) = found["data"][0]["id"].as_str() {
            return id.to_string();
        }
        let role = self
            .call(
                reqwest::Method::POST,
                "roles",
                Some(json!({ "name": name })),
            )
            .await;
        let role = role["data"]["id"].as_str().unwrap().to_string();
        self.call(
            reqwest::Method::POST,
            "policies",
            Some(json!({
                "name": name, "app_access": false, "admin_access": false,
                "roles": [{ "role": role }],
            })),
        )
        .await;
        role
    }

    /// A customer with two-factor authentication on; returns its code generator. On an
    /// unlicensed Directus a customer may not turn 2FA on itself (it cannot read
    /// directus_users), so the account starts in the Administrator role, turns 2FA on as a
    /// person would (generate, then confirm with a code), and is then moved to Customer.
    pub async fn create_customer_with_two_factor(&self, email: &str, password: &str) -> TOTP {
        let roles = self
            .call(
                reqwest::Method::GET,
                "roles?filter%5Bname%5D%5B_eq%5D=Administrator&fields=id",
                None,
            )
            .await;
        let admin_role = roles["data"][0]["id"]
            .as_str()
            .expect("the Administrator role")
            .to_string();
        let created = self
            .call(
                reqwest::Method::POST,
                "users",
                Some(json!({"email": email, "password": password, "role": admin_role, "status": "active"})),
            )
            .await;
        let id = created["data"]["id"].as_str().unwrap().to_string();

        let token = self.access_token_of(email, password).await;
        let generated = self
            .post_as(
                Some(&token),
                "users/me/tfa/generate",
                json!({"password": password}),
            )
            .await;
        let secret = generated["data"]["secret"].as_str().unwrap().to_string();
        let totp = totp_for(&secret);
        // Waiting for a fresh code can outlast the test server's 5-second access token, so
        // the token for the confirmation is taken after the wait.
        let otp = fresh_code(&totp).await;
        let token = self.access_token_of(email, password).await;
        let enabled = self
            .http
            .post(format!("{}/users/me/tfa/enable", self.base))
            .bearer_auth(&token)
            .json(&json!({"secret": secret, "otp": otp}))
            .send()
            .await
            .unwrap();
        assert!(
            enabled.status().is_success(),
            "enabling 2FA: HTTP {}",
            enabled.status()
        );

        let customer_role = self.customer_role().await;
        self.call(
            reqwest::Method::PATCH,
            &format!("users/{id}"),
            Some(json!({"role": customer_role})),
        )
        .await;
        totp
    }
}

/// The current one-time code, taken with a few seconds of its 30-second window left, so that
/// it is still valid when the server checks it.
pub async fn fresh_code(totp: &TOTP) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    let into_window = now.as_secs() % 30;
    if into_window >= 25 {
        let rest = std::time::Duration::from_secs(30 - into_window)
            - std::time::Duration::from_nanos(now.subsec_nanos() as u64);
        tokio::time::sleep(rest + std::time::Duration::from_millis(200)).await;
    }
    totp.generate_current().unwrap()
}

/// The code generator for a base32 secret as Directus makes them.
pub fn totp_for(base32_secret: &str) -> TOTP {
    let bytes = Secret::Encoded(base32_secret.to_string())
        .to_bytes()
        .unwrap();
    // Directus's secrets are 80 bits; totp-rs's checked constructor wants 128.
    TOTP::new_unchecked(Algorithm::SHA1, 6, 1, 30, bytes)
}
