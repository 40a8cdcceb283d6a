//! The query language: words, "quoted phrases" and -exclusions.
//!
//! - `crise réfugiés`: articles with these words, those with all of them first.
//! - `"crise de réfugiés"`: the words in this order, next to each other
//!   (« guillemets » and “curly quotes” work too; an unclosed quote runs to the
//!   end, and while it is open its last word may be unfinished).
//! - `-Moscou`, `-"Haut-Karabakh"`: no article with this word or phrase.
//! - The last word, when the query does not end with a space or a quote, may
//!   still be being typed: it also matches the words it begins.
//!
//! Parsing never fails: anything that is not syntax is text.

/// One part of a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part<'a> {
    /// What the part asks for.
    pub kind: PartKind,
    /// Its text, without quotes or minus sign.
    pub text: &'a str,
    /// Byte offset of `text` in the query.
    pub start: usize,
}

/// What a part of a query asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// Plain words; `typing` when the last of them may be unfinished.
    Words {
        /// The last word may still be being typed.
        typing: bool,
    },
    /// Words in this order, next to each other; `typing` when the quote is
    /// still open at the end of the query and its last word may be unfinished.
    Phrase {
        /// The last word may still be being typed.
        typing: bool,
    },
    /// Articles with this word, or these words as a phrase, are left out.
    Excluded,
}

/// Splits a query into its parts, in order.
pub fn parse(query: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut rest = 0; // byte offset of what is left to read
    let len = query.len();
    while rest < len {
        let tail = &query[rest..];
        let Some(skip) = tail.find(|c: char| !c.is_whitespace()) else {
            break;
        };
        let at = rest + skip;
        let tail = &query[at..];
        let negated = tail.starts_with('-') && tail[1..].starts_with(|c: char| !c.is_whitespace());
        let body_at = if negated { at + 1 } else { at };
        let body = &query[body_at..];
        if let Some(open) = body.chars().next().filter(|&c| is_open_quote(c)) {
            // A phrase, to its closing quote or to the end.
            let inner_at = body_at + open.len_utf8();
            let inner = &query[inner_at..];
            let (text_len, after, open_at_end) = match inner.find(is_close_quote) {
                Some(close) => {
                    let quote_len = inner[close..].chars().next().map_or(1, char::len_utf8);
                    (close, inner_at + close + quote_len, false)
                }
                None => (inner.len(), len, true),
            };
            let kind = if negated {
                PartKind::Excluded
            } else {
                let typing =
                    open_at_end && inner.chars().last().is_some_and(|c| !c.is_whitespace());
                PartKind::Phrase { typing }
            };
            parts.push(Part {
                kind,
                text: &query[inner_at..inner_at + text_len],
                start: inner_at,
            });
            rest = after;
            continue;
        }
        // A run of words up to the next space-separated exclusion or quote.
        let end = body_at + chunk_len(body);
        if negated {
            parts.push(Part {
                kind: PartKind::Excluded,
                text: &query[body_at..end],
                start: body_at,
            });
        } else {
            let typing = end == len;
            match parts.last_mut() {
                // Consecutive plain words are one part.
                Some(Part {
                    kind: PartKind::Words { typing: t },
                    text,
                    start,
                }) if !query[*start + text.len()..at].contains(is_quote) => {
                    *text = &query[*start..end];
                    *t = typing;
                }
                _ => parts.push(Part {
                    kind: PartKind::Words { typing },
                    text: &query[at..end],
                    start: at,
                }),
            }
        }
        rest = end;
    }
    parts
}

/// Length of the space-delimited chunk at the start of `text`, stopping before a quote.
/// (`text` starts with neither a space nor an opening quote.)
fn chunk_len(text: &str) -> usize {
    text.find(|c: char| c.is_whitespace() || is_open_quote(c))
        .unwrap_or(text.len())
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '“' | '„')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '"' | '»' | '”' | '“')
}

fn is_quote(c: char) -> bool {
    is_open_quote(c) || is_close_quote(c)
}

#[cfg(test)]
mod tests;
