//! Downloads made in the browser: a Blob and a temporary link, no request to any server.

use wasm_bindgen::JsCast;

/// Offers `text` as a file called `name` of type `mime`.
pub fn offer(name: &str, mime: &str, text: &str) -> Result<(), String> {
    offer_parts(name, mime, &wasm_bindgen::JsValue::from_str(text))
}

/// Offers the bytes of `buffer` (an `ArrayBuffer`, such as a worker hands over) as a file.
pub fn offer_bytes(name: &str, mime: &str, buffer: &js_sys::ArrayBuffer) -> Result<(), String> {
    offer_parts(name, mime, buffer)
}

/// A file of one part: text or an `ArrayBuffer` (the Blob constructor takes either, whatever the
/// binding's name says).
fn offer_parts(name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), String> {
    let err = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
    let parts = js_sys::Array::of1(part);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(err)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a").map_err(err)?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
