//! The site this page is: its title, description, home and language, as
//! the build wrote them into `index.html` (`liseuse_build::publish::Identity`:
//! `<meta name="application-name">`, `<meta name="description">`,
//! `<meta name="liseuse-home">`, `<html lang>`), read once.

use liseuse_core::text::{Lang, Text};

/// What the page says of its site.
#[derive(Debug)]
pub struct Site {
    /// Its title.
    pub title: String,
    /// What it is.
    pub description: String,
    /// The publisher's home, if the site gives one.
    pub home: Option<String>,
    /// The words of its interface.
    pub text: &'static Text,
}

/// The site of this page (the defaults on a page the build did not write).
pub fn site() -> &'static Site {
    thread_local! {
        static SITE: &'static Site = Box::leak(Box::new(read()));
    }
    SITE.with(|site| *site)
}

fn read() -> Site {
    let document = gloo::utils::document();
    let meta = |selector: &str| {
        let meta = document.query_selector(selector).ok().flatten()?;
        meta.get_attribute("content")
            .filter(|c| !c.trim().is_empty())
    };
    let lang =
        (document.document_element()).and_then(|html| Lang::of(&html.get_attribute("lang")?));
    let text = lang.unwrap_or_default().text();
    Site {
        title: meta("meta[name=application-name]").unwrap_or(text.app_name.into()),
        description: meta("meta[name=description]").unwrap_or(text.description.into()),
        home: (meta("meta[name=liseuse-home]"))
            .filter(|home| liseuse_core::article::is_web_address(home)),
        text,
    }
}

/// The words of the interface.
pub fn t() -> &'static Text {
    site().text
}

/// The page's title for a view called `view` ("Mes articles — Le dossier"),
/// or the site's title alone.
pub fn set_title(view: Option<&str>) {
    let title = match view {
        Some(view) => format!("{view} — {}", site().title),
        None => site().title.clone(),
    };
    gloo::utils::document().set_title(&title);
}

/// The full address of article `id` on this site (this page, without its
/// fragment, then the article's route): what an export links to.
pub fn article_address(id: &str) -> String {
    let page = gloo::utils::window().location().href().unwrap_or_default();
    let page = page.split('#').next().unwrap_or_default();
    let route = crate::route::Route::Article {
        id: id.to_string(),
        query: String::new(),
    };
    format!("{page}{}", route.to_hash())
}
