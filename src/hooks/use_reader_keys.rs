use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

/// The reader's keys, unless the reader is typing somewhere: `n` and `p`
/// (or `N`) go to the next and previous match (`go`), `s` saves or unsaves
/// (`save`), and Escape goes `back` to the results or the list, as
/// "← Résultats" does. Listened to again when the matches or `back` change.
#[hook]
pub fn use_reader_keys(match_count: usize, back: &str, go: Callback<isize>, save: Callback<()>) {
    use_effect_with((match_count, back.to_string()), move |(_, back)| {
        let back = back.clone();
        let listener = EventListener::new(&gloo::utils::document(), "keydown", move |event| {
            let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if super::typing(event) {
                return;
            }
            match event.key().as_str() {
                "n" => go.emit(1),
                "p" | "N" => go.emit(-1),
                "s" => save.emit(()),
                "Escape" => {
                    let _ = gloo::utils::window().location().set_hash(&back);
                }
                _ => {}
            }
        });
        move || drop(listener)
    });
}
