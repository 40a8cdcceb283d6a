//! What the tests of the analysis's own Unicode tables share (`lower`,
//! `unmarked`): comparing an answer with its reference on every character,
//! and keeping a table file as its test writes it.

/// Fails naming the characters (the first 20) for which `differs` holds.
pub(super) fn assert_no_character_where(differs: impl Fn(char) -> bool) {
    let differ: Vec<String> = (0..=0x10ffff)
        .filter_map(char::from_u32)
        .filter(|&c| differs(c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(
        differ.is_empty(),
        "{} differ: {:?}",
        differ.len(),
        &differ[..differ.len().min(20)]
    );
}

/// Fails if the table file at `path` (from the crate's folder) is not
/// `fresh`; writes it first when `LISEUSE_BLESS` is set. `test` is the
/// filter of the test that writes it.
pub(super) fn assert_table_is(path: &str, fresh: &str, test: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("LISEUSE_BLESS").is_some() {
        std::fs::write(&path, fresh).unwrap();
    }
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        kept == fresh,
        "{} is stale: LISEUSE_BLESS=1 cargo test -p liseuse-core {test}",
        path.display()
    );
}
