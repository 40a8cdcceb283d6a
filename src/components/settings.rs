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
    let t = crate::site::t();
    let set = {
        let state = state.dispatcher();
        Callback::from(move |next: Settings| state.dispatch(Action::SetSettings(next)))
    };
    let on_open = ask.reform(|_: MouseEvent| ());
    let on_close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| close(&dialog))
    };
    html! {
        <>
            <button type="button" class="settings-button" onclick={on_open}
                aria-label={t.settings} aria-haspopup="dialog" title={t.settings}>
                {"Aa"}
            </button>
            <dialog ref={dialog} class="settings" aria-labelledby="settings-title">
              if built {
                <h2 id="settings-title">{t.settings}</h2>
                {appearance(state.settings, &set)}
                {your_data(&state, &message)}
                <p class="dialog-end">
                    <button type="button" class="close" onclick={on_close}>{t.close}</button>
                </p>
              }
            </dialog>
        </>
    }
}

/// The theme, the text size, the typeface and the line width: each choice
/// made is `set` at once.
fn appearance(settings: Settings, set: &Callback<Settings>) -> Html {
    let t = crate::site::t();
    // Each choice: its name, its label, whether it is the current one, and
    // the settings it makes.
    let themes = (Theme::all())
        .map(|theme| {
            let next = Settings { theme, ..settings };
            (theme.name(), theme.label(t), theme == settings.theme, next)
        })
        .collect();
    let fonts = (Font::all())
        .map(|font| {
            let next = Settings { font, ..settings };
            (font.name(), font.label(t), font == settings.font, next)
        })
        .collect();
    let widths = (Width::all())
        .map(|width| {
            let next = Settings { width, ..settings };
            (width.name(), width.label(t), width == settings.width, next)
        })
        .collect();
    let resize = |by: isize| set.reform(move |_: MouseEvent| settings.resized(by));
    let step = settings.size + 1;
    let steps = TEXT_SIZES.len();
    html! {
        <>
            {choice(set, (t.theme, "theme"), themes)}
            <fieldset>
                <legend>{t.text_size}</legend>
                <div class="sizes">
                    <button type="button" onclick={resize(-1)} disabled={settings.size == 0}
                        aria-label={t.smaller}>{"A−"}</button>
                    <output aria-live="polite">{format!("{} px ({step}/{steps})", settings.text_px())}</output>
                    <button type="button" onclick={resize(1)} disabled={step == steps}
                        aria-label={t.larger}>{"A+"}</button>
                </div>
            </fieldset>
            {choice(set, (t.font, "font"), fonts)}
            {choice(set, (t.line_width, "width"), widths)}
        </>
    }
}

/// One choice among `options` (value, label, whether it is the current
/// one, and the settings it makes), as radio buttons under `legend`.
fn choice(
    set: &Callback<Settings>,
    (legend, name): (&'static str, &'static str),
    options: Vec<(&'static str, &'static str, bool, Settings)>,
) -> Html {
    html! {
        <fieldset>
            <legend>{legend}</legend>
            <div class="choices">
            { for options.into_iter().map(|(value, label, checked, next)| {
                let onchange = set.reform(move |_: Event| next);
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
}

/// The reader's data: exported to a JSON file, imported from one, and what
/// the last import or export said (`message`). (A function, not a component:
/// a component costs the wasm more.)
fn your_data(state: &StateContext, message: &UseStateHandle<Option<(bool, String)>>) -> Html {
    let t = crate::site::t();
    let on_export = {
        let (state, message) = (state.clone(), message.setter());
        Callback::from(move |_: MouseEvent| message.set(Some(export(&state))))
    };
    let on_import = {
        let (state, message) = (state.dispatcher(), message.setter());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value(""); // the same file may be chosen again
            let (state, message) = (state.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                message.set(Some(import(file, state).await));
            });
        })
    };
    html! {
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
            if let Some((ok, text)) = &**message {
                <p class={classes!("data-message", (!ok).then_some("alert"))}
                    role={if *ok { "status" } else { "alert" }}>{text.clone()}</p>
            }
        </fieldset>
    }
}

/// Offers the reader's data as a file; says whether it could.
fn export(state: &StateContext) -> (bool, String) {
    let t = crate::site::t();
    let site = gloo::utils::window().location().href().unwrap_or_default();
    let site = site.split('#').next().unwrap_or_default().to_string();
    let backup = personal::Backup {
        settings: state.settings,
        shelf: (*state.shelf).clone(),
        positions: crate::resume::all(),
    };
    let file = personal::export(&site, &backup, store::now());
    match crate::save_file::offer(&file.into(), t.backup_file, "application/json") {
        Ok(()) => (true, fill(t.backup_saved_t, &[t.backup_file])),
        Err(crate::save_file::NotOffered) => (false, t.file_failed.into()),
    }
}

/// Reads the reader's data from `file` into the app; says what came of it.
async fn import(
    file: web_sys::File,
    state: UseReducerDispatcher<crate::state::State>,
) -> (bool, String) {
    let t = crate::site::t();
    let name = file.name();
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
    let text = text.ok().and_then(|t| t.as_string());
    match text.as_deref().map(personal::import) {
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
    }
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
