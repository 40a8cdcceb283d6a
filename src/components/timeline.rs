use yew::prelude::*;

use crate::dates::Chart;

/// Props of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Every month of the collection (`YYYY-MM`) with its number of articles, in any order.
    pub months: Vec<(String, usize)>,
    /// The month the list is filtered to, if any.
    pub current: Option<String>,
    /// Called with the month picked (`None`: the same one again, to show them all).
    pub on_pick: Callback<Option<String>>,
}

/// The collection's articles per month, as a small SVG bar chart from its
/// first month to its last (months without an article included, as gaps);
/// a bar (a button, for the keyboard too) filters the list to its month.
#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let Some(chart) = Chart::of(&props.months) else {
        return Html::default();
    };
    let t = crate::site::t();
    let bars = chart.columns.iter().map(|column| {
        let (month, count) = (&column.month, column.count);
        let current = props.current.as_deref() == Some(month.as_str());
        let label = liseuse_core::text::fill(t.labelled_t, &[&t.month(month), &t.count(count, t.article)]);
        let pick = {
            let (on_pick, month) = (props.on_pick.clone(), month.clone());
            move || on_pick.emit((!current).then(|| month.clone()))
        };
        let onclick = {
            let pick = pick.clone();
            Callback::from(move |_: MouseEvent| pick())
        };
        let onkeydown = Callback::from(move |event: KeyboardEvent| {
            if matches!(event.key().as_str(), "Enter" | " ") {
                event.prevent_default();
                pick();
            }
        });
        // The whole column takes the click, not only the bar.
        let [hx, hy, hw, hh] = chart.hit(column).map(|n| n.to_string());
        let [x, y, width, height] = chart.bar(column).map(|n| n.to_string());
        html! {
            <g class={classes!("bar", current.then_some("current"))} role="button" tabindex={(count > 0).then_some("0")}
                aria-label={label.clone()} aria-pressed={current.to_string()} {onclick} {onkeydown}>
                <title>{label}</title>
                <rect class="hit" x={hx} y={hy} width={hw} height={hh} />
                <rect {x} {y} {width} {height} />
            </g>
        }
    });
    // A year's label under its first month shown.
    let years = chart.columns.iter().filter_map(|column| {
        column.year.as_ref().map(|year| {
            let [x, y] = chart.year_at(column).map(|n| n.to_string());
            html! { <text {x} {y}>{year.clone()}</text> }
        })
    });
    html! {
        <figure class="timeline">
            <svg viewBox={format!("0 0 {} {}", chart.width(), chart.height())} role="group"
                aria-label={t.per_month}>
                { for bars }
                { for years }
            </svg>
            <figcaption>{t.per_month_caption}</figcaption>
        </figure>
    }
}
