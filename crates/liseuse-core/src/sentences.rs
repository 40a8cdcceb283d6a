//! A text cut into sentences, for reading it aloud one sentence at a time
//! (the sentence being read is marked, and each is short enough for every
//! browser's speech synthesis, some of which stop speaking after about 15
//! seconds of one utterance).
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets after it), before a space and what may start a sentence: a
//! capital, a digit, an opening quote or a dash. A dot after an initial or a
//! common abbreviation (`M.`, `Mme.`, `J.-C.`, `etc.` before a capital)
//! does not end one.

use std::ops::Range;

/// Abbreviations after which a dot ends no sentence (lower case).
const ABBREVIATIONS: [&str; 12] = [
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "st", "ste", "me", "mgr", "gal",
];

/// The longest sentence, in bytes, before it is cut at a comma or a space
/// (a list or a quote without a full stop).
pub const LONGEST: usize = 600;

/// The byte ranges of `text`'s sentences, in order, without the spaces
/// between them.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if matches!(c, '.' | '!' | '?' | '…') {
            // Past the closing marks after it.
            let mut j = i + 1;
            loop {
                match chars.get(j).map(|&(_, n)| n) {
                    Some('.' | '!' | '?' | '…' | '»' | '"' | '”' | ')' | '’') => j += 1,
                    // « Oui ! » : a space before the closing quote.
                    Some(n)
                        if n.is_whitespace()
                            && matches!(chars.get(j + 1), Some((_, '»' | '”'))) =>
                    {
                        j += 2
                    }
                    _ => break,
                }
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            let next = chars[j..]
                .iter()
                .find(|(_, n)| !n.is_whitespace())
                .map(|&(_, n)| n);
            let spaced = chars.get(j).is_none_or(|(_, n)| n.is_whitespace());
            let starts = next.is_none_or(|n| {
                n.is_uppercase()
                    || n.is_ascii_digit()
                    || matches!(n, '«' | '"' | '“' | '—' | '–' | '-')
            });
            if spaced && starts && !(c == '.' && abbreviation(&text[start..at])) {
                push(text, start..end, &mut out);
                start = end;
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    push(text, start..text.len(), &mut out);
    out
}

/// Whether the word just before a dot (at the end of `before`) is an
/// initial or an abbreviation.
fn abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '-')
        .next()
        .unwrap_or("");
    let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Adds `range` of `text`, without its spaces at both ends, cut where it
/// is longer than [`LONGEST`].
fn push(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let part = &text[range.clone()];
    let start = range.start + (part.len() - part.trim_start().len());
    let end = range.end - (part.len() - part.trim_end().len());
    let mut from = start;
    while end.saturating_sub(from) > LONGEST {
        let window = &text[from..floor(text, from + LONGEST)];
        let cut = (window.rfind(',').map(|c| c + 1))
            .or_else(|| window.rfind(' '))
            .filter(|&c| c > 0)
            .unwrap_or(window.len());
        out.push(from..from + cut);
        from += cut;
        from += text[from..].len() - text[from..].trim_start().len();
    }
    if from < end {
        out.push(from..end);
    }
}

/// The largest character boundary of `text` at or before `byte`.
fn floor(text: &str, mut byte: usize) -> usize {
    byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn sentences_end_at_their_marks_not_at_abbreviations() {
        assert_eq!(
            cut("M. Aliev a parlé. « Nous ne voulons pas la guerre ! » Puis il est parti… 3 000 soldats ? Oui."),
            [
                "M. Aliev a parlé.",
                "« Nous ne voulons pas la guerre ! »",
                "Puis il est parti…",
                "3 000 soldats ?",
                "Oui."
            ]
        );
        assert_eq!(
            cut("Selon l'AFP. le texte continue. Mme. Dupont et J. Biden sont là"),
            [
                "Selon l'AFP. le texte continue.",
                "Mme. Dupont et J. Biden sont là"
            ]
        );
        assert_eq!(
            cut("Le site lemonde.fr a écrit 3.5 pages."),
            ["Le site lemonde.fr a écrit 3.5 pages."]
        );
        assert!(sentences("").is_empty());
        assert!(sentences("   ").is_empty());
    }

    #[test]
    fn a_long_sentence_is_cut_at_a_comma_and_every_part_is_kept() {
        let text = "un mot, ".repeat(200);
        let parts = sentences(&text);
        assert!(parts.len() > 1);
        assert!(parts.iter().all(|r| r.len() <= LONGEST));
        let joined: String = parts
            .iter()
            .map(|r| &text[r.clone()])
            .collect::<Vec<_>>()
            .join(" ");
        assert_eq!(joined, text.trim());
        let word = "é".repeat(400);
        let parts = sentences(&word);
        assert_eq!(
            parts.iter().map(|r| &word[r.clone()]).collect::<String>(),
            word
        );
    }
}
