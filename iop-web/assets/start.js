// Starts the WebAssembly app. A separate file, because the page's CSP forbids inline script.
import init from './iop_web.js';

init({ module_or_path: new URL('iop_web_bg.wasm', import.meta.url) }).catch((error) => {
  const app = document.getElementById('app');
  app.removeAttribute('aria-busy');
  app.textContent = 'Appen kunde inte starta. / The app could not start.';
  console.error('IOP app failed to start', error);
});
