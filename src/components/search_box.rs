use web_sys::HtmlInputElement;
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
    let oninput = {
        let on_query = props.on_query.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            on_query.emit(input.value());
        })
    };
    let articles = if props.count == 1 {
        "article"
    } else {
        "articles"
    };
    html! {
        <form class="search" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <input
                ref={input}
                type="search"
                name="q"
                value={props.query.clone()}
                {oninput}
                placeholder={format!("Rechercher dans {} {articles}…", props.count)}
                aria-label="Rechercher"
                autocomplete="off"
                spellcheck="false"
            />
        </form>
    }
}
