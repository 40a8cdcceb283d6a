//! Highlights: passages of an article a reader marked, with an optional
//! note. Each is anchored by its quoted words and a little context on both
//! sides (as the W3C Web Annotation `TextQuoteSelector` does), not by a
//! position: a rebuild that moved the passage but kept its words finds it
//! again ([`locate`]); one whose words are gone is *orphaned*, listed as such
//! and never dropped.
//!
//! Positions are byte offsets into an article's text as the reading view
//! shows it: its blocks, one after the other, joined by a line break.

use std::ops::Range;

use serde_json::{json, Value};

/// How many characters of context are kept on each side of a quote.
pub const CONTEXT: usize = 32;

/// The longest quote kept, in characters (a highlight is a passage, not a
/// copy of the article).
pub const MAX_QUOTE: usize = 4_000;

/// The longest note kept, in characters.
pub const MAX_NOTE: usize = 4_000;

/// What anchors a highlight: the exact words, and what comes just before and
/// after them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    /// The words highlighted.
    pub exact: String,
    /// Up to [`CONTEXT`] characters just before them.
    pub prefix: String,
    /// Up to [`CONTEXT`] characters just after them.
    pub suffix: String,
}

/// One highlight of an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// The article's id (ids outlive rebuilds).
    pub article: String,
    /// Where it is.
    pub quote: Quote,
    /// The reader's note (empty: none).
    pub note: String,
    /// When it was made, in milliseconds since 1970.
    pub created: u64,
}

/// An article's text as the reading view shows it: its blocks joined by
/// line breaks.
pub fn joined(blocks: &[&str]) -> String {
    blocks.join("\n")
}

/// Where `(block, byte)` is in the [`joined`] text (clamped to it).
pub fn offset(blocks: &[&str], block: usize, byte: usize) -> usize {
    let before: usize = blocks.iter().take(block).map(|b| b.len() + 1).sum();
    match blocks.get(block) {
        Some(text) => before + floor_char(text, byte.min(text.len())),
        None => before.saturating_sub(1),
    }
}

/// The quote of the text between `start` and `end` (offsets into the
/// [`joined`] text), its spaces at both ends left out; none when it holds
/// no words.
pub fn quote(blocks: &[&str], start: usize, end: usize) -> Option<Quote> {
    let text = joined(blocks);
    let (start, end) = (
        floor_char(&text, start.min(end)),
        floor_char(&text, end.max(start)),
    );
    let inner = &text[start..end];
    let start = start + (inner.len() - inner.trim_start().len());
    let end = end - (inner.len() - inner.trim_end().len());
    if start >= end || !text[start..end].chars().any(char::is_alphanumeric) {
        return None;
    }
    let exact: String = text[start..end].chars().take(MAX_QUOTE).collect();
    let end = start + exact.len();
    let prefix = {
        let before = &text[..start];
        let from = before
            .char_indices()
            .rev()
            .nth(CONTEXT - 1)
            .map_or(0, |(i, _)| i);
        before[from..].to_string()
    };
    let suffix = text[end..].chars().take(CONTEXT).collect();
    Some(Quote {
        exact,
        prefix,
        suffix,
    })
}

/// Where `quote` is in the [`joined`] text of `blocks`: of the places its
/// words are, the one whose context matches best (the first on a tie); none
/// when its words are nowhere (an orphan).
pub fn locate(blocks: &[&str], quote: &Quote) -> Option<Range<usize>> {
    if quote.exact.is_empty() {
        return None;
    }
    let text = joined(blocks);
    let score = |at: usize| {
        let before = common_suffix(&text[..at], &quote.prefix);
        let after = common_prefix(&text[at + quote.exact.len()..], &quote.suffix);
        before + after
    };
    let mut best: Option<(usize, usize)> = None;
    // (Byte by byte: the standard string search is 2 kB of the app's wasm.)
    let (hay, needle) = (text.as_bytes(), quote.exact.as_bytes());
    for at in (0..hay.len()).filter(|&at| hay[at..].starts_with(needle)) {
        let s = score(at);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((at, s));
        }
    }
    best.map(|(at, _)| at..at + quote.exact.len())
}

/// `range` of the [`joined`] text, as ranges of each block it covers.
pub fn in_blocks(blocks: &[&str], range: &Range<usize>) -> Vec<(usize, Range<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, block) in blocks.iter().enumerate() {
        let end = start + block.len();
        let (from, to) = (range.start.max(start), range.end.min(end));
        if from < to {
            out.push((i, from - start..to - start));
        }
        start = end + 1;
    }
    out
}

/// How many characters `a` and `b` share at their ends.
fn common_suffix(a: &str, b: &str) -> usize {
    (a.chars().rev().zip(b.chars().rev()))
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many characters `a` and `b` share at their starts.
fn common_prefix(a: &str, b: &str) -> usize {
    (a.chars().zip(b.chars()))
        .take_while(|(x, y)| x == y)
        .count()
}

/// The largest character boundary of `text` at or before `byte`.
fn floor_char(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// The byte offset of `units` UTF-16 code units into `text` (what a
/// browser's selection counts), clamped to it.
pub fn utf16_to_byte(text: &str, units: usize) -> usize {
    let mut seen = 0;
    for (i, c) in text.char_indices() {
        if seen >= units {
            return i;
        }
        seen += c.len_utf16();
    }
    text.len()
}

impl Highlight {
    /// The stored form: `{"article":…,"exact":…,"prefix":…,"suffix":…,"note":…,"at":ms}`.
    pub fn to_value(&self) -> Value {
        json!({
            "article": self.article,
            "exact": self.quote.exact,
            "prefix": self.quote.prefix,
            "suffix": self.quote.suffix,
            "note": self.note,
            "at": self.created,
        })
    }

    /// Reads the stored form; none when it has no article or no words.
    pub fn from_value(value: &Value) -> Option<Highlight> {
        let text = |key: &str, max: usize| -> String {
            (value.get(key).and_then(Value::as_str).unwrap_or_default())
                .chars()
                .take(max)
                .collect()
        };
        let highlight = Highlight {
            article: text("article", 512),
            quote: Quote {
                exact: text("exact", MAX_QUOTE),
                prefix: text("prefix", CONTEXT),
                suffix: text("suffix", CONTEXT),
            },
            note: text("note", MAX_NOTE),
            created: value.get("at").and_then(Value::as_u64).unwrap_or(0),
        };
        let usable = !highlight.article.is_empty()
            && !highlight.article.chars().any(char::is_control)
            && !highlight.quote.exact.trim().is_empty();
        usable.then_some(highlight)
    }
}

/// One article's highlights, for [`markdown`].
pub struct Section<'a> {
    /// The article's title (its id when it is no longer in the collection).
    pub title: &'a str,
    /// Its address.
    pub link: &'a str,
    /// Its highlights, each with whether its words are gone (an orphan).
    pub highlights: Vec<(&'a Highlight, bool)>,
}

/// The highlights as Markdown: one heading per article with its link, each
/// quote as a block quote, its note below; an orphan says so in the
/// words of `text`.
pub fn markdown(heading: &str, sections: &[Section], text: &crate::text::Text) -> String {
    let mut out = format!("# {}\n", one_line(heading));
    for section in sections {
        out.push_str(&format!(
            "\n## [{}](<{}>)\n",
            escape(&one_line(section.title)),
            section.link.replace(['<', '>', '\n'], "")
        ));
        for (highlight, orphan) in &section.highlights {
            out.push('\n');
            for line in highlight.quote.exact.lines() {
                out.push_str(&format!("> {}\n", escape(line)).replace("> \n", ">\n"));
            }
            if *orphan {
                out.push_str(&format!("\n*({})*\n", text.passage_gone));
            }
            if !highlight.note.trim().is_empty() {
                out.push('\n');
                out.push_str(&escape(highlight.note.trim()));
                out.push('\n');
            }
        }
    }
    out
}

/// `text` on one line, each run of spaces and line breaks one space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` with what Markdown would read as markup escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const BLOCKS: [&str; 3] = [
        "Le corridor de Lachin relie l’Arménie au Haut-Karabakh.",
        "Bakou a fermé le corridor de Lachin en décembre.",
        "Les habitants manquent de tout.",
    ];

    fn at(blocks: &[&str], needle: &str, nth: usize) -> Range<usize> {
        let text = joined(blocks);
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        start..start + needle.len()
    }

    #[test]
    fn a_quote_is_found_again_at_its_own_place_among_repeats() {
        let second = at(&BLOCKS, "corridor de Lachin", 1);
        let quote = quote(&BLOCKS, second.start, second.end).unwrap();
        assert_eq!(quote.exact, "corridor de Lachin");
        assert!(quote.prefix.ends_with("Bakou a fermé le "), "{quote:?}");
        assert!(quote.suffix.starts_with(" en décembre"));
        assert_eq!(quote.prefix.chars().count(), CONTEXT);
        assert_eq!(locate(&BLOCKS, &quote), Some(second.clone()));
        // A rebuild adds a paragraph before it: found at its new place.
        let rebuilt = ["Mise à jour.", BLOCKS[0], BLOCKS[1], BLOCKS[2]];
        assert_eq!(
            locate(&rebuilt, &quote),
            Some(at(&rebuilt, "corridor de Lachin", 1))
        );
        // Its words are gone: an orphan.
        let changed = [BLOCKS[0], "Bakou a rouvert la route.", BLOCKS[2]];
        let lost = super::quote(
            &BLOCKS,
            at(&BLOCKS, "fermé", 0).start,
            at(&BLOCKS, "fermé", 0).end,
        );
        assert_eq!(locate(&changed, &lost.unwrap()), None);
    }

    #[test]
    fn a_quote_across_blocks_is_split_into_each_block() {
        let start = at(&BLOCKS, "Haut-Karabakh", 0).start;
        let end = at(&BLOCKS, "Bakou a fermé", 0).end;
        let quote = quote(&BLOCKS, start, end).unwrap();
        assert_eq!(quote.exact, "Haut-Karabakh.\nBakou a fermé");
        let found = locate(&BLOCKS, &quote).unwrap();
        let parts = in_blocks(&BLOCKS, &found);
        assert_eq!(parts.len(), 2);
        assert_eq!(&BLOCKS[0][parts[0].1.clone()], "Haut-Karabakh.");
        assert_eq!(&BLOCKS[1][parts[1].1.clone()], "Bakou a fermé");
    }

    #[test]
    fn spaces_and_blank_selections_are_not_quoted() {
        let text = joined(&BLOCKS);
        let end = text.find("Bakou").unwrap();
        assert_eq!(quote(&BLOCKS, end - 1, end + 1).unwrap().exact, "B");
        assert_eq!(quote(&BLOCKS, end - 1, end), None, "a line break only");
        assert_eq!(quote(&BLOCKS, 5, 5), None);
        // Offsets inside a character, or past the end, are clamped.
        let inside = text.find('’').unwrap() + 1;
        assert!(quote(&BLOCKS, inside, text.len() + 10).is_some());
        assert_eq!(offset(&BLOCKS, 1, 0), BLOCKS[0].len() + 1);
        assert_eq!(offset(&BLOCKS, 9, 0), text.len());
    }

    #[test]
    fn a_browser_selection_counts_in_utf16() {
        let text = "é😀 fin";
        assert_eq!(utf16_to_byte(text, 1), 2);
        assert_eq!(utf16_to_byte(text, 3), 6, "the emoji is two units");
        assert_eq!(utf16_to_byte(text, 99), text.len());
    }

    #[test]
    fn a_highlight_survives_its_stored_form_and_noise_is_left_out() {
        let highlight = Highlight {
            article: "dossier/a.md".into(),
            quote: quote(&BLOCKS, 3, 11).unwrap(),
            note: "À vérifier".into(),
            created: 7,
        };
        assert_eq!(
            Highlight::from_value(&highlight.to_value()),
            Some(highlight)
        );
        for noise in [
            json!(null),
            json!({"article": "a"}),
            json!({"article": "", "exact": "x"}),
            json!({"article": "a\u{0}", "exact": "x"}),
            json!({"article": "a", "exact": "  "}),
        ] {
            assert_eq!(Highlight::from_value(&noise), None, "{noise}");
        }
    }

    #[test]
    fn highlights_as_markdown_keep_quote_note_title_and_link() {
        let h = Highlight {
            article: "a".into(),
            quote: Quote {
                exact: "Deux *lignes*\nici".into(),
                ..Quote::default()
            },
            note: "Ma note".into(),
            created: 1,
        };
        let text = markdown(
            "Surlignages",
            &[Section {
                title: "Le [titre]",
                link: "https://site/#/a/a",
                highlights: vec![(&h, false), (&h, true)],
            }],
            &crate::text::FR,
        );
        assert!(text.starts_with("# Surlignages\n"));
        assert!(
            text.contains("## [Le \\[titre\\]](<https://site/#/a/a>)"),
            "{text}"
        );
        assert!(
            text.contains("> Deux \\*lignes\\*\n> ici\n\nMa note\n"),
            "{text}"
        );
        assert!(text.contains("Passage introuvable"));
    }
}
