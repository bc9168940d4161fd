//! Assembles `dist/` from the optimised module, its bindings and the page's assets.
//!
//! The module, the bindings, the start script and the style sheet get their content hash in
//! their names (`iop_web_bg.1a2b3c4d5e6f.wasm`), and every reference to them is rewritten, so a
//! hashed file never changes under its name and may be cached for ever. `index.html`, the
//! manifest, the icons and the service worker keep their names: they are what a visit asks for
//! first. The service worker is written last, with the list of this version's files and a
//! version made of their hashes: any change to any file is a new service worker, which is how a
//! browser learns of a new version. Beside each text file go `.br` and `.gz` copies, sent by a
//! server that honours `Accept-Encoding` (see `serve`).

use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::Path;

/// The files of the built module and its bindings, as `wasm-bindgen` names them.
pub const MODULE: &str = "iop_web_bg.wasm";
pub const BINDINGS: &str = "iop_web.js";
/// The script that loads the parts split off the module, as the splitter names it.
pub const LINK: &str = "__wasm_split.js";

/// Every WebAssembly module in the stage: the main one and the parts split off it.
pub fn modules(stage: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    let mut found = Vec::new();
    for entry in fs::read_dir(stage).map_err(|e| format!("{}: {e}", stage.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_some_and(|e| e == "wasm") {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

/// Writes the site into `out` (which must be empty) from the bindings in `stage` and the
/// page's sources under `root`. Returns the files written, with their sizes.
pub fn assemble(stage: &Path, root: &Path, out: &Path) -> Result<Vec<(String, u64)>, String> {
    let assets = root.join("iop-web/assets");
    let mut site = Site {
        out,
        files: Vec::new(),
    };

    let module = site.hashed(MODULE, read(&stage.join(MODULE))?)?;
    // The parts, each by its hash; the loader refers to them by name.
    let mut link = read_text(&stage.join(LINK))?;
    for path in modules(stage)? {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name == MODULE {
            continue;
        }
        let hashed = site.hashed(name, read(&path)?)?;
        link = replace_all(
            &link,
            LINK,
            &[(&format!("\"./{name}\""), &format!("\"./{hashed}\""))],
        )?;
    }
    // The bindings import the loader and the loader imports the bindings: the two share one
    // hash, of both. Only the `import … from` names change: the module's own import names stay.
    let bindings_text = read_text(&stage.join(BINDINGS))?;
    let pair = short_hash(&Sha256::digest(format!("{bindings_text}\u{0}{link}")));
    let bindings = format!("iop_web.{pair}.js");
    let loader = format!("__wasm_split.{pair}.js");
    let bindings_text = replace_all(
        &bindings_text,
        BINDINGS,
        &[(
            "from \"./__wasm_split.js\"",
            &format!("from \"./{loader}\""),
        )],
    )?;
    let link = replace_all(
        &link,
        LINK,
        &[("from \"./iop_web.js\"", &format!("from \"./{bindings}\""))],
    )?;
    site.plain(&bindings, bindings_text.into_bytes())?;
    site.plain(&loader, link.into_bytes())?;
    let start = replace_all(
        &read_text(&assets.join("start.js"))?,
        "start.js",
        &[
            ("'./iop_web.js'", &format!("'./{bindings}'")),
            ("'iop_web_bg.wasm'", &format!("'{module}'")),
        ],
    )?;
    let start = site.hashed("start.js", start.into_bytes())?;
    let style = site.hashed("style.css", read(&assets.join("style.css"))?)?;
    let index = replace_all(
        &read_text(&root.join("index.html"))?,
        "index.html",
        &[
            ("href=\"style.css\"", &format!("href=\"{style}\"")),
            ("href=\"iop_web.js\"", &format!("href=\"{bindings}\"")),
            ("href=\"iop_web_bg.wasm\"", &format!("href=\"{module}\"")),
            ("src=\"start.js\"", &format!("src=\"{start}\"")),
        ],
    )?;
    site.plain("index.html", index.into_bytes())?;
    for name in [
        "manifest.webmanifest",
        "icon.svg",
        "icon-192.png",
        "icon-512.png",
    ] {
        site.plain(name, read(&assets.join(name))?)?;
    }

    // The worker caches every file above; its version changes whenever one of them does.
    let mut version = Sha256::new();
    for (name, bytes) in &site.files {
        version.update(name.as_bytes());
        version.update(Sha256::digest(bytes));
    }
    let version = short_hash(&version.finalize());
    let list: Vec<String> = site.files.iter().map(|(n, _)| format!("'./{n}'")).collect();
    let worker = replace_all(
        &read_text(&assets.join("sw.js"))?,
        "sw.js",
        &[
            ("'BUILD-VERSION'", &format!("'{version}'")),
            ("['BUILD-FILES']", &format!("[{}]", list.join(", "))),
        ],
    )?;
    site.plain("sw.js", worker.into_bytes())?;

    site.compress()?;
    let mut written: Vec<(String, u64)> = Vec::new();
    for entry in fs::read_dir(out).map_err(|e| e.to_string())? {
        let entry = entry.map_err(|e| e.to_string())?;
        let len = entry.metadata().map(|m| m.len()).unwrap_or(0);
        written.push((entry.file_name().to_string_lossy().into_owned(), len));
    }
    written.sort();
    Ok(written)
}

struct Site<'a> {
    out: &'a Path,
    files: Vec<(String, Vec<u8>)>,
}

impl Site<'_> {
    /// Writes `bytes` as `stem.HASH.ext` and returns that name.
    fn hashed(&mut self, name: &str, bytes: Vec<u8>) -> Result<String, String> {
        let (stem, ext) = name
            .rsplit_once('.')
            .ok_or(format!("{name} has no extension"))?;
        let named = format!("{stem}.{}.{ext}", short_hash(&Sha256::digest(&bytes)));
        self.plain(&named, bytes)?;
        Ok(named)
    }

    fn plain(&mut self, name: &str, bytes: Vec<u8>) -> Result<(), String> {
        let path = self.out.join(name);
        fs::write(&path, &bytes).map_err(|e| format!("{}: {e}", path.display()))?;
        self.files.push((name.to_string(), bytes));
        Ok(())
    }

    /// `.br` (quality 11) and `.gz` (level 9) beside every file that is not already compressed.
    fn compress(&self) -> Result<(), String> {
        for (name, bytes) in &self.files {
            if name.ends_with(".png") {
                continue;
            }
            let mut br = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: 11,
                lgwin: 24,
                size_hint: bytes.len(),
                ..Default::default()
            };
            brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).map_err(|e| e.to_string())?;
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
            gz.write_all(bytes).map_err(|e| e.to_string())?;
            let gz = gz.finish().map_err(|e| e.to_string())?;
            for (ext, packed) in [("br", br), ("gz", gz)] {
                let path = self.out.join(format!("{name}.{ext}"));
                fs::write(&path, packed).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        Ok(())
    }
}

/// The first 12 hex digits of a SHA-256: enough to tell versions of one file apart.
fn short_hash(digest: &[u8]) -> String {
    digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
}

/// `text` with each `(from, to)` replaced; a `from` that does not occur is an error, so a
/// renamed reference cannot leave a page pointing at a file that is not there.
fn replace_all(text: &str, file: &str, pairs: &[(&str, &str)]) -> Result<String, String> {
    let mut out = text.to_string();
    for (from, to) in pairs {
        if !out.contains(from) {
            return Err(format!(
                "{file} no longer refers to {from}: update xtask's assemble"
            ));
        }
        out = out.replace(from, to);
    }
    Ok(out)
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}
