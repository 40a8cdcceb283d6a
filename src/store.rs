//! What the app keeps in the browser (localStorage): reading settings, the
//! shelf of read and saved articles, and where each article was left
//! ([`crate::resume`]). Keys are versioned and named for the site's path
//! (`liseuse:1:/sous-site/:settings`), so two liseuse sites on one host keep
//! their own. The values' form is the core's ([`liseuse_core::personal`]),
//! which ignores what it cannot understand; `boot.js` reads the settings too,
//! to apply them before the first paint.

use gloo::storage::{LocalStorage, Storage};
use liseuse_core::personal::{Millis, News, Settings, Shelf, VERSION};
use wasm_bindgen::JsCast;

/// The key of what is kept under `name` for this site.
pub fn key(name: &str) -> String {
    let site = gloo::utils::window()
        .location()
        .pathname()
        .unwrap_or_default();
    format!("liseuse:{VERSION}:{site}:{name}")
}

/// The stored text under `name`, if any (none when storage is off).
fn get(name: &str) -> Option<String> {
    LocalStorage::raw().get_item(&key(name)).ok().flatten()
}

/// Why something could not be kept: said to the reader once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotKept(pub String);

/// Stores `value` under `name`.
fn set(name: &str, value: &str) -> Result<(), NotKept> {
    LocalStorage::raw()
        .set_item(&key(name), value)
        .map_err(|error| {
            let quota = (error.dyn_ref::<web_sys::DomException>())
                .is_some_and(|e| e.name() == "QuotaExceededError");
            let t = crate::site::t();
            NotKept(
                if quota {
                    t.storage_full
                } else {
                    t.storage_refused
                }
                .into(),
            )
        })
}

/// The reading settings kept (the defaults when none are).
pub fn settings() -> Settings {
    get("settings").map_or_else(Settings::default, |text| Settings::from_json(&text))
}

/// Keeps the reading settings.
pub fn keep_settings(settings: &Settings) -> Result<(), NotKept> {
    set("settings", &settings.to_json())
}

/// The shelf kept (empty when none is).
pub fn shelf() -> Shelf {
    get("shelf").map_or_else(Shelf::default, |text| Shelf::from_json(&text))
}

/// Keeps the shelf.
pub fn keep_shelf(shelf: &Shelf) -> Result<(), NotKept> {
    set("shelf", &shelf.to_json())
}

/// Which articles were new at the last visit, and the collection then.
pub fn news() -> News {
    get("news").map_or_else(News::default, |text| News::from_json(&text))
}

/// Whether a visit was kept (the reader is back).
pub fn has_news() -> bool {
    get("news").is_some()
}

/// Keeps what is new (a full storage only loses the marks of new articles).
pub fn keep_news(news: &News) {
    let _ = set("news", &news.to_json());
}

/// Now, as the shelf dates things.
pub fn now() -> Millis {
    js_sys::Date::now().max(0.0) as Millis
}
