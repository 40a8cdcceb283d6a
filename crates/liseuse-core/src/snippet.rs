//! Snippets and highlights: which words of a text a query matched, and the
//! passage of an article that best shows why it was found.
//!
//! Words are read with the analysis of the article's language (the one its
//! index terms were made with), so an English article found by `Yerevan`
//! shows its matches too. Highlight ranges are always sorted, disjoint and on
//! character boundaries, and [`segments`] turns them into the text and marks
//! a view shows: the reader counts exactly the marks it shows.

use crate::order::SortedSet;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use crate::analysis::{words, Analyzer, Token};
use crate::article::{Article, BlockKind};

/// A snippet is at most this many words long: about two lines of a result list.
pub const SNIPPET_WORDS: usize = 32;

/// Words of context kept before the first match, so a snippet does not start on it.
pub const SNIPPET_LEAD_WORDS: usize = 5;

/// A short passage of an article with the query's matches marked.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The passage, with "…" where it was cut inside a paragraph.
    pub text: String,
    /// Byte ranges of `text` to highlight, ascending and disjoint.
    pub highlights: Vec<Range<usize>>,
}

/// Byte ranges of the words of `text` whose index term is one of `terms`,
/// read with French analysis; see [`highlight_with`].
pub fn highlight(text: &str, terms: &SortedSet<String>) -> Vec<Range<usize>> {
    highlight_with(Analyzer::FRENCH, text, terms)
}

/// Byte ranges of the words of `text` whose index term, as `analyzer` reads
/// it, is one of `terms`: ascending, disjoint, on character boundaries.
/// Overlapping matches are one range: `Haut-Karabakh` matched by its parts
/// and by its whole is one mark.
pub fn highlight_with(
    analyzer: Analyzer,
    text: &str,
    terms: &SortedSet<String>,
) -> Vec<Range<usize>> {
    if terms.is_empty() {
        return Vec::new();
    }
    let mut ranges: Vec<Range<usize>> = (read(analyzer, text).iter())
        .filter(|t| terms.contains(&t.term))
        .map(|t| t.start..t.end)
        .collect();
    crate::order::sort_by_key(&mut ranges, |r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        match merged.last_mut() {
            Some(last) if range.start < last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    merged
}

/// Each word of `text` as `analyzer` reads it. Kept for the texts read
/// last: a result list highlights the same titles and passages at every
/// keystroke, only with other terms, and stemming them again was most of a
/// keystroke's work (a text is its own key, so a text never gets another's
/// words). A list, not a map: a map's code cost 1 kB of gzip in the wasm,
/// and a few hundred texts are compared by length first.
fn read(analyzer: Analyzer, text: &str) -> Rc<Vec<Token>> {
    /// Texts kept at most, and their bytes at most, before all are let go.
    const KEEP_TEXTS: usize = 512;
    const KEEP_BYTES: usize = 1 << 20;
    /// A text read, by whom, and its words.
    type Kept = (Analyzer, String, Rc<Vec<Token>>);
    thread_local! {
        static READ: RefCell<(Vec<Kept>, usize)> = RefCell::new(Default::default());
    }
    READ.with(|cell| {
        let (read, bytes) = &mut *cell.borrow_mut();
        if let Some((_, _, words)) = (read.iter()).find(|(a, t, _)| t == text && *a == analyzer) {
            return words.clone();
        }
        let words = Rc::new(analyzer.analyze(text));
        if read.len() >= KEEP_TEXTS || *bytes + text.len() > KEEP_BYTES {
            read.clear();
            *bytes = 0;
        }
        *bytes += text.len();
        read.push((analyzer, text.to_string(), words.clone()));
        words
    })
}

/// `ranges` (ascending, disjoint) of `text` with those that follow each
/// other joined: between them, nothing but spaces, punctuation and stop
/// words, read by `analyzer` (`corridor` and `Lachin` in « corridor de
/// Lachin »), at most 24 bytes. A phrase found is then one mark, and
/// moving from one match to the next stops once at it.
pub fn join_phrases(
    analyzer: Analyzer,
    text: &str,
    ranges: Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for range in ranges {
        if let Some(last) = out.last_mut() {
            let gap = text.get(last.end..range.start).unwrap_or("x");
            if last.end <= range.start && gap.len() <= 24 && analyzer.analyze(gap).is_empty() {
                last.end = range.end;
                continue;
            }
        }
        out.push(range);
    }
    out
}

/// `text` cut into the parts a view shows, each with whether it is marked:
/// one marked part per range of `ranges` that lies in `text` (ascending and
/// disjoint, as [`highlight_with`] gives them; others are left unmarked).
pub fn segments<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if marked.is_empty() {
            continue;
        }
        if !before.is_empty() {
            parts.push((before, false));
        }
        parts.push((marked, true));
        at = range.end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        parts.push((rest, false));
    }
    parts
}

/// The passage of `article` densest in `terms`, cut at word boundaries, read
/// with French analysis in the article's language; see [`snippet_with`].
pub fn snippet(article: &Article, terms: &SortedSet<String>) -> Snippet {
    snippet_with(Analyzer::FRENCH, article, terms)
}

/// The passage of `article` densest in `terms`, cut at word boundaries, its
/// words read with `analyzer` in the article's language.
///
/// Candidate passages start a few words before each match; the one covering the
/// most distinct terms wins, then the one with the most matches, then the
/// earliest. An article matched only by its title gets its opening words.
/// The cost is linear in the length of the text: a window slides over the
/// matches instead of counting again for each.
pub fn snippet_with(analyzer: Analyzer, article: &Article, terms: &SortedSet<String>) -> Snippet {
    let analyzer = analyzer.for_lang(article.lang.as_deref());
    let mut best: Option<(usize, usize, usize, usize)> = None; // (distinct, count, block, first word)
    for (b, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading && article.blocks.len() > 1 {
            continue;
        }
        let matches = highlight_with(analyzer, &block.text, terms);
        if matches.is_empty() {
            continue;
        }
        // Word number and lower-cased text of each match: both lists ascend,
        // so one walk pairs them.
        let mut matched_words: Vec<(usize, String)> = Vec::with_capacity(matches.len());
        let mut pending = matches.iter().peekable();
        for (w, word) in words(&block.text).enumerate() {
            while pending.next_if(|m| m.start < word.start).is_some() {}
            if let Some(m) = pending.next_if(|m| m.start == word.start) {
                matched_words.push((w, crate::analysis::lowercase(&block.text[m.clone()])));
            }
        }
        // Windows of SNIPPET_WORDS words from a few words before each match.
        // The distinct matched words in the window, with their counts (a
        // sorted vector: a few words at most).
        let mut counts: Vec<(&str, usize)> = Vec::new();
        let (mut from, mut to) = (0, 0); // matches inside the window
        for &(anchor, _) in &matched_words {
            let first = anchor.saturating_sub(SNIPPET_LEAD_WORDS);
            let end = first + SNIPPET_WORDS;
            while to < matched_words.len() && matched_words[to].0 < end {
                *crate::order::entry(&mut counts, matched_words[to].1.as_str()) += 1;
                to += 1;
            }
            while from < to && matched_words[from].0 < first {
                let key = matched_words[from].1.as_str();
                if let Ok(at) = counts.binary_search_by(|(k, _)| k.cmp(&key)) {
                    counts[at].1 -= 1;
                    if counts[at].1 == 0 {
                        counts.remove(at);
                    }
                }
                from += 1;
            }
            let (distinct, inside) = (counts.len(), to - from);
            let better = match best {
                None => true,
                Some((d, c, _, _)) => (distinct, inside) > (d, c),
            };
            if better {
                best = Some((distinct, inside, b, first));
            }
        }
    }
    let (block, first_word) = best.map_or((0, 0), |(_, _, b, w)| (b, w));
    let Some(block) = article
        .blocks
        .get(block)
        .filter(|_| best.is_some())
        .or_else(|| {
            article
                .blocks
                .iter()
                .find(|b| b.kind == BlockKind::Paragraph)
        })
        .or(article.blocks.first())
    else {
        return Snippet::default();
    };
    cut(analyzer, &block.text, first_word, terms)
}

/// The words `first..first + SNIPPET_WORDS` of `text`, with ellipses and highlights.
fn cut(analyzer: Analyzer, text: &str, first: usize, terms: &SortedSet<String>) -> Snippet {
    let spans: Vec<Range<usize>> = words(text).map(|w| w.start..w.end).collect();
    if spans.is_empty() {
        return Snippet::default();
    }
    let first = first.min(spans.len() - 1);
    let last = (first + SNIPPET_WORDS).min(spans.len()) - 1;
    let start = if first == 0 { 0 } else { spans[first].start };
    let end = if last == spans.len() - 1 {
        text.len()
    } else {
        spans[last].end
    };
    let lead = if start > 0 { "…" } else { "" };
    let tail = if end < text.len() { "…" } else { "" };
    let passage = &text[start..end];
    let highlights = highlight_with(analyzer, passage, terms)
        .into_iter()
        .map(|r| r.start + lead.len()..r.end + lead.len())
        .collect();
    Snippet {
        text: format!("{lead}{passage}{tail}"),
        highlights,
    }
}

#[cfg(test)]
mod tests;
