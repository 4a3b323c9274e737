//! The words on the screens, in the customer's language. The core chooses the language and
//! hands over its one catalogue (Fluent syntax, `locales/<tag>.ftl`); the screens ask for
//! messages by id: `t("id")` for their own words, a [`Message`] for what a component shows. Changing the language re-renders every screen that showed a message, at
//! once, keeping what was typed.

use account_bridge::{LanguageView, TextDirection};
use dioxus::core::{DynamicNode, IntoDynNode};
use dioxus::prelude::*;
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::cell::RefCell;
use std::rc::Rc;

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
pub fn set_language(view: &LanguageView) {
    let catalogue = Catalogue::new(&view.code, view.direction, view.catalogue.clone());
    set_page_language(&view.code, view.direction);
    CURRENT.with(|current| *current.borrow_mut() = Rc::new(catalogue));
    if dioxus::core::Runtime::try_current().is_some() {
        *REVISION.write() += 1;
    }
}

/// The catalogue in use.
fn current() -> Rc<Catalogue> {
    // Inside a render: that component renders again when the language changes.
    if dioxus::core::Runtime::try_current().is_some_and(|r| r.try_current_scope_id().is_some()) {
        let _ = REVISION.read();
    }
    CURRENT.with(|current| current.borrow().clone())
}

/// The message `id`, as text now: for the screens' own words. What is handed to a component
/// is a [`Message`].
pub fn t(id: &'static str) -> String {
    current().format(id, None)
}

/// A message to show: its id in the catalogue and the values of its variables. Components take
/// these, never text, and format them as they render, so what they show follows the language.
/// In `rsx!` it shows as its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Value)>,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Plain(FluentValue<'static>),
    /// Formatted with the message, in the same language.
    Message(Message),
}

impl Message {
    pub const fn new(id: &'static str) -> Self {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// With the variable `name` set to `value` (a number selects the plural form).
    pub fn with(mut self, name: &'static str, value: impl Into<FluentValue<'static>>) -> Self {
        self.args.push((name, Value::Plain(value.into())));
        self
    }

    /// With the variable `name` set to another message (a reason inside a sentence).
    pub fn with_message(mut self, name: &'static str, message: Message) -> Self {
        self.args.push((name, Value::Message(message)));
        self
    }

    /// Its text in the language spoken now; its id when the catalogue lacks it.
    pub fn text(&self) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in &self.args {
            match value {
                Value::Plain(value) => args.set(*name, value.clone()),
                Value::Message(message) => args.set(*name, message.text()),
            }
        }
        current().format(self.id, Some(&args))
    }

    /// The text cut where the variable `name` goes: the text before and after it, so the
    /// screen can show the value in its own element (bold, code). Where it goes differs by
    /// language, which is why the message keeps it.
    pub fn around(&self, name: &'static str) -> (String, String) {
        const MARK: &str = "\u{E000}";
        let text = self.clone().with(name, MARK).text();
        match text.split_once(MARK) {
            Some((before, after)) => (before.to_string(), after.to_string()),
            None => (text, String::new()),
        }
    }
}

impl IntoDynNode for Message {
    fn into_dyn_node(self) -> DynamicNode {
        self.text().into_dyn_node()
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

/// A moment (seconds since 1970) as a date and time in the app's language ("7 December 2026 at
/// 14:03"); as the plain number where there is no JavaScript (the native tests).
pub fn format_moment(unix_secs: u64) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix_secs as f64 * 1000.0));
        let options = js_sys::Object::new();
        for (key, value) in [("dateStyle", "long"), ("timeStyle", "short")] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        String::from(date.to_locale_string(&date_locale(), &options))
    }
    #[cfg(not(target_arch = "wasm32"))]
    unix_secs.to_string()
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
                "language", "app", "button", "forgot", "resend", "account", "issuer", "version",
                "percent", "date", "reason",
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
            let text = Message::new("error-rate-limited-seconds")
                .with("seconds", *seconds)
                .text();
            assert!(text.contains(expected), "{code} {seconds}: {text}");
        }
        speak("en");
        assert_eq!(
            Message::new("error-rate-limited-minutes")
                .with("minutes", 1)
                .text(),
            "Too many attempts. Try again in 1 minute."
        );
        assert_eq!(
            Message::new("error-rate-limited-minutes")
                .with("minutes", 3)
                .text(),
            "Too many attempts. Try again in 3 minutes."
        );
    }

    #[test]
    fn a_variable_can_be_shown_in_its_own_element() {
        speak("en");
        assert_eq!(
            Message::new("forgot-sent").around("email"),
            (
                "If an account exists for ".to_string(),
                ", we've sent it a link to choose a new password. The link works once, for a day."
                    .to_string()
            )
        );
        // Where the address goes depends on the language; in Arabic it is isolated, so it
        // keeps its own direction.
        speak("ar");
        let (before, after) = Message::new("forgot-sent").around("email");
        assert!(before.ends_with('\u{2068}') && after.starts_with('\u{2069}'));
    }

    /// Every message id the code asks for is in the English catalogue (which the others
    /// follow), so a typo fails here instead of showing the id on a screen. An id is named in
    /// one of two ways, both scanned: `t("…")` and `Message::new("…")`; a value there instead of
    /// a literal (`t(label)`) would hide the id from this test, so it fails too.
    #[test]
    fn every_message_the_code_asks_for_is_in_english() {
        let english = Catalogue::new("en", TextDirection::Ltr, ALL[0].2.to_string());
        let mut asked = 0;
        let mut problems = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for path in rust_files(&root.join("src")) {
            let source = std::fs::read_to_string(&path).unwrap();
            // The tests' own modules ask for what they need (a missing id, on purpose).
            let code = source
                .split("\n#[cfg(test)]\nmod tests")
                .next()
                .unwrap_or_default();
            for (line, argument, ids) in message_requests(code) {
                let place = format!("{}:{line}", path.strip_prefix(root).unwrap().display());
                if ids.is_empty() {
                    problems.push(format!("{place}: `{argument}`: name the message id there"));
                }
                for id in ids {
                    asked += 1;
                    if !english.has(&id) {
                        problems.push(format!("{place}: `{id}` is not in locales/en.ftl"));
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        // The scan found the screens' messages (a change of syntax would find none).
        assert!(asked > 150, "only {asked} message ids found");
    }

    fn rust_files(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files = Vec::new();
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files.extend(rust_files(&path));
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                files.push(path);
            }
        }
        files.sort();
        files
    }

    /// Each `t(…)` and `Message::new(…)` in `code`, outside comments and string literals: its
    /// line, its argument, and the string literals in it (`t(if busy { "a" } else { "b" })`
    /// names two ids).
    fn message_requests(code: &str) -> Vec<(usize, String, Vec<String>)> {
        let code: String = code
            .lines()
            .map(|line| {
                if line.trim_start().starts_with("//") {
                    ""
                } else {
                    line
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let bytes = code.as_bytes();
        let mut requests = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            if let Some(end) = string_end(bytes, at) {
                at = end;
                continue;
            }
            let before = at.checked_sub(1).map(|i| bytes[i]);
            let starts_word =
                before.is_none_or(|c| !(c.is_ascii_alphanumeric() || c == b'_' || c == b'.'));
            let call = ["t(", "Message::new("]
                .into_iter()
                .find(|call| starts_word && bytes[at..].starts_with(call.as_bytes()));
            let Some(call) = call.filter(|_| !bytes[..at].ends_with(b"fn ")) else {
                at += 1;
                continue;
            };
            let open = at + call.len();
            let (mut depth, mut close, mut ids) = (1, open, Vec::new());
            while depth > 0 && close < bytes.len() {
                if let Some(end) = string_end(bytes, close) {
                    if bytes[close] == b'"' {
                        ids.push(code[close + 1..end - 1].to_string());
                    }
                    close = end;
                    continue;
                }
                match bytes[close] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                close += 1;
            }
            let line = code[..at].matches('\n').count() + 1;
            requests.push((line, code[open..close - 1].to_string(), ids));
            at = close;
        }
        requests
    }

    /// Where the string literal starting at `at` ends (just past its closing quote), if one
    /// starts there. Raw strings (`r#"…"#`) are skipped whole: none names a message.
    fn string_end(bytes: &[u8], at: usize) -> Option<usize> {
        if bytes[at..].starts_with(b"r#\"") {
            let body = at + 3;
            let length = bytes[body..].windows(2).position(|pair| pair == b"\"#")?;
            return Some(body + length + 2);
        }
        if bytes[at] != b'"' {
            return None;
        }
        let mut end = at + 1;
        while end < bytes.len() && bytes[end] != b'"' {
            end += if bytes[end] == b'\\' { 2 } else { 1 };
        }
        Some(end + 1)
    }

    #[test]
    fn a_missing_message_shows_its_id() {
        speak("de");
        assert_eq!(t("no-such-message"), "no-such-message");
        assert_eq!(date_locale(), "de");
    }
}
