// Served like a real site (issue 16): compressed and cached right, offline after one visit,
// installable, a new version taken up only when the user agrees, and the built dist/ running
// from a static server that knows nothing about it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ROOT, startServer, launchBrowser, openApp, clean, freePort } from './harness.mjs';

const DIST = join(ROOT, 'dist');
let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/** A GET with the headers given, without any decoding: status, headers and the bytes sent. */
function raw(url, headers = {}) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

/** Waits until a service worker controls the page and has every file of its version cached. */
async function offlineReady(page) {
  for (let i = 0; i < 200; i++) {
    const ready = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return Boolean(r?.active?.state === 'activated' && navigator.serviceWorker.controller);
    });
    if (ready) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no service worker took charge of the page within 20 s');
}

const footerBuild = (page) => page.textContent('footer .build');

test('each file is sent compressed as the browser accepts, with its type, and cached by whether its name is hashed', async () => {
  const names = readdirSync(DIST);
  const module = names.find((n) => /^iop_web_bg\.[0-9a-f]{12}\.wasm$/.test(n));
  const start = names.find((n) => /^start\.[0-9a-f]{12}\.js$/.test(n));
  assert.ok(module && start, names.join(' '));
  // The page refers to this version's hashed files, and only to files that are there.
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  const refs = [...index.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  for (const r of refs) assert.ok(names.includes(r), `index.html refers to ${r}, which dist/ lacks`);
  assert.ok(refs.includes(module) && refs.includes(start), refs.join(' '));
  assert.ok(!refs.includes('iop_web_bg.wasm') && !refs.includes('start.js'));

  const plain = readFileSync(join(DIST, module));
  const url = `${server.origin}/${module}`;
  const br = await raw(url, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
  assert.equal(br.status, 200);
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(br.headers['content-type'], 'application/wasm');
  assert.equal(br.headers.vary, 'Accept-Encoding');
  assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.ok(br.body.length < plain.length / 2, `brotli sent ${br.body.length} of ${plain.length} bytes`);
  assert.ok(brotliDecompressSync(br.body).equals(plain), 'the .br copy is the module itself');
  const gz = await raw(url, { 'Accept-Encoding': 'gzip, br;q=0' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gunzipSync(gz.body).equals(plain));
  const none = await raw(url, {});
  assert.equal(none.headers['content-encoding'], undefined);
  assert.ok(none.body.equals(plain));
  assert.equal(none.headers.vary, 'Accept-Encoding');

  for (const [name, type] of [['', 'text/html; charset=utf-8'], ['sw.js', 'text/javascript; charset=utf-8'],
    ['manifest.webmanifest', 'application/manifest+json']]) {
    const r = await raw(`${server.origin}/${name}`, { 'Accept-Encoding': 'br' });
    assert.equal(r.headers['cache-control'], 'no-cache', name);
    assert.equal(r.headers['content-type'], type, name);
    assert.match(r.headers['content-security-policy'], /worker-src 'self'/);
    // Revalidating an unchanged file costs no body.
    const again = await raw(`${server.origin}/${name}`, { 'Accept-Encoding': 'br', 'If-None-Match': r.headers.etag });
    assert.equal(again.status, 304, name);
    assert.equal(again.body.length, 0);
  }
  const js = await raw(`${server.origin}/${start}`, { 'Accept-Encoding': 'br' });
  assert.equal(js.headers['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal(js.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal((await raw(`${server.origin}/iop_web_bg.wasm`)).status, 404, 'no unhashed module is left to go stale');
});

test('installable: a Swedish manifest that Chromium reads without errors, its icons, and a worker in charge', async () => {
  // What Chromium's installability check looks at, one by one, in an ordinary context: its own
  // check (Page.getInstallabilityErrors) needs a profile of its own, and launching and closing
  // one sometimes took about 5 minutes on a busy machine.
  const { ctx, page, problems } = await openApp(browser, server.origin);
  await offlineReady(page);
  const manifest = JSON.parse(await page.evaluate(async () => (await fetch('manifest.webmanifest')).text()));
  assert.equal(manifest.lang, 'sv');
  assert.equal(manifest.name, 'IOP – jämför idéburna offentliga partnerskap');
  assert.equal(manifest.theme_color, '#0b4f8a');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.deepEqual(manifest.icons.map((i) => i.sizes), ['any', '192x192', '512x512']);
  // Every icon is there, with its type.
  for (const icon of manifest.icons) {
    const type = await page.evaluate(async (src) => (await fetch(src)).headers.get('content-type'), icon.src);
    assert.equal(type, icon.type, icon.src);
  }
  // Chromium reads the manifest the page links to, without errors.
  const cdp = await ctx.newCDPSession(page);
  const { url, errors } = await cdp.send('Page.getAppManifest');
  assert.ok(url.endsWith('/manifest.webmanifest'), url);
  assert.deepEqual(errors, []);
  clean(problems);
  await ctx.close();
});

test('after one visit the app starts with no network, with the user\'s own agreement', async () => {
  const { ctx, page, problems } = await openApp(browser, server.origin);
  await page.click('button:text-is("Nytt avtal")');
  await page.waitForSelector('form.agreement-form');
  await page.locator('#e-name').fill('Vårt eget avtal');
  await offlineReady(page);
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await ctx.setOffline(true);
  // The network is really gone: what the worker does not hold cannot be had.
  assert.equal(await page.evaluate(() => fetch('not-there.json').then(() => 'fetched', () => 'failed')), 'failed');
  assert.deepEqual(problems.consoleErrors.splice(0), ['Failed to load resource: net::ERR_FAILED'],
    'the worker answered (ERR_FAILED), not the browser alone (ERR_INTERNET_DISCONNECTED)');
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]', { timeout: 20000 });
  await page.click('nav a:text-is("Avtal")');
  assert.equal(await page.textContent('tr[data-id="eget-1"] .sub'), 'Vårt eget avtal');
  assert.match(await footerBuild(page), /^Version \d+\.\d+\.\d+, byggd \d{4}-\d{2}-\d{2}\.$/);
  // Every view opens offline, from the one module in the worker's copy.
  await page.click('nav a:text-is("Jämför")');
  await page.waitForSelector('main h2:has-text("Jämför")');
  await page.click('nav a:text-is("Avtal")');
  await page.click('tr[data-id="eget-1"] button.link');
  await page.waitForSelector('main h2:has-text("Vårt eget avtal")');
  // Every file of the page came from the worker's copy.
  await ctx.setOffline(false);
  clean(problems);
  await ctx.close();
});

test('a new version is announced, and runs only after the user agrees to reload', async () => {
  const site = mkdtempSync(join(tmpdir(), 'iop-site-'));
  cpSync(DIST, site, { recursive: true });
  const own = await startServer(site);
  const { ctx, page, problems } = await openApp(browser, own.origin);
  try {
    await offlineReady(page);
    const before = await footerBuild(page);
    assert.match(before, /byggd \d{4}-\d{2}-\d{2}\./);
    assert.doesNotMatch(before, /2099-12-31/);

    // A new version (another build date is another index.html, so another service worker),
    // assembled from the same build without compiling, put where the old one was.
    const next = mkdtempSync(join(tmpdir(), 'iop-next-'));
    const built = spawnSync(join(ROOT, 'target', 'debug', 'xtask'), ['assemble', '--out', next], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, IOP_BUILD_DATE: '2099-12-31' },
    });
    assert.equal(built.status, 0, built.stderr);
    for (const f of readdirSync(site)) rmSync(join(site, f));
    cpSync(next, site, { recursive: true });
    rmSync(next, { recursive: true });

    // A revisit finds the new worker; the old version keeps running until the user says so.
    await page.reload();
    await page.waitForSelector('main[data-ready="true"]');
    const notice = page.locator('#update');
    await notice.waitFor({ timeout: 20000 });
    assert.equal(await notice.getAttribute('role'), 'status');
    assert.match(await notice.textContent(), /En ny version finns – ladda om/);
    assert.equal(await footerBuild(page), before, 'the old version runs until the user agrees');
    assert.ok(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration()).waiting)),
      'the new version waits; it does not take over by itself');
    await Promise.all([
      page.waitForEvent('load'),
      notice.getByRole('button', { name: 'Ladda om / Reload', exact: true }).click(),
    ]);
    await page.waitForSelector('main[data-ready="true"]');
    const version = before.match(/^Version ([^,]+),/)[1];
    assert.equal(await footerBuild(page), `Version ${version}, byggd 2099-12-31.`);
    assert.equal(await page.locator('#update').count(), 0);
    // The new version's files only: its worker's cache holds nothing of the old one.
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const urls = [];
      for (const k of keys) for (const r of await (await caches.open(k)).keys()) urls.push(new URL(r.url).pathname.slice(1));
      return { keys, urls };
    });
    assert.equal(cached.keys.length, 1, cached.keys.join(' '));
    const now = readdirSync(site);
    for (const u of cached.urls) assert.ok(now.includes(u), `cached ${u} is not of the new version`);
    clean(problems);
  } finally {
    await ctx.close();
    own.stop();
    rmSync(site, { recursive: true, force: true });
  }
});

test('the built dist/ runs from a plain static server, in a subdirectory, and offline there too', async () => {
  const root = mkdtempSync(join(tmpdir(), 'iop-static-'));
  cpSync(DIST, join(root, 'verktyg', 'iop'), { recursive: true });
  const port = await freePort();
  const python = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const origin = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; i < 100; i++) {
      if (await raw(origin + '/').then(() => true, () => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Python knows nothing of the site: no policy header, no compression, no cache rules.
    const page0 = await raw(`${origin}/verktyg/iop/`, { 'Accept-Encoding': 'br, gzip' });
    assert.equal(page0.headers['content-security-policy'], undefined);
    assert.equal(page0.headers['content-encoding'], undefined);
    const ctx = await browser.newContext({ locale: 'sv-SE' });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`${origin}/verktyg/iop/`);
    await page.waitForSelector('main[data-ready="true"]', { timeout: 20000 });
    // The built-in agreements, computed: a yearly sum in Swedish format.
    assert.match(await page.textContent('main'), /\d{3} \d{3} kr/);
    assert.match(await footerBuild(page), /^Version .*, byggd \d{4}-\d{2}-\d{2}\.$/);
    await offlineReady(page);
    await ctx.setOffline(true);
    await page.reload();
    await page.waitForSelector('main[data-ready="true"]', { timeout: 20000 });
    assert.deepEqual(errors, []);
    await ctx.close();
  } finally {
    python.kill();
    rmSync(root, { recursive: true, force: true });
  }
});

test('a file that does not arrive at first is asked for again, and the app starts', async () => {
  // No service worker here: the module must come from the network, which refuses it once.
  const ctx = await browser.newContext({ locale: 'sv-SE', serviceWorkers: 'block' });
  // Every request for the module is refused until the start script asks under a new address.
  const asked = [];
  await ctx.route(/\/iop_web_bg\.[0-9a-f]{12}\.wasm(\?.*)?$/, (route) => {
    asked.push(new URL(route.request().url()).search);
    return asked.at(-1) === '' ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue();
  });
  const { page, problems } = await openApp(browser, server.origin, { context: ctx });
  assert.ok(asked.includes('?forsok=1'), `asked again under a new address: ${asked.join(' ')}`);
  // Every view opens from the one module, with no further download.
  await page.click('tr[data-id="kalmar-2025-2027"] button.link');
  await page.waitForSelector('main h2:has-text("Kalmar")');
  assert.deepEqual(problems.pageErrors, []);
  await ctx.close();
});

test('a module that never arrives is said so in the page, with a reload', async () => {
  const ctx = await browser.newContext({ locale: 'sv-SE', serviceWorkers: 'block' });
  const asked = [];
  let refuse = true;
  await ctx.route(/\/iop_web_bg\.[0-9a-f]{12}\.wasm(\?.*)?$/, (route) => {
    if (!refuse) return route.continue();
    asked.push(new URL(route.request().url()).search);
    return route.fulfill({ status: 503, body: 'unavailable' });
  });
  const page = await ctx.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  // Not the load event (a refused module may hold it up under load): the message is the condition.
  await page.goto(server.origin + '/', { waitUntil: 'commit' });
  const alert = page.locator('#app[role="alert"]');
  // Three tries of the module, each refused: on a loaded machine this can pass Playwright's
  // default 30 s, so the wait for the message is given 90 s.
  await alert.waitFor({ timeout: 90000 });
  assert.match(await alert.textContent(),
    /Appen kunde inte starta: en fil kom inte fram\. Kontrollera nätverket och ladda om sidan; ditt arbete finns kvar i webbläsaren\./);
  assert.ok(asked.includes('?forsok=1') && asked.includes('?forsok=2'), `three tries: ${asked.join(' ')}`);
  refuse = false;
  await Promise.all([page.waitForEvent('load'), alert.getByRole('button', { name: 'Ladda om / Reload', exact: true }).click()]);
  await page.waitForSelector('main[data-ready="true"]');
  assert.deepEqual(pageErrors, []);
  await ctx.close();
});
