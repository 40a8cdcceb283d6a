//! Natural questions: which of their words only frame what is asked.
//!
//! Readers type questions ("En quelle année le club a-t-il disparu ?") as well
//! as keywords. The interrogative words themselves are stop words (see
//! [`crate::analysis`]); this module finds the words that are not stop words
//! but still say more about the question than about the answer:
//!
//! - the word a question determiner points at, the kind of answer expected:
//!   "quelle **année**", "combien de **matchs**", "quel **type** de roche";
//! - in a question, the nouns and light verbs questions are framed with
//!   ("**nom**", "**date**", "**raison**", "s'**appelle**", "se **trouve**").
//!
//! The article that answers usually holds a year, a number or a name instead of
//! these words, so the query engine weighs them less (see
//! [`crate::search::FRAMING_WEIGHT`]); they are never dropped, since a keyword
//! search for "nom de la rose" needs them.

use crate::analysis::{fold, words};

/// Words after which the next word names the kind of answer expected.
const DETERMINERS: &[&str] = &[
    "combien",
    "laquelle",
    "lequel",
    "lesquelles",
    "lesquels",
    "quel",
    "quelle",
    "quelles",
    "quels",
];

/// Words that make a text a question, besides a question mark.
const INTERROGATIVES: &[&str] = &[
    "combien",
    "comment",
    "laquelle",
    "lequel",
    "lesquelles",
    "lesquels",
    "ou",
    "pourquoi",
    "quand",
    "quel",
    "quelle",
    "quelles",
    "quels",
    "qui",
    "quoi",
];

/// Nouns and light verbs questions are framed with, folded, sorted: they name
/// what is asked for (a date, a name, a reason) rather than the topic.
const FRAMING_WORDS: &[&str] = &[
    "annee",
    "annees",
    "appelait",
    "appelle",
    "appellent",
    "cause",
    "causes",
    "consequence",
    "consequences",
    "date",
    "dates",
    "endroit",
    "epoque",
    "evenement",
    "evenements",
    "facon",
    "faire",
    "fait",
    "fonction",
    "font",
    "genre",
    "lieu",
    "lieux",
    "maniere",
    "moment",
    "moyen",
    "nationalite",
    "nom",
    "nombre",
    "nomme",
    "noms",
    "origine",
    "peut",
    "peuvent",
    "raison",
    "raisons",
    "role",
    "situe",
    "situee",
    "sorte",
    "trouve",
    "trouvent",
    "type",
    "types",
];

/// Byte offsets (in `text`) of the words that frame the question `text` asks,
/// ascending; none when `text` is not a question.
pub fn framing_words(text: &str) -> Vec<usize> {
    let folded: Vec<(usize, String)> = words(text)
        .map(|w| (w.start, fold(&text[w.start..w.end])))
        .collect();
    let is_question = text.contains('?')
        || folded
            .iter()
            .any(|(_, w)| INTERROGATIVES.contains(&w.as_str()));
    if !is_question {
        return Vec::new();
    }
    let mut framing = Vec::new();
    let mut after_determiner = false;
    for (start, word) in &folded {
        if after_determiner && matches!(word.as_str(), "de" | "d") {
            continue; // "combien de matchs", "quel type d'arbre"
        }
        if after_determiner || FRAMING_WORDS.binary_search(&word.as_str()).is_ok() {
            framing.push(*start);
        }
        after_determiner = DETERMINERS.contains(&word.as_str());
    }
    framing
}

#[cfg(test)]
mod tests {
    use super::*;

    fn framing(text: &str) -> Vec<&str> {
        framing_words(text)
            .into_iter()
            .map(|at| {
                let word = words(&text[at..]).next().unwrap();
                &text[at..at + word.end]
            })
            .collect()
    }

    #[test]
    fn the_word_after_a_question_determiner_names_the_answer() {
        for (question, expected) in [
            ("En quelle année le club a-t-il disparu ?", vec!["année"]),
            ("Combien de matchs a-t-il joués", vec!["matchs"]),
            ("combien d'éléments toxiques ?", vec!["éléments"]),
            ("Quel type de roche forme l'île ?", vec!["type"]),
            ("Quelles villes a-t-il visitées ?", vec!["villes"]),
        ] {
            assert_eq!(framing(question), expected, "{question}");
        }
    }

    #[test]
    fn framing_nouns_and_verbs_count_in_questions_only() {
        assert_eq!(
            framing("Comment s'appelle le fils du roi ?"),
            vec!["appelle"]
        );
        assert_eq!(framing("date de naissance de Stoltenberg ?"), vec!["date"]);
        assert!(framing("date de naissance de Stoltenberg").is_empty());
        assert!(framing("le nom de la rose").is_empty());
    }

    #[test]
    fn the_word_lists_are_sorted_and_folded() {
        assert!(FRAMING_WORDS.windows(2).all(|w| w[0] < w[1]));
        for word in FRAMING_WORDS
            .iter()
            .chain(DETERMINERS)
            .chain(INTERROGATIVES)
        {
            assert_eq!(&fold(word), word);
        }
    }
}
