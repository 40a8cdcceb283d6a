//! Where the reader left each article, kept in the browser (localStorage,
//! through gloo's storage) so that reopening it returns there. Keys are
//! versioned and named for the site's path, so two liseuse sites on one
//! host keep their own (see [`crate::store::key`]); a value that is not a
//! position (corrupted, or written by something else) is ignored.

use gloo::storage::{LocalStorage, Storage};

/// Positions this close to the top or the end are not worth resuming.
pub const MARGIN: f64 = 0.03;

fn key(id: &str) -> String {
    crate::store::key(&format!("resume:{id}"))
}

/// How far into article `id` the reader was (0 at the top, 1 at the end),
/// when it is worth returning to.
pub fn load(id: &str) -> Option<f64> {
    let fraction: f64 = LocalStorage::get(key(id)).ok()?;
    (fraction.is_finite() && (MARGIN..1.0 - MARGIN).contains(&fraction)).then_some(fraction)
}

/// Keeps how far into article `id` the reader is. A full storage only
/// loses the position (resume is a convenience; nothing else depends on it).
pub fn save(id: &str, fraction: f64) {
    if fraction.is_finite() {
        let _ = LocalStorage::set(key(id), fraction.clamp(0.0, 1.0));
    }
}

/// Every position kept for this site, by article id (for an export).
pub fn all() -> std::collections::BTreeMap<String, f64> {
    let storage = LocalStorage::raw();
    let prefix = key("");
    let length = storage.length().unwrap_or(0);
    liseuse_core::order::map(
        (0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter_map(|k| Some((k.strip_prefix(&prefix)?.to_string(), k)))
            .filter_map(|(id, k)| {
                let at: f64 = LocalStorage::get(k).ok()?;
                (at.is_finite() && (0.0..=1.0).contains(&at)).then_some((id, at))
            }),
    )
}

/// Keeps `positions` (from an import), over the ones kept.
pub fn restore(positions: &std::collections::BTreeMap<String, f64>) {
    for (id, at) in positions {
        save(id, *at);
    }
}

/// How far down the page is scrolled, 0 to 1; `None` when it does not scroll.
pub fn scrolled() -> Option<f64> {
    let window = gloo::utils::window();
    let element = gloo::utils::document().document_element()?;
    let height = f64::from(element.scroll_height()) - window.inner_height().ok()?.as_f64()?;
    (height > 1.0).then(|| (window.scroll_y().unwrap_or(0.0) / height).clamp(0.0, 1.0))
}

/// Scrolls the page to `fraction` of its height.
pub fn scroll_to(fraction: f64) {
    let window = gloo::utils::window();
    let Some(element) = gloo::utils::document().document_element() else {
        return;
    };
    let height = f64::from(element.scroll_height())
        - window
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
    window.scroll_to_with_x_and_y(0.0, (fraction * height).max(0.0));
}
