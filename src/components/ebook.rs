//! "E-book (EPUB)": a list's articles as an e-book ([`liseuse_core::epub`]),
//! made in the browser once their texts are here (a split index downloads
//! their pieces first), with the reader's highlights
//! ([`crate::hooks::use_ebook`]).

use yew::prelude::*;

use crate::hooks::Ebook;

/// The button that asks for the e-book `title` of a list (none for an
/// empty list), and what failed while it was made.
pub fn ebook_button(ebook: &Ebook, title: &str, empty: bool) -> Html {
    if empty {
        return Html::default();
    }
    let asked = ebook.asked;
    // The name starts with the words shown (WCAG 2.5.3), then says of what.
    let t = crate::site::t();
    let label = (!asked).then(|| liseuse_core::text::fill(t.labelled_t, &[t.ebook, title]));
    html! {
        <p class="ebook">
            <button type="button" class="link" onclick={ebook.ask.clone()} disabled={asked} aria-label={label}>
                {if asked { t.ebook_preparing } else { t.ebook }}
            </button>
            if let Some(failed) = &ebook.failed {
                <span role="alert">{failed.clone()}</span>
            }
        </p>
    }
}
