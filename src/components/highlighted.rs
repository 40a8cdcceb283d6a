use std::ops::Range;

use liseuse_core::segments;
use yew::prelude::*;

/// `text` as text nodes, with the byte `ranges` wrapped in `<mark>`: one mark
/// per range ([`segments`]), so a count of ranges is a count of marks.
///
/// Built as DOM nodes, never as an HTML string: article text is untrusted and
/// shows exactly as written, markup included.
pub fn highlighted(text: &str, ranges: &[Range<usize>]) -> Html {
    highlighted_with(text, ranges, &[])
}

/// As [`highlighted`], with the reader's highlights too: each range of
/// `highlights` (ascending) in a `<mark class="hl" data-h="…">` of its key.
/// A match stays one mark; a highlight is cut at a match's edges.
pub fn highlighted_with(
    text: &str,
    ranges: &[Range<usize>],
    highlights: &[(Range<usize>, String)],
) -> Html {
    let mut at = 0;
    segments(text, ranges)
        .into_iter()
        .map(|(part, marked)| {
            let start = at;
            at += part.len();
            let inner = layer(text, start..at, highlights);
            if marked {
                html! { <mark>{inner}</mark> }
            } else {
                inner
            }
        })
        .collect::<Html>()
}

/// The `span` of `text`, with the parts of `highlights` in it marked.
fn layer(text: &str, span: Range<usize>, highlights: &[(Range<usize>, String)]) -> Html {
    let mut parts = Vec::new();
    let mut at = span.start;
    for (range, key) in highlights {
        let (from, to) = (range.start.max(at), range.end.min(span.end));
        let (Some(before), Some(marked)) = (text.get(at..from), text.get(from..to)) else {
            continue;
        };
        if marked.is_empty() {
            continue;
        }
        parts.push(html! { {before.to_string()} });
        parts.push(html! { <mark class="hl" data-h={key.clone()}>{marked.to_string()}</mark> });
        at = to;
    }
    parts.push(html! { {text.get(at..span.end).unwrap_or_default().to_string()} });
    parts.into_iter().collect()
}
