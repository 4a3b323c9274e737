//! Makes the pseudo-locale en-XA from the English catalogue: every text accented and lengthened
//! (fluent-pseudo doubles some vowels; "·" pads each message to at least 1.3 times its English
//! length), each message and attribute wrapped in ⟦ ⟧. Variables,
//! selectors and references to other messages stay as they are, so en-XA formats exactly as
//! English does.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::path::PathBuf;

fn main() {
    let source_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../locales/en.ftl");
    println!("cargo::rerun-if-changed={}", source_path.display());
    let source = std::fs::read_to_string(&source_path).expect("locales/en.ftl is readable");
    let mut resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("locales/en.ftl does not parse: {errors:?}"));
    for entry in &mut resource.body {
        if let Entry::Message(message) = entry {
            if let Some(value) = &mut message.value {
                pseudo(value, true);
            }
            for attribute in &mut message.attributes {
                pseudo(&mut attribute.value, true);
            }
        }
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("en-XA.ftl"),
        fluent_syntax::serializer::serialize(&resource),
    )
    .expect("OUT_DIR is writable");
}

/// How much longer than English the pseudo-locale is, at least: German and French run up to
/// a third longer than English.
const LENGTHENED: f64 = 1.3;

fn pseudo(pattern: &mut Pattern<String>, outermost: bool) {
    let english = text_length(pattern);
    for element in &mut pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                *value = fluent_pseudo::transform(value, false, true).into_owned();
            }
            PatternElement::Placeable { expression } => placeable(expression),
        }
    }
    if outermost {
        let wanted = (english as f64 * LENGTHENED).ceil() as usize;
        let padding = wanted.saturating_sub(text_length(pattern) + 2);
        pattern.elements.push(PatternElement::TextElement {
            value: "·".repeat(padding),
        });
        pattern.elements.insert(
            0,
            PatternElement::TextElement {
                value: "⟦".to_string(),
            },
        );
        pattern.elements.push(PatternElement::TextElement {
            value: "⟧".to_string(),
        });
    }
}

fn placeable(expression: &mut Expression<String>) {
    match expression {
        Expression::Select { variants, .. } => {
            for variant in variants {
                pseudo(&mut variant.value, false);
            }
        }
        Expression::Inline(InlineExpression::Placeable { expression }) => placeable(expression),
        Expression::Inline(_) => {}
    }
}

/// The characters a pattern shows: its texts, and the default variant of a selection.
fn text_length(pattern: &Pattern<String>) -> usize {
    pattern
        .elements
        .iter()
        .map(|element| match element {
            PatternElement::TextElement { value } => value.chars().count(),
            PatternElement::Placeable {
                expression: Expression::Select { variants, .. },
            } => variants
                .iter()
                .find(|variant| variant.default)
                .map_or(0, |variant| text_length(&variant.value)),
            PatternElement::Placeable { .. } => 0,
        })
        .sum()
}
