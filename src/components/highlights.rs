//! The reader's highlights of one article: "Surligner" and "Note…" while
//! text of the article is selected (and the key `h`), the note dialog, and
//! the list of the article's highlights under it, where one whose words
//! are gone from this version of the article says so. The passages are
//! anchored by their words ([`liseuse_core::annotation`]).

use gloo::events::EventListener;
use liseuse_core::annotation::{self, Highlight, Quote};
use liseuse_core::text::fill;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTextAreaElement, Node};
use yew::prelude::*;

use super::SharedLibrary;
use crate::hooks::open_dialog as open;
use crate::state::{Action, StateContext};
use crate::store;

/// A note being written: for highlight `key`, kept (its note is the
/// shelf's), or new (kept once the note is saved) when it comes with its
/// quote.
#[derive(Clone, PartialEq)]
struct Editing {
    key: String,
    quote: Option<Quote>,
}

/// The highlights' bar, dialog and list of article `id`; `orphans` are its
/// highlights whose words are not in its text. (A hook of the reading view,
/// not a component of its own: a component costs the wasm more.)
#[hook]
pub fn use_highlights(library: &SharedLibrary, id: &AttrValue, orphans: &[String]) -> Html {
    let state = use_context::<StateContext>();
    let selecting = use_state_eq(|| false);
    let editing = use_state(|| None::<Editing>);
    let dialog = use_node_ref();
    let quote_now = {
        let (library, id) = (library.clone(), id.clone());
        move || selected_quote(&library, &id)
    };
    let add = {
        let (state, quote_now) = (state.clone(), quote_now.clone());
        let id = id.to_string();
        move |note: String, quote: Option<Quote>| {
            let (Some(state), Some(quote)) = (&state, quote.or_else(&quote_now)) else {
                return;
            };
            let created = store::now();
            let key = format!(
                "{created:x}{:04x}",
                (js_sys::Math::random() * 65536.0) as u32
            );
            let article = id.clone();
            let highlight = Highlight {
                article,
                quote,
                note,
                created,
            };
            state.dispatch(Action::Highlight { key, highlight });
            if let Some(selection) = gloo::utils::window().get_selection().ok().flatten() {
                let _ = selection.remove_all_ranges();
            }
        }
    };
    // Whether text of the article is selected; the key `h` highlights it;
    // a click on a highlight opens its note.
    {
        let (selecting, editing) = (selecting.setter(), editing.setter());
        let add = add.clone();
        use_effect_with(id.clone(), move |_| {
            let document = gloo::utils::document();
            let selection = EventListener::new(&document, "selectionchange", move |_| {
                selecting.set(selected_range().is_some());
            });
            let key = EventListener::new(&document, "keydown", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if event.key() == "h" && !crate::hooks::typing(event) {
                    add(String::new(), None);
                }
            });
            let click = EventListener::new(&document, "click", move |event| {
                // A drag that selected text ends with a click too: not a
                // click on the highlight.
                if selected_range().is_some() {
                    return;
                }
                let mark = (event.target())
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|t| t.closest("article.reader mark.hl").ok().flatten());
                if let Some(key) = mark.and_then(|m| m.get_attribute("data-h")) {
                    editing.set(Some(Editing { key, quote: None }));
                }
            });
            move || drop((selection, key, click))
        });
    }
    {
        let dialog = dialog.clone();
        use_effect_with(editing.is_some(), move |&shown| {
            if shown {
                open(&dialog);
            }
        });
    }
    let Some(state) = state else {
        return Html::default();
    };
    let on_highlight = {
        let add = add.clone();
        Callback::from(move |_: MouseEvent| add(String::new(), None))
    };
    let on_note = {
        let editing = editing.setter();
        Callback::from(move |_: MouseEvent| {
            if let Some(quote) = quote_now() {
                editing.set(Some(Editing {
                    key: String::new(),
                    quote: Some(quote),
                }));
            }
        })
    };
    // The buttons keep the selection: pressing them does not take it.
    let keep = Callback::from(|event: MouseEvent| event.prevent_default());
    let t = crate::site::t();
    let bar = (*selecting).then(|| {
        html! {
            <div class="hl-bar" role="toolbar" aria-label={t.selected_passage}>
                <button type="button" onmousedown={keep.clone()} onclick={on_highlight}>{t.highlight}</button>
                <button type="button" onmousedown={keep} onclick={on_note}>{t.note}</button>
            </div>
        }
    });
    let textarea = use_node_ref();
    let editor = (*editing).clone().map(|edit| {
        let close = {
            let (editing, dialog) = (editing.setter(), dialog.clone());
            move || {
                if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                    dialog.close();
                }
                editing.set(None);
            }
        };
        let save = {
            let (state, textarea, close) = (state.clone(), textarea.clone(), close.clone());
            let (add, edit) = (add.clone(), edit.clone());
            Callback::from(move |_: MouseEvent| {
                let note = (textarea.cast::<HtmlTextAreaElement>())
                    .map(|t| t.value())
                    .unwrap_or_default();
                let note: String = note.trim().chars().take(annotation::MAX_NOTE).collect();
                match &edit.quote {
                    Some(quote) => add(note, Some(quote.clone())),
                    None => state.dispatch(Action::Annotate {
                        key: edit.key.clone(),
                        note,
                    }),
                }
                close();
            })
        };
        let remove = (edit.quote.is_none()).then(|| {
            let (state, key, close) = (state.clone(), edit.key.clone(), close.clone());
            Callback::from(move |_: MouseEvent| {
                state.dispatch(Action::Unhighlight(key.clone()));
                close();
            })
        });
        let cancel = Callback::from(move |_: Event| close());
        let kept = state.shelf.highlight_by(&edit.key);
        let (quoted, note) = match (&edit.quote, kept) {
            (Some(quote), _) => (quote.exact.clone(), String::new()),
            (None, Some(h)) => (h.quote.exact.clone(), h.note.clone()),
            (None, None) => Default::default(),
        };
        html! {
            <dialog ref={dialog.clone()} class="note" aria-labelledby="note-title" onclose={cancel.clone()}>
                <h2 id="note-title">{t.note_title}</h2>
                <blockquote>{shorten(&quoted)}</blockquote>
                <label for="note-text">{t.your_note}</label>
                <textarea id="note-text" ref={textarea} rows="4" maxlength="4000" defaultvalue={note} />
                <p class="dialog-end">
                    if let Some(remove) = remove {
                        <button type="button" class="link" onclick={remove}>{t.remove_highlight}</button>
                    }
                    <button type="button" onclick={cancel.reform(|e: MouseEvent| e.into())}>{t.cancel}</button>
                    <button type="button" class="primary" onclick={save}>{t.save}</button>
                </p>
            </dialog>
        }
    });
    let mine = state.shelf.highlights_of(id);
    let list = (!mine.is_empty()).then(|| {
        let items = mine.iter().map(|(key, highlight)| {
            let orphan = orphans.iter().any(|o| o == key);
            let edit = {
                let (editing, key) = (editing.setter(), key.to_string());
                Callback::from(move |_: MouseEvent| {
                    let key = key.clone();
                    editing.set(Some(Editing { key, quote: None }))
                })
            };
            highlight_item(highlight, orphan, Some(edit))
        });
        html! {
            <section class="highlights" aria-labelledby="highlights-title">
                <h2 id="highlights-title">{fill(t.your_highlights_t, &[&mine.len().to_string()])}</h2>
                <ul>{ for items }</ul>
            </section>
        }
    });
    html! {
        <>
            {list}
            {bar}
            {editor}
        </>
    }
}

/// One highlight as listed: its words, its note, whether its words are
/// gone from the article, and a button to edit it.
pub fn highlight_item(
    highlight: &Highlight,
    orphan: bool,
    edit: Option<Callback<MouseEvent>>,
) -> Html {
    let t = crate::site::t();
    html! {
        <li class={classes!("highlight", orphan.then_some("orphan"))}>
            <blockquote>{shorten(&highlight.quote.exact)}</blockquote>
            if orphan {
                <p class="hint">{t.orphan}</p>
            }
            if !highlight.note.is_empty() {
                <p class="note-text">{highlight.note.clone()}</p>
            }
            if let Some(edit) = edit {
                <button type="button" class="link" onclick={edit}>{t.note_or_remove}</button>
            }
        </li>
    }
}

/// `text`, cut after about 300 characters.
fn shorten(text: &str) -> String {
    let mut chars = text.chars();
    let cut: String = chars.by_ref().take(300).collect();
    if chars.next().is_some() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// The selection, when it is text of the article being read.
fn selected_range() -> Option<web_sys::Range> {
    let selection = gloo::utils::window().get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let text = gloo::utils::document()
        .query_selector("article.reader .text")
        .ok()??;
    let inside = |node: Option<Node>| node.is_some_and(|n| text.contains(Some(&n)));
    (inside(range.start_container().ok()) && inside(range.end_container().ok())).then_some(range)
}

/// The quote of the text of article `id` selected now, if any.
fn selected_quote(library: &SharedLibrary, id: &str) -> Option<Quote> {
    let range = selected_range()?;
    let library = &library.0;
    let article = library.article_at(library.doc_of(id)?);
    let blocks: Vec<&str> = article.blocks.iter().map(|b| b.text.as_str()).collect();
    let start = point(
        &blocks,
        range.start_container().ok()?,
        range.start_offset().ok()?,
    )?;
    let end = point(
        &blocks,
        range.end_container().ok()?,
        range.end_offset().ok()?,
    )?;
    annotation::quote(&blocks, start, end)
}

/// Where `(node, offset)` of the article's text is in its joined text.
fn point(blocks: &[&str], node: Node, offset: u32) -> Option<usize> {
    let element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    let Some(block) = element.closest("[data-b]").ok().flatten() else {
        // Between blocks: the text's own element, `offset` children in.
        let at = offset as usize;
        return Some(match blocks.get(at) {
            Some(_) => annotation::offset(blocks, at, 0),
            None => annotation::offset(blocks, blocks.len(), 0),
        });
    };
    let index: usize = block.get_attribute("data-b")?.parse().ok()?;
    let before = gloo::utils::document().create_range().ok()?;
    before.set_start(&block, 0).ok()?;
    before.set_end(&node, offset).ok()?;
    let units = String::from(before.to_string()).encode_utf16().count();
    let text = blocks.get(index)?;
    Some(annotation::offset(
        blocks,
        index,
        annotation::utf16_to_byte(text, units),
    ))
}
