//! The languages the app speaks, and which one it speaks now: the customer's pick, else the
//! system's preferred languages, else the server's `default_language`, else English. The
//! catalogues (`locales/*.ftl`, Fluent syntax) are built into the core; the window receives
//! only the one in use.

use account_bridge::{LanguageOption, LanguageSource, LanguageView, TextDirection};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

/// One catalogue.
#[derive(Debug)]
pub struct Language {
    /// BCP 47 tag, as the catalogue's file is named.
    pub code: &'static str,
    /// Its name in itself, for the picker.
    pub name: &'static str,
    pub direction: TextDirection,
    pub catalogue: &'static str,
}

/// What the picker offers, English first (the source every other catalogue is checked against).
pub const LANGUAGES: &[Language] = &[
    Language {
        code: "en",
        name: "English",
        direction: TextDirection::Ltr,
        catalogue: include_str!("../../../locales/en.ftl"),
    },
    Language {
        code: "de",
        name: "Deutsch",
        direction: TextDirection::Ltr,
        catalogue: include_str!("../../../locales/de.ftl"),
    },
    Language {
        code: "fr",
        name: "Français",
        direction: TextDirection::Ltr,
        catalogue: include_str!("../../../locales/fr.ftl"),
    },
    Language {
        code: "es",
        name: "Español",
        direction: TextDirection::Ltr,
        catalogue: include_str!("../../../locales/es.ftl"),
    },
    Language {
        code: "ar",
        name: "العربية",
        direction: TextDirection::Rtl,
        catalogue: include_str!("../../../locales/ar.ftl"),
    },
];

/// English with every text accented, lengthened by about a third and wrapped in ⟦ ⟧ (made from
/// `en.ftl` by build.rs): a screen showing text without the marks did not take it from the
/// catalogue, and one that clips at this length will clip in German. Not offered in the
/// picker; asked for like any other language (`LANGUAGE=en-XA`, or `--language en-XA`).
pub const PSEUDO: Language = Language {
    code: "en-XA",
    name: "English (pseudo)",
    direction: TextDirection::Ltr,
    catalogue: include_str!(concat!(env!("OUT_DIR"), "/en-XA.ftl")),
};

pub const DEFAULT: &Language = &LANGUAGES[0];

/// The catalogue for a tag, matched the way Fluent matches languages ("de-AT" gets German,
/// "pt-BR" nothing). The pseudo-locale only by its exact tag.
pub fn best_match(requested: &str) -> Option<&'static Language> {
    let requested = requested.trim();
    if requested.eq_ignore_ascii_case(PSEUDO.code) {
        return Some(&PSEUDO);
    }
    let wanted: LanguageIdentifier = requested.parse().ok()?;
    let available: Vec<LanguageIdentifier> = LANGUAGES
        .iter()
        .map(|language| {
            language
                .code
                .parse()
                .expect("the catalogues' tags are valid")
        })
        .collect();
    let found = negotiate_languages(&[wanted], &available, None, NegotiationStrategy::Lookup);
    let found = found.first()?.to_string();
    LANGUAGES.iter().find(|language| language.code == found)
}

/// The language to speak, and which of the four sources gave it.
pub fn choose(
    choice: Option<&str>,
    system: &[String],
    server: Option<&str>,
) -> (&'static Language, LanguageSource) {
    if let Some(language) = choice.and_then(best_match) {
        return (language, LanguageSource::Choice);
    }
    automatic(system, server)
}

/// What "Automatic" gives: the first of the system's languages the app has, else the server's.
fn automatic(system: &[String], server: Option<&str>) -> (&'static Language, LanguageSource) {
    if let Some(language) = system.iter().find_map(|tag| best_match(tag)) {
        return (language, LanguageSource::System);
    }
    if let Some(language) = server.and_then(best_match) {
        return (language, LanguageSource::Server);
    }
    (DEFAULT, LanguageSource::Default)
}

/// The window's language: the chosen catalogue, why, and what the picker offers.
pub fn view(choice: Option<&str>, system: &[String], server: Option<&str>) -> LanguageView {
    let (language, chosen_by) = choose(choice, system, server);
    let (automatic, _) = automatic(system, server);
    LanguageView {
        code: language.code.to_string(),
        direction: language.direction,
        catalogue: language.catalogue.to_string(),
        chosen_by,
        choice: choice
            .and_then(best_match)
            .map(|language| language.code.to_string()),
        automatic: automatic.code.to_string(),
        available: LANGUAGES
            .iter()
            .map(|language| LanguageOption {
                code: language.code.to_string(),
                name: language.name.to_string(),
            })
            .collect(),
    }
}

/// The messages of one catalogue, for the few texts the core writes itself: the diagnostic
/// report's headings and labels.
pub struct Messages {
    bundle: FluentBundle<FluentResource>,
}

impl Messages {
    pub fn of(language: &Language) -> Self {
        let mut bundle = FluentBundle::new(vec![language.code.parse().unwrap_or_default()]);
        // Plain text for a terminal or an email: no invisible direction marks.
        bundle.set_use_isolating(false);
        let resource = FluentResource::try_new(language.catalogue.to_string())
            .unwrap_or_else(|(partial, _)| partial);
        let _ = bundle.add_resource(resource);
        Messages { bundle }
    }

    /// The message `id`; its id when the catalogue lacks it (the catalogue tests catch that).
    pub fn get(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with one variable.
    pub fn with(&self, id: &str, name: &str, value: &str) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_string(), value.to_string());
        self.format(id, Some(&args))
    }

    fn format(&self, id: &str, args: Option<&FluentArgs>) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_string();
        };
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }
}

/// The system's preferred languages, most preferred first (LANGUAGE, LC_ALL, LC_MESSAGES and
/// LANG on Linux; the user's language list on Windows and macOS).
pub fn system_languages() -> Vec<String> {
    sys_locale::get_locales().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|tag| tag.to_string()).collect()
    }

    #[test]
    fn the_customers_pick_wins_then_the_system_then_the_server_then_english() {
        let system = tags(&["fr-CA", "en-GB"]);
        assert_eq!(
            choose(Some("de"), &system, Some("es-ES")).0.code,
            "de",
            "the pick"
        );
        let (language, source) = choose(None, &system, Some("es-ES"));
        assert_eq!((language.code, source), ("fr", LanguageSource::System));
        // A system language the app lacks passes to the next one the system lists.
        let (language, source) = choose(None, &tags(&["ja-JP", "de-AT"]), Some("es-ES"));
        assert_eq!((language.code, source), ("de", LanguageSource::System));
        let (language, source) = choose(None, &tags(&["ja-JP", "C"]), Some("es-ES"));
        assert_eq!((language.code, source), ("es", LanguageSource::Server));
        let (language, source) = choose(None, &tags(&["ja-JP"]), Some("pt-BR"));
        assert_eq!((language.code, source), ("en", LanguageSource::Default));
        let (language, source) = choose(None, &[], None);
        assert_eq!((language.code, source), ("en", LanguageSource::Default));
        // A saved pick the app no longer has counts as no pick.
        let (language, source) = choose(Some("tlh"), &system, None);
        assert_eq!((language.code, source), ("fr", LanguageSource::System));
    }

    #[test]
    fn tags_match_by_language_and_the_pseudo_locale_only_exactly() {
        for (tag, expected) in [
            ("de-DE", Some("de")),
            ("de-CH", Some("de")),
            ("fr", Some("fr")),
            ("es-419", Some("es")),
            ("ar-EG", Some("ar")),
            ("en-US", Some("en")),
            ("en-XA", Some("en-XA")),
            ("EN-xa", Some("en-XA")),
            ("pt-BR", None),
            ("", None),
            ("not a tag", None),
        ] {
            assert_eq!(best_match(tag).map(|l| l.code), expected, "{tag}");
        }
    }

    #[test]
    fn the_core_formats_its_own_texts_in_every_language() {
        for language in LANGUAGES.iter().chain([&PSEUDO]) {
            let messages = Messages::of(language);
            let title = messages.with("report-title", "app", "Directus Desktop");
            assert!(
                title.contains("Directus Desktop"),
                "{}: {title}",
                language.code
            );
            assert_ne!(messages.get("report-keychain"), "report-keychain");
        }
        assert_eq!(
            Messages::of(&LANGUAGES[1]).get("report-keychain"),
            "Schlüsselbund"
        );
    }

    /// The hand-off page's words in every language (JSON, sorted): the `hand-off-*` messages
    /// with `{app}`, `{button}`, `{forgot}` and `{resend}` left for the page to fill, and the
    /// app's three buttons it names.
    fn hand_off_messages() -> String {
        let mut all = BTreeMap::new();
        for language in LANGUAGES {
            let messages = Messages::of(language);
            let mut args = FluentArgs::new();
            for name in ["app", "button", "forgot", "resend"] {
                args.set(name, format!("{{{name}}}"));
            }
            let mut words = BTreeMap::new();
            for id in language
                .catalogue
                .lines()
                .filter_map(|line| line.strip_prefix("hand-off-"))
                .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
                .filter(|id| !id.starts_with("no-script-"))
            {
                words.insert(
                    id.to_string(),
                    messages.format(&format!("hand-off-{id}"), Some(&args)),
                );
            }
            for (key, id) in [
                ("button", "sign-in-paste-link"),
                ("forgot", "sign-in-forgot"),
                ("resend", "register-resend"),
            ] {
                words.insert(key.to_string(), messages.get(id));
            }
            words.insert("dir".to_string(), language.direction.as_str().to_string());
            all.insert(language.code, words);
        }
        serde_json::to_string(&all).expect("plain strings")
    }

    /// What the page says without JavaScript, in every language one after the other (it
    /// cannot choose one): static HTML, the app's button in bold, the app named as in the
    /// page's `app-name`.
    fn hand_off_no_script(app: &str) -> String {
        const BUTTON: &str = "\u{E000}";
        let escape = |text: &str| {
            text.replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        };
        let mut html = String::from("\n    <section id=\"no-script\">\n");
        for language in LANGUAGES {
            let messages = Messages::of(language);
            let mut args = FluentArgs::new();
            args.set("app", app.to_string());
            args.set("button", BUTTON);
            let say = |id: &str| {
                escape(&messages.format(&format!("hand-off-no-script-{id}"), Some(&args))).replace(
                    BUTTON,
                    &format!(
                        "<strong>{}</strong>",
                        escape(&messages.get("sign-in-paste-link"))
                    ),
                )
            };
            html.push_str(&format!(
                "      <div class=\"no-script-language\" lang=\"{}\" dir=\"{}\">\n        <h2>{}</h2>\n        <ol>\n          <li>{}</li>\n          <li>{}</li>\n          <li>{}</li>\n        </ol>\n        <p class=\"hint\">{}</p>\n      </div>\n",
                language.code,
                language.direction.as_str(),
                say("title"),
                say("copy"),
                say("open"),
                say("paste"),
                say("secret"),
            ));
        }
        html.push_str("    </section>\n  ");
        html
    }

    /// Replaces what stands between `open` and the next `close` in `page` with `new`; returns
    /// the page and what stood there.
    fn between(page: &str, open: &str, close: &str, new: &str) -> (String, String) {
        let (before, rest) = page.split_once(open).expect("the opening mark");
        let (current, after) = rest.split_once(close).expect("the closing mark");
        (
            format!("{before}{open}{new}{close}{after}"),
            current.to_string(),
        )
    }

    #[test]
    fn the_hand_off_page_speaks_every_language_from_the_catalogues() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../hand-off/index.html");
        // Built in, so the check runs wherever the tests run (under Wine too).
        let page = include_str!("../../../hand-off/index.html");
        let app = page
            .split_once(r#"<meta name="app-name" content=""#)
            .and_then(|(_, rest)| rest.split_once('"'))
            .map(|(name, _)| name)
            .expect("the page's app-name");
        let messages = hand_off_messages();
        assert!(messages.contains(r#""reset-title":"Passwort zurücksetzen""#));
        let no_script = hand_off_no_script(app);
        let (page_now, current_messages) = between(
            page,
            r#"<script type="application/json" id="messages">"#,
            "</script>",
            &messages,
        );
        let (page_now, current_no_script) =
            between(&page_now, "<noscript>", "</noscript>", &no_script);
        if std::env::var_os("UPDATE_HAND_OFF_PAGE").is_some() {
            std::fs::write(path, page_now).expect("the page is writable");
            return;
        }
        assert!(
            current_messages == messages && current_no_script == no_script,
            "hand-off/index.html has other words than locales/*.ftl: run \
             scripts/regenerate"
        );
    }

    #[test]
    fn the_view_says_what_automatic_would_give() {
        let view = view(Some("ar"), &tags(&["de-DE"]), None);
        assert_eq!(view.code, "ar");
        assert_eq!(view.direction, TextDirection::Rtl);
        assert_eq!(view.choice.as_deref(), Some("ar"));
        assert_eq!(view.automatic, "de");
        assert_eq!(view.available.len(), LANGUAGES.len());
        assert!(view.catalogue.contains("sign-in-title"));
    }

    /// Every message and attribute of a catalogue, with the variables each one uses.
    fn messages(code: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
        use fluent_syntax::ast;
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, errors)| panic!("{code}.ftl does not parse: {errors:?}"));
        let mut found = BTreeMap::new();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let id = message.id.name.to_string();
                    let value = message
                        .value
                        .unwrap_or_else(|| panic!("{code}: {id} has no text"));
                    found.insert(id.clone(), variables(&value));
                    for attribute in message.attributes {
                        found.insert(
                            format!("{id}.{}", attribute.id.name),
                            variables(&attribute.value),
                        );
                    }
                }
                ast::Entry::Junk { content } => panic!("{code}.ftl: cannot read {content:?}"),
                _ => {}
            }
        }
        found
    }

    fn variables(pattern: &fluent_syntax::ast::Pattern<&str>) -> BTreeSet<String> {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
        fn inline(expression: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
            if let InlineExpression::VariableReference { id } = expression {
                found.insert(id.name.to_string());
            }
            if let InlineExpression::Placeable { expression } = expression {
                walk(expression, found);
            }
        }
        fn walk(expression: &Expression<&str>, found: &mut BTreeSet<String>) {
            match expression {
                Expression::Inline(expression) => inline(expression, found),
                Expression::Select { selector, variants } => {
                    inline(selector, found);
                    for variant in variants {
                        for element in &variant.value.elements {
                            if let PatternElement::Placeable { expression } = element {
                                walk(expression, found);
                            }
                        }
                    }
                }
            }
        }
        let mut found = BTreeSet::new();
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                walk(expression, &mut found);
            }
        }
        found
    }

    #[test]
    fn every_catalogue_has_every_message_with_the_same_variables() {
        let english = messages("en", DEFAULT.catalogue);
        assert!(english.len() > 150, "{} messages", english.len());
        for language in LANGUAGES.iter().chain([&PSEUDO]) {
            let other = messages(language.code, language.catalogue);
            let missing: Vec<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
            let extra: Vec<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
            assert!(
                missing.is_empty() && extra.is_empty(),
                "{}: missing {missing:?}, not in English {extra:?}",
                language.code
            );
            for (id, variables) in &english {
                assert_eq!(
                    &other[id], variables,
                    "{}: {id} uses other variables than English",
                    language.code
                );
            }
        }
    }

    #[test]
    fn translations_are_not_english_left_in_place() {
        // A message identical to English is allowed where the words are the same (names,
        // codes); many are a sign of a copied file.
        let english = messages("en", DEFAULT.catalogue);
        for language in &LANGUAGES[1..] {
            let resource = fluent_syntax::parser::parse(language.catalogue).expect("parses");
            let source = fluent_syntax::parser::parse(DEFAULT.catalogue).expect("parses");
            let same = same_texts(&source, &resource);
            assert!(
                same.len() * 20 < english.len(),
                "{}: {} messages are the English text: {same:?}",
                language.code,
                same.len()
            );
        }
    }

    fn same_texts(
        english: &fluent_syntax::ast::Resource<&str>,
        other: &fluent_syntax::ast::Resource<&str>,
    ) -> Vec<String> {
        use fluent_syntax::ast::Entry;
        let text = |resource: &fluent_syntax::ast::Resource<&str>| {
            resource
                .body
                .iter()
                .filter_map(|entry| match entry {
                    Entry::Message(message) => {
                        Some((message.id.name.to_string(), format!("{:?}", message.value)))
                    }
                    _ => None,
                })
                .collect::<BTreeMap<_, _>>()
        };
        let (english, other) = (text(english), text(other));
        english
            .iter()
            .filter(|(id, value)| other.get(*id) == Some(value))
            .map(|(id, _)| id.clone())
            .collect()
    }

    #[test]
    fn the_pseudo_locale_marks_and_lengthens_every_text() {
        let source = messages("en", DEFAULT.catalogue);
        assert_eq!(messages("en-XA", PSEUDO.catalogue).len(), source.len());
        // Each message as the screens show it (variables one letter long): marked, and the
        // whole at least 1.3 times the English.
        let (english, pseudo) = (Messages::of(DEFAULT), Messages::of(&PSEUDO));
        let mut args = FluentArgs::new();
        for name in source.values().flatten() {
            args.set(name.clone(), "x");
        }
        let (mut english_chars, mut pseudo_chars) = (0, 0);
        for id in source.keys().filter(|id| !id.contains('.')) {
            let shown = pseudo.format(id, Some(&args));
            assert!(
                shown.starts_with('⟦') && shown.ends_with('⟧'),
                "{id}: {shown}"
            );
            english_chars += english.format(id, Some(&args)).chars().count();
            pseudo_chars += shown.chars().count();
        }
        let longer = pseudo_chars as f64 / english_chars as f64;
        assert!(longer >= 1.3, "only {longer:.2}× the English");
    }
}
