use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

/// Marks match `current` of the article as the current one, and scrolls it
/// to the middle of the screen (at once when the reader asked for less motion).
#[hook]
pub fn use_current_match(current: Option<usize>) {
    use_effect_with(current, move |current| {
        let marks = gloo::utils::document().query_selector_all("article.reader mark:not(.hl)");
        let Ok(marks) = marks else { return };
        for i in 0..marks.length() {
            let Some(mark) = marks.item(i).and_then(|m| m.dyn_into::<Element>().ok()) else {
                continue;
            };
            if Some(i as usize) == *current {
                let _ = mark.class_list().add_1("current");
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Center);
                options.set_behavior(if reduced_motion() {
                    ScrollBehavior::Instant
                } else {
                    ScrollBehavior::Smooth
                });
                mark.scroll_into_view_with_scroll_into_view_options(&options);
            } else {
                let _ = mark.class_list().remove_1("current");
            }
        }
    });
}

/// Whether the reader asked for less motion (`prefers-reduced-motion`).
fn reduced_motion() -> bool {
    (gloo::utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok())
    .flatten()
    .is_some_and(|query| query.matches())
}
