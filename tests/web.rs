//! Components in a real browser (headless Chromium through wasm-bindgen-test).
#![cfg(target_arch = "wasm32")]

mod common;

use common::Mounted;
use liseuse::components::highlighted;
use std::ops::Range;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_home_page_lists_every_article() {
    // However many articles the build indexed (the seeds, or another folder).
    let count = common::library().len();
    assert!(count > 1);
    let app = Mounted::at("#/").await;
    let shown = count.min(liseuse::components::RESULTS_PAGE);
    assert_eq!(app.texts(".result").len(), shown);
    assert_eq!(app.texts(".count"), [format!("{count} articles")]);
    let placeholder = app
        .find("input[type=search]")
        .unwrap()
        .get_attribute("placeholder");
    let expected = format!("Rechercher dans {count} articles…");
    assert_eq!(placeholder.as_deref(), Some(expected.as_str()));
}

#[wasm_bindgen_test]
async fn typing_shows_ranked_results_with_highlights() {
    let app = Mounted::at("#/").await;
    app.type_query("Stoltenberg").await;
    let titles = app.texts(".result .title");
    assert_eq!(
        titles[0],
        "Le chef de l'OTAN salue la coopération militaire turco-azérie"
    );
    assert!(app
        .texts(".result .snippet mark")
        .iter()
        .all(|m| m == "Stoltenberg"));
    assert!(!app.texts(".result .snippet mark").is_empty());
    // The query is in the URL once the reader pauses (300 ms), so that
    // back and reload find it.
    yew::platform::time::sleep(std::time::Duration::from_millis(400)).await;
    let hash = gloo::utils::window().location().hash().unwrap();
    assert_eq!(hash, "#/?q=Stoltenberg");
}

#[wasm_bindgen_test]
async fn a_word_being_typed_already_finds_its_article() {
    let app = Mounted::at("#/").await;
    app.type_query("Stolt").await;
    assert_eq!(
        app.texts(".result .title")[0],
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
    let marks = vec![Range { start: 26, end: 30 }];
    html! { <p>{highlighted(text, &marks)}</p> }
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

/// 25 articles, each with the word "paix" in its title and text.
fn twenty_five() -> liseuse::components::SharedLibrary {
    use liseuse_core::format::{Postings, SearchIndex};
    use liseuse_core::{Article, Block, BlockKind, IndexFile, Library};
    let count = 25u32;
    let positions = [vec![1], vec![0]];
    let file = IndexFile {
        index: SearchIndex {
            doc_count: count,
            field_lengths: [vec![2; 25], vec![1; 25]],
            terms: vec!["paix".into()],
            postings: vec![Postings::from_docs((0..count).map(|d| (d, &positions)))],
            spellings: vec!["paix".into()],
            names: vec![false],
            ..SearchIndex::default()
        },
        articles: (0..count)
            .map(|n| Article {
                id: format!("a{n:02}"),
                title: format!("Article {n} paix"),
                date: Some(format!("2020-01-{:02}", 25 - n)),
                blocks: vec![Block {
                    kind: BlockKind::Paragraph,
                    text: "paix".into(),
                }],
                ..Article::default()
            })
            .collect(),
        pieces: Default::default(),
        entities: Vec::new(),
    };
    liseuse::components::SharedLibrary(std::rc::Rc::new(Library::new(file)))
}

#[derive(Properties, PartialEq)]
struct ListProps {
    query: AttrValue,
}

#[function_component]
fn List(props: &ListProps) -> Html {
    use liseuse::components::{Filters, HomeList, ResultListProps, SearchResults, RESULTS_PAGE};
    use liseuse::state::{State, StateContext};
    let limit = use_state(|| RESULTS_PAGE);
    let state = use_reducer(State::default);
    let on_more = {
        let limit = limit.clone();
        Callback::from(move |next| limit.set(next))
    };
    let list = ResultListProps {
        library: twenty_five(),
        query: props.query.clone(),
        newest: false,
        on_order: Callback::noop(),
        filters: Filters::default(),
        on_filters: Callback::noop(),
        limit: *limit,
        on_more,
    };
    // As in the app: lists read the reader's shelf from the Shell's state.
    html! {
        <ContextProvider<StateContext> context={state}>
            if props.query.is_empty() {
                <HomeList ..list />
            } else {
                <SearchResults ..list />
            }
        </ContextProvider<StateContext>>
    }
}

#[wasm_bindgen_test]
async fn long_lists_show_a_page_and_the_next_one_on_demand() {
    for (query, label) in [("", "Plus d’articles"), ("paix ", "Plus de résultats")] {
        let document = gloo::utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<List>::with_root_and_props(
            root.clone(),
            ListProps {
                query: query.into(),
            },
        )
        .render();
        common::settle().await;
        let count = |selector: &str| root.query_selector_all(selector).unwrap().length();
        let more = || {
            let button = root.query_selector(".more button").unwrap();
            button.map(|b| b.text_content().unwrap())
        };
        assert_eq!(count(".result"), 10, "{query:?}");
        assert_eq!(more(), Some(format!("{label} (15)")));
        for (shown, left) in [(20, Some(format!("{label} (5)"))), (25, None)] {
            let button: web_sys::HtmlElement = root
                .query_selector(".more button")
                .unwrap()
                .unwrap()
                .dyn_into()
                .unwrap();
            button.click();
            common::settle().await;
            assert_eq!(count(".result"), shown, "{query:?}");
            assert_eq!(more(), left);
        }
        // Newest first, and every one once.
        let first = root.query_selector(".result .title").unwrap().unwrap();
        assert_eq!(first.text_content().unwrap(), "Article 0 paix");
        handle.destroy();
        root.remove();
    }
}
