// The file reader of "Läs in avtal", off the page's thread: a module worker that loads the file
// reader's own small module (iop-files, not the app's) only when a file is read. The page starts
// one worker per file and ends it when the answer has come, after its time limit, or on a trap
// (a trap ends this worker, never the page). The build gives both loaded files hashed names.
//
// Asked: { bytes } (an ArrayBuffer). Answers: { json } (the text and its pages, or an error in
// Swedish and English, as JSON), or { error } when the module would not load or trapped.
import init, { read_file } from './iop_files.js';

const ready = init({ module_or_path: new URL('iop_files_bg.wasm', import.meta.url) });

self.addEventListener('message', async (event) => {
  try {
    await ready;
    self.postMessage({ json: read_file(new Uint8Array(event.data.bytes)) });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
});
