//! Tokens signed with the local Directus's own secret, for cases a real mail cannot produce in
//! a test's time (an expired link).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;

/// A password-reset token for `email` signed with `secret`; `expired` puts its expiry an hour
/// in the past.
pub fn reset_token_signed_with(secret: &str, email: &str, expired: bool) -> String {
    let now = now();
    let exp = if expired { now - 3600 } else { now + 3600 };
    sign(
        secret,
        json!({"email": email, "scope": "password-reset", "hash": "0", "iat": now - 7200, "exp": exp, "iss": "directus"}),
    )
}

/// A verification token for `email` signed with `secret`.
pub fn verify_token_signed_with(secret: &str, email: &str) -> String {
    let now = now();
    sign(
        secret,
        json!({"email": email, "scope": "pending-registration", "iat": now, "exp": now + 3600, "iss": "directus"}),
    )
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn sign(secret: &str, claims: serde_json::Value) -> String {
    let header = URL_SAFE_NO_PAD.encode(json!({"alg": "HS256", "typ": "JWT"}).to_string());
    let payload = URL_SAFE_NO_PAD.encode(claims.to_string());
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(format!("{header}.{payload}").as_bytes());
    let signature = URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes());
    format!("{header}.{payload}.{signature}")
}
