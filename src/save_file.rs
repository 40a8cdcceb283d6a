//! A file made in the browser, offered to the reader as a download.

use wasm_bindgen::JsCast;

/// The browser would not make the file (no `Blob`, no object URL, no link).
#[derive(Debug)]
pub struct NotOffered;

/// Offers `data` (a string, or bytes in a `Uint8Array`) as the file `name`,
/// of type `kind`.
pub fn offer(data: &wasm_bindgen::JsValue, name: &str, kind: &str) -> Result<(), NotOffered> {
    let parts = js_sys::Array::of1(data);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| NotOffered)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| NotOffered)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement =
        (document.create_element("a").map_err(|_| NotOffered)?)
            .dyn_into()
            .map_err(|_| NotOffered)?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
