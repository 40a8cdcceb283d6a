//! A character's lower case, as `char::to_lowercase` gives it (a test
//! compares them on every character), from a table of runs: characters in
//! a row (or every other one, as Latin Extended pairs its capitals and small
//! letters) whose lower case is the same distance away. The standard
//! library's table lists every character, 11.7 kB that cost the first
//! result's wasm 4.3 kB of gzip; these 200-odd runs cost a tenth of that.
//! `lower/table.rs` is written by a test: after a Unicode update, run
//! `LISEUSE_BLESS=1 cargo test -p liseuse-core lower` and commit it.

#[rustfmt::skip]
mod table;

/// The lower case of `c`: one character, or two for U+0130 (`İ`, which
/// is `i` and a combining dot above).
pub fn lower(c: char) -> impl Iterator<Item = char> {
    let (first, second) = lower_pair(c);
    std::iter::once(first).chain(second)
}

/// `s` in lower case, character by character (a final capital sigma is `σ`,
/// not `ς` as `str::to_lowercase` writes it).
pub fn lowercase(s: &str) -> String {
    s.chars().flat_map(lower).collect()
}

fn lower_pair(c: char) -> (char, Option<char>) {
    let code = c as u32;
    if code < 0x80 {
        return (c.to_ascii_lowercase(), None);
    }
    if c == '\u{130}' {
        return ('i', Some('\u{307}'));
    }
    let after = table::RUNS.partition_point(|&(first, ..)| first <= code);
    if let Some(&(first, last, every, delta)) = after.checked_sub(1).map(|i| &table::RUNS[i]) {
        if code <= last && (code - first) % u32::from(every) == 0 {
            let lowered = code.wrapping_add_signed(delta);
            return (char::from_u32(lowered).unwrap_or(c), None);
        }
    }
    (c, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_lowers_as_the_standard_library_says() {
        super::super::tables::assert_no_character_where(|c| !lower(c).eq(c.to_lowercase()));
    }

    #[test]
    fn a_word_lowers_as_the_standard_library_says_but_for_a_final_sigma() {
        for word in [
            "Haut-KARABAKH",
            "ÉTATS",
            "İstanbul",
            "ΟΔΟΣ ΟΔΟΣ",
            "Ǆemal",
            "ΑΘΗΝΑ",
        ] {
            let expected = word.to_lowercase().replace('ς', "σ");
            assert_eq!(lowercase(word), expected, "{word}");
        }
    }

    /// The runs, from the standard library's answers.
    fn runs() -> Vec<(u32, u32, u8, i32)> {
        let mut runs: Vec<(u32, u32, u8, i32)> = Vec::new();
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            let mut lowered = c.to_lowercase();
            let (Some(l), None) = (lowered.next(), lowered.next()) else {
                continue; // U+0130, written out
            };
            if l == c {
                continue;
            }
            let (code, delta) = (c as u32, l as i32 - c as i32);
            match runs.last_mut() {
                // One more in a run of its own step.
                Some((first, last, every, d))
                    if *d == delta
                        && code - *last == u32::from(*every)
                        && (*every > 1 || *last > *first || code - *last == 1) =>
                {
                    *last = code;
                }
                // A run of one becomes one of step 2.
                Some((first, last, every, d))
                    if *d == delta && first == last && code - *last == 2 =>
                {
                    *every = 2;
                    *last = code;
                }
                _ => runs.push((code, code, 1, delta)),
            }
        }
        runs
    }

    #[test]
    fn the_lower_case_table_is_the_one_the_standard_library_gives() {
        let rows: Vec<String> = runs()
            .iter()
            .map(|(first, last, every, delta)| {
                format!("    (0x{first:x}, 0x{last:x}, {every}, {delta}),\n")
            })
            .collect();
        let fresh = format!(
            "// Written by analysis/lower.rs's test (LISEUSE_BLESS=1 cargo test -p liseuse-core lower): do not edit.\n\
             //! The characters whose lower case is another character, in runs.\n\n\
             /// (first, last, step, distance): from `first` to `last`, every `step`-th\n\
             /// character's lower case is `distance` away.\n\
             pub(super) const RUNS: [(u32, u32, u8, i32); {}] = [\n{}];\n",
            rows.len(),
            rows.concat()
        );
        super::super::tables::assert_table_is("src/analysis/lower/table.rs", &fresh, "lower");
    }
}
