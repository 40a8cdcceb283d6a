//! The chart of articles per month (dates in words are [`crate::text::Text::date`]).

/// Every month (`YYYY-MM`) from the earliest of `months` to the latest, in
/// order: the columns of the chart of articles per month, which the app
/// draws and the page written at build time draws the same.
fn month_span(months: &[(String, usize)]) -> Option<Vec<String>> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        let (year, month) = m.split_once('-')?;
        let (year, month) = (year.parse().ok()?, month.parse().ok()?);
        (1..=12).contains(&month).then_some((year, month))
    };
    let mut parsed: Vec<(i32, u32)> = months.iter().filter_map(|(m, _)| parse(m)).collect();
    crate::order::sort(&mut parsed);
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

/// The height of the chart's bars, in its units (the SVG's `viewBox` is
/// [`Chart::height`] high, for the years under the bars).
pub const CHART_HEIGHT: usize = 480;

/// One month's column of the chart of articles per month, in the chart's units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The month, `YYYY-MM`.
    pub month: String,
    /// Its number of articles.
    pub count: usize,
    /// Where the column starts, left.
    pub x: usize,
    /// How high its bar is (at least 20 when it has an article).
    pub bar: usize,
    /// The year written under it, if it is the chart's first month or a January.
    pub year: Option<String>,
}

/// The chart of articles per month, from the first month of `months` to
/// the last (months without an article included): what the app draws as
/// buttons and the page written at build time draws the same, so that
/// nothing moves when one takes the other's place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    /// One column a month, in order.
    pub columns: Vec<Column>,
    /// The width of every column: wide for a few months, thin for years of
    /// them. Whole numbers: printing a float would bring its formatting code
    /// into the wasm (10 kB).
    pub column: usize,
}

impl Chart {
    /// The chart of `months` (`YYYY-MM` with their counts, in any order);
    /// none for fewer than two months.
    pub fn of(months: &[(String, usize)]) -> Option<Chart> {
        let span = month_span(months)?;
        if span.len() < 2 {
            return None;
        }
        // (A sorted vector, not a hash map: the first result's wasm has no
        // hash map of this type. The last count of a month given twice wins.)
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for (month, count) in months {
            *crate::order::entry(&mut counts, month.as_str()) = *count;
        }
        let count_of = |month: &str| crate::order::get(&counts, &month).copied().unwrap_or(0);
        let most = span.iter().map(|m| count_of(m)).max().unwrap_or(1).max(1);
        let column = (6000 / span.len()).clamp(40, 280);
        let columns = (span.into_iter().enumerate())
            .map(|(i, month)| {
                let count = count_of(&month);
                let bar = if count == 0 {
                    0
                } else {
                    (CHART_HEIGHT * count / most).max(20)
                };
                let year = (i == 0 || month.ends_with("-01"))
                    .then(|| month.get(..4).unwrap_or_default().to_string());
                Column {
                    month,
                    count,
                    x: i * column,
                    bar,
                    year,
                }
            })
            .collect();
        Some(Chart { columns, column })
    }

    /// The width of the whole chart.
    pub fn width(&self) -> usize {
        self.column * self.columns.len()
    }

    /// Where `column`'s bar is drawn (`x`, `y`, width, height): a margin
    /// each side, up from the bottom of the bars.
    pub fn bar(&self, column: &Column) -> [usize; 4] {
        let height = column.bar;
        [
            column.x + 10,
            CHART_HEIGHT - height,
            self.column - 20,
            height,
        ]
    }

    /// The whole column (`x`, `y`, width, height), which takes the click.
    pub fn hit(&self, column: &Column) -> [usize; 4] {
        [column.x, 0, self.column, CHART_HEIGHT]
    }

    /// Where the year under `column` is written (`x`, `y`).
    pub fn year_at(&self, column: &Column) -> [usize; 2] {
        [column.x + 10, CHART_HEIGHT + 110]
    }

    /// The height of the whole chart: the bars, and the years under them.
    pub fn height(&self) -> usize {
        CHART_HEIGHT + 140
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_month_span_has_every_month_between_the_first_and_the_last() {
        let months = [
            ("2024-02".to_string(), 1),
            ("2023-11".to_string(), 3),
            ("junk".to_string(), 1),
        ];
        assert_eq!(
            month_span(&months).unwrap(),
            ["2023-11", "2023-12", "2024-01", "2024-02"]
        );
        assert_eq!(month_span(&[]), None);
        // Dates far off (a typo) make no huge chart and no overflow.
        let far = [("0001-01".to_string(), 1), (format!("{}-12", i32::MAX), 1)];
        assert_eq!(month_span(&far).unwrap().len(), 600);
        let last = [
            (format!("{}-11", i32::MAX), 1),
            (format!("{}-12", i32::MAX), 1),
        ];
        assert_eq!(month_span(&last).unwrap().len(), 2);
    }

    #[test]
    fn the_chart_has_a_column_a_month_and_its_years() {
        let months = [("2023-12".to_string(), 4), ("2024-02".to_string(), 1)];
        let chart = Chart::of(&months).unwrap();
        let bars: Vec<(&str, usize, usize, usize)> = (chart.columns.iter())
            .map(|c| (c.month.as_str(), c.count, c.x, c.bar))
            .collect();
        assert_eq!(
            bars,
            [
                ("2023-12", 4, 0, 480),
                ("2024-01", 0, 280, 0),
                ("2024-02", 1, 560, 120)
            ]
        );
        let years: Vec<Option<&str>> = chart.columns.iter().map(|c| c.year.as_deref()).collect();
        assert_eq!(years, [Some("2023"), Some("2024"), None]);
        assert_eq!((chart.width(), chart.height()), (840, 620));
        assert_eq!(Chart::of(&months[..1]), None);
    }
}
