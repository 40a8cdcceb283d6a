use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::SharedLibrary;
use crate::state::{Action, StateContext};

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

/// Menus of source, year and month (each shown when the articles have
/// them, with counts), and "unread only".
#[function_component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let state = use_context::<StateContext>();
    let sources = use_memo(props.library.clone(), |l| l.0.sources());
    let years = use_memo(props.library.clone(), |l| l.0.years());
    let months = use_memo(props.library.clone(), |l| {
        (l.0.months(&Filters::default()).into_iter())
            .map(|(month, count)| (month.clone(), crate::site::t().month(&month), count))
            .collect::<Vec<_>>()
    });
    let menu = |label: &'static str,
                all: &'static str,
                choices: Vec<(String, String, usize)>,
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
                    { for choices.into_iter().map(|(value, name, count)| {
                        let selected = current == Some(&value);
                        html! {
                            <option {selected} {value}>{format!("{name} ({count})")}</option>
                        }
                    }) }
                </select>
            </label>
        }
    };
    let named = |choices: &[(String, usize)]| -> Vec<(String, String, usize)> {
        (choices.iter())
            .map(|(value, count)| (value.clone(), value.clone(), *count))
            .collect()
    };
    let unread = state.as_ref().is_some_and(|s| s.unread);
    let on_unread = state.map(|state| {
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            state.dispatch(Action::SetUnread(input.checked()));
        })
    });
    let t = crate::site::t();
    html! {
        <div class="filters" role="group" aria-label={t.filters}>
            if !sources.is_empty() {
                {menu(t.source, t.all_sources, named(&sources), props.filters.source.as_ref(), |f, v| f.source = v)}
            }
            if years.len() > 1 {
                {menu(t.year, t.all_years, named(&years), props.filters.year.as_ref(), |f, v| { f.year = v; f.month = None; })}
            }
            if months.len() > 1 {
                {menu(t.month, t.all_months, (*months).clone(), props.filters.month.as_ref(), |f, v| { f.month = v; f.year = None; })}
            }
            if let Some(onchange) = on_unread {
                <label class="unread">
                    <input type="checkbox" checked={unread} {onchange} />
                    <span>{t.unread_only}</span>
                </label>
            }
        </div>
    }
}
