//! French text analysis: the one function that turns text into index terms.
//!
//! [`analyze`] serves both sides of search: the index is built from the terms it
//! gives for each article, and a query is read with the very same function, so a
//! word can only match if both sides agree on how it is spelled. Steps, in order:
//!
//! 1. **Words.** A word is a run of letters, digits and combining marks. Every
//!    other character separates words, including apostrophes (`'`, `’`), so the
//!    elided article of `l’armée` becomes its own word `l`, a stop word, and
//!    `armée` is indexed alone. Hyphens separate too: `Haut-Karabakh` is found by
//!    `karabakh`. Digits grouped by thousands with a space, a no-break space or a
//!    narrow no-break space (`3 000`) form one number, `3000`.
//! 2. **Folding.** Lower case, canonical decomposition with the accents dropped
//!    (`é`, and `e` + U+0301 alike, become `e`), ligatures spelled out (`œ` to
//!    `oe`). A reader who types `azerbaidjanais` finds `azerbaïdjanais`.
//! 3. **Stop words.** Frequent French function words are dropped. They still
//!    count for word positions, so positions keep the distance between words.
//!    Words longer than [`MAX_WORD_BYTES`] are dropped the same way.
//! 4. **Stemming.** The Snowball French stemmer, run on the folded word, so that
//!    `réfugiés`, `refugies` and `réfugié` give the same term.

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Words longer than this many bytes once folded are not indexed: no French word
/// is that long, so they are identifiers, hashes or glued garbage, and they
/// would only bloat the dictionary.
pub const MAX_WORD_BYTES: usize = 40;

/// One index term found in a text, with where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The term as stored in the index: folded, stemmed.
    pub term: String,
    /// Byte offset where the word starts in the analysed text.
    pub start: usize,
    /// Byte offset just past the word's end in the analysed text.
    pub end: usize,
    /// Word number in the text, stop words included (0 for the first word).
    pub position: u32,
}

/// Turns `text` into its index terms, in order. Used for articles and queries alike.
pub fn analyze(text: &str) -> Vec<Token> {
    let stemmer = Stemmer::create(Algorithm::French);
    let mut tokens = Vec::new();
    for (position, word) in words(text).enumerate() {
        let folded = fold(&text[word.start..word.end]);
        if folded.is_empty() || folded.len() > MAX_WORD_BYTES || is_stop_word(&folded) {
            continue;
        }
        let term = if folded.bytes().any(|b| b.is_ascii_digit()) {
            folded
        } else {
            stemmer.stem(&folded).into_owned()
        };
        tokens.push(Token {
            term,
            start: word.start,
            end: word.end,
            position: position as u32,
        });
    }
    tokens
}

/// Lower-cases a word, drops its accents and spells out ligatures, without stemming.
///
/// Digit-group separators inside a number (see [`words`]) are dropped too, so
/// `fold("3 000")` is `"3000"`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_digit_group_separator(c) {
            continue;
        }
        for lower in c.to_lowercase() {
            match lower {
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                'ß' => out.push_str("ss"),
                _ => decompose_canonical(lower, |d| {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                }),
            }
        }
    }
    out
}

/// Whether `folded` (the output of [`fold`]) is a French stop word.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// Byte range of one word in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset just past the last character.
    pub end: usize,
}

/// Splits `text` into words (step 1 of [`analyze`]), keeping digit groups together.
pub fn words(text: &str) -> impl Iterator<Item = Word> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip separators.
        let (start, first) = loop {
            let (i, c) = chars.next()?;
            if is_word_char(c) {
                break (i, c);
            }
        };
        let mut end = start + first.len_utf8();
        let mut all_digits = first.is_ascii_digit();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                all_digits &= c.is_ascii_digit();
                end = i + c.len_utf8();
                chars.next();
            } else if all_digits && is_digit_group_separator(c) && followed_by_group(&text[i..]) {
                // "3 000": a separator then exactly three digits continues the number.
                chars.next();
            } else {
                break;
            }
        }
        Some(Word { start, end })
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Space, no-break space, narrow no-break space and thin space, as found between thousands.
fn is_digit_group_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Whether `rest` (starting at a separator) continues with exactly three digits then a non-word.
fn followed_by_group(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next(); // the separator itself
    let digits: Vec<char> = chars.by_ref().take(3).collect();
    digits.len() == 3
        && digits.iter().all(char::is_ascii_digit)
        && !chars.next().is_some_and(is_word_char)
}

/// French function words, folded (no accents), sorted for binary search.
///
/// The Snowball French list, folded, plus the elided forms of articles and
/// pronouns (`l`, `d`, `qu`, `jusqu`, ...) that the word splitter leaves behind.
const STOP_WORDS: &[&str] = &[
    "a", "ai", "aie", "aient", "aies", "ait", "as", "au", "aura", "aurai", "auraient", "aurais",
    "aurait", "auras", "aurez", "auriez", "aurions", "aurons", "auront", "aux", "avaient", "avais",
    "avait", "avec", "avez", "aviez", "avions", "avons", "ayant", "ayez", "ayons", "c", "ce",
    "ceci", "cela", "ces", "cet", "cette", "d", "dans", "de", "des", "du", "elle", "en", "es",
    "est", "et", "etaient", "etais", "etait", "etant", "ete", "etee", "etees", "etes", "etiez",
    "etions", "eu", "eue", "eues", "eumes", "eurent", "eus", "eusse", "eussent", "eusses",
    "eussiez", "eussions", "eut", "eutes", "eux", "fumes", "furent", "fus", "fusse", "fussent",
    "fusses", "fussiez", "fussions", "fut", "futes", "il", "ils", "j", "je", "jusqu", "l", "la",
    "le", "les", "leur", "leurs", "lorsqu", "lui", "m", "ma", "mais", "me", "meme", "mes", "moi",
    "mon", "n", "ne", "nos", "notre", "nous", "on", "ont", "ou", "par", "pas", "pour", "puisqu",
    "qu", "que", "quel", "quelle", "quelles", "quels", "qui", "quoiqu", "s", "sa", "sans", "se",
    "sera", "serai", "seraient", "serais", "serait", "seras", "serez", "seriez", "serions",
    "serons", "seront", "ses", "soi", "soient", "sois", "soit", "sommes", "son", "sont", "soyez",
    "soyons", "suis", "sur", "t", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos",
    "votre", "vous", "y",
];

#[cfg(test)]
mod tests;
