//! Downloads a file the build published (the index's first file, a piece):
//! its bytes arrive compressed ([`liseuse_core::pieces::COMPRESSION`]) on any
//! host, and the browser's own `DecompressionStream` decodes them — the wasm
//! carries no decompressor. A host that decoded them already on the way
//! (served with `Content-Encoding: gzip`) gives them as they are.

use js_sys::Uint8Array;
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

/// The bytes of the published file at `url` (relative to the page), decoded,
/// and with `keep` the bytes as they came too.
async fn fetch(
    url: &str,
    cache: web_sys::RequestCache,
    keep: bool,
) -> Result<(Vec<u8>, Option<Vec<u8>>), Failure> {
    let network = |e: gloo_net::Error| Failure::Network(e.to_string());
    let response = gloo_net::http::Request::get(url)
        .cache(cache)
        .send()
        .await
        .map_err(network)?;
    if !response.ok() {
        return Err(Failure::Network(format!("HTTP {}", response.status())));
    }
    let bytes = response.binary().await.map_err(network)?;
    if liseuse_core::pieces::is_gzip(&bytes) {
        let decoded = decompress(&bytes).await.map_err(Failure::Damaged)?;
        Ok((decoded, keep.then_some(bytes)))
    } else {
        let raw = keep.then(|| bytes.clone());
        Ok((bytes, raw))
    }
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
        let (decoded, raw) = fetch(url, cache, stage).await?;
        read(decoded)?;
        if let Some(raw) = raw {
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
fn hand_to_page(url: &str, bytes: &[u8]) {
    let window = gloo::utils::window();
    let Ok(stage) = js_sys::Reflect::get(&window, &"liseuseStage".into()) else {
        return;
    };
    let Some(stage) = stage.dyn_ref::<js_sys::Function>() else {
        return;
    };
    // A copy the page owns: the response is read later (the cache's `put`
    // is asynchronous), and WebKit read it then from this wasm's memory,
    // which by then held something else: the staged first file was damaged,
    // and every visit after the first said so.
    let copy = Uint8Array::from(bytes);
    if let Ok(response) = web_sys::Response::new_with_opt_buffer_source(Some(&copy)) {
        let _ = stage.call2(&window, &url.into(), &response);
    }
}

/// `bytes` decoded by the browser's `DecompressionStream`.
async fn decompress(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let why = |e: JsValue| {
        let text =
            (e.dyn_ref::<js_sys::Error>()).map_or_else(|| format!("{e:?}"), |e| e.message().into());
        format!("fichier compressé illisible ({text})")
    };
    let stream = Decompression::new(liseuse_core::pieces::COMPRESSION).map_err(|_| {
        "ce navigateur ne sait pas décompresser les fichiers (DecompressionStream) : mettez-le à jour".to_string()
    })?;
    let parts = js_sys::Array::of1(&Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(why)?;
    let decoded = blob.stream().pipe_through(stream.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&decoded)).map_err(why)?;
    let buffer = JsFuture::from(response.array_buffer().map_err(why)?)
        .await
        .map_err(why)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
