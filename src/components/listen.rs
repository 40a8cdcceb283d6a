//! "Écouter" and, while reading, its bar: the reading aloud of
//! [`crate::hooks::use_listen`].

use liseuse_core::text::fill;
use yew::prelude::*;

use crate::hooks::{Listen, Listening};

/// The "Écouter" button, while not reading (none without a voice).
pub fn listen_button(listen: &Option<Listen>) -> Html {
    match listen {
        Some(listen) if listen.listening == Listening::Off => html! {
            <button type="button" class="listen" onclick={listen.start.clone()}>{crate::site::t().listen}</button>
        },
        _ => Html::default(),
    }
}

/// The bar of the reading aloud: pause or resume, stop, and which sentence.
pub fn listen_bar(listen: &Option<Listen>) -> Html {
    let Some(Listen {
        listening: Listening::On { at, of, paused },
        toggle,
        stop,
        ..
    }) = listen
    else {
        return Html::default();
    };
    let t = crate::site::t();
    html! {
        <div class="listen-bar" role="group" aria-label={t.read_aloud}>
            <button type="button" onclick={toggle.clone()}>{if *paused { t.resume } else { t.pause }}</button>
            <button type="button" onclick={stop.clone()}>{t.stop}</button>
            <span class="position">{fill(t.sentence_of_t, &[&(at + 1).to_string(), &of.to_string()])}</span>
        </div>
    }
}
