//! The words on the screens, in the customer's language. The core chooses the language and
//! hands over its one catalogue (Fluent syntax, `locales/<tag>.ftl`); the screens ask for
//! messages by id. Changing the language re-renders every screen that showed a message, at
//! once, keeping what was typed.

use account_bridge::{LanguageView, TextDirection};
use dioxus::prelude::*;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::cell::RefCell;
use std::rc::Rc;

pub use fluent_bundle::FluentValue as Arg;

/// One language's messages, ready to format.
pub struct Catalogue {
    bundle: FluentBundle<FluentResource>,
    // Read for dates, which only the wasm build formats (through the browser's Intl).
    #[cfg_attr(not(any(target_arch = "wasm32", test)), allow(dead_code))]
    code: String,
}

impl Catalogue {
    /// A catalogue from its Fluent source. A message that does not parse is left out (and
    /// shows as its id, which the catalogue tests catch): the others still work.
    pub fn new(code: &str, direction: TextDirection, source: String) -> Self {
        let locale = code.parse().unwrap_or_default();
        let mut bundle = FluentBundle::new(vec![locale]);
        // Bidi isolation marks around variables keep an email or an address in its own
        // direction inside right-to-left text; left-to-right text needs none.
        bundle.set_use_isolating(direction == TextDirection::Rtl);
        let resource = FluentResource::try_new(source).unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
        Catalogue {
            bundle,
            code: code.to_string(),
        }
    }

    /// Before the core answers: no messages (the first screen shows none).
    fn empty() -> Self {
        Catalogue::new("en", TextDirection::Ltr, String::new())
    }

    #[cfg(any(target_arch = "wasm32", test))]
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The message `id` with `args`; its id when the catalogue lacks it.
    pub fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    #[cfg(test)]
    pub fn has(&self, id: &str) -> bool {
        self.bundle.get_message(id).is_some()
    }
}

thread_local! {
    static CURRENT: RefCell<Rc<Catalogue>> = RefCell::new(Rc::new(Catalogue::empty()));
}

/// Bumped on every change of language: each component that formatted a message reads it, so
/// it renders again.
static REVISION: GlobalSignal<u32> = Signal::global(|| 0);

/// Speaks `view`'s language from now on: the catalogue, the page's `lang` and `dir`.
pub fn use_language(view: &LanguageView) {
    let catalogue = Catalogue::new(&view.code, view.direction, view.catalogue.clone());
    set_page_language(&view.code, view.direction);
    CURRENT.with(|current| *current.borrow_mut() = Rc::new(catalogue));
    if dioxus::core::Runtime::try_current().is_some() {
        *REVISION.write() += 1;
    }
}

/// The catalogue in use.
pub fn current() -> Rc<Catalogue> {
    // Inside a render: that component renders again when the language changes.
    if dioxus::core::Runtime::try_current().is_some_and(|r| r.try_current_scope_id().is_some()) {
        let _ = REVISION.read();
    }
    CURRENT.with(|current| current.borrow().clone())
}

/// The message `id`.
pub fn t(id: &str) -> String {
    current().format(id, None)
}

/// The message `id` with its variables.
pub fn tr<'a>(id: &str, args: impl IntoIterator<Item = (&'static str, Arg<'a>)>) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        fluent_args.set(name, value);
    }
    current().format(id, Some(&fluent_args))
}

/// The message `id` cut where the variable `name` goes: the text before and after it, so the
/// screen can show the value in its own element (bold, code). Where it goes differs by
/// language, which is why the message keeps it.
pub fn around(id: &str, name: &'static str) -> (String, String) {
    const MARK: &str = "\u{E000}";
    let text = tr(id, [(name, FluentValue::from(MARK))]);
    match text.split_once(MARK) {
        Some((before, after)) => (before.to_string(), after.to_string()),
        None => (text, String::new()),
    }
}

/// The JavaScript locale for dates and numbers: the pseudo-locale formats as English.
#[cfg(any(target_arch = "wasm32", test))]
pub fn date_locale() -> String {
    let catalogue = current();
    match catalogue.code() {
        "en-XA" => "en".to_string(),
        code => code.to_string(),
    }
}

fn set_page_language(code: &str, direction: TextDirection) {
    #[cfg(target_arch = "wasm32")]
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("lang", code);
        let _ = root.set_attribute("dir", direction.as_str());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (code, direction);
}

/// The catalogues, for the tests: the app receives only one of them, from the core.
#[cfg(test)]
pub mod catalogues {
    use super::*;

    pub const ALL: &[(&str, TextDirection, &str)] = &[
        (
            "en",
            TextDirection::Ltr,
            include_str!("../../locales/en.ftl"),
        ),
        (
            "de",
            TextDirection::Ltr,
            include_str!("../../locales/de.ftl"),
        ),
        (
            "fr",
            TextDirection::Ltr,
            include_str!("../../locales/fr.ftl"),
        ),
        (
            "es",
            TextDirection::Ltr,
            include_str!("../../locales/es.ftl"),
        ),
        (
            "ar",
            TextDirection::Rtl,
            include_str!("../../locales/ar.ftl"),
        ),
    ];

    /// Makes `code`'s catalogue the current one (on this test's thread).
    pub fn speak(code: &str) {
        let (code, direction, source) = ALL
            .iter()
            .find(|(tag, ..)| *tag == code)
            .expect("a catalogue of the app");
        let catalogue = Catalogue::new(code, *direction, source.to_string());
        CURRENT.with(|current| *current.borrow_mut() = Rc::new(catalogue));
    }
}

#[cfg(test)]
mod tests {
    use super::catalogues::{speak, ALL};
    use super::*;

    #[test]
    fn every_message_formats_without_errors_in_every_language() {
        let english = Catalogue::new("en", TextDirection::Ltr, ALL[0].2.to_string());
        let ids: Vec<String> = ALL[0]
            .2
            .lines()
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
            .filter(|id| !id.is_empty() && !id.starts_with(char::is_whitespace))
            .map(String::from)
            .collect();
        assert!(ids.iter().all(|id| english.has(id)));
        for (code, direction, source) in ALL {
            let resource = FluentResource::try_new(source.to_string());
            assert!(resource.is_ok(), "{code}.ftl has syntax errors");
            let catalogue = Catalogue::new(code, *direction, source.to_string());
            let mut args = FluentArgs::new();
            for name in [
                "email", "seconds", "minutes", "page", "pages", "host", "project", "store",
                "setting", "status", "why", "url", "reset", "verify", "problem", "strength",
                "language", "app", "button", "forgot", "resend",
            ] {
                args.set(name, "x");
            }
            for id in &ids {
                let pattern = catalogue
                    .bundle
                    .get_message(id)
                    .and_then(|m| m.value())
                    .unwrap_or_else(|| panic!("{code}: no {id}"));
                let mut errors = Vec::new();
                let text = catalogue
                    .bundle
                    .format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{code}: {id}: {errors:?}");
                assert!(!text.trim().is_empty(), "{code}: {id} is empty");
            }
        }
    }

    #[test]
    fn plurals_follow_each_languages_rules() {
        let cases: &[(&str, u64, &str)] = &[
            ("en", 1, "Try again in 1 second."),
            ("en", 5, "Try again in 5 seconds."),
            ("de", 1, "in 1 Sekunde"),
            ("de", 5, "in 5 Sekunden"),
            ("fr", 1, "dans 1 seconde"),
            // French counts 0 and 1 as singular.
            ("fr", 0, "dans 0 seconde"),
            ("fr", 5, "dans 5 secondes"),
            ("es", 1, "en 1 segundo"),
            ("es", 5, "en 5 segundos"),
            // Arabic has six forms: one, two, few (3–10), many (11–99), other.
            ("ar", 1, "ثانية واحدة"),
            ("ar", 2, "ثانيتين"),
            ("ar", 5, "ثوانٍ"),
            ("ar", 11, "ثانية"),
        ];
        for (code, seconds, expected) in cases {
            speak(code);
            let text = tr(
                "error-rate-limited-seconds",
                [("seconds", Arg::from(*seconds))],
            );
            assert!(text.contains(expected), "{code} {seconds}: {text}");
        }
        speak("en");
        assert_eq!(
            tr("error-rate-limited-minutes", [("minutes", Arg::from(1))]),
            "Too many attempts. Try again in 1 minute."
        );
        assert_eq!(
            tr("error-rate-limited-minutes", [("minutes", Arg::from(3))]),
            "Too many attempts. Try again in 3 minutes."
        );
    }

    #[test]
    fn a_variable_can_be_shown_in_its_own_element() {
        speak("en");
        assert_eq!(
            around("forgot-sent", "email"),
            (
                "If an account exists for ".to_string(),
                ", we've sent it a link to choose a new password. The link works once, for a day."
                    .to_string()
            )
        );
        // Where the address goes depends on the language; in Arabic it is isolated, so it
        // keeps its own direction.
        speak("ar");
        let (before, after) = around("forgot-sent", "email");
        assert!(before.ends_with('\u{2068}') && after.starts_with('\u{2069}'));
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        speak("de");
        assert_eq!(t("no-such-message"), "no-such-message");
        assert_eq!(date_locale(), "de");
    }
}
