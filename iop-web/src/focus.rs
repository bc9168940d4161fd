//! Where keyboard focus goes when new content appears: to its heading, once it is drawn, so a
//! screen reader announces it and Tab continues from there (WCAG 2.4.3).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves focus to the first element matching `selector` once the page has been drawn; a
/// heading is made focusable by script only (`tabindex="-1"`), never a Tab stop.
pub fn after_draw(selector: &'static str) {
    request_animation_frame(move || {
        let Some(el) = document().query_selector(selector).ok().flatten() else {
            return;
        };
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    });
}
