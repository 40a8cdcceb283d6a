//! What the benchmarks share (a module of the examples, not one of them).

use std::path::PathBuf;

/// Where the PIAF data is: `PIAF_DIR`, or `../shared/eval/piaf` beside the checkout.
pub fn piaf_dir() -> PathBuf {
    std::env::var_os("PIAF_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/piaf")
        })
}

/// What to do when the PIAF data cannot be read.
pub const PIAF_HINT: &str = "Put the shared/ folder beside the checkout, or set PIAF_DIR.";
