use std::ops::Range;

use liseuse_core::segments;
use yew::prelude::*;

/// `text` as text nodes, with the byte `ranges` wrapped in `<mark>`: one mark
/// per range ([`segments`]), so a count of ranges is a count of marks.
///
/// Built as DOM nodes, never as an HTML string: article text is untrusted and
/// shows exactly as written, markup included.
pub fn highlighted(text: &str, ranges: &[Range<usize>]) -> Html {
    segments(text, ranges)
        .into_iter()
        .map(|(part, marked)| {
            if marked {
                html! { <mark>{part.to_string()}</mark> }
            } else {
                html! { {part.to_string()} }
            }
        })
        .collect::<Html>()
}
