//! Snippets and highlights: which words of a text a query matched, and the
//! passage of an article that best shows why it was found.

use std::collections::BTreeSet;
use std::ops::Range;

use crate::analysis::{analyze, words};
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

/// Byte ranges of the words of `text` whose index term is one of `terms`.
pub fn highlight(text: &str, terms: &BTreeSet<String>) -> Vec<Range<usize>> {
    if terms.is_empty() {
        return Vec::new();
    }
    analyze(text)
        .into_iter()
        .filter(|t| terms.contains(&t.term))
        .map(|t| t.start..t.end)
        .collect()
}

/// The passage of `article` densest in `terms`, cut at word boundaries.
///
/// Candidate passages start a few words before each match; the one covering the
/// most distinct terms wins, then the one with the most matches, then the
/// earliest. An article matched only by its title gets its opening words.
pub fn snippet(article: &Article, terms: &BTreeSet<String>) -> Snippet {
    let mut best: Option<(usize, usize, usize, usize)> = None; // (distinct, count, block, first word)
    for (b, block) in article.blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading && article.blocks.len() > 1 {
            continue;
        }
        let spans: Vec<Range<usize>> = words(&block.text).map(|w| w.start..w.end).collect();
        let matches = highlight(&block.text, terms);
        if matches.is_empty() {
            continue;
        }
        // Word number of each match.
        let matched_words: Vec<(usize, &str)> = matches
            .iter()
            .filter_map(|m| {
                let w = spans.iter().position(|s| s.start == m.start)?;
                Some((w, &block.text[m.clone()]))
            })
            .collect();
        for &(anchor, _) in &matched_words {
            let first = anchor.saturating_sub(SNIPPET_LEAD_WORDS);
            let window = first..first + SNIPPET_WORDS;
            let inside: Vec<&str> = matched_words
                .iter()
                .filter(|(w, _)| window.contains(w))
                .map(|&(_, text)| text)
                .collect();
            let distinct = inside
                .iter()
                .map(|t| t.to_lowercase())
                .collect::<BTreeSet<_>>()
                .len();
            let candidate = (distinct, inside.len(), b, first);
            let better = match best {
                None => true,
                Some((d, c, _, _)) => (distinct, inside.len()) > (d, c),
            };
            if better {
                best = Some(candidate);
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
    cut(&block.text, first_word, terms)
}

/// The words `first..first + SNIPPET_WORDS` of `text`, with ellipses and highlights.
fn cut(text: &str, first: usize, terms: &BTreeSet<String>) -> Snippet {
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
    let highlights = highlight(passage, terms)
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
