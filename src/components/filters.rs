use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::SharedLibrary;

pub use liseuse_core::Filters;

/// Props of [`FilterBar`].
#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    /// The collection, for the choices.
    pub library: SharedLibrary,
    /// The current filters.
    pub filters: Filters,
    /// Called with the new filters.
    pub on_change: Callback<Filters>,
}

/// Two menus, source and year, shown when the articles have them.
#[function_component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let sources = use_memo(props.library.clone(), |l| l.0.sources());
    let years = use_memo(props.library.clone(), |l| l.0.years());
    if sources.is_empty() && years.is_empty() {
        return Html::default();
    }
    let menu = |label: &'static str,
                all: &'static str,
                choices: &[(String, usize)],
                current: Option<&String>,
                set: fn(&mut Filters, Option<String>)| {
        let filters = props.filters.clone();
        let on_change = props.on_change.clone();
        let onchange = Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            let mut next = filters.clone();
            let value = select.value();
            set(&mut next, (!value.is_empty()).then_some(value));
            on_change.emit(next);
        });
        html! {
            <label>
                <span class="visually-hidden">{label}</span>
                <select aria-label={label} {onchange}>
                    <option value="" selected={current.is_none()}>{all}</option>
                    { for choices.iter().map(|(value, count)| html! {
                        <option value={value.clone()} selected={current == Some(value)}>
                            {format!("{value} ({count})")}
                        </option>
                    }) }
                </select>
            </label>
        }
    };
    html! {
        <div class="filters">
            if !sources.is_empty() {
                {menu("Source", "Toutes les sources", &sources, props.filters.source.as_ref(), |f, v| f.source = v)}
            }
            if !years.is_empty() {
                {menu("Année", "Toutes les années", &years, props.filters.year.as_ref(), |f, v| f.year = v)}
            }
        </div>
    }
}
