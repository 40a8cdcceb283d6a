use std::rc::Rc;

use gloo::events::EventListener;
use liseuse_core::annotation::{Highlight, Quote};
use liseuse_core::Library;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::selection::{selected_quote, selected_range};
use crate::state::{Action, StateContext};
use crate::store;

/// A note being written: for highlight `key`, kept (its note is the
/// shelf's), or new (kept once the note is saved) when it comes with its
/// quote.
#[derive(Clone, PartialEq)]
pub struct Editing {
    /// The highlight's key (empty for a new one).
    pub key: String,
    /// The quote of a new highlight.
    pub quote: Option<Quote>,
}

/// What the highlights of an article are doing.
pub struct Highlighting {
    /// Whether text of the article is selected (the bar shows then).
    pub selecting: bool,
    /// The note being written, if one is.
    pub editing: UseStateHandle<Option<Editing>>,
    /// The note's dialog, opened when a note is being written.
    pub dialog: NodeRef,
    /// The note's text, in the dialog.
    pub textarea: NodeRef,
    /// Keeps a highlight with its note: of the quote given, or of the
    /// text selected now; the selection is let go.
    pub add: Callback<(String, Option<Quote>)>,
    /// The quote of the text selected now, if any.
    pub quote_now: Callback<(), Option<Quote>>,
}

/// The highlights of article `id` as the reader makes them: whether text
/// is selected, the key `h` that highlights it, a click on a highlight
/// that opens its note, and the note's dialog.
#[hook]
pub fn use_highlighting(library: &Rc<Library>, id: &AttrValue) -> Highlighting {
    let state = use_context::<StateContext>();
    let selecting = use_state_eq(|| false);
    let editing = use_state(|| None::<Editing>);
    let dialog = use_node_ref();
    let textarea = use_node_ref();
    let quote_now = {
        let (library, id) = (library.clone(), id.clone());
        Callback::from(move |()| selected_quote(&library, &id))
    };
    let add = {
        let (quote_now, id) = (quote_now.clone(), id.to_string());
        Callback::from(move |(note, quote): (String, Option<Quote>)| {
            let (Some(state), Some(quote)) = (&state, quote.or_else(|| quote_now.emit(()))) else {
                return;
            };
            let created = store::now();
            let random = (js_sys::Math::random() * 65536.0) as u32;
            let key = format!("{created:x}{random:04x}");
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
        })
    };
    {
        let (selecting, editing) = (selecting.setter(), editing.setter());
        let add = add.clone();
        use_effect_with(id.clone(), move |_| {
            let listeners = listen(selecting, editing, add);
            move || drop(listeners)
        });
    }
    {
        let dialog = dialog.clone();
        use_effect_with(editing.is_some(), move |&shown| {
            if shown {
                super::open_dialog(&dialog);
            }
        });
    }
    Highlighting {
        selecting: *selecting,
        editing,
        dialog,
        textarea,
        add,
        quote_now,
    }
}

/// Whether text of the article is selected; the key `h` highlights it; a
/// click on a highlight opens its note.
fn listen(
    selecting: UseStateSetter<bool>,
    editing: UseStateSetter<Option<Editing>>,
    add: Callback<(String, Option<Quote>)>,
) -> [EventListener; 3] {
    let document = gloo::utils::document();
    let selection = EventListener::new(&document, "selectionchange", move |_| {
        selecting.set(selected_range().is_some());
    });
    let key = EventListener::new(&document, "keydown", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if event.key() == "h" && !super::typing(event) {
            add.emit((String::new(), None));
        }
    });
    let click = EventListener::new(&document, "click", move |event| {
        // A drag that selected text ends with a click too: not a click on
        // the highlight.
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
    [selection, key, click]
}
