//! The reader's highlights of one article: "Surligner" and "Note…" while
//! text of the article is selected (and the key `h`), the note dialog, and
//! the list of the article's highlights under it, where one whose words
//! are gone from this version of the article says so. The passages are
//! anchored by their words ([`liseuse_core::annotation`]); what the reader
//! does with them is [`crate::hooks::use_highlighting`]'s.

use liseuse_core::annotation::{self, Highlight};
use liseuse_core::text::fill;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::hooks::{Editing, Highlighting};
use crate::state::{Action, StateContext};

/// The highlights' bar, dialog and list of article `id`; `orphans` are its
/// highlights whose words are not in its text. (A function of the reading
/// view, not a component of its own: a component costs the wasm more.)
pub fn highlights(
    tools: &Highlighting,
    state: &StateContext,
    id: &str,
    orphans: &[String],
    cite: Callback<()>,
) -> Html {
    let t = crate::site::t();
    let bar = tools.selecting.then(|| {
        let on_highlight = tools.add.reform(|_: MouseEvent| (String::new(), None));
        let on_note = {
            let (editing, quote_now) = (tools.editing.setter(), tools.quote_now.clone());
            Callback::from(move |_: MouseEvent| {
                if let Some(quote) = quote_now.emit(()) {
                    let key = String::new();
                    editing.set(Some(Editing { key, quote: Some(quote) }));
                }
            })
        };
        // The buttons keep the selection: pressing them does not take it.
        let keep = Callback::from(|event: MouseEvent| event.prevent_default());
        html! {
            <div class="hl-bar" role="toolbar" aria-label={t.selected_passage}>
                <button type="button" onmousedown={keep.clone()} onclick={on_highlight}>{t.highlight}</button>
                <button type="button" onmousedown={keep.clone()} onclick={on_note}>{t.note}</button>
                <button type="button" onmousedown={keep} onclick={cite.reform(|_: MouseEvent| ())}>{super::cite::words().cite}</button>
            </div>
        }
    });
    let editor = (*tools.editing)
        .clone()
        .map(|edit| note_editor(tools, state, edit));
    html! {
        <>
            {list(tools, state, id, orphans)}
            {bar}
            {editor}
        </>
    }
}

/// The dialog of a note being written: the quote, the note, and a way to
/// remove a kept highlight.
fn note_editor(tools: &Highlighting, state: &StateContext, edit: Editing) -> Html {
    let t = crate::site::t();
    let close = {
        let (editing, dialog) = (tools.editing.setter(), tools.dialog.clone());
        move || {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
            editing.set(None);
        }
    };
    let save = {
        let (state, textarea, close) = (state.clone(), tools.textarea.clone(), close.clone());
        let (add, edit) = (tools.add.clone(), edit.clone());
        Callback::from(move |_: MouseEvent| {
            let note = (textarea.cast::<HtmlTextAreaElement>())
                .map(|t| t.value())
                .unwrap_or_default();
            let note: String = note.trim().chars().take(annotation::MAX_NOTE).collect();
            match &edit.quote {
                Some(quote) => add.emit((note, Some(quote.clone()))),
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
        <dialog ref={tools.dialog.clone()} class="note" aria-labelledby="note-title" onclose={cancel.clone()}>
            <h2 id="note-title">{t.note_title}</h2>
            <blockquote>{shorten(&quoted)}</blockquote>
            <label for="note-text">{t.your_note}</label>
            <textarea id="note-text" ref={tools.textarea.clone()} rows="4" maxlength="4000" defaultvalue={note} />
            <p class="dialog-end">
                if let Some(remove) = remove {
                    <button type="button" class="link" onclick={remove}>{t.remove_highlight}</button>
                }
                <button type="button" onclick={cancel.reform(|e: MouseEvent| e.into())}>{t.cancel}</button>
                <button type="button" class="primary" onclick={save}>{t.save}</button>
            </p>
        </dialog>
    }
}

/// The article's highlights under it, each with a way to its note.
fn list(tools: &Highlighting, state: &StateContext, id: &str, orphans: &[String]) -> Option<Html> {
    let t = crate::site::t();
    let mine = state.shelf.highlights_of(id);
    (!mine.is_empty()).then(|| {
        let items = mine.iter().map(|(key, highlight)| {
            let orphan = orphans.iter().any(|o| o == key);
            let edit = {
                let (editing, key) = (tools.editing.setter(), key.to_string());
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
    })
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
