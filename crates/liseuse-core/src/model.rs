//! The types the index stores beside the articles' text, for the format
//! below the features that make them: an article's related articles
//! ([`Related`], made by [`crate::related`]) and the collection's names
//! ([`Entity`], found by [`crate::entities`]), with the key a name is found by.

use serde::{Deserialize, Serialize};

use crate::analysis::fold;

/// One related article.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Related {
    /// Its document number.
    pub doc: u32,
    /// Whether it tells the same story, from another source.
    pub same_story: bool,
}

/// What an article links to, which the articles added to a collection
/// change: its related articles and its main names (see
/// [`crate::format::LinksPiece`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Links {
    /// Its related articles ([`crate::Article::related`]).
    pub related: Vec<Related>,
    /// Its main names, as shown ([`crate::Article::names`]).
    pub names: Vec<String>,
}

/// What a name stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation.
    Organisation,
    /// A name with no clue of what it is (a disease, an event…).
    #[default]
    Other,
    /// A newspaper, a broadcaster, a platform (BFMTV, Twitter).
    Media,
}

impl Kind {
    /// The word a reader reads for it, in the language of `text`.
    pub fn label(self, text: &crate::text::Text) -> &'static str {
        // (`get`: a kind added without its label shows none, never panics.)
        text.kinds.get(self as usize).copied().unwrap_or_default()
    }
}

/// One person, place or organisation of the collection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// As most often written.
    pub name: String,
    /// What it is.
    pub kind: Kind,
    /// The documents that name it, ascending (the oldest first: see
    /// [`crate::Library::newest_first`]).
    pub docs: Vec<u32>,
    /// How many times it is named in all.
    pub mentions: u32,
    /// The names that appear with it most, as shown, most first.
    pub with: Vec<String>,
    /// What it said, quoted in the articles (a person's or an
    /// organisation's words, attributed to it by the build: see
    /// `liseuse_build::quotes`), in document order: [`Quote::encode`]d,
    /// read by [`Entity::quotes`]. One string, so that what opens an index
    /// without showing names (the first result's path) carries no code to
    /// read them.
    pub quotes: String,
}

impl Entity {
    /// Its [quotations](Entity::quotes), those of the documents below
    /// `count` (the collection's: others are not ours).
    pub fn quotes(&self, count: usize) -> Vec<Quote> {
        (self.quotes.split(QUOTE_END))
            .filter_map(|quote| {
                let (doc, text) = quote.split_once(QUOTE_DOC)?;
                let doc: u32 = doc.parse().ok().filter(|&d| (d as usize) < count)?;
                Some(Quote {
                    doc,
                    text: text.to_string(),
                })
            })
            .collect()
    }
}

/// Ends a quotation's document number in [`Entity::quotes`].
const QUOTE_DOC: char = '\u{1f}';
/// Ends a quotation in [`Entity::quotes`].
const QUOTE_END: char = '\u{1e}';

/// Words quoted in an article, and said by the name whose they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quote {
    /// The article that quotes them.
    pub doc: u32,
    /// The quoted words, without their quotation marks.
    pub text: String,
}

impl Quote {
    /// `quotes` as [`Entity::quotes`] keeps them: each its document
    /// number, then its words (the two separator characters left out of
    /// them).
    pub fn encode(quotes: &[Quote]) -> String {
        let mut out = String::new();
        for quote in quotes {
            let text = quote.text.replace([QUOTE_DOC, QUOTE_END], " ");
            out.push_str(&format!("{}{QUOTE_DOC}{text}{QUOTE_END}", quote.doc));
        }
        out
    }
}

/// The key of a name: folded, elisions and spaces evened out. Two
/// spellings of one name have one key; the app finds a name's page by it.
pub fn key(name: &str) -> String {
    let words: Vec<String> = (name.split(|c: char| c.is_whitespace()))
        .filter(|w| !w.is_empty())
        .map(|w| fold(strip_elision(w)))
        .collect();
    words.join(" ")
}

/// Whether the name whose key is `name` answers to `words` (a key too):
/// each of the words is one of the name's. "Blinken" names Antony Blinken;
/// "Blink" and "Antony Blinken junior" do not.
pub fn answers_to(name: &str, words: &str) -> bool {
    !words.is_empty() && (words.split(' ')).all(|word| name.split(' ').any(|w| w == word))
}

/// Whether `c` is an apostrophe (straight or typographic).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// `word` without its elision: `l’OTAN` is `OTAN`, a word after an elided
/// article or preposition.
pub fn strip_elision(word: &str) -> &str {
    match word.char_indices().find(|&(_, c)| is_apostrophe(c)) {
        Some((at, c)) => {
            let before = fold(&word[..at]);
            let elided = [
                "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu",
            ];
            if elided.contains(&before.as_str()) {
                &word[at + c.len_utf8()..]
            } else {
                word
            }
        }
        None => word,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{EN, FR};

    #[test]
    fn quotations_read_back_as_kept_and_others_documents_are_left_out() {
        let quotes = vec![
            Quote {
                doc: 3,
                text: "cesser immédiatement ces actions".into(),
            },
            Quote {
                doc: 7,
                text: "un \u{1e}séparateur\u{1f} dedans".into(),
            },
        ];
        let entity = Entity {
            quotes: Quote::encode(&quotes),
            ..Entity::default()
        };
        let back = entity.quotes(8);
        assert_eq!(back[0], quotes[0]);
        assert_eq!(back[1].text, "un  séparateur  dedans");
        assert_eq!(
            entity.quotes(4),
            [quotes[0].clone()],
            "document 7 is not of 4"
        );
        let damaged = Entity {
            quotes: "x\u{1f}a\u{1e}\u{1e}5".into(),
            ..Entity::default()
        };
        assert_eq!(damaged.quotes(10), []);
        assert_eq!(Entity::default().quotes(10), []);
    }

    #[test]
    fn every_kind_has_a_label_in_each_language() {
        let kinds = [
            Kind::Person,
            Kind::Place,
            Kind::Organisation,
            Kind::Other,
            Kind::Media,
        ];
        let fr: Vec<&str> = kinds.iter().map(|k| k.label(&FR)).collect();
        let en: Vec<&str> = kinds.iter().map(|k| k.label(&EN)).collect();
        assert_eq!(fr, ["Personne", "Lieu", "Organisation", "Nom", "Média"]);
        assert_eq!(en, ["Person", "Place", "Organisation", "Name", "Media"]);
    }

    #[test]
    fn a_name_answers_to_any_of_its_words_and_to_no_part_of_one() {
        let name = key("Antony Blinken");
        assert!(answers_to(&name, &key("Blinken")));
        assert!(answers_to(&name, &key("blinken antony")));
        assert!(answers_to(&key("Recep Tayyip Erdoğan"), &key("Erdogan")));
        assert!(!answers_to(&name, &key("Blink")));
        assert!(!answers_to(&name, &key("Antony Blinken junior")));
        assert!(!answers_to(&name, ""));
    }
}
