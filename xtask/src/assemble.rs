//! Assembles `dist/` from the optimised module, its bindings and the page's assets.
//!
//! The module, the bindings, the start script, the text reader's worker and the style sheet get
//! their content hash in their names (`iop_web_bg.1a2b3c4d5e6f.wasm`), and every reference to
//! them is rewritten, so a hashed file never changes under its name and may be cached for ever.
//! `index.html`, the manifest, the icons and the service worker keep their names: they are what a
//! visit asks for first. The service worker is written last, with the list of this version's files and a
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
/// The file reader's module and bindings (iop-files-web), loaded by its worker on demand.
pub const FILES_MODULE: &str = "iop_files_bg.wasm";
pub const FILES_BINDINGS: &str = "iop_files.js";
/// The Excel and Word writers' module and bindings (iop-office-web), loaded by their worker on
/// demand.
pub const OFFICE_MODULE: &str = "iop_office_bg.wasm";
pub const OFFICE_BINDINGS: &str = "iop_office.js";

/// Writes the site into `out` (which must be empty) from the bindings in `stage` and the
/// page's sources under `root`, stamped with the build `date` (read by the page from
/// `index.html`, so a new date needs no new module). Returns the files written, with their sizes.
pub fn assemble(
    stage: &Path,
    root: &Path,
    out: &Path,
    date: &str,
) -> Result<Vec<(String, u64)>, String> {
    let assets = root.join("iop-web/assets");
    let mut site = Site {
        out,
        files: Vec::new(),
        on_demand: Vec::new(),
    };

    let module = site.hashed(MODULE, read(&stage.join(MODULE))?)?;
    let bindings = site.hashed(BINDINGS, read(&stage.join(BINDINGS))?)?;
    // A script that loads a module: its names for the bindings and the module become the
    // hashed ones, and it is written under its own hash.
    let loader = |site: &mut Site, script: &str, names: [(&str, &str); 2]| {
        let [(bind_as, bind_to), (wasm_as, wasm_to)] = names;
        let text = replace_all(
            &read_text(&assets.join(script))?,
            script,
            &[
                (&format!("'./{bind_as}'"), &format!("'./{bind_to}'")),
                (&format!("'{wasm_as}'"), &format!("'{wasm_to}'")),
            ],
        )?;
        site.hashed(script, text.into_bytes())
    };
    let app = [(BINDINGS, bindings.as_str()), (MODULE, module.as_str())];
    let start = loader(&mut site, "start.js", app)?;
    // The worker that reads texts loads the same bindings and module.
    let reader = loader(&mut site, "reader.js", app)?;
    // The file reader: its module, bindings and worker, fetched only when a file is read.
    let files_module = site.hashed(FILES_MODULE, read(&stage.join(FILES_MODULE))?)?;
    let files_bindings = site.hashed(FILES_BINDINGS, read(&stage.join(FILES_BINDINGS))?)?;
    let files = loader(
        &mut site,
        "files.js",
        [
            (FILES_BINDINGS, files_bindings.as_str()),
            (FILES_MODULE, files_module.as_str()),
        ],
    )?;
    site.on_demand
        .extend([files_module, files_bindings, files.clone()]);
    // The Excel and Word writers, likewise fetched only when such a file is asked for.
    let office_module = site.hashed(OFFICE_MODULE, read(&stage.join(OFFICE_MODULE))?)?;
    let office_bindings = site.hashed(OFFICE_BINDINGS, read(&stage.join(OFFICE_BINDINGS))?)?;
    let office = loader(
        &mut site,
        "office.js",
        [
            (OFFICE_BINDINGS, office_bindings.as_str()),
            (OFFICE_MODULE, office_module.as_str()),
        ],
    )?;
    site.on_demand
        .extend([office_module, office_bindings, office.clone()]);
    let style = site.hashed("style.css", read(&assets.join("style.css"))?)?;
    let index = replace_all(
        &read_text(&root.join("index.html"))?,
        "index.html",
        &[
            ("href=\"style.css\"", &format!("href=\"{style}\"")),
            ("href=\"iop_web.js\"", &format!("href=\"{bindings}\"")),
            ("href=\"iop_web_bg.wasm\"", &format!("href=\"{module}\"")),
            ("src=\"start.js\"", &format!("src=\"{start}\"")),
            ("content=\"reader.js\"", &format!("content=\"{reader}\"")),
            ("content=\"files.js\"", &format!("content=\"{files}\"")),
            ("content=\"office.js\"", &format!("content=\"{office}\"")),
            ("content=\"BUILD-DATE\"", &format!("content=\"{date}\"")),
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
    // The map's paths, fetched when the map is first opened.
    site.plain("karta.json", read(&assets.join("karta.json"))?)?;
    site.on_demand.push("karta.json".into());
    // The catalogue keeps its name, so a kommun can replace it on its server without a build;
    // the service worker asks the network for it first.
    site.plain(
        "katalog.json",
        read(&root.join("iop-core/data/katalog.json"))?,
    )?;

    // The worker caches every file above; its version changes whenever one of them does.
    let mut version = Sha256::new();
    for (name, bytes) in &site.files {
        version.update(name.as_bytes());
        version.update(Sha256::digest(bytes));
    }
    let version = short_hash(&version.finalize());
    // What a visit needs is cached when the worker installs; what is fetched on demand (the
    // file reader, the map) is cached by the worker when first asked for.
    let list: Vec<String> = site
        .files
        .iter()
        .filter(|(n, _)| !site.on_demand.contains(n))
        .map(|(n, _)| format!("'./{n}'"))
        .collect();
    let worker = replace_all(
        &read_text(&assets.join("sw.js"))?,
        "sw.js",
        &[
            ("'BUILD-VERSION'", &format!("'{version}'")),
            ("['BUILD-FILES']", &format!("[{}]", list.join(", "))),
            (
                "['BUILD-ON-DEMAND']",
                &format!(
                    "[{}]",
                    site.on_demand
                        .iter()
                        .map(|n| format!("'./{n}'"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ),
        ],
    )?;
    site.plain("sw.js", worker.into_bytes())?;

    // Compressed copies are kept by content hash beside the stage: a file that did not change
    // since the last build (the module, when only the date did) is not compressed again.
    let cache = stage.parent().unwrap_or(stage).join("iop-compressed");
    site.compress(&cache)?;
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
    /// Files left out of the worker's install list (fetched when first needed).
    on_demand: Vec<String>,
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

    /// `.br` (quality 11) and `.gz` (level 9) beside every file that is not already compressed,
    /// each made once per content (kept in `cache` by the content's hash).
    fn compress(&self, cache: &Path) -> Result<(), String> {
        fs::create_dir_all(cache).map_err(|e| format!("{}: {e}", cache.display()))?;
        for (name, bytes) in &self.files {
            // The catalogue has no compressed copy: one left beside a catalogue replaced on the
            // server would be served instead of it.
            if name.ends_with(".png") || name == "katalog.json" {
                continue;
            }
            let hash: String = Sha256::digest(bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            for ext in ["br", "gz"] {
                let kept = cache.join(format!("{hash}.{ext}"));
                if !kept.exists() {
                    let packed = if ext == "br" {
                        brotli_of(bytes)?
                    } else {
                        gzip_of(bytes)?
                    };
                    // Written whole under another name first, so a stopped build leaves no half file.
                    let part = cache.join(format!("{hash}.{ext}.part"));
                    fs::write(&part, packed).map_err(|e| format!("{}: {e}", part.display()))?;
                    fs::rename(&part, &kept).map_err(|e| format!("{}: {e}", kept.display()))?;
                }
                let path = self.out.join(format!("{name}.{ext}"));
                fs::copy(&kept, &path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
        }
        Ok(())
    }
}

fn brotli_of(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: bytes.len(),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params).map_err(|e| e.to_string())?;
    Ok(br)
}

fn gzip_of(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).map_err(|e| e.to_string())?;
    gz.finish().map_err(|e| e.to_string())
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
