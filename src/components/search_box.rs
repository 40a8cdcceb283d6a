use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

/// Props of [`SearchBox`].
#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The current query.
    pub query: AttrValue,
    /// Number of articles searched, for the placeholder.
    pub count: usize,
    /// Called with the new query on every keystroke.
    pub on_query: Callback<String>,
    /// Whether to take the keyboard focus when shown.
    #[prop_or_default]
    pub focus: bool,
}

/// The search box: searches as the reader types, no button.
#[function_component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with(props.focus, move |&focus| {
            if focus {
                if let Some(input) = input.cast::<HtmlInputElement>() {
                    let _ = input.focus();
                }
            }
        });
    }
    // "/" anywhere but in a text field takes the reader to the search box.
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            // Not passive (gloo's default): the slash must not be typed.
            let options = EventListenerOptions::enable_prevent_default();
            let listener =
                EventListener::new_with_options(&document, "keydown", options, move |event| {
                    let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                        return;
                    };
                    if event.key() == "/" && !crate::hooks::typing(event) {
                        if let Some(input) = input.cast::<HtmlInputElement>() {
                            event.prevent_default();
                            let _ = input.focus();
                            input.select();
                        }
                    }
                });
            move || drop(listener)
        });
    }
    // Escape in the box clears it (and the results with it).
    let onkeydown = {
        let on_query = props.on_query.clone();
        Callback::from(move |event: KeyboardEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if event.key() == "Escape" && !input.value().is_empty() {
                event.prevent_default();
                input.set_value("");
                on_query.emit(String::new());
            }
            // Down from the box: to the first result (Enter then opens it).
            if event.key() == "ArrowDown" {
                let first = gloo::utils::document()
                    .query_selector(".result a")
                    .ok()
                    .flatten();
                if let Some(first) = first.and_then(|a| a.dyn_into::<web_sys::HtmlElement>().ok()) {
                    event.prevent_default();
                    let _ = first.focus();
                }
            }
        })
    };
    let oninput = {
        let on_query = props.on_query.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_query.emit(input.value());
        })
    };
    let t = crate::site::t();
    // A phone's box is too narrow for the count (the home page says it).
    let narrow = (gloo::utils::window().match_media("(max-width: 30rem)").ok())
        .flatten()
        .is_some_and(|m| m.matches());
    let placeholder = if narrow {
        t.search_placeholder.to_string()
    } else {
        let count = props.count.to_string();
        liseuse_core::text::fill(t.search_in_t, &[&count, t.plural(props.count, t.article)])
    };
    html! {
        <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <input
                ref={input}
                type="search"
                name="q"
                value={props.query.clone()}
                {oninput}
                {onkeydown}
                aria-keyshortcuts="/"
                {placeholder}
                aria-label={t.search}
                autocomplete="off"
                spellcheck="false"
            />
        </form>
    }
}
