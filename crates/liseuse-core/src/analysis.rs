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
//!    `karabakh`, and `hautkarabakh` is indexed too for the whole. Digits grouped
//!    by thousands with a space, a no-break space, a narrow no-break space or a
//!    full stop (`3 000`, `1.250`) form one number, `3000`, `1250`.
//! 2. **Folding.** Lower case, canonical decomposition with the accents dropped
//!    (`é`, and `e` + U+0301 alike, become `e`), ligatures spelled out (`œ` to
//!    `oe`). A reader who types `azerbaidjanais` finds `azerbaïdjanais`.
//! 3. **Stop words.** Frequent French function words are dropped. They still
//!    count for word positions, so positions keep the distance between words.
//!    Words longer than [`MAX_WORD_BYTES`] are dropped the same way.
//! 4. **Stemming.** The Snowball French stemmer, run on the folded word, so that
//!    `réfugiés`, `refugies` and `réfugié` give the same term. Ordinals are not
//!    stemmed but written one way: `XVIIIe`, `18ème`, `dix-huitième` are all
//!    `18e` (see the `ordinal` module for the rules).

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

/// Words longer than this many bytes once folded are not indexed: no French word
/// is that long, so they are identifiers, hashes or glued garbage, and they
/// would only bloat the dictionary.
pub const MAX_WORD_BYTES: usize = 40;

/// One index term found in a text, with where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The term as stored in the index: folded, stemmed.
    pub term: String,
    /// The word as written, normalised but not stemmed (`armees` where the term
    /// is `arme`): an article with the very form a reader typed ranks higher.
    pub form: String,
    /// Byte offset where the word starts in the analysed text.
    pub start: usize,
    /// Byte offset just past the word's end in the analysed text.
    pub end: usize,
    /// Word number in the text, stop words included (0 for the first word).
    pub position: u32,
    /// The token is the whole of a hyphen-joined run (`hautkarabakh` for
    /// `Haut-Karabakh`), after the tokens of its parts and spanning them.
    pub joined: bool,
}

/// Turns `text` into its index terms, in order, with the French settings
/// ([`Analyzer::FRENCH`]). Used for articles and queries alike.
pub fn analyze(text: &str) -> Vec<Token> {
    Analyzer::FRENCH.analyze(text)
}

/// The settings of the analysis. An index records the ones it was built with,
/// and queries on it are read with the same.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analyzer {
    /// Drop accents and spell out ligatures (step 2); otherwise only lower-case.
    pub fold_accents: bool,
    /// Stem words (step 4).
    pub stem: bool,
    /// Whose stop words and stemmer to use.
    pub language: Language,
}

/// The languages liseuse analyses: each has its Snowball stemmer; French and
/// English also have their stop words. Each stemmer weighs on the wasm: these
/// ten cost 9 KB of gzip over French and English alone; the seven other
/// Snowball stemmers of rust-stemmers (Finnish to Arabic) would cost 25 KB
/// more, so articles in those languages are analysed with the French rules
/// (folding works for any Latin script; other scripts are indexed as written).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Language {
    /// French, the default.
    #[default]
    French,
    /// English.
    English,
    /// German.
    German,
    /// Spanish.
    Spanish,
    /// Italian.
    Italian,
    /// Portuguese.
    Portuguese,
    /// Dutch.
    Dutch,
    /// Danish.
    Danish,
    /// Swedish.
    Swedish,
    /// Norwegian.
    Norwegian,
}

impl Language {
    /// Every language, with its ISO 639-1 and ISO 639-3 codes.
    const CODES: [(Language, &'static str, &'static str); 10] = [
        (Language::French, "fr", "fra"),
        (Language::English, "en", "eng"),
        (Language::German, "de", "deu"),
        (Language::Spanish, "es", "spa"),
        (Language::Italian, "it", "ita"),
        (Language::Portuguese, "pt", "por"),
        (Language::Dutch, "nl", "nld"),
        (Language::Danish, "da", "dan"),
        (Language::Swedish, "sv", "swe"),
        (Language::Norwegian, "no", "nob"),
    ];

    /// The language of an ISO 639-1 (`fr`) or 639-3 (`fra`) code, or of a tag like `fr-FR`.
    pub fn from_code(code: &str) -> Option<Language> {
        let code = code.trim().to_ascii_lowercase();
        let code = code.split(['-', '_']).next().unwrap_or_default();
        Self::CODES
            .iter()
            .find(|(_, two, three)| *two == code || *three == code)
            .map(|&(language, _, _)| language)
    }

    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        Self::CODES
            .iter()
            .find(|(language, _, _)| *language == self)
            .map_or("fr", |&(_, two, _)| two)
    }

    /// Its stemmer: French's and English's in every build, the others with
    /// the feature `every-language` (the app and the build; the first
    /// result's path carries two, and leaves a collection in another
    /// language to the app: see [`Language::is_carried`]).
    fn algorithm(self) -> Option<Algorithm> {
        match self {
            Language::French => Some(Algorithm::French),
            Language::English => Some(Algorithm::English),
            #[cfg(feature = "every-language")]
            Language::German => Some(Algorithm::German),
            #[cfg(feature = "every-language")]
            Language::Spanish => Some(Algorithm::Spanish),
            #[cfg(feature = "every-language")]
            Language::Italian => Some(Algorithm::Italian),
            #[cfg(feature = "every-language")]
            Language::Portuguese => Some(Algorithm::Portuguese),
            #[cfg(feature = "every-language")]
            Language::Dutch => Some(Algorithm::Dutch),
            #[cfg(feature = "every-language")]
            Language::Danish => Some(Algorithm::Danish),
            #[cfg(feature = "every-language")]
            Language::Swedish => Some(Algorithm::Swedish),
            #[cfg(feature = "every-language")]
            Language::Norwegian => Some(Algorithm::Norwegian),
            #[allow(unreachable_patterns)]
            _ => None,
        }
    }

    /// Whether this build analyses it as the index was built (its stemmer
    /// is compiled in).
    pub fn is_carried(self) -> bool {
        self.algorithm().is_some()
    }

    /// Its stop words, folded and sorted (none for languages without a list yet).
    pub fn stop_words(self) -> &'static [&'static str] {
        match self {
            Language::French => STOP_WORDS,
            Language::English => ENGLISH_STOP_WORDS,
            _ => &[],
        }
    }

    /// Whether `folded` (the output of [`fold`]) is one of its stop words.
    pub fn is_stop_word(self, folded: &str) -> bool {
        self.stop_words().binary_search(&folded).is_ok()
    }
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::FRENCH
    }
}

impl Analyzer {
    /// Everything on: what liseuse uses.
    pub const FRENCH: Analyzer = Analyzer {
        fold_accents: true,
        stem: true,
        language: Language::French,
    };
    /// Lower case and stop words only: the baseline the relevance benchmark compares with.
    pub const PLAIN: Analyzer = Analyzer {
        fold_accents: false,
        stem: false,
        language: Language::French,
    };

    /// These settings for another language.
    pub fn with_language(self, language: Language) -> Analyzer {
        Analyzer { language, ..self }
    }

    /// These settings for a text whose language code is `lang` (an
    /// article's [`crate::Article::lang`]): its language when liseuse knows
    /// it, else this one's. The index and the highlights of an article both
    /// read it so.
    pub fn for_lang(self, lang: Option<&str>) -> Analyzer {
        let language = lang.and_then(Language::from_code);
        self.with_language(language.unwrap_or(self.language))
    }

    /// Turns `text` into its index terms, in order.
    ///
    /// Words joined by hyphens (`Haut-Karabakh`) give a term for each part and
    /// one more for the whole (`hautkarabakh`), at the position of its first
    /// part and spanning all of it, after the parts.
    pub fn analyze(&self, text: &str) -> Vec<Token> {
        let stemmer = self
            .stem
            .then(|| self.language.algorithm().map(Stemmer::create))
            .flatten();
        let mut tokens = Vec::new();
        // The hyphen-joined run being read: its first word, position and parts so far.
        let mut compound: Option<Compound> = None;
        let mut previous: Option<(Word, String)> = None;
        for (position, word) in words(text).enumerate() {
            let position = position as u32;
            let normal = self.normalize(&text[word.start..word.end]);
            let joined = previous
                .as_ref()
                .filter(|(before, _)| is_hyphen_between(&text[before.end..word.start]));
            match (joined, compound.as_mut()) {
                (Some(_), Some(run)) => run.whole.push_str(&normal),
                (Some((before, before_normal)), None) => {
                    compound = Some(Compound {
                        start: before.start,
                        position: position - 1,
                        whole: format!("{before_normal}{normal}"),
                    })
                }
                (None, _) => {
                    if let (Some(run), Some((before, _))) = (compound.take(), &previous) {
                        self.push_compound(&mut tokens, &stemmer, run, before.end);
                    }
                }
            }
            let roman = ordinal::roman(&text[word.start..word.end]);
            if let Some(term) = roman.or_else(|| self.term(&normal, &stemmer)) {
                tokens.push(Token {
                    term,
                    form: normal.clone(),
                    start: word.start,
                    end: word.end,
                    position,
                    joined: false,
                });
            }
            previous = Some((word, normal));
        }
        if let (Some(run), Some((last, _))) = (compound, previous) {
            self.push_compound(&mut tokens, &stemmer, run, last.end);
        }
        tokens
    }

    /// Lower-cases a word and, when folding, drops its accents (see [`fold`]).
    pub fn normalize(&self, word: &str) -> String {
        if self.fold_accents {
            fold(word)
        } else {
            word.chars()
                .filter(|&c| !is_thousands_separator(c) && !is_invisible(c))
                .flat_map(lower)
                .collect()
        }
    }

    /// The index term of a normalised word, or `None` for a stop word or an overlong word.
    fn term(&self, normal: &str, stemmer: &Option<Stemmer>) -> Option<String> {
        if normal.is_empty()
            || normal.len() > MAX_WORD_BYTES
            || self.language.is_stop_word(&fold(normal))
        {
            return None;
        }
        if let Some(ordinal) = ordinal::ordinal(&fold(normal)) {
            return Some(ordinal);
        }
        match stemmer {
            Some(stemmer) if !normal.bytes().any(|b| b.is_ascii_digit()) => {
                Some(stemmer.stem(normal).into_owned())
            }
            _ => Some(normal.to_string()),
        }
    }

    fn push_compound(
        &self,
        tokens: &mut Vec<Token>,
        stemmer: &Option<Stemmer>,
        run: Compound,
        end: usize,
    ) {
        // A whole that is the term of one of its parts ("\u{301}-1" is "1",
        // its first part having no letter) adds nothing, and would stand at
        // a position before that part's.
        let parts = tokens.iter().rev().take_while(|t| t.start >= run.start);
        let mut parts = parts.map(|t| t.term.as_str());
        if let Some(term) = self
            .term(&run.whole, stemmer)
            .filter(|whole| !parts.any(|part| part == whole))
        {
            tokens.push(Token {
                term,
                form: run.whole,
                start: run.start,
                end,
                position: run.position,
                joined: true,
            });
        }
    }
}

/// Words joined by hyphens, read so far.
struct Compound {
    /// Byte offset of the first word.
    start: usize,
    /// Position of the first word.
    position: u32,
    /// The normalised parts, joined.
    whole: String,
}

/// Whether the text between two words is a single hyphen, as in `Haut-Karabakh`.
fn is_hyphen_between(between: &str) -> bool {
    let mut chars = between.chars();
    chars.next().is_some_and(is_hyphen) && chars.next().is_none()
}

/// Lower-cases a word, drops its accents and spells out ligatures, without stemming.
///
/// Thousands separators inside a number (see [`words`]) are dropped too, so
/// `fold("3 000")` and `fold("3.000")` are `"3000"`.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_thousands_separator(c) || is_invisible(c) {
            continue;
        }
        for lower in lower(c) {
            match lower {
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                'ß' => out.push_str("ss"),
                _ => unmarked::push_unmarked(lower, &mut out),
            }
        }
    }
    out
}

/// Whether `folded` (the output of [`fold`]) is a French stop word.
pub fn is_stop_word(folded: &str) -> bool {
    Language::French.is_stop_word(folded)
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
///
/// This is the one rule of where words begin and end: the index, the query
/// plan, suggestions, snippets, highlights and the reader's list of matches
/// all read words through it (and through [`analyze`], which uses it), so
/// they agree on every input.
///
/// - A word is a run of letters, digits and combining marks ([`is_word_char`]),
///   of any script, right-to-left ones included.
/// - Every other character separates words: spaces of every width (U+00A0,
///   U+202F, U+2009, the zero-width space U+200B), apostrophes (`'`, U+2019,
///   U+02BC, U+2018, U+FF07), punctuation and every dash. The hyphens among
///   the dashes ([`is_hyphen`]) also join their two words into a whole.
/// - Invisible format characters ([`is_invisible`]: the soft hyphen U+00AD,
///   the joiners U+200D and U+2060, U+200C, U+FEFF, direction marks) inside a
///   word belong to it and are dropped by [`fold`]: `Kara\u{ad}bakh` is
///   `karabakh`. Elsewhere they separate, like spaces.
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
        // Digits in the first group of a number: a thousands group follows 1 to 3 digits.
        let mut first_group = usize::from(all_digits);
        let mut grouped = false;
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                all_digits &= c.is_ascii_digit();
                first_group += usize::from(!grouped);
                end = i + c.len_utf8();
                chars.next();
            } else if is_invisible(c) && continues_word(&text[i..]) {
                // Inside the word: part of it (its next character follows).
                chars.next();
            } else if all_digits
                && is_thousands_separator(c)
                && first_group <= 3
                && followed_by_group(&text[i..])
            {
                // "3 000", "1.250": a separator then exactly three digits continues the number.
                grouped = true;
                chars.next();
            } else {
                break;
            }
        }
        Some(Word { start, end })
    })
}

/// Whether `c` can be part of a word: a letter, a digit or a combining mark,
/// except the modifier letter apostrophe U+02BC, which French text uses as an
/// apostrophe (`lʼarmée`).
pub fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() || unmarked::is_combining_mark(c)) && c != '\u{2bc}'
}

/// The hyphens that join two words into a whole (`Haut-Karabakh`,
/// `Haut‐Karabakh`): hyphen-minus, hyphen U+2010, non-breaking hyphen U+2011,
/// hyphen bullet U+2043, minus sign U+2212, small and full-width hyphen-minus
/// U+FE63 and U+FF0D. The other dashes (figure, en and em dashes, U+2012 to
/// U+2015) only separate: `Erevan–Bakou` is two places, not one name.
pub fn is_hyphen(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2043}' | '\u{2212}' | '\u{fe63}' | '\u{ff0d}'
    )
}

/// Invisible format characters that may stand inside a word without ending
/// it: the soft hyphen U+00AD (a hyphenation hint), the zero-width non-joiner
/// and joiner U+200C and U+200D, the word joiner U+2060, the byte order mark
/// U+FEFF, and the direction marks and controls (U+200E, U+200F, U+061C,
/// U+202A to U+202E, U+2066 to U+2069). See [`words`].
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}'
            | '\u{200c}'
            | '\u{200d}'
            | '\u{2060}'
            | '\u{feff}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{61c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// Whether `rest`, starting at an invisible character, goes on with a word
/// character after its invisible characters.
fn continues_word(rest: &str) -> bool {
    rest.chars()
        .find(|&c| !is_invisible(c))
        .is_some_and(is_word_char)
}

/// Space, no-break space, narrow no-break space, thin space and full stop, as
/// found between thousands in French (`3 000`, `1.250`). Inside a word (see
/// [`words`]) they only ever stand in a number.
fn is_thousands_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '.')
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
/// pronouns (`l`, `d`, `qu`, `jusqu`, ...) that the word splitter leaves behind,
/// and the interrogative and relative words that questions are made of
/// (`combien`, `pourquoi`, `lequel`, `dont`, ...): they say nothing of the topic
/// (MRR@10 on PIAF +0.0025).
const STOP_WORDS: &[&str] = &[
    "a",
    "ai",
    "aie",
    "aient",
    "aies",
    "ait",
    "as",
    "au",
    "auquel",
    "aura",
    "aurai",
    "auraient",
    "aurais",
    "aurait",
    "auras",
    "aurez",
    "auriez",
    "aurions",
    "aurons",
    "auront",
    "aux",
    "auxquelles",
    "auxquels",
    "avaient",
    "avais",
    "avait",
    "avec",
    "avez",
    "aviez",
    "avions",
    "avons",
    "ayant",
    "ayez",
    "ayons",
    "c",
    "ce",
    "ceci",
    "cela",
    "celle",
    "celles",
    "celui",
    "ces",
    "cet",
    "cette",
    "ceux",
    "combien",
    "comment",
    "d",
    "dans",
    "de",
    "des",
    "desquels",
    "dont",
    "du",
    "duquel",
    "elle",
    "en",
    "es",
    "est",
    "et",
    "etaient",
    "etais",
    "etait",
    "etant",
    "ete",
    "etee",
    "etees",
    "etes",
    "etiez",
    "etions",
    "eu",
    "eue",
    "eues",
    "eumes",
    "eurent",
    "eus",
    "eusse",
    "eussent",
    "eusses",
    "eussiez",
    "eussions",
    "eut",
    "eutes",
    "eux",
    "fumes",
    "furent",
    "fus",
    "fusse",
    "fussent",
    "fusses",
    "fussiez",
    "fussions",
    "fut",
    "futes",
    "il",
    "ils",
    "j",
    "je",
    "jusqu",
    "l",
    "la",
    "laquelle",
    "le",
    "lequel",
    "les",
    "lesquelles",
    "lesquels",
    "leur",
    "leurs",
    "lorsqu",
    "lui",
    "m",
    "ma",
    "mais",
    "me",
    "meme",
    "mes",
    "moi",
    "mon",
    "n",
    "ne",
    "nos",
    "notre",
    "nous",
    "on",
    "ont",
    "ou",
    "par",
    "pas",
    "pour",
    "pourquoi",
    "puisqu",
    "qu",
    "quand",
    "que",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "qui",
    "quoi",
    "quoiqu",
    "s",
    "sa",
    "sans",
    "se",
    "sera",
    "serai",
    "seraient",
    "serais",
    "serait",
    "seras",
    "serez",
    "seriez",
    "serions",
    "serons",
    "seront",
    "ses",
    "soi",
    "soient",
    "sois",
    "soit",
    "sommes",
    "son",
    "sont",
    "soyez",
    "soyons",
    "suis",
    "sur",
    "t",
    "ta",
    "te",
    "tes",
    "toi",
    "ton",
    "tu",
    "un",
    "une",
    "vos",
    "votre",
    "vous",
    "y",
];

/// English function words, sorted for binary search (the Snowball English list).
const ENGLISH_STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "d",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "ll",
    "m",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "re",
    "s",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "t",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "ve",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

mod lower;
mod ordinal;
#[cfg(test)]
mod tables;
mod unmarked;

pub use lower::{lower, lowercase};

#[cfg(test)]
mod tests;
