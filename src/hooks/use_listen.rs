//! "Écouter": the article read aloud by the browser's speech synthesis, in
//! a voice of the article's language, one sentence after another
//! ([`liseuse_core::sentences`]), the sentence being read marked (a CSS
//! custom highlight where the browser has them; its paragraph always) and
//! kept in view; with pause, resume and stop. Nothing shows when the
//! browser has no voice for the language.

use std::cell::Cell;
use std::ops::Range;
use std::rc::{Rc, Weak};

use gloo::events::EventListener;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};
use yew::prelude::*;

use liseuse_core::Library;

/// Where the reading aloud is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Listening {
    /// Not reading.
    Off,
    /// Reading sentence `at` of `of`, or paused there.
    On {
        /// The sentence being read.
        at: usize,
        /// How many there are.
        of: usize,
        /// Whether the reading is paused.
        paused: bool,
    },
}

/// The reading aloud of an article, when the browser has a voice for its
/// language.
pub struct Listen {
    /// Where it is.
    pub listening: Listening,
    /// Starts reading, from the first paragraph on screen.
    pub start: Callback<MouseEvent>,
    /// Pauses or resumes.
    pub toggle: Callback<MouseEvent>,
    /// Stops.
    pub stop: Callback<MouseEvent>,
}

/// One reading aloud: the sentences, the voice, and which is being read.
struct Speaker {
    synth: SpeechSynthesis,
    voice: SpeechSynthesisVoice,
    /// Each sentence: its block, its range there, its text.
    parts: Vec<(usize, Range<usize>, String)>,
    at: Cell<usize>,
    paused: Cell<bool>,
    show: UseStateSetter<Listening>,
}

/// The reading aloud of article `id`; none when the browser has no voice
/// for its language.
#[hook]
pub fn use_listen(library: &Rc<Library>, id: &AttrValue) -> Option<Listen> {
    let listening = use_state_eq(|| Listening::Off);
    let speaker = use_mut_ref(|| None::<Rc<Speaker>>);
    let doc = library.doc_of(id);
    let lang = doc.map_or("fr", |doc| library.analyzer_of(doc).language.code());
    let synth = gloo::utils::window().speech_synthesis().ok();
    // Voices may come after the page: the browser says when.
    let voices_changed = use_state(|| 0u32);
    {
        let (synth, voices_changed) = (synth.clone(), voices_changed.clone());
        use_effect_with((), move |_| {
            let listener = synth.map(|synth| {
                EventListener::new(&synth, "voiceschanged", move |_| {
                    voices_changed.set(*voices_changed + 1)
                })
            });
            move || drop(listener)
        });
    }
    // Another article, or leaving the reading view: silence.
    {
        let (speaker, synth) = (speaker.clone(), synth.clone());
        use_effect_with(id.clone(), move |_| {
            move || {
                if speaker.borrow_mut().take().is_some() {
                    if let Some(synth) = synth {
                        synth.cancel();
                    }
                    unmark();
                }
            }
        });
    }
    let synth = synth?;
    let voice = voice_for(&synth, lang)?;
    let stop = {
        let (speaker, synth, show) = (speaker.clone(), synth.clone(), listening.setter());
        Callback::from(move |_: MouseEvent| {
            speaker.borrow_mut().take();
            synth.cancel();
            unmark();
            show.set(Listening::Off);
        })
    };
    let start = {
        let (library, speaker, show) = (library.clone(), speaker.clone(), listening.setter());
        let synth = synth.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(doc) = doc else { return };
            let article = library.article_at(doc);
            let parts: Vec<(usize, Range<usize>, String)> = (article.blocks.iter())
                .enumerate()
                .flat_map(|(b, block)| {
                    (liseuse_core::sentences::sentences(&block.text).into_iter())
                        .map(move |r| (b, r.clone(), block.text[r].to_string()))
                })
                .collect();
            // From the first paragraph on screen.
            let first = first_block_in_view();
            let at = parts.iter().position(|(b, _, _)| *b >= first).unwrap_or(0);
            synth.cancel();
            let new = Rc::new(Speaker {
                synth: synth.clone(),
                voice: voice.clone(),
                parts,
                at: Cell::new(at),
                paused: Cell::new(false),
                show: show.clone(),
            });
            *speaker.borrow_mut() = Some(new.clone());
            speak(&new);
        })
    };
    let toggle = Callback::from(move |_: MouseEvent| {
        if let Some(speaker) = speaker.borrow().as_ref() {
            let paused = !speaker.paused.get();
            speaker.paused.set(paused);
            if paused {
                speaker.synth.pause();
            } else {
                speaker.synth.resume();
            }
            let (at, of) = (speaker.at.get(), speaker.parts.len());
            speaker.show.set(Listening::On { at, of, paused });
        }
    });
    Some(Listen {
        listening: *listening,
        start,
        toggle,
        stop,
    })
}

/// Speaks the sentence `speaker.at`, then (when it ends) the next one.
fn speak(speaker: &Rc<Speaker>) {
    let at = speaker.at.get();
    let Some((block, range, text)) = speaker.parts.get(at) else {
        unmark();
        speaker.show.set(Listening::Off);
        return;
    };
    let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) else {
        return;
    };
    utterance.set_voice(Some(&speaker.voice));
    utterance.set_lang(&speaker.voice.lang());
    // The next sentence when this one ends; nothing once the reading is
    // stopped (the speaker is gone) or another has begun.
    let weak: Weak<Speaker> = Rc::downgrade(speaker);
    let next = Closure::<dyn FnMut()>::new(move || {
        if let Some(speaker) = weak.upgrade().filter(|s| s.at.get() == at) {
            speaker.at.set(at + 1);
            speak(&speaker);
        }
    });
    utterance.set_onend(Some(next.as_ref().unchecked_ref()));
    // (Owned by the utterance from now on: it outlives this call.)
    next.forget();
    mark(*block, range, text);
    speaker.show.set(Listening::On {
        at,
        of: speaker.parts.len(),
        paused: false,
    });
    speaker.paused.set(false);
    speaker.synth.speak(&utterance);
}

/// A voice for language `lang` (`fr`): the browser's default one for it if
/// it has one.
fn voice_for(synth: &SpeechSynthesis, lang: &str) -> Option<SpeechSynthesisVoice> {
    let voices: Vec<SpeechSynthesisVoice> = (synth.get_voices().iter())
        .map(|v| v.unchecked_into::<SpeechSynthesisVoice>())
        .filter(|v| {
            let code = v.lang().to_ascii_lowercase();
            code == lang
                || code.starts_with(&format!("{lang}-"))
                || code.starts_with(&format!("{lang}_"))
        })
        .collect();
    let default = voices.iter().position(SpeechSynthesisVoice::default);
    default
        .or((!voices.is_empty()).then_some(0))
        .map(|i| voices[i].clone())
}

/// The first block of the text whose end is below the header.
fn first_block_in_view() -> usize {
    let blocks = gloo::utils::document().query_selector_all("article.reader .text [data-b]");
    let Ok(blocks) = blocks else { return 0 };
    (0..blocks.length())
        .filter_map(|i| blocks.item(i)?.dyn_into::<Element>().ok())
        .position(|b| b.get_bounding_client_rect().bottom() > 80.0)
        .unwrap_or(0)
}

/// Marks the sentence `range` of block `block` (whose text is `text`) as the
/// one being read, and scrolls it into view when it is not.
fn mark(block: usize, range: &Range<usize>, text: &str) {
    unmark();
    let document = gloo::utils::document();
    let selector = format!("article.reader .text [data-b=\"{block}\"]");
    let Some(element) = document.query_selector(&selector).ok().flatten() else {
        return;
    };
    let _ = element.class_list().add_1("speaking");
    let units = |byte: usize| text.get(..byte).map_or(0, |t| t.encode_utf16().count());
    let window = gloo::utils::window();
    let dom = document.create_range().ok().and_then(|dom| {
        let (node, offset) = dom_point(&element, units(range.start))?;
        dom.set_start(&node, offset).ok()?;
        let (node, offset) = dom_point(&element, units(range.end))?;
        dom.set_end(&node, offset).ok()?;
        Some(dom)
    });
    let Some(dom) = dom else { return };
    // CSS.highlights.set("speaking", new Highlight(range)), where there are.
    let registry = highlight_registry();
    let highlight = Reflect::get(&window, &"Highlight".into())
        .ok()
        .and_then(|c| c.dyn_into::<Function>().ok())
        .and_then(|c| Reflect::construct(&c, &Array::of1(&dom)).ok());
    if let (Some(registry), Some(highlight)) = (registry, highlight) {
        if let Ok(set) =
            Reflect::get(&registry, &"set".into()).and_then(|s| s.dyn_into::<Function>())
        {
            let _ = set.call2(&registry, &"speaking".into(), &highlight);
        }
    }
    let rect = dom.get_bounding_client_rect();
    let height = window
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    if rect.top() < 80.0 || rect.bottom() > height - 80.0 {
        window.scroll_by_with_x_and_y(0.0, rect.top() - height / 3.0);
    }
}

/// No sentence marked.
fn unmark() {
    let document = gloo::utils::document();
    if let Ok(Some(marked)) = document.query_selector(".speaking") {
        let _ = marked.class_list().remove_1("speaking");
    }
    if let Some(registry) = highlight_registry() {
        if let Ok(clear) =
            Reflect::get(&registry, &"clear".into()).and_then(|c| c.dyn_into::<Function>())
        {
            let _ = clear.call0(&registry);
        }
    }
}

/// The browser's registry of CSS custom highlights (`CSS.highlights`), where
/// it has one.
fn highlight_registry() -> Option<JsValue> {
    Reflect::get(&gloo::utils::window(), &"CSS".into())
        .and_then(|css| Reflect::get(&css, &"highlights".into()))
        .ok()
        .filter(|r| !r.is_undefined())
}

/// The text node and offset `units` UTF-16 units into `element`'s text.
fn dom_point(element: &Element, units: usize) -> Option<(Node, u32)> {
    let mut left = units;
    let mut last = None;
    let mut stack: Vec<Node> = vec![element.clone().into()];
    while let Some(node) = stack.pop() {
        if node.node_type() == Node::TEXT_NODE {
            let length = node.node_value().unwrap_or_default().encode_utf16().count();
            if left <= length {
                return Some((node, left as u32));
            }
            left -= length;
            last = Some((node, length as u32));
            continue;
        }
        let children = node.child_nodes();
        for i in (0..children.length()).rev() {
            if let Some(child) = children.item(i) {
                stack.push(child);
            }
        }
    }
    last
}
