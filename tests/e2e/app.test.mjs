// Foundation: the app starts, lists the seed agreements, and is contained by its CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useApp, clean, openApp, SCREENSHOTS } from './harness.mjs';

const env = useApp();

test('the WASM app starts and lists the five seed agreements, then the catalogue, with Swedish amounts', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  const rows = await page.$$eval('table.agreements tbody tr', (trs) =>
    trs.map((tr) => ({
      id: tr.dataset.id,
      cells: Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent.trim()),
    })));
  // The seeds first, then the catalogue's 25 (fetched from katalog.json), each badged.
  assert.equal(rows.length, 30, JSON.stringify(rows));
  assert.deepEqual(rows.slice(0, 5).map((r) => r.id), ['kalmar-2022-2024', 'kalmar-2025-2027', 'vallentuna-2021', 'varmdo', 'linkoping-2019']);
  assert.ok(rows.slice(5).every((r) => r.cells[1].endsWith('Katalog')));
  const row = (id) => rows.find((r) => r.id === id).cells;
  // Columns: compare, municipality (with name), organisation, period, status, per year, per inhabitant, population.
  assert.match(row('kalmar-2022-2024')[1], /^Kalmar/);
  assert.equal(row('kalmar-2022-2024')[2], 'Kvinnojouren Kalmar');
  assert.equal(row('kalmar-2022-2024')[3], '2022-01-01 – 2024-12-31');
  assert.equal(row('kalmar-2022-2024')[5], '1 000 000 kr');
  assert.equal(row('kalmar-2025-2027')[2], 'Kvinnojouren & Ungdomsjouren Kalmar');
  assert.equal(row('kalmar-2025-2027')[3], '2025-01-01 – 2027-12-31');
  assert.equal(row('kalmar-2025-2027')[5], '1 000 000 kr');
  assert.equal(row('kalmar-2025-2027')[6], '13,75 kr');
  assert.equal(row('vallentuna-2021')[5], '50 000 kr');
  assert.equal(row('varmdo')[3], 'okänt – 2023-12-31');
  assert.equal(row('varmdo')[5], '400 000 kr');
  assert.deepEqual(row('linkoping-2019').slice(5, 8), ['okänt', 'okänt', '168 035']);

  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  await page.screenshot({ path: join(SCREENSHOTS, 'screenshot-list.png'), fullPage: true });
  assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });
  await ctx.close();
});

test('the page carries a Content-Security-Policy that allows only its own files', async () => {
  const res = await fetch(env.server.origin + '/');
  const html = await res.text();
  const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/);
  assert.ok(meta, 'CSP meta tag present');
  for (const policy of [meta[1], res.headers.get('content-security-policy')]) {
    assert.match(policy, /default-src 'none'/);
    assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
    assert.doesNotMatch(policy, /unsafe-inline|https?:|\*/);
  }
});

test('the tests fail when the WASM module does not start', async () => {
  // A page whose module cannot load must not pass the readiness check used by every test.
  const ctx = await env.browser.newContext();
  // Every try, the retries under another address too.
  await ctx.route(/\/iop_web_bg\.[0-9a-f]{12}\.wasm(\?.*)?$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const page = await ctx.newPage();
  await page.goto(env.server.origin + '/');
  await page.waitForSelector('#app[role="alert"]');
  assert.match(await page.textContent('body'), /kunde inte starta/);
  assert.equal(await page.locator('main[data-ready="true"]').count(), 0);
  await ctx.close();
});
