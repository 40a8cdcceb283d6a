//! DOM helpers shared by the browser tests.

use std::time::Duration;

use liseuse::App;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::AppHandle;

/// The index this build made (`build.rs` leaves it uncompressed beside the
/// published one for these tests; the app downloads the published one).
pub fn library() -> std::rc::Rc<liseuse_core::Library> {
    static INDEX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/index.bin"));
    std::rc::Rc::new(liseuse_core::Library::from_bytes(INDEX).unwrap())
}

/// The app mounted in a fresh element of the test page, at `hash`.
pub struct Mounted {
    /// The element the app renders into.
    pub root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    /// Sets the location fragment, mounts the app and lets it render.
    pub async fn at(hash: &str) -> Mounted {
        let window = gloo::utils::window();
        // Clear the hash first so that the app reads a fresh route.
        window.location().set_hash(hash).unwrap();
        let document = gloo::utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let props = liseuse::components::AppProps {
            library: liseuse::components::SharedLibrary(library()),
        };
        let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        settle().await;
        Mounted {
            root,
            handle: Some(handle),
        }
    }

    /// The first element matching `selector`, if any.
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    /// The text of every element matching `selector`.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|node| node.text_content())
            .collect()
    }

    /// Types `query` into the search box as one input event, then lets the app render.
    pub async fn type_query(&self, query: &str) {
        let input: HtmlInputElement = self.find("input[type=search]").unwrap().dyn_into().unwrap();
        input.set_value(query);
        let event = web_sys::InputEvent::new("input").unwrap();
        input.dispatch_event(&event).unwrap();
        settle().await;
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

/// Waits for the renders and effects scheduled so far.
pub async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}
