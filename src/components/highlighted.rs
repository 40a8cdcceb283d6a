use std::ops::Range;

use yew::prelude::*;

/// `text` as text nodes, with the byte `ranges` wrapped in `<mark>`.
///
/// Built as DOM nodes, never as an HTML string: article text is untrusted and
/// shows exactly as written, markup included.
pub fn highlighted(text: &str, ranges: &[Range<usize>]) -> Html {
    let mut parts = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for range in ranges {
        let (Some(before), Some(marked)) = (text.get(at..range.start), text.get(range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            parts.push(html! { {before.to_string()} });
        }
        parts.push(html! { <mark>{marked.to_string()}</mark> });
        at = range.end;
    }
    if let Some(rest) = text.get(at..) {
        if !rest.is_empty() {
            parts.push(html! { {rest.to_string()} });
        }
    }
    parts.into_iter().collect::<Html>()
}
