//! Components in a real browser (headless Chromium through wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

mod common;

use common::Mounted;
use liseuse::components::highlighted;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_home_page_lists_every_article() {
    let app = Mounted::at("#/").await;
    assert_eq!(app.texts(".result").len(), 5);
    assert_eq!(app.texts(".count"), ["5 articles"]);
    let placeholder = app
        .find("input[type=search]")
        .unwrap()
        .get_attribute("placeholder");
    assert_eq!(placeholder.as_deref(), Some("Rechercher dans 5 articles…"));
}

#[wasm_bindgen_test]
async fn typing_shows_ranked_results_with_highlights() {
    let app = Mounted::at("#/").await;
    app.type_query("Stoltenberg").await;
    let titles = app.texts(".result h2");
    assert_eq!(
        titles[0],
        "Le chef de l'OTAN salue la coopération militaire turco-azérie"
    );
    assert!(app
        .texts(".result .snippet mark")
        .iter()
        .all(|m| m == "Stoltenberg"));
    assert!(!app.texts(".result .snippet mark").is_empty());
    // The query is in the URL, so that back and reload find it.
    let hash = gloo::utils::window().location().hash().unwrap();
    assert_eq!(hash, "#/?q=Stoltenberg");
}

#[wasm_bindgen_test]
async fn a_word_being_typed_already_finds_its_article() {
    let app = Mounted::at("#/").await;
    app.type_query("Stolt").await;
    assert_eq!(
        app.texts(".result h2")[0],
        "Le chef de l'OTAN salue la coopération militaire turco-azérie"
    );
}

#[wasm_bindgen_test]
async fn a_query_that_matches_nothing_says_so() {
    let app = Mounted::at("#/").await;
    app.type_query("xylophone").await;
    assert!(app.texts(".result").is_empty());
    assert_eq!(
        app.texts(".count"),
        ["Aucun article ne correspond à « xylophone »."]
    );
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_the_article_with_its_matches_highlighted() {
    let app = Mounted::at("#/article/003_64199d061bf952c4?q=Lachin").await;
    assert!(app.find("article.reader").is_some());
    assert!(app.texts("article.reader h1")[0].starts_with("Le 20 septembre"));
    assert_eq!(app.texts("article.reader mark"), ["Lachin"]);
    let back = app.find("a.back").unwrap().get_attribute("href");
    assert_eq!(back.as_deref(), Some("#/?q=Lachin"));
    // The search box keeps the query that led here.
    let input: web_sys::HtmlInputElement =
        wasm_bindgen::JsCast::dyn_into(app.find("input[type=search]").unwrap()).unwrap();
    assert_eq!(input.value(), "Lachin");
}

#[wasm_bindgen_test]
async fn an_unknown_article_says_so_instead_of_a_blank_page() {
    let app = Mounted::at("#/article/nope").await;
    assert_eq!(app.texts("article.reader h1"), ["Article introuvable"]);
}

#[function_component]
fn Sample() -> Html {
    let text = "<script>alert(1)</script> paix";
    html! { <p>{highlighted(text, &[26..30])}</p> }
}

#[wasm_bindgen_test]
async fn highlights_are_nodes_and_markup_in_text_stays_text() {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<Sample>::with_root(root.clone()).render();
    common::settle().await;
    assert!(root.query_selector("script").unwrap().is_none());
    assert_eq!(
        root.query_selector("mark")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "paix"
    );
    assert_eq!(
        root.text_content().unwrap(),
        "<script>alert(1)</script> paix"
    );
    handle.destroy();
    root.remove();
}
