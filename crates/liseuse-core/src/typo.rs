//! Typo tolerance: how far a typed word may be from an indexed term.
//!
//! Distances are counted in edits (a letter inserted, deleted, replaced, or two
//! neighbours swapped: "Stoltenbreg" is one edit from "Stoltenberg") on the
//! analysed forms, which are folded and mostly ASCII. Outside ASCII a letter is
//! several bytes and may count as two edits: tolerance there is stricter.

/// A word needs at least this many letters to be corrected by one edit. Shorter
/// words are too close to too many others ("pain" and "paix").
/// Range 3..; lower values correct more and guess wrong more often.
pub const ONE_TYPO_FROM: usize = 5;

/// A word needs at least this many letters to be corrected by two edits.
/// Range `ONE_TYPO_FROM`..; at 5 every correctable word allows two.
pub const TWO_TYPOS_FROM: usize = 9;

/// Weight of a corrected term relative to the term typed, per edit: a word
/// found with one correction counts 0.5, with two 0.25, so that an article
/// with the word as typed ranks above one found through a correction.
/// Range 0.0..=1.0; at 0.0 corrections find nothing.
pub const TYPO_WEIGHT: f32 = 0.5;

/// At most this many corrections of a word are searched, the closest first.
pub const MAX_CORRECTIONS: usize = 16;

/// How many edits a typed word of `letters` letters may be from a term.
pub fn allowed_typos(letters: usize) -> usize {
    if letters >= TWO_TYPOS_FROM {
        2
    } else if letters >= ONE_TYPO_FROM {
        1
    } else {
        0
    }
}

/// The edit distance between `a` and `b` if it is at most `max`, with swaps of
/// neighbours counting as one edit (optimal string alignment).
pub fn distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    // Three rows of the dynamic programme: two back (for swaps), one back,
    // current; on the stack for words of index size, as a whole dictionary may
    // be compared with a typed word.
    const ON_STACK: usize = 64;
    let width = b.len() + 1;
    if width <= ON_STACK {
        let [mut before, mut previous, mut current] = [[0; ON_STACK]; 3];
        osa(
            a,
            b,
            max,
            [
                &mut before[..width],
                &mut previous[..width],
                &mut current[..width],
            ],
        )
    } else {
        let [mut before, mut previous, mut current] = [(); 3].map(|_| vec![0; width]);
        osa(a, b, max, [&mut before, &mut previous, &mut current])
    }
}

/// [`distance_within`] on bytes, with its three rows of `b.len() + 1` numbers.
fn osa(a: &[u8], b: &[u8], max: usize, rows: [&mut [usize]; 3]) -> Option<usize> {
    let [mut before, mut previous, mut current] = rows;
    for (j, cell) in previous.iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        current[0] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(before[j - 2] + 1);
            }
            current[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    let d = previous[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_edits_with_swaps_as_one() {
        let table = [
            ("stoltenberg", "stoltenberg", Some(0)),
            ("stoltenbreg", "stoltenberg", Some(1)),
            ("karabagh", "karabakh", Some(1)),
            ("bakuo", "bakou", Some(1)),
            ("armenie", "armeni", Some(1)),
            ("abc", "xyz", None),
            ("", "ab", Some(2)),
            ("stoltenberg", "stolt", None),
            // Longer than the rows kept on the stack.
            (&"a".repeat(70), &"a".repeat(69), Some(1)),
        ];
        for (a, b, expected) in table {
            assert_eq!(distance_within(a, b, 2), expected, "{a} / {b}");
            assert_eq!(distance_within(b, a, 2), expected, "{b} / {a}");
        }
    }

    #[test]
    fn longer_words_allow_more_typos() {
        assert_eq!(allowed_typos(4), 0);
        assert_eq!(allowed_typos(5), 1);
        assert_eq!(allowed_typos(8), 1);
        assert_eq!(allowed_typos(9), 2);
    }
}
