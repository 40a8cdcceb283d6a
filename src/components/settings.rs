use liseuse_core::personal::{self, Font, Settings, Theme, Width, TEXT_SIZES};
use liseuse_core::text::fill;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlInputElement};
use yew::prelude::*;

use crate::hooks::use_dialog;
use crate::state::{Action, StateContext};
use crate::store;

fn close(dialog: &NodeRef) {
    if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
        dialog.close();
    }
}

/// The "Aa" button of the header and the dialog it opens: theme, text size,
/// typeface and line width, applied at once and kept; and the reader's data
/// (export to a JSON file, import from one).
#[function_component]
pub fn SettingsMenu() -> Html {
    let state = use_context::<StateContext>();
    let (dialog, built, ask) = use_dialog();
    // What the last import or export said.
    let message = use_state(|| None::<(bool, String)>);
    let Some(state) = state else {
        return Html::default(); // outside the Shell: nothing to set
    };
    let settings = state.settings;
    let t = crate::site::t();
    let set = {
        let state = state.dispatcher();
        move |next: Settings| state.dispatch(Action::SetSettings(next))
    };
    let choice = |legend: &'static str,
                  name: &'static str,
                  options: Vec<(&'static str, &'static str, bool, Settings)>| {
        html! {
            <fieldset>
                <legend>{legend}</legend>
                <div class="choices">
                { for options.into_iter().map(|(value, label, checked, next)| {
                    let set = set.clone();
                    let onchange = Callback::from(move |_: Event| set(next));
                    let id = format!("setting-{name}-{value}");
                    html! {
                        <label for={id.clone()} class="choice">
                            <input type="radio" {id} {name} value={value} {checked} {onchange} />
                            <span>{label}</span>
                        </label>
                    }
                }) }
                </div>
            </fieldset>
        }
    };
    // Each choice: its name, its label, whether it is the current one, and
    // the settings it makes.
    let themes = (Theme::all())
        .map(|theme| {
            (
                theme.name(),
                theme.label(t),
                theme == settings.theme,
                Settings { theme, ..settings },
            )
        })
        .collect();
    let fonts = (Font::all())
        .map(|font| {
            (
                font.name(),
                font.label(t),
                font == settings.font,
                Settings { font, ..settings },
            )
        })
        .collect();
    let widths = (Width::all())
        .map(|width| {
            (
                width.name(),
                width.label(t),
                width == settings.width,
                Settings { width, ..settings },
            )
        })
        .collect();
    let smaller = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set(settings.resized(-1)))
    };
    let larger = {
        let set = set.clone();
        Callback::from(move |_: MouseEvent| set(settings.resized(1)))
    };
    let on_export = {
        let (state, message) = (state.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let site = gloo::utils::window().location().href().unwrap_or_default();
            let site = site.split('#').next().unwrap_or_default().to_string();
            let backup = personal::Backup {
                settings: state.settings,
                shelf: (*state.shelf).clone(),
                positions: crate::resume::all(),
            };
            let file = personal::export(&site, &backup, store::now());
            message.set(Some(
                match download(&file.into(), t.backup_file, "application/json") {
                    Ok(()) => (true, fill(t.backup_saved_t, &[t.backup_file])),
                    Err(()) => (false, t.file_failed.into()),
                },
            ));
        })
    };
    let on_import = {
        let (state, message) = (state.dispatcher(), message.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value(""); // the same file may be chosen again
            let (state, message) = (state.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                let text = text.ok().and_then(|t| t.as_string());
                let outcome = match text.as_deref().map(personal::import) {
                    None => (false, fill(t.unreadable_t, &[&name])),
                    Some(Err(error)) => (false, fill(t.not_imported_t, &[&name, &error.say(t)])),
                    Some(Ok(backup)) => {
                        let said = fill(
                            t.imported_t,
                            &[
                                &name,
                                &backup.shelf.read_count().to_string(),
                                &backup.shelf.saved().len().to_string(),
                                &backup.positions.len().to_string(),
                            ],
                        );
                        crate::resume::restore(&backup.positions);
                        state.dispatch(Action::Import(backup.settings, backup.shelf));
                        (true, said)
                    }
                };
                message.set(Some(outcome));
            });
        })
    };
    let on_open = ask.reform(|_: MouseEvent| ());
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| close(&dialog))
    };
    let step = settings.size + 1;
    let steps = TEXT_SIZES.len();
    html! {
        <>
            <button type="button" class="settings-button" onclick={on_open}
                aria-label={t.settings} aria-haspopup="dialog" title={t.settings}>
                {"Aa"}
            </button>
            <dialog ref={dialog} class="settings" aria-labelledby="settings-title">
              if built {
                <h2 id="settings-title">{t.settings}</h2>
                {choice(t.theme, "theme", themes)}
                <fieldset>
                    <legend>{t.text_size}</legend>
                    <div class="sizes">
                        <button type="button" onclick={smaller} disabled={settings.size == 0}
                            aria-label={t.smaller}>{"A−"}</button>
                        <output aria-live="polite">{format!("{} px ({step}/{steps})", settings.text_px())}</output>
                        <button type="button" onclick={larger} disabled={step == steps}
                            aria-label={t.larger}>{"A+"}</button>
                    </div>
                </fieldset>
                {choice(t.font, "font", fonts)}
                {choice(t.line_width, "width", widths)}
                <fieldset>
                    <legend>{t.your_data}</legend>
                    <p class="hint">{t.data_hint}</p>
                    <div class="data">
                        <button type="button" onclick={on_export}>{t.export}</button>
                        <label class="import">
                            <span>{t.import}</span>
                            <input type="file" accept="application/json,.json" onchange={on_import} />
                        </label>
                    </div>
                    if let Some((ok, text)) = &*message {
                        <p class={classes!("data-message", (!ok).then_some("alert"))}
                            role={if *ok { "status" } else { "alert" }}>{text.clone()}</p>
                    }
                </fieldset>
                <p class="dialog-end">
                    <button type="button" class="close" onclick={on_close}>{t.close}</button>
                </p>
              }
            </dialog>
        </>
    }
}

/// Offers `data` (a string, or bytes in a `Uint8Array`) as the file `name`,
/// of type `kind`.
pub fn download(data: &wasm_bindgen::JsValue, name: &str, kind: &str) -> Result<(), ()> {
    let parts = js_sys::Array::of1(data);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = (document.create_element("a").map_err(|_| ())?)
        .dyn_into()
        .map_err(|_| ())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The keyboard shortcuts, in a dialog that `?` opens.
#[function_component]
pub fn Shortcuts() -> Html {
    let (dialog, built, ask) = use_dialog();
    {
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(
                &gloo::utils::document(),
                "keydown",
                move |event| {
                    let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if event.key() == "?" && !crate::hooks::typing(event) {
                        ask.emit(());
                    }
                },
            );
            move || drop(listener)
        });
    }
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| close(&dialog))
    };
    let t = crate::site::t();
    let keys: [&[&str]; 9] = [
        &["/"],
        &["↓", "↑"],
        &[t.key_enter],
        &[t.key_escape],
        &["n", "p"],
        &["s"],
        &["h"],
        &["?"],
        &["Tab"],
    ];
    let keys = keys.iter().zip(t.shortcut_help);
    html! {
        <dialog ref={dialog} class="shortcuts" aria-labelledby="shortcuts-title">
          if built {
            <h2 id="shortcuts-title">{t.shortcuts}</h2>
            <dl>
                { for keys.map(|(keys, what)| html! {
                    <>
                        <dt>{ for keys.iter().map(|k| html! { <><kbd>{*k}</kbd>{" "}</> }) }</dt>
                        <dd>{what}</dd>
                    </>
                }) }
            </dl>
            <p class="dialog-end">
                <button type="button" class="close" onclick={on_close}>{t.close}</button>
            </p>
          }
        </dialog>
    }
}
