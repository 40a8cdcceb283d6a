use yew::prelude::*;

use crate::dates::french_month;

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
    let Some(span) = span(&props.months) else {
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
    // Wide bars for a few months, thin ones for years of them. In tenths of
    // the chart's units, whole numbers: printing a float would bring its
    // formatting code into the wasm (10 kB).
    let bar = (6000 / span.len()).clamp(40, 280);
    const HEIGHT: usize = 480;
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

/// Every month from the earliest of `months` to the latest, in order.
fn span(months: &[(String, usize)]) -> Option<Vec<String>> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        let (year, month) = m.split_once('-')?;
        let (year, month) = (year.parse().ok()?, month.parse().ok()?);
        (1..=12).contains(&month).then_some((year, month))
    };
    let mut parsed: Vec<(i32, u32)> = months.iter().filter_map(|(m, _)| parse(m)).collect();
    liseuse_core::order::sort(&mut parsed);
    let (&first, &last) = (parsed.first()?, parsed.last()?);
    let mut out = Vec::new();
    let (mut year, mut month) = first;
    // At most 50 years of months: a date far off (a typo) does not make a huge chart.
    while (year, month) <= last && out.len() < 600 {
        out.push(format!("{year:04}-{month:02}"));
        (year, month) = match month {
            12 => match year.checked_add(1) {
                Some(next) => (next, 1),
                None => break,
            },
            _ => (year, month + 1),
        };
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_span_has_every_month_between_the_first_and_the_last() {
        let months = [
            ("2024-02".to_string(), 1),
            ("2023-11".to_string(), 3),
            ("junk".to_string(), 1),
        ];
        assert_eq!(
            span(&months).unwrap(),
            ["2023-11", "2023-12", "2024-01", "2024-02"]
        );
        assert_eq!(span(&[]), None);
        // Dates far off (a typo) make no huge chart and no overflow.
        let far = [("0001-01".to_string(), 1), (format!("{}-12", i32::MAX), 1)];
        assert_eq!(span(&far).unwrap().len(), 600);
        let last = [
            (format!("{}-11", i32::MAX), 1),
            (format!("{}-12", i32::MAX), 1),
        ];
        assert_eq!(span(&last).unwrap().len(), 2);
        // Dates far off (a typo) make no huge chart and no overflow.
        let far = [("0001-01".to_string(), 1), (format!("{}-12", i32::MAX), 1)];
        assert_eq!(span(&far).unwrap().len(), 600);
    }
}
