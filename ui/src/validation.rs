//! Checks made before any request. Each problem is the message shown next to the field.

use crate::i18n::Message;

/// The length the strength meter asks for. Not a rule: the app refuses only what Directus
/// itself always refuses (an empty password), so it never contradicts a server's own policy,
/// which it cannot read (`/server/info` does not publish it). The server's refusal has its own
/// message, next to the password (PASSWORD_REJECTED).
pub const SUGGESTED_PASSWORD_LEN: usize = 8;

pub fn email_problem(email: &str) -> Option<Message> {
    let email = email.trim();
    if email.is_empty() {
        return Some(Message::new("problem-email-empty"));
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Some(Message::new("problem-email-invalid"));
    };
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..");
    if local.is_empty() || !domain_ok || email.chars().any(char::is_whitespace) {
        return Some(Message::new("problem-email-invalid"));
    }
    None
}

pub fn required(value: &str, what: Message) -> Option<Message> {
    value.trim().is_empty().then_some(what)
}

/// For a new password (register, reset): what Directus refuses whatever its policy.
pub fn new_password_problem(password: &str) -> Option<Message> {
    password
        .is_empty()
        .then_some(Message::new("problem-new-password-empty"))
}

pub fn confirmation_problem(password: &str, confirmation: &str) -> Option<Message> {
    if confirmation.is_empty() {
        Some(Message::new("problem-confirm-empty"))
    } else if password != confirmation {
        Some(Message::new("problem-confirm-mismatch"))
    } else {
        None
    }
}

/// A one-time code: six digits (spaces allowed, as apps show them in groups).
pub fn otp_problem(code: &str) -> Option<Message> {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        Some(Message::new("problem-otp-empty"))
    } else if digits.len() != 6 || !digits.chars().all(|c| c.is_ascii_digit()) {
        Some(Message::new("problem-otp-invalid"))
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
    /// The variant of `password-strength` that names it.
    pub fn key(self) -> &'static str {
        match self {
            Strength::TooShort => "too-short",
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
        assert_eq!(email_problem(""), Some(Message::new("problem-email-empty")));
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
        assert_eq!(
            new_password_problem(""),
            Some(Message::new("problem-new-password-empty"))
        );
        // Short or odd passwords are the server's to refuse: its policy may allow them.
        for allowed in ["short", "        ", "long enough"] {
            assert_eq!(new_password_problem(allowed), None, "{allowed:?}");
        }
        assert_eq!(
            confirmation_problem("abcdefgh", ""),
            Some(Message::new("problem-confirm-empty"))
        );
        assert_eq!(
            confirmation_problem("abcdefgh", "abcdefgX"),
            Some(Message::new("problem-confirm-mismatch"))
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
