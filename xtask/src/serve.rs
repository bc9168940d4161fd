//! Serves a built site as the README's "Publicera" asks a real server to: the page's policy as a
//! header, the `.br` or `.gz` copy a browser accepts, hashed files cached for ever and the rest
//! revalidated (with an `ETag` of the file's size and time, so an unchanged file costs a `304`).

use std::fs;
use std::path::Path;

/// The page's policy: only its own files; WebAssembly compilation allowed; nothing inline.
/// `frame-ancestors` works only as a header, which is why it is sent and not only in the page.
pub const CSP: &str =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; manifest-src 'self'; \
worker-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

/// How long a hashed file may be kept: a year, and it never changes under its name.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        _ => "application/octet-stream",
    }
}

/// Whether a name carries a content hash: `name.0123456789ab.ext`.
pub fn is_hashed(name: &str) -> bool {
    let parts: Vec<&str> = name.split('.').collect();
    parts.len() >= 3
        && parts[parts.len() - 2].len() == 12
        && parts[parts.len() - 2]
            .bytes()
            .all(|b| b.is_ascii_hexdigit())
}

/// Whether `accept` (an `Accept-Encoding` value) takes `coding`: named, or `*`, without `q=0`.
pub fn accepts(accept: &str, coding: &str) -> bool {
    accept.split(',').any(|item| {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|p| {
            p.strip_prefix("q=")
                .is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q == 0.0))
        });
        (name.eq_ignore_ascii_case(coding) || name == "*") && !refused
    })
}

pub fn serve(dir: &Path, port: u16) -> Result<(), String> {
    if !dir.join("index.html").exists() {
        return Err(format!(
            "{} has no index.html: run `cargo run -p xtask -- build` first",
            dir.display()
        ));
    }
    let server = tiny_http::Server::http(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or("server has no IP address")?;
    println!("Serving {} on http://{addr}/", dir.display());
    // Each request answered on a thread of its own: one client that does not read its answer
    // (a browser holding a connection it no longer needs) must not hold up every other request.
    // Measured: with one thread, a page's request sometimes waited about 5 minutes, until
    // Chromium closed an idle connection.
    let dir = std::sync::Arc::new(dir.to_path_buf());
    for request in server.incoming_requests() {
        let dir = std::sync::Arc::clone(&dir);
        std::thread::spawn(move || {
            let response = respond(&dir, &request);
            let _ = request.respond(response);
        });
    }
    Ok(())
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

fn request_header<'a>(request: &'a tiny_http::Request, name: &str) -> &'a str {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map_or("", |h| h.value.as_str())
}

fn respond(dir: &Path, request: &tiny_http::Request) -> tiny_http::ResponseBox {
    let url = request.url().split(['?', '#']).next().unwrap_or("/");
    let name = match url.trim_start_matches('/') {
        "" => "index.html",
        n => n,
    };
    // Only plain file names inside the directory: no traversal, no subdirectories needed.
    let safe = !name.contains("..") && !name.contains(['\\', '/']) && !name.starts_with('.');
    if !safe || !dir.join(name).is_file() {
        return tiny_http::Response::from_string("not found")
            .with_status_code(404)
            .boxed();
    }
    let accept = request_header(request, "Accept-Encoding");
    let mut coding = None;
    let mut sent = dir.join(name);
    let mut varies = false;
    for (token, ext) in [("br", "br"), ("gzip", "gz")] {
        let packed = dir.join(format!("{name}.{ext}"));
        if packed.is_file() {
            varies = true;
            if coding.is_none() && accepts(accept, token) {
                coding = Some(token);
                sent = packed;
            }
        }
    }
    let Ok(bytes) = fs::read(&sent) else {
        return tiny_http::Response::from_string("not found")
            .with_status_code(404)
            .boxed();
    };
    // As nginx does: the size and the time of the file sent (cheap, and it changes with it).
    let modified = fs::metadata(&sent)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let tag = format!("\"{:x}-{modified:x}\"", bytes.len());
    let cache = if is_hashed(name) {
        IMMUTABLE
    } else {
        "no-cache"
    };
    let fresh = request_header(request, "If-None-Match")
        .split(',')
        .any(|t| t.trim() == tag);
    let mut response = if fresh {
        tiny_http::Response::from_data(Vec::new()).with_status_code(304)
    } else {
        tiny_http::Response::from_data(bytes)
    }
    .with_header(header("Content-Type", content_type(name)))
    .with_header(header("Cache-Control", cache))
    .with_header(header("ETag", &tag))
    .with_header(header("Content-Security-Policy", CSP))
    .with_header(header("X-Content-Type-Options", "nosniff"))
    .with_header(header("Referrer-Policy", "no-referrer"));
    if let Some(c) = coding {
        response = response.with_header(header("Content-Encoding", c));
    }
    if varies {
        response = response.with_header(header("Vary", "Accept-Encoding"));
    }
    response.boxed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_is_read_with_its_weights() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip;q=1.0, br;q=0.5", "br"));
        assert!(!accepts("gzip, br;q=0", "br"));
        assert!(accepts("gzip, br;q=0", "gzip"));
        assert!(accepts("*", "gzip"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("identity", "br"));
    }

    #[test]
    fn only_names_with_a_content_hash_are_immutable() {
        assert!(is_hashed("iop_web_bg.0123456789ab.wasm"));
        assert!(is_hashed("style.a1b2c3d4e5f6.css"));
        assert!(!is_hashed("index.html"));
        assert!(!is_hashed("sw.js"));
        assert!(!is_hashed("iop_web_bg.wasm"));
        assert!(!is_hashed("style.a1b2c3d4e5fg.css"));
    }

    #[test]
    fn every_file_of_the_site_has_its_type() {
        assert_eq!(
            content_type("manifest.webmanifest"),
            "application/manifest+json"
        );
        assert_eq!(
            content_type("iop_web_bg.0123456789ab.wasm"),
            "application/wasm"
        );
        assert_eq!(content_type("sw.js"), "text/javascript; charset=utf-8");
    }
}
