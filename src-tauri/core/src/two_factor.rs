//! What the two-factor set-up shows, made from Directus's new secret: the secret in groups of
//! four for typing by hand, and the `otpauth://` address as a QR code (SVG, as a `data:` URL
//! the webview may show under its CSP). The secret is never logged; the strings made here are
//! wiped when the view is dropped (`TwoFactorSetup`'s `Drop`).

use crate::directus::TwoFactorSecret;
use crate::error::CoreError;
use account_bridge::TwoFactorSetup;
use base64::Engine;
use qrcode::render::svg;
use qrcode::QrCode;
use secrecy::zeroize::Zeroize;
use secrecy::ExposeSecret;

/// The set-up view of `generated`, for `email`'s account.
pub fn setup(generated: &TwoFactorSecret, email: &str) -> Result<TwoFactorSetup, CoreError> {
    let address = generated.otpauth_url.expose_secret();
    let parsed = url::Url::parse(address)
        .ok()
        .filter(|url| url.scheme() == "otpauth");
    let Some(parsed) = parsed else {
        return Err(CoreError::NotDirectus);
    };
    let issuer = parsed
        .query_pairs()
        .find(|(key, _)| key == "issuer")
        .map(|(_, value)| value.into_owned())
        .unwrap_or_default();
    Ok(TwoFactorSetup {
        secret_groups: groups_of_four(generated.secret.expose_secret()),
        qr_code: qr_data_url(address)?,
        issuer,
        account: email.to_string(),
    })
}

/// `ABCDEFGH…` as `["ABCD", "EFGH", …]`, spaces and padding left out.
pub fn groups_of_four(secret: &str) -> Vec<String> {
    let mut clean: Vec<char> = secret
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let groups = clean
        .chunks(4)
        .map(|chunk| chunk.iter().collect())
        .collect();
    clean.zeroize();
    groups
}

/// The address as a QR code in an SVG `data:` URL; the intermediate SVG text is wiped.
fn qr_data_url(address: &str) -> Result<String, CoreError> {
    let code = QrCode::new(address.as_bytes()).map_err(|_| CoreError::Unexpected {
        status: 0,
        detail: "the QR code could not be made".into(),
    })?;
    let mut image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    let url = format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(image.as_bytes())
    );
    image.zeroize();
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;
    use secrecy::SecretString;

    #[test]
    fn the_secret_is_shown_in_groups_of_four() {
        assert_eq!(
            groups_of_four("jbsw y3dp-ehpk3pxp"),
            ["JBSW", "Y3DP", "EHPK", "3PXP"]
        );
        assert_eq!(groups_of_four("ABCDEF"), ["ABCD", "EF"]);
    }

    #[test]
    fn the_set_up_has_an_svg_qr_code_and_the_issuer() {
        let generated = TwoFactorSecret {
            secret: SecretString::from("JBSWY3DPEHPK3PXP".to_string()),
            otpauth_url: SecretString::from(
                "otpauth://totp/Acme:ada%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme"
                    .to_string(),
            ),
        };
        let view = setup(&generated, "ada@example.com").unwrap();
        assert_eq!(view.issuer, "Acme");
        assert_eq!(view.account, "ada@example.com");
        let svg = view
            .qr_code
            .strip_prefix("data:image/svg+xml;base64,")
            .expect("an SVG data URL");
        let svg = base64::engine::general_purpose::STANDARD
            .decode(svg)
            .unwrap();
        assert!(String::from_utf8(svg).unwrap().contains("<svg"));
        assert!(!format!("{view:?}").contains("JBSW"));
    }

    #[test]
    fn an_address_that_is_not_otpauth_is_refused() {
        let generated = TwoFactorSecret {
            secret: SecretString::from("JBSWY3DPEHPK3PXP".to_string()),
            otpauth_url: SecretString::from("https://example.com/".to_string()),
        };
        assert!(setup(&generated, "a@b.c").is_err());
    }
}
