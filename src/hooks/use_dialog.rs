use web_sys::HtmlDialogElement;
use yew::prelude::*;

/// Opens the modal `<dialog>` behind `dialog`.
pub fn open(dialog: &NodeRef) {
    if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
        if !dialog.open() {
            let _ = dialog.show_modal();
        }
    }
}

/// A modal dialog whose content is built the first time it opens: a visit
/// that never opens it never builds it (the settings and the shortcuts were
/// a quarter of the elements of the first view). Gives its `ref`, whether
/// to render its content, and what opens it.
#[hook]
pub fn use_dialog() -> (NodeRef, bool, Callback<()>) {
    let dialog = use_node_ref();
    let built = use_state(|| false);
    {
        let dialog = dialog.clone();
        // Opened once its content is there, so that it takes the focus.
        use_effect_with(*built, move |&built| {
            if built {
                open(&dialog);
            }
        });
    }
    let ask = {
        let (dialog, build) = (dialog.clone(), built.setter());
        // Whether it is built is read from the page: a listener made at
        // the first render would see the state of then.
        Callback::from(move |()| {
            let built =
                (dialog.cast::<web_sys::Element>()).is_some_and(|d| d.child_element_count() > 0);
            if built {
                open(&dialog);
            } else {
                build.set(true);
            }
        })
    };
    (dialog, *built, ask)
}
