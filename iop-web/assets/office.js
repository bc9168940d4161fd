// The Excel and Word writers, off the page's thread: a module worker that loads the writers'
// own module (iop-office-web, not the app's) only when such a file is asked for. The page
// starts one worker per file and ends it when the answer has come, after its time limit, or
// on a trap (a trap ends this worker, never the page). The build gives both loaded files
// hashed names.
//
// Asked: { request } (JSON: the kind of file, the date, the agreements). Answers: { bytes }
// (an ArrayBuffer, handed over), { refused } (why not, as JSON in Swedish and English), or
// { error } when the module would not load or trapped.
import init, { make } from './iop_office.js';

const ready = init({ module_or_path: new URL('iop_office_bg.wasm', import.meta.url) });

self.addEventListener('message', async (event) => {
  try {
    await ready;
    let bytes;
    try {
      bytes = make(event.data.request);
    } catch (refused) {
      self.postMessage({ refused: String(refused) });
      return;
    }
    self.postMessage({ bytes: bytes.buffer }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
});
