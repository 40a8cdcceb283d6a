//! Ordinal numbers, however French writes them, as one term: `17e`, `17ème`,
//! `17eme`, `XVIIe` and `dix-septième` are all `17e`; `1er`, `1re`, `1ère` and
//! `Ier` are `1e`; `2nd`, `2nde` are `2e`. "XVIIIe siècle" is then found by
//! "18e siècle" and by "dix-huitième siècle", "17ème étape" by "17e étape".
//!
//! `premier` and `second` are left alone: they are adjectives far more often
//! ("premier ministre") than ranks.

/// Suffixes of an ordinal written with digits or Roman numerals, folded.
const SUFFIXES: &[&str] = &["e", "eme", "ieme", "er", "re", "ere", "nd", "nde"];

/// The ordinal term of a word written with Roman numerals and a lower-case
/// suffix (`XVIIIe`, `IIIème`, `Ier`), case-sensitive: the numeral must be in
/// capitals, and a lone `L`, `C`, `D` or `M` is no numeral (`Le`, `Ce`, `De`, `Me`).
pub(crate) fn roman(written: &str) -> Option<String> {
    let split = written.find(|c: char| !matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))?;
    let (numeral, suffix) = written.split_at(split);
    if numeral.is_empty() || matches!(numeral, "L" | "C" | "D" | "M") {
        return None;
    }
    if !suffix.chars().all(char::is_lowercase) || !SUFFIXES.contains(&super::fold(suffix).as_str())
    {
        return None;
    }
    let value = roman_value(numeral)?;
    Some(format!("{value}e"))
}

/// The value of a well-formed Roman numeral from 1 to 3999.
fn roman_value(numeral: &str) -> Option<u32> {
    let digit = |c: char| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        _ => 1000,
    };
    let digits: Vec<u32> = numeral.chars().map(digit).collect();
    let mut value = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            value -= d as i64;
        } else {
            value += d as i64;
        }
    }
    // Only the canonical spelling of its value is a numeral ("IIII", "VX" are not).
    let value = u32::try_from(value)
        .ok()
        .filter(|v| (1..4000).contains(v))?;
    (to_roman(value) == numeral).then_some(value)
}

fn to_roman(mut value: u32) -> String {
    const PARTS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (part, letters) in PARTS {
        while value >= part {
            out.push_str(letters);
            value -= part;
        }
    }
    out
}

/// The ordinal term of a folded word written with digits (`17eme`, `1er`) or
/// in letters (`deuxieme`, `dixhuitieme` for "dix-huitième", up to 99, and
/// `centieme`, `millieme`).
pub(crate) fn ordinal(folded: &str) -> Option<String> {
    let digits_end = folded
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(folded.len());
    if digits_end > 0 {
        let (digits, suffix) = folded.split_at(digits_end);
        let value: u64 = digits.parse().ok()?;
        return (value > 0 && SUFFIXES.contains(&suffix)).then(|| format!("{value}e"));
    }
    let cardinal = folded.strip_suffix("ieme")?;
    let value = spelled_value(cardinal)?;
    Some(format!("{value}e"))
}

/// The value of a cardinal spelled in one run of letters, as the ordinal's stem
/// leaves it (`quatr` for quatre, `neuv` for neuf, `cinqu` for cinq).
fn spelled_value(cardinal: &str) -> Option<u32> {
    match cardinal {
        "cent" => return Some(100),
        "mill" => return Some(1000),
        "un" | "" => return None, // "unième" alone is no French ordinal
        _ => {}
    }
    // Longest first, so that "quatrevingt" wins over "quatre".
    const WORDS: &[(&str, u32)] = &[
        ("quatrevingt", 80),
        ("cinquante", 50),
        ("soixante", 60),
        ("quarante", 40),
        ("quatorze", 14),
        ("quatre", 4),
        ("quatr", 4),
        ("quinze", 15),
        ("treize", 13),
        ("trente", 30),
        ("cinqu", 5),
        ("douze", 12),
        ("seize", 16),
        ("vingt", 20),
        ("trois", 3),
        ("onze", 11),
        ("douz", 12),
        ("deux", 2),
        ("huit", 8),
        ("neuv", 9),
        ("onz", 11),
        ("sept", 7),
        ("treiz", 13),
        ("quatorz", 14),
        ("quinz", 15),
        ("seiz", 16),
        ("trent", 30),
        ("quarant", 40),
        ("cinquant", 50),
        ("soixant", 60),
        ("six", 6),
        ("dix", 10),
        ("et", 0),
        ("un", 1),
    ];
    let mut rest = cardinal;
    let mut value = 0;
    while !rest.is_empty() {
        let (word, part) = WORDS
            .iter()
            .filter(|(word, _)| rest.starts_with(word))
            .max_by_key(|(word, _)| word.len())?;
        value += part;
        rest = &rest[word.len()..];
    }
    (1..100).contains(&value).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_ordinals_share_one_term() {
        for (folded, term) in [
            ("17e", Some("17e")),
            ("17eme", Some("17e")),
            ("17ieme", Some("17e")),
            ("1er", Some("1e")),
            ("1re", Some("1e")),
            ("1ere", Some("1e")),
            ("2nd", Some("2e")),
            ("2nde", Some("2e")),
            ("17", None),
            ("17km", None),
            ("0e", None),
        ] {
            assert_eq!(ordinal(folded).as_deref(), term, "{folded}");
        }
    }

    #[test]
    fn spelled_ordinals_share_the_term_of_their_digits() {
        for (folded, term) in [
            ("deuxieme", Some("2e")),
            ("quatrieme", Some("4e")),
            ("cinquieme", Some("5e")),
            ("neuvieme", Some("9e")),
            ("onzieme", Some("11e")),
            ("dixhuitieme", Some("18e")),
            ("vingtetunieme", Some("21e")),
            ("soixantedixieme", Some("70e")),
            ("quatrevingtieme", Some("80e")),
            ("quatrevingtdixneuvieme", Some("99e")),
            ("centieme", Some("100e")),
            ("millieme", Some("1000e")),
            ("unieme", None),
            ("premiere", None),
            ("frontieme", None),
        ] {
            assert_eq!(ordinal(folded).as_deref(), term, "{folded}");
        }
    }

    #[test]
    fn roman_ordinals_need_capitals_and_a_real_numeral() {
        for (written, term) in [
            ("XVIIIe", Some("18e")),
            ("XXIe", Some("21e")),
            ("IIIème", Some("3e")),
            ("Ier", Some("1e")),
            ("Ve", Some("5e")),
            ("XIVe", Some("14e")),
            ("Le", None),
            ("Ce", None),
            ("De", None),
            ("Me", None),
            ("Vie", None),
            ("xviiie", None),
            ("XVIIIE", None),
            ("IIIIe", None),
            ("VXe", None),
            ("XV", None),
        ] {
            assert_eq!(roman(written).as_deref(), term, "{written}");
        }
    }
}
