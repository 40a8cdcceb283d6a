//! One article of a list, as every list shows it (results, the home page,
//! "Mes articles", a name's page), and the button that saves it.

use liseuse_core::order::SortedSet;

use liseuse_core::text::fill;
use liseuse_core::Library;
use yew::prelude::*;

use super::{highlighted, meta_line, reading_time};
use crate::pieces::has_failed;
use crate::route::Route;
use crate::state::{Action, StateContext};
use crate::store;

/// One article of a list: section, highlighted title (a heading of
/// `level`), metadata, snippet and reading time, as a link to the reading
/// view; whether it was read, and a button to save it for later. Until its
/// pieces of a split index are in: its date and source, then its title
/// (its title piece), then the rest (its text piece).
pub fn item(
    library: &Library,
    doc: u32,
    terms: &SortedSet<String>,
    query: &str,
    level: u8,
    state: &StateContext,
) -> Html {
    // Its metadata is always here; its title and id, and its text, may
    // still be on their way.
    let meta = library.article_at(doc);
    let key = doc.to_string();
    let heading = |content: Html| {
        let tag = if level <= 2 { "h2" } else { "h3" };
        html! { <@{tag} class="title">{content}</@> }
    };
    let Some(listed) = library.listed(doc) else {
        let failed = (library.missing_titles([doc]).iter())
            .chain(&library.missing_texts([doc]))
            .any(|f| has_failed(f));
        let t = crate::site::t();
        let (class, title, busy) = if failed {
            ("unavailable", t.unavailable, None)
        } else {
            ("pending", t.loading, Some("true"))
        };
        // No link yet without an id.
        return html! {
            <li class={classes!("result", class)} {key} aria-busy={busy}>
                <a>
                    {heading(html! {title})}
                    {meta_line(meta)}
                </a>
            </li>
        };
    };
    let id = listed.id;
    let href = Route::Article {
        id: id.to_string(),
        query: query.to_string(),
    }
    .to_hash();
    let read = state.shelf.is_read(id);
    let new = state.new_ids.contains(id);
    let text = library.text(doc);
    let title = listed.title;
    let t = crate::site::t();
    html! {
        <li class={classes!("result", read.then_some("read"), text.is_none().then_some("title-only"))} {key} data-id={id.to_string()}>
            <a {href}>
                if new {
                    <span class="badge new">{t.new_badge}</span>
                }
                if let Some(section) = listed.section {
                    <span class="section">{section.to_string()}</span>
                }
                {heading(highlighted(title, &library.highlight(doc, title, terms)))}
                {meta_line(meta)}
                if let Some(article) = text {
                    {snippet(library, doc, terms)}
                    <div class="item-foot">
                        {reading_time(article)}
                        if read {
                            <span class="badge">{t.read_badge}</span>
                        }
                    </div>
                }
            </a>
            {save_button(state, id, title, state.shelf.is_saved(id))}
        </li>
    }
}

/// The passage of article `doc` that best matches `terms`, highlighted.
fn snippet(library: &Library, doc: u32, terms: &SortedSet<String>) -> Html {
    let snippet = library.snippet(doc, terms);
    html! { <p class="snippet">{highlighted(&snippet.text, &snippet.highlights)}</p> }
}

/// The button that saves article `id` for later (or takes it off the list).
pub fn save_button(state: &StateContext, id: &str, title: &str, saved: bool) -> Html {
    let onclick = {
        let (state, id) = (state.dispatcher(), id.to_string());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::ToggleSaved {
                id: id.clone(),
                now: store::now(),
            })
        })
    };
    // The name holds the words shown (WCAG 2.5.3): "Gardé" once saved.
    let t = crate::site::t();
    let label = if saved {
        t.saved_for_later
    } else {
        t.save_for_later
    };
    let label = if title.is_empty() {
        label.to_string()
    } else {
        fill(t.labelled_t, &[label, title])
    };
    html! {
        <button type="button" class="save" aria-pressed={saved.to_string()} aria-label={label}
            title={if saved { t.saved_hint } else { t.save_hint }} {onclick}>
            <span aria-hidden="true">{if saved { t.saved_short } else { t.save_short }}</span>
        </button>
    }
}
