//! Dates as a French reader reads them.

const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// `2024-02-01` as `1er février 2024`; anything else as it is.
pub fn french_date(iso: &str) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let [year, month, day] = parts[..] else {
        return iso.to_string();
    };
    let (Ok(month), Ok(day)) = (month.parse::<usize>(), day.parse::<u32>()) else {
        return iso.to_string();
    };
    let Some(name) = month.checked_sub(1).and_then(|m| MONTHS.get(m)) else {
        return iso.to_string();
    };
    let day = if day == 1 {
        "1er".to_string()
    } else {
        day.to_string()
    };
    format!("{day} {name} {year}")
}

/// `2024-02` as `février 2024`; anything else as it is.
pub fn french_month(year_month: &str) -> String {
    let name = (year_month.get(5..7))
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| MONTHS.get(m.checked_sub(1)?));
    match (name, year_month.get(..4)) {
        (Some(name), Some(year)) if year_month.len() == 7 => format!("{name} {year}"),
        _ => year_month.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_the_french_way() {
        assert_eq!(french_date("2024-02-01"), "1er février 2024");
        assert_eq!(french_date("2023-10-24"), "24 octobre 2023");
        assert_eq!(french_date("2023-13-24"), "2023-13-24");
        assert_eq!(french_date("hier"), "hier");
        assert_eq!(french_month("2020-10"), "octobre 2020");
        assert_eq!(french_month("2020-13"), "2020-13");
        assert_eq!(french_month("2020"), "2020");
    }
}
