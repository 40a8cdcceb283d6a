//! What a reader sees if the app panics anyway: a release build aborts on
//! panic, and an aborted wasm answers nothing more, so the panic hook puts a
//! message in place of the app, with a link that reopens it on the home page
//! (without the query or article that may have caused it), and writes the
//! panic to the console for whoever reports it.

use web_sys::{Document, Element};

/// Shows the crash message in place of the app and logs `panic` to the console.
/// Never panics itself: every DOM call that fails is skipped.
pub fn show(panic: &str) {
    web_sys::console::error_1(&format!("liseuse: {panic}").into());
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    // The same page without its fragment: a new page load, on the home view.
    let location = window.location();
    let page = format!(
        "{}{}",
        location.pathname().unwrap_or_else(|_| "./".into()),
        location.search().unwrap_or_default()
    );
    let Some(message) = message(&document, &page) else {
        return;
    };
    let root = document
        .get_element_by_id("app")
        .or_else(|| document.body().map(Element::from));
    if let Some(root) = root {
        root.set_inner_html("");
        let _ = root.append_child(&message);
    }
}

/// `<div class="fatal" role="alert">` with the title, a line and the link to `page`.
fn message(document: &Document, page: &str) -> Option<Element> {
    let element = |tag: &str, text: &str| {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(text));
        Some(element)
    };
    let message = document.create_element("div").ok()?;
    message.set_class_name("fatal crash");
    message.set_attribute("role", "alert").ok()?;
    let t = crate::site::t();
    let line = element("p", t.crash_message)?;
    let link = element("a", t.crash_reopen)?;
    link.set_attribute("href", page).ok()?;
    let paragraph = document.create_element("p").ok()?;
    paragraph.append_child(&link).ok()?;
    for child in [element("h1", t.crash_title)?, line, paragraph] {
        message.append_child(&child).ok()?;
    }
    Some(message)
}
