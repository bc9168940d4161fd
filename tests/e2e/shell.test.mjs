// The shell (issue 21): every view has an address that Back, Forward, a reload and a new tab
// honour, also from a subdirectory of a plain static server and offline; focus goes to the
// new content; every view reflows at 320 and 390 CSS pixels, with no page-wide scrolling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openApp, clean, axe, freePort, ROOT } from './harness.mjs';

const env = useApp();

/** Each view by its address, with the heading it shows (read as a user reads it). */
const VIEWS = [
  ['/', /^Avtal$/],
  ['/?avtal=kalmar-2025-2027', /^Kalmar 2025–2027$/],
  ['/?jamfor=kalmar-2025-2027,vallentuna-2021', /^Jämförelse$/],
  ['/?kalender=kalmar-2025-2027', /^Kalender: Kalmar 2025–2027$/],
  ['/?dela', /^Spara och dela$/],
  ['/?las-text', /^Läs in text$/],
  ['/?karta', /^Karta$/, 'svg.map path[data-kommun]'],
];

const heading = (page) => page.locator('main h2').first().textContent();

/** Waits until the view's first heading reads `pattern`. */
async function shows(page, pattern) {
  await page.waitForFunction((src) => {
    const h = document.querySelector('main h2');
    return h && new RegExp(src).test(h.textContent.trim());
  }, pattern.source);
}

test('every view opens from its address in a new tab, and says which it is in the title', async () => {
  const { ctx, page, problems } = await openApp(env.browser, env.server.origin);
  for (const [address, name] of VIEWS) {
    const tab = await ctx.newPage();
    await tab.goto(env.server.origin + address);
    await shows(tab, name);
    assert.match(await heading(tab), name, address);
    assert.match(await tab.title(), / – IOP$/);
    await tab.close();
  }
  // The comparison's address names the agreements compared: both columns are there.
  const tab = await ctx.newPage();
  await tab.goto(env.server.origin + '/?jamfor=kalmar-2025-2027,vallentuna-2021');
  await tab.waitForSelector('table.compare');
  const columns = await tab.$$eval('table.compare thead th', (ths) => ths.map((t) => t.textContent));
  assert.ok(columns.some((c) => /Kalmar 2025–2027/.test(c)) && columns.some((c) => /Vallentuna/.test(c)), columns.join(' | '));
  await tab.close();
  clean(problems);
  await page.close();
  await ctx.close();
});

test('Back and Forward move between views inside the app, a reload stays, focus goes to the new heading', async () => {
  const { ctx, page, problems } = await openApp(env.browser, env.server.origin);
  const origin = env.server.origin;
  await page.click('tr[data-id="kalmar-2025-2027"] button.link');
  await shows(page, /^Kalmar 2025–2027$/);
  assert.equal(page.url(), origin + '/?avtal=kalmar-2025-2027');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Kalmar 2025–2027', 'focus on the heading');
  await page.click('button:text-is("Kalender")');
  await shows(page, /^Kalender: /);
  assert.equal(page.url(), origin + '/?kalender=kalmar-2025-2027');
  await page.goBack();
  await shows(page, /^Kalmar 2025–2027$/);
  await page.goBack();
  await shows(page, /^Avtal$/);
  assert.equal(page.url(), origin + '/');
  await page.goForward();
  await shows(page, /^Kalmar 2025–2027$/);
  await page.reload();
  await shows(page, /^Kalmar 2025–2027$/);
  // After Back and Forward, a click still writes its address (and Back returns from it).
  await page.goForward();
  await shows(page, /^Kalender: /);
  await page.click('button:text-is("Till avtalet")');
  await shows(page, /^Kalmar 2025–2027$/);
  assert.equal(page.url(), origin + '/?avtal=kalmar-2025-2027');
  await page.goBack();
  await shows(page, /^Kalender: /);
  assert.equal(page.url(), origin + '/?kalender=kalmar-2025-2027');
  // "Nytt avtal": the editor opens at its top with focus on its heading; its address reloads.
  await page.click('nav a:text-is("Avtal")');
  await shows(page, /^Avtal$/);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click('button:text-is("Nytt avtal")');
  await shows(page, /^Ändra avtal$/);
  assert.match(page.url(), /\/\?redigera=eget-\d+$/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ändra avtal');
  assert.ok(await page.evaluate(() => window.scrollY < 200), 'the editor opens at its top');
  await page.reload();
  await shows(page, /^Ändra avtal$/);
  await page.waitForSelector('form.agreement-form');
  // Back from the editor to the list, and Back once more leaves nothing of the app's history broken.
  await page.goBack();
  await shows(page, /^Avtal$/);
  clean(problems);
  await ctx.close();
});

test('after "Läs texten", focus is on the proposed terms; after opening them, on the editor', async () => {
  const { ctx, page, problems } = await openApp(env.browser, env.server.origin);
  await page.goto(env.server.origin + '/?las-text');
  await shows(page, /^Läs in text$/);
  await page.fill('textarea', 'Kalmar kommun och Kalmar kvinnojour. Avtalet gäller för perioden 1 januari 2025 till 31 december 2027. Kommunen betalar 575 000 kr per år.');
  await page.click('button:text-is("Läs texten")');
  await page.waitForFunction(() => /^Föreslagna villkor \(\d+\)$/.test(document.activeElement?.textContent ?? ''));
  await page.click('button:text-is("Öppna i redigeraren som nytt avtal")');
  await shows(page, /^Ändra avtal$/);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Ändra avtal');
  clean(problems);
  await ctx.close();
});

test('addresses work from a subdirectory of a plain static server, and offline there', async () => {
  const root = mkdtempSync(join(tmpdir(), 'iop-addr-'));
  cpSync(join(ROOT, 'dist'), join(root, 'verktyg', 'iop'), { recursive: true });
  const port = await freePort();
  const python = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', root], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}/verktyg/iop/`;
  try {
    for (let i = 0; i < 100; i++) {
      const up = await new Promise((r) => get(base, (res) => { res.resume(); r(true); }).on('error', () => r(false)));
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ctx = await env.browser.newContext({ locale: 'sv-SE' });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base + '?avtal=kalmar-2025-2027');
    await shows(page, /^Kalmar 2025–2027$/);
    await page.click('nav a:text-is("Avtal")');
    await shows(page, /^Avtal$/);
    assert.equal(page.url(), base, 'the list is the directory itself');
    await page.goBack();
    await shows(page, /^Kalmar 2025–2027$/);
    // Offline, once the worker holds the files: a view's address reloads from the worker's copy.
    await page.waitForFunction(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return Boolean(r?.active?.state === 'activated' && navigator.serviceWorker.controller);
    }, null, { polling: 100 });
    await ctx.setOffline(true);
    await page.click('button:text-is("Kalender")');
    await shows(page, /^Kalender: Kalmar 2025–2027$/);
    // Back stays in the app, offline too.
    await page.goBack();
    await shows(page, /^Kalmar 2025–2027$/);
    await page.goForward();
    await shows(page, /^Kalender: Kalmar 2025–2027$/);
    // A view's address, loaded anew offline, comes from the worker's copy. Chromium sends a
    // navigation to the network when the worker does not start in time: offline, an error page,
    // which Playwright reports as ERR_INTERNET_DISCONNECTED or, when the error page took the tab
    // to another process, "Not attached to an active page". The worker's copy is the condition,
    // so the address is opened again in a new tab of the same browser, at most three times.
    const address = base + '?kalender=kalmar-2025-2027';
    let shown = page;
    for (let tries = 1; ; tries++) {
      try {
        if (tries === 1) await shown.reload();
        else {
          shown = await ctx.newPage();
          shown.on('pageerror', (e) => errors.push(String(e)));
          await shown.goto(address);
        }
        break;
      } catch (e) {
        if (tries === 3 || !/ERR_INTERNET_DISCONNECTED|Not attached to an active page/.test(String(e))) throw e;
      }
    }
    await shows(shown, /^Kalender: Kalmar 2025–2027$/);
    assert.equal(shown.url(), address);
    assert.deepEqual(errors, []);
    await ctx.close();
  } finally {
    python.kill();
    rmSync(root, { recursive: true, force: true });
  }
});

for (const width of [320, 390]) {
  test(`every view reflows at ${width} px: no page-wide scrolling, axe clean`, async () => {
    const ctx = await env.browser.newContext({ locale: 'sv-SE', viewport: { width, height: 800 } });
    const page = await ctx.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    // The editor too: an agreement of one's own, made through the list.
    await page.goto(env.server.origin + '/');
    await shows(page, /^Avtal$/);
    await page.click('button:text-is("Nytt avtal")');
    await shows(page, /^Ändra avtal$/);
    const editor = new URL(page.url()).search;
    const views = [...VIEWS, [`/${editor}`, /^Ändra avtal$/]];
    const wide = [];
    for (const [address, name, ready] of views) {
      await page.goto(env.server.origin + address);
      await shows(page, name);
      if (ready) await page.waitForSelector(ready);
      const over = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        // What sticks out, for the message.
        culprits: Array.from(document.querySelectorAll('main *'))
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.table-wrap'))
          .slice(0, 3).map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
      }));
      if (over.scroll > over.inner) wide.push(`${address}: ${over.scroll} > ${over.inner} (${over.culprits.join(', ')})`);
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${address} at ${width} px`);
    }
    assert.deepEqual(wide, [], 'no view scrolls sideways as a whole');
    assert.deepEqual(errors, []);
    await ctx.close();
  });
}
