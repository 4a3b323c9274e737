//! Typography and text direction in the catalogues (`locales/*.ftl`), beside the checks of
//! their messages and variables in `src/language.rs`:
//!
//! - French: no plain space before `:` `;` `?` `!` or inside « », but a no-break space
//!   (U+00A0) or a narrow no-break space (U+202F), so the sign never starts a line. A `:` or
//!   `?` inside an address (`https://`, `?token=`) is not punctuation and is left alone.
//! - Right to left: every run of Latin text in a message's own words (an address, `--server`,
//!   `⌘C`, a setting's or a product's name) sits inside U+2066 LEFT-TO-RIGHT ISOLATE …
//!   U+2069 POP DIRECTIONAL ISOLATE, so its slashes, dashes and dots are not shown reversed.
//!   Variables are not the catalogue's to wrap: the window's Fluent bundle isolates every
//!   placeable of a right-to-left catalogue itself (`ui/src/i18n.rs`). The `report-*` labels
//!   are left out: the diagnostic report is plain text, formatted without direction marks and
//!   padded by character count.
//!
//! `CATALOGUES_DIR=<folder>` checks the `<tag>.ftl` files of another folder (a translator's
//! delivery, or an older copy) instead of the catalogues built in.

use account_bridge::TextDirection;
use account_core::language::LANGUAGES;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';
/// Stands for a placeable (a variable, another message) in a message's text.
const PLACEABLE: char = '\u{FFFC}';

/// The catalogues to check: tag, direction, source.
fn catalogues() -> Vec<(&'static str, TextDirection, String)> {
    let folder = std::env::var_os("CATALOGUES_DIR").map(std::path::PathBuf::from);
    LANGUAGES
        .iter()
        .map(|language| {
            let source = match &folder {
                Some(folder) => {
                    let path = folder.join(format!("{}.ftl", language.code));
                    std::fs::read_to_string(&path)
                        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
                }
                None => language.catalogue.to_string(),
            };
            (language.code, language.direction, source)
        })
        .collect()
}

/// Every text a catalogue can show, by message (or `message.attribute`): one per variant of a
/// selection, each placeable written as `PLACEABLE`.
fn texts(code: &str, source: &str) -> Vec<(String, String)> {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{code}.ftl does not parse: {errors:?}"));
    let mut found = Vec::new();
    for entry in &resource.body {
        if let Entry::Message(message) = entry {
            let id = message.id.name;
            if let Some(value) = &message.value {
                found.extend(spelled_out(value).into_iter().map(|t| (id.to_string(), t)));
            }
            for attribute in &message.attributes {
                let name = format!("{id}.{}", attribute.id.name);
                found.extend(
                    spelled_out(&attribute.value)
                        .into_iter()
                        .map(|t| (name.clone(), t)),
                );
            }
        }
    }
    found
}

fn spelled_out(pattern: &Pattern<&str>) -> Vec<String> {
    let mut texts = vec![String::new()];
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                texts.iter_mut().for_each(|text| text.push_str(value));
            }
            PatternElement::Placeable { expression } => {
                let endings = placeable(expression);
                texts = texts
                    .iter()
                    .flat_map(|text| endings.iter().map(move |end| format!("{text}{end}")))
                    .collect();
            }
        }
    }
    texts
}

fn placeable(expression: &Expression<&str>) -> Vec<String> {
    match expression {
        Expression::Select { variants, .. } => variants
            .iter()
            .flat_map(|variant| spelled_out(&variant.value))
            .collect(),
        Expression::Inline(InlineExpression::Placeable { expression }) => placeable(expression),
        Expression::Inline(InlineExpression::StringLiteral { value }) => vec![value.to_string()],
        Expression::Inline(_) => vec![PLACEABLE.to_string()],
    }
}

/// The text around `at`, for a failure message.
fn around(chars: &[char], at: usize) -> String {
    let from = at.saturating_sub(12);
    let to = (at + 12).min(chars.len());
    chars[from..to]
        .iter()
        .map(|&c| match c {
            ' ' => '␣',
            '\u{00A0}' | '\u{202F}' => '⍽',
            PLACEABLE => '◆',
            c => c,
        })
        .collect()
}

/// What is wrong with the spacing of one French text.
fn french_problems(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let no_break = |c: Option<&char>| matches!(c, Some('\u{00A0}' | '\u{202F}'));
    let mut problems = Vec::new();
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        let wrong = match c {
            // Inside an address or a code (https://, ?token=, 10:30) it is not punctuation.
            ':' | ';' | '?' | '!' if after.is_some_and(|a| a.is_alphanumeric() || *a == '/') => {
                false
            }
            ':' | ';' | '?' | '!' | '»' => !no_break(before),
            '«' => !no_break(after),
            _ => false,
        };
        if wrong {
            let how = match (c, before, after) {
                ('«', Some(_), Some(' ')) | (_, Some(' '), _) => "a plain space",
                _ => "no space",
            };
            problems.push(format!("{how} at {c:?} in “{}”", around(&chars, i)));
        }
    }
    problems
}

/// A character that starts or continues a run of Latin text.
fn latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) || c == '⌘'
}

/// What is not isolated in one right-to-left text: each run of Latin text (words joined by
/// spaces, with the signs of an address, a flag or a shortcut) must lie inside LRI … PDI.
fn bidi_problems(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    // The isolate each character sits in, innermost (None: the right-to-left text itself).
    let mut stack = Vec::new();
    let mut inside = Vec::with_capacity(chars.len());
    let mut problems = Vec::new();
    for &c in &chars {
        match c {
            LRI | RLI | FSI => {
                inside.push(stack.last().copied());
                stack.push(c);
            }
            PDI => {
                if stack.pop().is_none() {
                    problems.push(format!("a PDI that closes nothing in “{text}”"));
                }
                inside.push(stack.last().copied());
            }
            _ => inside.push(stack.last().copied()),
        }
    }
    if !stack.is_empty() {
        problems.push(format!("an isolate left open in “{text}”"));
    }
    let joins = |c: char| latin(c) || c.is_ascii_digit() || "-_./:@+=?&%#~".contains(c);
    let mut i = 0;
    while i < chars.len() {
        if !latin(chars[i]) {
            i += 1;
            continue;
        }
        // A run: back over the signs that lead into it (--server), on over words, signs and
        // single spaces between Latin words (Caps Lock), less the sentence's own punctuation.
        let mut start = i;
        while start > 0 && "-⌘".contains(chars[start - 1]) {
            start -= 1;
        }
        // Isolate marks are looked through, so a run cut in two isolates is one run still.
        let mark = |c: char| c == LRI || c == PDI;
        let latin_next = |from: usize| chars[from..].iter().find(|&&c| !mark(c)).copied();
        let mut end = i;
        while end < chars.len() {
            let c = chars[end];
            if joins(c) || mark(c) || (c == ' ' && latin_next(end + 1).is_some_and(latin)) {
                end += 1;
            } else {
                break;
            }
        }
        while end > i + 1 && (mark(chars[end - 1]) || ".,:;?!".contains(chars[end - 1])) {
            end -= 1;
        }
        let run: String = chars[start..end].iter().collect();
        if (start..end).any(|at| inside[at] != Some(LRI)) {
            problems.push(format!(
                "“{run}” is not inside LRI … PDI in “{}”",
                around(&chars, start)
            ));
        }
        i = end.max(i + 1);
    }
    problems
}

/// Fails with every problem `check` finds in the catalogues it applies to, and how many.
fn check_all(
    what: &str,
    applies: impl Fn(&str, TextDirection) -> bool,
    skip: impl Fn(&str) -> bool,
    check: impl Fn(&str) -> Vec<String>,
) {
    let mut problems = Vec::new();
    let mut checked = 0;
    for (code, direction, source) in catalogues() {
        if !applies(code, direction) {
            continue;
        }
        checked += 1;
        for (id, text) in texts(code, &source) {
            if skip(&id) {
                continue;
            }
            for problem in check(&text) {
                problems.push(format!("{code}.ftl {id}: {problem}"));
            }
        }
    }
    assert!(checked > 0, "no catalogue to check for {what}");
    assert!(
        problems.is_empty(),
        "{} {what} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn french_puts_a_no_break_space_before_high_punctuation_and_inside_guillemets() {
    check_all(
        "French typography",
        |code, _| code == "fr" || code.starts_with("fr-"),
        |_| false,
        french_problems,
    );
}

#[test]
fn right_to_left_catalogues_isolate_every_run_of_latin_text() {
    check_all(
        "bidi",
        |_, direction| direction == TextDirection::Rtl,
        |id| id.starts_with("report-"),
        bidi_problems,
    );
}

#[test]
fn the_checks_tell_right_from_wrong() {
    // French.
    assert!(french_problems("Mot de passe oublié\u{202F}?").is_empty());
    assert!(french_problems("interrogé\u{00A0}: \u{FFFC}").is_empty());
    assert!(french_problems("choisissez «\u{202F}Réessayer\u{202F}»").is_empty());
    assert!(french_problems("commencer par https:// ou ?token=x (--server)").is_empty());
    assert_eq!(french_problems("oublié ?").len(), 1);
    assert_eq!(french_problems("\u{FFFC}: suite").len(), 1);
    assert_eq!(french_problems("« Réessayer »").len(), 2);
    assert_eq!(french_problems("Attention!").len(), 1);
    // Right to left.
    assert!(bidi_problems("يجب أن يبدأ بـ \u{2066}https://\u{2069}").is_empty());
    assert!(bidi_problems("(\u{2066}HTTP \u{FFFC}\u{2069})").is_empty());
    assert!(bidi_problems("اضغط \u{2066}Ctrl+C\u{2069} (\u{2066}⌘C\u{2069})").is_empty());
    assert!(bidi_problems("عنوان \u{FFFC} و6 أرقام").is_empty());
    assert_eq!(bidi_problems("سطر الأوامر (--server)").len(), 1);
    assert_eq!(bidi_problems("مفتاح (Caps Lock)").len(), 1);
    // Isolated word by word, the two words still swap places in right-to-left text.
    assert_eq!(
        bidi_problems("مفتاح (\u{2066}Caps\u{2069} \u{2066}Lock\u{2069})").len(),
        1
    );
    assert_eq!(bidi_problems("\u{2068}https://\u{2069}").len(), 1);
    assert_eq!(bidi_problems("\u{2066}https://").len(), 1);
}
