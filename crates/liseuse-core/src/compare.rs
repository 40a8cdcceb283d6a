//! "Comparer": two articles on one story, sentence by sentence.
//!
//! Each text is cut into [`sentences`](crate::sentences), each sentence
//! into words, folded as the search folds them (case and accents aside).
//! The two lists are then aligned in order, the way `diff` aligns lines,
//! but on how alike two sentences are, not on equality alone:
//!
//! - two sentences with the same words (spacing, punctuation, case and
//!   accents aside) are the **same** sentence;
//! - two sentences that share at least [`REWORDED`] of their words (Dice's
//!   coefficient) are one sentence **reworded**, and the words each alone
//!   has are marked;
//! - any other sentence is one source's **own**: the other cut it, or this
//!   one added it.
//!
//! The alignment keeps both orders and, among the alignments that do, takes
//! the one whose pairs are the most alike in sum (a weighted longest common
//! subsequence). A sentence moved elsewhere in the other text is therefore
//! shown twice as its source's own, never paired out of order.

use std::collections::HashMap;
use std::ops::Range;

use crate::analysis::fold;
use crate::article::Article;
use crate::order;
use crate::sentences::sentences;
use crate::text::Lang;

/// How alike two sentences must be (Dice's coefficient on their words) to be
/// one sentence reworded rather than two.
pub const REWORDED: f32 = 0.5;

/// How the two sides of a row relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The same words on both sides.
    Same,
    /// One sentence, reworded: each side's own words are marked.
    Reworded,
    /// A sentence of the first article only.
    First,
    /// A sentence of the second article only.
    Second,
    /// A sentence the other article has elsewhere (out of order), the same
    /// or reworded: its row has one side, and its own words are marked. Two
    /// rows (one a side) for each sentence moved.
    Moved,
}

/// One sentence of one side, as shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// The block (paragraph, heading, caption) it is in.
    pub block: usize,
    /// Whether it is the first sentence of its block.
    pub opens_block: bool,
    /// Its text.
    pub text: String,
    /// The byte ranges of `text` that the other side does not have (a
    /// reworded sentence's own words; none for the same sentence; the whole
    /// text for a sentence of one side only).
    pub own: Vec<Range<usize>>,
}

/// One row of the comparison: a sentence of each side, aligned, or of one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// How the sides relate.
    pub kind: Kind,
    /// The first article's sentence, if it has one here.
    pub first: Option<Part>,
    /// The second article's sentence, if it has one here.
    pub second: Option<Part>,
}

/// Two articles compared.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Comparison {
    /// The rows, in both texts' order.
    pub rows: Vec<Row>,
}

impl Comparison {
    /// How many rows are of `kind`.
    pub fn count(&self, kind: Kind) -> usize {
        self.rows.iter().filter(|row| row.kind == kind).count()
    }
}

/// A sentence with its words, folded.
struct Sentence<'a> {
    block: usize,
    opens_block: bool,
    text: &'a str,
    /// Each word's byte range in `text`, and its number (equal words, equal numbers).
    words: Vec<(Range<usize>, u32)>,
    /// The word numbers, sorted (for Dice's coefficient).
    sorted: Vec<u32>,
}

/// Compares `first` with `second`, sentence by sentence.
pub fn compare(first: &Article, second: &Article) -> Comparison {
    let mut numbers = HashMap::new();
    let a = cut(first, &mut numbers);
    let b = cut(second, &mut numbers);
    let pairs = align(&a, &b);
    let (moved_a, moved_b) = moved(&a, &b, &pairs);
    let (mut i, mut j) = (0, 0);
    let mut rows = Vec::with_capacity(a.len() + b.len());
    for (pi, pj) in pairs.into_iter().chain([(a.len(), b.len())]) {
        let lone_a = (i..pi).map(|k| lone(true, &a[k], moved_a[k].map(|o| &b[o])));
        rows.extend(lone_a);
        let lone_b = (j..pj).map(|k| lone(false, &b[k], moved_b[k].map(|o| &a[o])));
        rows.extend(lone_b);
        if let (Some(x), Some(y)) = (a.get(pi), b.get(pj)) {
            rows.push(paired(x, y));
        }
        (i, j) = (pi + 1, pj + 1);
    }
    Comparison { rows }
}

/// `article`'s sentences, block by block, their words numbered in `numbers`.
fn cut<'a>(article: &'a Article, numbers: &mut HashMap<String, u32>) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    for (block, text) in article.blocks.iter().map(|b| b.text.as_str()).enumerate() {
        for (k, range) in sentences(text).into_iter().enumerate() {
            let text = &text[range];
            let words: Vec<(Range<usize>, u32)> = word_ranges(text)
                .map(|range| {
                    let next = numbers.len() as u32;
                    let number = *numbers.entry(fold(&text[range.clone()])).or_insert(next);
                    (range, number)
                })
                .collect();
            let mut sorted: Vec<u32> = words.iter().map(|w| w.1).collect();
            order::sort(&mut sorted);
            out.push(Sentence {
                block,
                opens_block: k == 0,
                text,
                words,
                sorted,
            });
        }
    }
    out
}

/// The byte ranges of `text`'s words: runs of letters and digits.
fn word_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = at;
                break;
            }
            chars.next();
        }
        Some(start..end)
    })
}

/// Dice's coefficient of two sorted lists of word numbers (words counted as
/// often as they occur).
fn dice(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, common) = (i + 1, j + 1, common + 1),
        }
    }
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// The pairs `(i, j)` of sentences aligned, in order: among the alignments
/// that keep both orders and pair only sentences alike enough, the one of
/// the greatest sum of likeness.
fn align(a: &[Sentence], b: &[Sentence]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    // best[i][j]: the best sum for a[i..] and b[j..], row by row.
    let width = m + 1;
    let mut best = vec![0f32; (n + 1) * width];
    let like = |i: usize, j: usize| {
        let (x, y) = (a[i].sorted.len(), b[j].sorted.len());
        // Dice can be no more than this: not worth counting.
        if 2.0 * x.min(y) as f32 / ((x + y).max(1) as f32) < REWORDED {
            return None;
        }
        Some(dice(&a[i].sorted, &b[j].sorted)).filter(|&d| d >= REWORDED)
    };
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = best[(i + 1) * width + j].max(best[i * width + j + 1]);
            let take = like(i, j).map_or(f32::MIN, |d| d + best[(i + 1) * width + j + 1]);
            best[i * width + j] = skip.max(take);
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let here = best[i * width + j];
        match like(i, j) {
            Some(d) if here == d + best[(i + 1) * width + j + 1] => {
                pairs.push((i, j));
                (i, j) = (i + 1, j + 1);
            }
            _ if here == best[(i + 1) * width + j] => i += 1,
            _ => j += 1,
        }
    }
    pairs
}

/// Which sentences left out of the alignment the other side has elsewhere:
/// for each of `a`'s and of `b`'s, its counterpart, the most alike of the
/// other side's left out (at least [`REWORDED`]), each taken once.
fn moved(
    a: &[Sentence],
    b: &[Sentence],
    pairs: &[(usize, usize)],
) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
    let (mut of_a, mut of_b) = (vec![None; a.len()], vec![None; b.len()]);
    let (mut in_a, mut in_b) = (vec![false; a.len()], vec![false; b.len()]);
    for &(i, j) in pairs {
        (in_a[i], in_b[j]) = (true, true);
    }
    for i in (0..a.len()).filter(|&i| !in_a[i]) {
        let best = (0..b.len())
            .filter(|&j| !in_b[j] && of_b[j].is_none())
            .map(|j| (j, dice(&a[i].sorted, &b[j].sorted)))
            .filter(|&(_, d)| d >= REWORDED)
            .max_by(|x, y| x.1.total_cmp(&y.1));
        if let Some((j, _)) = best {
            (of_a[i], of_b[j]) = (Some(j), Some(i));
        }
    }
    (of_a, of_b)
}

/// A row of one side's sentence (the first's when `first`) alone: all its
/// own, or, when the other side has it elsewhere (`elsewhere`), moved with
/// the words that one lacks marked.
fn lone(first: bool, sentence: &Sentence, elsewhere: Option<&Sentence>) -> Row {
    let (kind, own) = match elsewhere {
        Some(other) => {
            let (x, y) = (numbers_of(sentence), numbers_of(other));
            (Kind::Moved, own_ranges(sentence, &common_words(&x, &y).0))
        }
        None => {
            let kind = if first { Kind::First } else { Kind::Second };
            (kind, std::iter::once(0..sentence.text.len()).collect())
        }
    };
    let part = Some(part(sentence, own));
    let (first, second) = if first { (part, None) } else { (None, part) };
    Row {
        kind,
        first,
        second,
    }
}

/// The numbers of `sentence`'s words, in order.
fn numbers_of(sentence: &Sentence) -> Vec<u32> {
    sentence.words.iter().map(|w| w.1).collect()
}

/// A row of two sentences aligned: the same, or reworded with each side's
/// own words marked (those out of the longest run of words they share in
/// order).
fn paired(a: &Sentence, b: &Sentence) -> Row {
    let (x, y) = (numbers_of(a), numbers_of(b));
    if x == y {
        return Row {
            kind: Kind::Same,
            first: Some(part(a, Vec::new())),
            second: Some(part(b, Vec::new())),
        };
    }
    let (kept_a, kept_b) = common_words(&x, &y);
    Row {
        kind: Kind::Reworded,
        first: Some(part(a, own_ranges(a, &kept_a))),
        second: Some(part(b, own_ranges(b, &kept_b))),
    }
}

/// Which words of `x` and of `y` are in their longest common subsequence.
fn common_words(x: &[u32], y: &[u32]) -> (Vec<bool>, Vec<bool>) {
    let width = y.len() + 1;
    let mut longest = vec![0u32; (x.len() + 1) * width];
    for i in (0..x.len()).rev() {
        for j in (0..y.len()).rev() {
            longest[i * width + j] = if x[i] == y[j] {
                1 + longest[(i + 1) * width + j + 1]
            } else {
                longest[(i + 1) * width + j].max(longest[i * width + j + 1])
            };
        }
    }
    let (mut kept_x, mut kept_y) = (vec![false; x.len()], vec![false; y.len()]);
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        if x[i] == y[j] {
            (kept_x[i], kept_y[j]) = (true, true);
            (i, j) = (i + 1, j + 1);
        } else if longest[(i + 1) * width + j] >= longest[i * width + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (kept_x, kept_y)
}

/// The byte ranges of `sentence`'s words not `kept`, words next to each
/// other in one range.
fn own_ranges(sentence: &Sentence, kept: &[bool]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut last_own = None;
    for (k, ((range, _), &kept)) in sentence.words.iter().zip(kept).enumerate() {
        if kept {
            continue;
        }
        match out.last_mut() {
            Some(last) if last_own == Some(k.wrapping_sub(1)) => last.end = range.end,
            _ => out.push(range.clone()),
        }
        last_own = Some(k);
    }
    out
}

fn part(sentence: &Sentence, own: Vec<Range<usize>>) -> Part {
    Part {
        block: sentence.block,
        opens_block: sentence.opens_block,
        text: sentence.text.to_string(),
        own,
    }
}

/// The words of the comparison, in the interface's language (kept out of
/// [`crate::text::Text`], which the first result's path carries). Fields
/// ending in `_t` are templates for [`crate::text::fill`].
pub struct Words {
    /// The link from an article to the comparison with another.
    pub compare: &'static str,
    /// The page's title.
    pub title: &'static str,
    /// How many sentences are the same.
    pub same: &'static str,
    /// How many are reworded.
    pub reworded: &'static str,
    /// A sentence (or how many) in one source only: `{}` its source.
    pub only_in_t: &'static str,
    /// How many sentences each has elsewhere than the other.
    pub moved: &'static str,
    /// One such sentence, after its source's name.
    pub moved_one: &'static str,
    /// Before a sentence the two share (on a phone, where it is shown once).
    pub both: &'static str,
    /// The legend of the marks.
    pub legend: &'static str,
    /// The way back to the first article.
    pub back: &'static str,
    /// A source without a name: `{}` is 1 or 2.
    pub unnamed_t: &'static str,
}

static FR_WORDS: Words = Words {
    compare: "Comparer",
    title: "Comparer deux sources",
    same: "Phrases identiques",
    reworded: "Reformulées",
    only_in_t: "Seulement dans {}",
    moved: "Déplacées",
    moved_one: "ailleurs dans l’autre",
    both: "Dans les deux",
    legend: "Surligné : ce que l’autre source n’a pas.",
    back: "← L’article",
    unnamed_t: "l’article {}",
};

static EN_WORDS: Words = Words {
    compare: "Compare",
    title: "Compare two sources",
    same: "Sentences the same",
    reworded: "Reworded",
    only_in_t: "Only in {}",
    moved: "Moved",
    moved_one: "elsewhere in the other",
    both: "In both",
    legend: "Highlighted: what the other source does not have.",
    back: "← The article",
    unnamed_t: "article {}",
};

/// The comparison's words in `lang`.
pub fn words(lang: Lang) -> &'static Words {
    lang.pick(&FR_WORDS, &EN_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Block;

    /// An article of paragraphs, one per blank line.
    fn article(text: &str) -> Article {
        let paragraph = |text: &str| Block::paragraph(text);
        Article {
            blocks: text.split("\n\n").map(paragraph).collect(),
            ..Article::default()
        }
    }

    /// Each row as `kind: first | second`, own words in brackets.
    fn shown(comparison: &Comparison) -> Vec<String> {
        let side = |part: &Option<Part>| {
            part.as_ref().map_or(String::new(), |part| {
                let mut out = String::new();
                let mut at = 0;
                for range in &part.own {
                    out.push_str(&part.text[at..range.start]);
                    out.push_str(&format!("[{}]", &part.text[range.clone()]));
                    at = range.end;
                }
                out + &part.text[at..]
            })
        };
        (comparison.rows.iter())
            .map(|row| {
                format!(
                    "{:?}: {} | {}",
                    row.kind,
                    side(&row.first),
                    side(&row.second)
                )
            })
            .collect()
    }

    #[test]
    fn shared_sentences_are_aligned_and_what_each_alone_says_is_marked() {
        let first = article(
            "Jens Stoltenberg a loué la coopération militaire. Il a rencontré le ministre.\n\n\
             Hasanov a remercié l'OTAN pour son soutien continu. La réunion a duré une heure.",
        );
        let second = article(
            "Selon l'AFP, la visite était attendue.\n\n\
             Jens Stoltenberg a loué la coopération militaire ! Il a rencontré lundi le ministre de la Défense.\n\n\
             Hasanov a remercié l'OTAN pour son soutien continu.",
        );
        let comparison = compare(&first, &second);
        assert_eq!(
            shown(&comparison),
            [
                "Second:  | [Selon l'AFP, la visite était attendue.]",
                "Same: Jens Stoltenberg a loué la coopération militaire. | Jens Stoltenberg a loué la coopération militaire !",
                "Reworded: Il a rencontré le ministre. | Il a rencontré [lundi] le ministre [de la Défense].",
                "Same: Hasanov a remercié l'OTAN pour son soutien continu. | Hasanov a remercié l'OTAN pour son soutien continu.",
                "First: [La réunion a duré une heure.] | ",
            ]
        );
        assert_eq!(
            [Kind::Same, Kind::Reworded, Kind::First, Kind::Second].map(|k| comparison.count(k)),
            [2, 1, 1, 1]
        );
        // Where each sentence is: its block, and whether it opens it.
        let second_parts: Vec<(usize, bool)> = (comparison.rows.iter())
            .filter_map(|row| row.second.as_ref().map(|p| (p.block, p.opens_block)))
            .collect();
        assert_eq!(second_parts, [(0, true), (1, true), (1, false), (2, true)]);
    }

    #[test]
    fn a_sentence_alone_in_the_whole_text_is_the_whole_sentence_marked() {
        // (The own range of a sentence alone covers its punctuation too.)
        let first = article("Une phrase.");
        let second = article("Rien à voir ici.");
        let comparison = compare(&first, &second);
        assert_eq!(
            shown(&comparison),
            ["First: [Une phrase.] | ", "Second:  | [Rien à voir ici.]"]
        );
    }

    #[test]
    fn case_accents_and_punctuation_do_not_make_two_sentences_differ() {
        let first = article("L’armée a riposté, « fermement ».");
        let second = article("L'ARMEE a riposte fermement.");
        assert_eq!(compare(&first, &second).count(Kind::Same), 1);
    }

    #[test]
    fn a_moved_sentence_is_on_each_side_where_it_is_never_paired_out_of_order() {
        let first =
            article("Premier fait établi. Deuxième fait établi. Troisième fait établi ici.");
        let second =
            article("Troisième fait établi ici. Premier fait établi. Deuxième fait établi.");
        let comparison = compare(&first, &second);
        let kinds: Vec<Kind> = comparison.rows.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [Kind::Moved, Kind::Same, Kind::Same, Kind::Moved]);
        // Each on its side, nothing marked: the same words.
        assert!(comparison.rows[0].first.is_none() && comparison.rows[3].second.is_none());
        assert!((comparison.rows[0].second.as_ref()).is_some_and(|p| p.own.is_empty()));
        // Moved and reworded: its own words marked.
        let first =
            article("Un fait établi ici. Deux faits sûrs. Une annonce faite lundi à Bakou.");
        let second =
            article("Une annonce faite lundi soir à Bakou. Un fait établi ici. Deux faits sûrs.");
        assert_eq!(
            shown(&compare(&first, &second)),
            [
                "Moved:  | Une annonce faite lundi [soir] à Bakou.",
                "Same: Un fait établi ici. | Un fait établi ici.",
                "Same: Deux faits sûrs. | Deux faits sûrs.",
                "Moved: Une annonce faite lundi à Bakou. | ",
            ]
        );
    }

    #[test]
    fn every_sentence_of_both_texts_is_shown_once_in_order() {
        let first = article("A b c d. E f g h. I j k l.\n\nM n o p. Q r s t.");
        let second = article("A b c x. Y z. I j k l. Q r s t u v.");
        let comparison = compare(&first, &second);
        let firsts: Vec<&str> = (comparison.rows.iter())
            .filter_map(|r| r.first.as_ref().map(|p| p.text.as_str()))
            .collect();
        let seconds: Vec<&str> = (comparison.rows.iter())
            .filter_map(|r| r.second.as_ref().map(|p| p.text.as_str()))
            .collect();
        assert_eq!(
            firsts,
            ["A b c d.", "E f g h.", "I j k l.", "M n o p.", "Q r s t."]
        );
        assert_eq!(seconds, ["A b c x.", "Y z.", "I j k l.", "Q r s t u v."]);
    }

    #[test]
    fn nothing_to_compare_gives_no_rows() {
        let empty = Article::default();
        assert!(compare(&empty, &empty).rows.is_empty());
        assert_eq!(
            compare(&article("Une phrase."), &empty).count(Kind::First),
            1
        );
    }
}
