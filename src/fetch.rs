//! Downloads a file the build published (the index's first file, a piece):
//! its bytes arrive compressed ([`liseuse_core::pieces::COMPRESSION`]) on any
//! host, and the browser's own `DecompressionStream` decodes them — the wasm
//! carries no decompressor. A host that decoded them already on the way
//! (served with `Content-Encoding: gzip`) gives them as they are.

use js_sys::Uint8Array;
use liseuse_core::text::fill;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// The browser's `DecompressionStream` (web-sys has it only behind its
    /// unstable APIs): a readable and writable pair for `pipeThrough`.
    #[wasm_bindgen(js_name = DecompressionStream)]
    type Decompression;

    #[wasm_bindgen(constructor, catch, js_class = "DecompressionStream")]
    fn new(format: &str) -> Result<Decompression, JsValue>;
}

/// Why a published file could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The network or the server failed: try again later.
    Network(String),
    /// The bytes arrived but are not the file (cut short, another page, a
    /// damaged file): the published site is at fault, not the connection.
    Damaged(String),
}

/// What the browser said of a failure, in a few words.
fn reason(e: &JsValue) -> String {
    (e.dyn_ref::<js_sys::Error>()).map_or_else(|| format!("{e:?}"), |e| e.message().into())
}

/// Awaits the promise `promise` of a browser API.
async fn settled(promise: Result<js_sys::Promise, JsValue>) -> Result<JsValue, String> {
    JsFuture::from(promise.map_err(|e| reason(&e))?)
        .await
        .map_err(|e| reason(&e))
}

/// The published file at `url` (relative to the page): its bytes decoded,
/// and its bytes as they came, which the page owns (for the service worker's
/// install: see [`hand_to_page`]). Neither copy goes through a `Blob`, nor
/// the compressed bytes through the wasm's memory.
async fn fetch(url: &str, cache: web_sys::RequestCache) -> Result<(Vec<u8>, Uint8Array), Failure> {
    let raw = match held(url) {
        Some(raw) => raw,
        None => download(url, cache).await?,
    };
    if raw.length() >= 2 && liseuse_core::pieces::is_gzip(&[raw.get_index(0), raw.get_index(1)]) {
        let decoded = decompress(&raw).await.map_err(Failure::Damaged)?;
        Ok((decoded, raw))
    } else {
        Ok((raw.to_vec(), raw))
    }
}

/// The file at `url` as the page downloaded it before the app started (the
/// first result's path, in `assets/boot.js`: `liseuseHeld`, by file name),
/// taken out of the page's hands; `None` when it did not.
fn held(url: &str) -> Option<Uint8Array> {
    let window = gloo::utils::window();
    let held: js_sys::Map = js_sys::Reflect::get(&window, &"liseuseHeld".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let name = JsValue::from(url.rsplit('/').next().unwrap_or(url));
    let bytes = held.get(&name).dyn_into::<Uint8Array>().ok()?;
    held.delete(&name);
    Some(bytes)
}

/// The file at `url`, as the server (or the HTTP cache) gives it.
async fn download(url: &str, cache: web_sys::RequestCache) -> Result<Uint8Array, Failure> {
    let init = web_sys::RequestInit::new();
    init.set_cache(cache);
    let response = settled(Ok(gloo::utils::window().fetch_with_str_and_init(url, &init)))
        .await
        .map_err(Failure::Network)?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(Failure::Network(format!("HTTP {}", response.status())));
    }
    let raw = settled(response.array_buffer())
        .await
        .map_err(Failure::Network)?;
    Ok(Uint8Array::new(&raw))
}

/// The published file at `url`, as `read` takes it in. Bytes that are not
/// the file (`read` says [`Failure::Damaged`]) may come from the browser's
/// HTTP cache (a portal's page kept for its max-age): then the server is
/// asked once more, past that cache. With `stage`, the file as it came,
/// once read, is handed to the page's `liseuseStage` (`assets/boot.js`) for
/// the service worker's install.
pub async fn fetch_checked(
    url: &str,
    stage: bool,
    read: &dyn Fn(Vec<u8>) -> Result<(), Failure>,
) -> Result<(), Failure> {
    // Not generic: one copy of this in the wasm for the first file and the
    // pieces alike (two cost 8 kB).
    use web_sys::RequestCache;
    let attempt = |cache| async move {
        let (decoded, raw) = fetch(url, cache).await?;
        read(decoded)?;
        if stage {
            hand_to_page(url, &raw);
        }
        Ok(())
    };
    match attempt(RequestCache::Default).await {
        Err(Failure::Damaged(_)) => attempt(RequestCache::Reload).await,
        done => done,
    }
}

/// Gives `bytes`, downloaded from `url`, to the page's `liseuseStage`, if it
/// has one: the service worker's install then takes them instead of asking
/// the server again (a file named after its content never changes).
fn hand_to_page(url: &str, bytes: &Uint8Array) {
    let window = gloo::utils::window();
    let Ok(stage) = js_sys::Reflect::get(&window, &"liseuseStage".into()) else {
        return;
    };
    let Some(stage) = stage.dyn_ref::<js_sys::Function>() else {
        return;
    };
    // Bytes the page owns, never a view of this wasm's memory: the response
    // is read later (the cache's `put` is asynchronous), and WebKit read a
    // view then, when that memory held something else: the staged first
    // file was damaged, and every visit after the first said so.
    if let Ok(response) = web_sys::Response::new_with_opt_buffer_source(Some(bytes)) {
        let _ = stage.call2(&window, &url.into(), &response);
    }
}

/// `bytes` decoded by the browser's `DecompressionStream`.
async fn decompress(bytes: &Uint8Array) -> Result<Vec<u8>, String> {
    let t = crate::site::t();
    let why = |text: String| fill(t.unreadable_compressed_t, &[&text]);
    let stream = Decompression::new(liseuse_core::pieces::COMPRESSION)
        .map_err(|_| t.no_decompression.to_string())?;
    let body =
        web_sys::Response::new_with_opt_buffer_source(Some(bytes)).map_err(|e| why(reason(&e)))?;
    let body = body.body().ok_or_else(|| why(t.empty.into()))?;
    let decoded = body.pipe_through(stream.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&decoded))
        .map_err(|e| why(reason(&e)))?;
    let buffer = settled(response.array_buffer()).await.map_err(why)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
