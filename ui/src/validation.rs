//! Checks made before any request, with the message shown next to the field.

/// The length the strength meter asks for. Not a rule: the app refuses only what Directus
/// itself always refuses (an empty password), so it never contradicts a server's own policy,
/// which it cannot read (`/server/info` does not publish it). The server's refusal has its own
/// message, next to the password (PASSWORD_REJECTED).
pub const SUGGESTED_PASSWORD_LEN: usize = 8;

pub fn email_problem(email: &str) -> Option<&'static str> {
    let email = email.trim();
    if email.is_empty() {
        return Some("Enter your email address.");
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Some("Enter an email address like name@example.com.");
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..");
    if local.is_empty() || !domain_ok || email.chars().any(char::is_whitespace) {
        return Some("Enter an email address like name@example.com.");
    }
    None
}

pub fn required(value: &str, what: &'static str) -> Option<&'static str> {
    value.trim().is_empty().then_some(what)
}

/// For a new password (register, reset): what Directus refuses whatever its policy.
pub fn new_password_problem(password: &str) -> Option<&'static str> {
    password.is_empty().then_some("Choose a password.")
}

pub fn confirmation_problem(password: &str, confirmation: &str) -> Option<&'static str> {
    if confirmation.is_empty() {
        Some("Type the password again.")
    } else if password != confirmation {
        Some("The passwords don't match.")
    } else {
        None
    }
}

/// A one-time code: six digits (spaces allowed, as apps show them in groups).
pub fn otp_problem(code: &str) -> Option<&'static str> {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        Some("Enter the 6-digit code from your authenticator app.")
    } else if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
        Some("The code is 6 digits.")
    } else {
        None
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strength {
    TooShort,
    Weak,
    Fair,
    Strong,
}

impl Strength {
    pub fn label(self) -> &'static str {
        match self {
            Strength::TooShort => "very weak (under 8 characters)",
            Strength::Weak => "weak",
            Strength::Fair => "fair",
            Strength::Strong => "strong",
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Strength::TooShort => "strength too-short",
            Strength::Weak => "strength weak",
            Strength::Fair => "strength fair",
            Strength::Strong => "strength strong",
        }
    }
}

/// A rough hint from length and variety; length counts most.
pub fn strength(password: &str) -> Strength {
    let length = password.chars().count();
    if length < SUGGESTED_PASSWORD_LEN {
        return Strength::TooShort;
    }
    let classes = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ]
    .into_iter()
    .filter(|present| *present)
    .count();
    let distinct = {
        let mut chars: Vec<char> = password.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        chars.len()
    };
    let score = length / 4 + classes + usize::from(length >= 16);
    match () {
        _ if distinct <= 3 => Strength::Weak,
        _ if score >= 7 => Strength::Strong,
        _ if score >= 5 => Strength::Fair,
        _ => Strength::Weak,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_shapes() {
        assert_eq!(email_problem(""), Some("Enter your email address."));
        for bad in [
            "ada",
            "ada@",
            "@example.com",
            "ada@example",
            "ada@.com",
            "ada@example.",
            "a da@example.com",
            "ada@exa..com",
        ] {
            assert!(email_problem(bad).is_some(), "{bad}");
        }
        for good in ["ada@example.com", " ada.lovelace+x@mail.example.co.uk "] {
            assert_eq!(email_problem(good), None, "{good}");
        }
    }

    #[test]
    fn new_passwords_and_confirmation() {
        assert_eq!(new_password_problem(""), Some("Choose a password."));
        // Short or odd passwords are the server's to refuse: its policy may allow them.
        for allowed in ["short", "        ", "long enough"] {
            assert_eq!(new_password_problem(allowed), None, "{allowed:?}");
        }
        assert_eq!(
            confirmation_problem("abcdefgh", ""),
            Some("Type the password again.")
        );
        assert_eq!(
            confirmation_problem("abcdefgh", "abcdefgX"),
            Some("The passwords don't match.")
        );
        assert_eq!(confirmation_problem("abcdefgh", "abcdefgh"), None);
    }

    #[test]
    fn one_time_codes() {
        assert!(otp_problem("").is_some());
        assert!(otp_problem("12345").is_some());
        assert!(otp_problem("12345a").is_some());
        assert_eq!(otp_problem("123 456"), None);
    }

    #[test]
    fn strength_grows_with_length_and_variety() {
        assert_eq!(strength("abc"), Strength::TooShort);
        assert_eq!(strength("aaaaaaaaaaaa"), Strength::Weak);
        assert_eq!(strength("abcdefgh"), Strength::Weak);
        assert_eq!(strength("Abcdefgh12"), Strength::Fair);
        assert_eq!(strength("correct horse battery staple"), Strength::Strong);
        assert_eq!(strength("Tr0ub4dor&3xyz!"), Strength::Strong);
    }
}
