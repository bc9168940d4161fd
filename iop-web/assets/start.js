// Starts the WebAssembly app and its service worker. A separate file, because the page's CSP
// forbids inline script. The build gives both imported files their hashed names.
import init from './iop_web.js';

const started = init({ module_or_path: new URL('iop_web_bg.wasm', import.meta.url) }).catch((error) => {
  const app = document.getElementById('app');
  app.removeAttribute('aria-busy');
  app.textContent = 'Appen kunde inte starta. / The app could not start.';
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
    const text = document.createElement('p');
    text.append('En ny version finns – ladda om. ');
    const en = document.createElement('span');
    en.lang = 'en';
    en.textContent = 'A new version is available – reload.';
    text.append(en);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'primary';
    button.textContent = 'Ladda om / Reload';
    button.addEventListener('click', () => {
      accepted = true;
      if (waiting) waiting.postMessage('skip-waiting');
      else window.location.reload();
    });
    bar.append(text, button);
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
