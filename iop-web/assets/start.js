// Starts the WebAssembly app and its service worker. A separate file, because the page's CSP
// forbids inline script. The build gives both loaded files their hashed names.
//
// The app is one module: once it has started, every view opens at once. A file that does not
// arrive is asked for again, twice, under a new address (a browser remembers a failed module
// by its address and would not ask again); a failure of the app itself is never retried, and
// what cannot be loaded is said in the page, never a blank page.
const BINDINGS = './iop_web.js';
const MODULE = new URL('iop_web_bg.wasm', import.meta.url);
const TRIES = 3;

async function start() {
  for (let attempt = 0; ; attempt++) {
    try {
      const tag = attempt ? `?forsok=${attempt}` : '';
      const { default: init } = await import(BINDINGS + tag);
      await init({ module_or_path: new URL(MODULE.href + tag) });
      return;
    } catch (error) {
      // The app ran (it removes #app when it mounts) or failed in itself: starting it again
      // would start it twice.
      const mounted = !document.getElementById('app');
      if (mounted || error instanceof WebAssembly.RuntimeError || attempt + 1 >= TRIES) throw error;
      await new Promise((resolve) => setTimeout(resolve, 400 * (attempt + 1)));
    }
  }
}

/** A message in Swedish, then English, and a button "Ladda om / Reload" that does `onReload`. */
function notice(sv, en, onReload) {
  const text = document.createElement('p');
  text.append(sv + ' ');
  const english = document.createElement('span');
  english.lang = 'en';
  english.textContent = en;
  text.append(english);
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary';
  const reload = document.createElement('span');
  reload.lang = 'en';
  reload.textContent = 'Reload';
  button.append('Ladda om / ', reload);
  button.addEventListener('click', onReload);
  return [text, button];
}

const started = start().catch((error) => {
  const app = document.getElementById('app');
  if (!app) return; // the app had mounted: its own messages stand
  app.removeAttribute('aria-busy');
  app.setAttribute('role', 'alert');
  app.replaceChildren(...notice(
    'Appen kunde inte starta: en fil kom inte fram. Kontrollera nätverket och ladda om sidan; ditt arbete finns kvar i webbläsaren.',
    'The app could not start: a file did not arrive. Check the network and reload the page; your work is kept in the browser.',
    () => window.location.reload(),
  ));
  console.error('IOP app failed to start', error);
});

// Offline and updates (see sw.js): a waiting new version is announced, and taken up only when
// the user agrees; the page then reloads with the new version's files, never a mix.
if ('serviceWorker' in navigator) {
  const workers = navigator.serviceWorker;
  const controlled = Boolean(workers.controller);
  let accepted = false;

  const offer = (waiting) => {
    if (document.getElementById('update')) return;
    const bar = document.createElement('div');
    bar.id = 'update';
    bar.className = 'banner update';
    bar.setAttribute('role', 'status');
    bar.append(...notice('En ny version finns – ladda om.', 'A new version is available – reload.', () => {
      accepted = true;
      if (waiting) waiting.postMessage('skip-waiting');
      else window.location.reload();
    }));
    document.body.append(bar);
  };

  workers.addEventListener('controllerchange', () => {
    // The first visit's worker taking charge serves the files already running: nothing to do.
    if (!controlled) return;
    if (accepted) window.location.reload();
    else offer(null); // another tab took up the new version: this one still runs the old
  });

  // Only once the app has started: the worker's copy of every file must not slow the start.
  started.then(() => workers.register('sw.js')).then((registration) => {
    if (!registration) return; // registration refused (a test's browser, a policy)
    const watch = (worker) => worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && workers.controller) offer(worker);
    });
    if (registration.waiting && workers.controller) offer(registration.waiting);
    if (registration.installing) watch(registration.installing);
    registration.addEventListener('updatefound', () => watch(registration.installing));
    // A tab left open for days looks for a new version when it is shown again.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') registration.update().catch(() => {});
    });
  }).catch((error) => console.warn('IOP: no offline copy (service worker not registered)', error));
}
