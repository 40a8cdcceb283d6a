use yew::prelude::*;

use crate::dates::{chart_bar, french_month, month_span, CHART_HEIGHT};

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
    let Some(span) = month_span(&props.months) else {
        return Html::default();
    };
    if span.len() < 2 {
        return Html::default();
    }
    let count_of = |month: &str| {
        (props.months.iter())
            .find(|(m, _)| m == month)
            .map_or(0, |(_, n)| *n)
    };
    let most = span.iter().map(|m| count_of(m)).max().unwrap_or(1).max(1);
    let bar = chart_bar(span.len());
    const HEIGHT: usize = CHART_HEIGHT;
    let width = bar * span.len();
    let bars = span.iter().enumerate().map(|(i, month)| {
        let count = count_of(month);
        let height = if count == 0 { 0 } else { (HEIGHT * count / most).max(20) };
        let current = props.current.as_deref() == Some(month.as_str());
        let label = format!(
            "{} : {count} article{}",
            french_month(month),
            if count == 1 { "" } else { "s" }
        );
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
        let x = i * bar;
        html! {
            <g class={classes!("bar", current.then_some("current"))} role="button" tabindex={(count > 0).then_some("0")}
                aria-label={label.clone()} aria-pressed={current.to_string()} {onclick} {onkeydown}>
                <title>{label}</title>
                // The whole column takes the click, not only the bar.
                <rect class="hit" x={x.to_string()} y="0" width={bar.to_string()} height={HEIGHT.to_string()} />
                <rect x={(x + 10).to_string()} y={(HEIGHT - height).to_string()}
                    width={(bar - 20).to_string()} height={height.to_string()} />
            </g>
        }
    });
    // A year's label under its first month shown.
    let years = span.iter().enumerate().filter_map(|(i, month)| {
        let first = i == 0 || month.ends_with("-01");
        first.then(|| {
            html! {
                <text x={(i * bar + 10).to_string()} y={(HEIGHT + 110).to_string()}>
                    {month.get(..4).unwrap_or_default().to_string()}
                </text>
            }
        })
    });
    html! {
        <figure class="timeline">
            <svg viewBox={format!("0 0 {width} {}", HEIGHT + 140)} role="group"
                aria-label="Articles par mois">
                { for bars }
                { for years }
            </svg>
            <figcaption>{"Articles par mois : une barre montre son mois."}</figcaption>
        </figure>
    }
}
