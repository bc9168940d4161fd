// The reader of "Läs in text", off the page's thread: a module worker that loads the app's own
// module (its start does nothing without a page) and reads one text, so a long text never stops
// the page. The page starts one worker per reading and ends it when the answer has come, or
// when a newer reading replaces it. The build gives both loaded files their hashed names.
//
// Asked: { text, name, date } (the text, the document's name, its date `YYYY-MM-DD` or '').
// Answers: { json } (the Extraction as JSON; '' when the text is over the limit), or { error }.
import init, { read_text } from './iop_web.js';

const ready = init({ module_or_path: new URL('iop_web_bg.wasm', import.meta.url) });

self.addEventListener('message', async (event) => {
  const { text, name, date } = event.data;
  try {
    await ready;
    self.postMessage({ json: read_text(text, name, date) });
  } catch (error) {
    // A module that would not load or a reading that failed: the page says so.
    self.postMessage({ error: String(error) });
  }
});
