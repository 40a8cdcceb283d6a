//! A lower-case character without its accents: its canonical decomposition
//! (NFD) with the combining marks left out, as `fold` needs it.
//!
//! The same answers as `unicode_normalization::char::decompose_canonical`
//! filtered by `is_combining_mark` (a test compares them on every
//! character), from a table of only what `fold` can meet: the characters
//! that are their own lower case and decompose (about 1,600, the Hangul
//! syllables computed instead), with what is left of each once unmarked.
//! The CJK compatibility ideographs are left as they are: their canonical
//! decomposition is another ideograph, not a letter without its accent, and
//! their 1,002 entries were 60% of the table (6 kB of the first result's
//! wasm's gzip) for characters that only old East Asian encodings write.
//! The full decomposition tables cost the wasm about 20 kB of gzip.
//! Whether a character is a combining mark comes from the same table file,
//! as ranges: `unicode_normalization`'s hashed table cost the first result's
//! wasm 7 kB of gzip (its hash values hardly compress).
//! `unmarked/table.rs` is written by a test: after a Unicode update, run
//! `LISEUSE_BLESS=1 cargo test -p liseuse-core unmarked` and commit it.

#[rustfmt::skip]
mod table;

/// Whether `c` is a combining mark (general category M: Mn, Mc or Me), as
/// `unicode_normalization::char::is_combining_mark` says (a test compares
/// them on every character).
pub(super) fn is_combining_mark(c: char) -> bool {
    let code = c as u32;
    // The first combining mark is U+0300.
    if code < 0x300 {
        return false;
    }
    let after = table::MARKS.partition_point(|&(first, _)| first <= code);
    after > 0 && code <= table::MARKS[after - 1].1
}

/// Pushes lower-case `c` without its combining marks onto `out`: `é` is
/// `e`, `ǘ` is `u`, a combining mark alone is nothing, `한` is its jamo.
pub(super) fn push_unmarked(c: char, out: &mut String) {
    let code = c as u32;
    // Nothing below À decomposes, and the first combining mark is U+0300.
    if code < 0xc0 {
        out.push(c);
        return;
    }
    if let Some(index) = code.checked_sub(HANGUL_FIRST).filter(|i| *i < HANGUL_COUNT) {
        let (lead, vowel, tail) = (index / (21 * 28), (index % (21 * 28)) / 28, index % 28);
        let jamo = [0x1100 + lead, 0x1161 + vowel];
        out.extend(jamo.into_iter().filter_map(char::from_u32));
        if tail > 0 {
            out.extend(char::from_u32(0x11a7 + tail));
        }
        return;
    }
    match table::KEYS.binary_search(&code) {
        Ok(i) => {
            let start = if i == 0 {
                0
            } else {
                table::ENDS[i - 1] as usize
            };
            out.push_str(&table::VALUES[start..table::ENDS[i] as usize]);
        }
        Err(_) => {
            if !is_combining_mark(c) {
                out.push(c);
            }
        }
    }
}

/// The Hangul syllables, whose decomposition is computed (Unicode's chapter 3.12).
const HANGUL_FIRST: u32 = 0xac00;
const HANGUL_COUNT: u32 = 11_172;

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::char::decompose_canonical;
    use unicode_normalization::char::is_combining_mark as full_is_combining_mark;

    #[test]
    fn every_character_is_a_combining_mark_as_the_full_tables_say() {
        super::super::tables::assert_no_character_where(|c| {
            is_combining_mark(c) != full_is_combining_mark(c)
        });
    }

    /// The CJK compatibility ideographs (U+F900–U+FAFF, U+2F800–U+2FA1F), which
    /// `fold` leaves as they are.
    fn is_cjk_compatibility(code: u32) -> bool {
        (0xf900..=0xfaff).contains(&code) || (0x2f800..=0x2fa1f).contains(&code)
    }

    /// What the full tables give (a CJK compatibility ideograph aside: itself).
    fn reference(c: char) -> String {
        if is_cjk_compatibility(c as u32) {
            return c.to_string();
        }
        let mut out = String::new();
        decompose_canonical(c, |d| {
            if !full_is_combining_mark(d) {
                out.push(d);
            }
        });
        out
    }

    fn own_lower_case(c: char) -> bool {
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    }

    #[test]
    fn every_lower_case_character_loses_its_marks_as_the_full_tables_say() {
        // What fold meets: the lower case of any character.
        super::super::tables::assert_no_character_where(|c| {
            c.to_lowercase().any(|lower| {
                let mut ours = String::new();
                push_unmarked(lower, &mut ours);
                ours != reference(lower)
            })
        });
    }

    /// The table's source, from the full tables.
    fn generated() -> String {
        let mut keys = Vec::new();
        let mut ends = Vec::new();
        let mut values = String::new();
        for c in (0xc0..=0x10ffff).filter_map(char::from_u32) {
            let code = c as u32;
            let hangul = (HANGUL_FIRST..HANGUL_FIRST + HANGUL_COUNT).contains(&code);
            let unmarked = reference(c);
            let plain = if full_is_combining_mark(c) {
                String::new()
            } else {
                c.to_string()
            };
            if hangul || !own_lower_case(c) || unmarked == plain {
                continue;
            }
            keys.push(code);
            values.push_str(&unmarked);
            ends.push(values.len());
        }
        assert!(values.len() < 1 << 16, "ENDS are u16");
        let mut marks: Vec<(u32, u32)> = Vec::new();
        for code in
            (0..=0x10ffff).filter(|&code| char::from_u32(code).is_some_and(full_is_combining_mark))
        {
            match marks.last_mut() {
                Some((_, last)) if *last + 1 == code => *last = code,
                _ => marks.push((code, code)),
            }
        }
        let list = |items: Vec<String>| {
            items
                .chunks(12)
                .map(|row| format!("    {},\n", row.join(", ")))
                .collect::<String>()
        };
        let keys_text = list(keys.iter().map(|k| format!("0x{k:x}")).collect());
        let ends_text = list(ends.iter().map(|e| e.to_string()).collect());
        let marks_text = list(
            marks
                .iter()
                .map(|(a, b)| format!("(0x{a:x}, 0x{b:x})"))
                .collect(),
        );
        let escaped: String = values
            .chars()
            .map(|c| format!("\\u{{{:x}}}", c as u32))
            .collect();
        format!(
            "// Written by analysis/unmarked.rs's test (LISEUSE_BLESS=1 cargo test -p liseuse-core unmarked): do not edit.\n\
             //! The lower-case characters that decompose, and what is left of each once its marks are off.\n\n\
             /// The characters, in order.\n\
             pub(super) const KEYS: [u32; {n}] = [\n{keys_text}];\n\n\
             /// Where each one's unmarked text ends in [`VALUES`].\n\
             pub(super) const ENDS: [u16; {n}] = [\n{ends_text}];\n\n\
             /// Their unmarked texts, one after the other.\n\
             pub(super) const VALUES: &str = \"{escaped}\";\n\n\
             /// The combining marks, as ranges (first, last), in order.\n\
             pub(super) const MARKS: [(u32, u32); {m}] = [\n{marks_text}];\n",
            n = keys.len(),
            m = marks.len(),
        )
    }

    #[test]
    fn the_unmarked_table_is_the_one_the_full_tables_give() {
        let fresh = generated();
        super::super::tables::assert_table_is("src/analysis/unmarked/table.rs", &fresh, "unmarked");
    }
}
