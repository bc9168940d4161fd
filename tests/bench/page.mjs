// Browser benchmark of the built app (issue 7): run by scripts/bench.sh after a release build.
// Prints, for each figure, the median of several runs, its limit and the ratio or budget.
// Figures, not assertions: nothing here fails a build.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { startServer, launchBrowser, seededContext, ROOT } from '../e2e/harness.mjs';
import { openComparison, openWhatIf, typeAmount } from './interactions.mjs';

const RUNS = Number(process.env.RUNS || 7);
// ONLY=load,compare,typing,import,hostile runs some of the figures (the transfer size is always printed).
const ONLY = (process.env.ONLY || 'load,compare,typing,import,hostile').split(',');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const iop = (...args) => execFileSync(join(ROOT, 'target', 'release', 'iop'), args, { maxBuffer: 1 << 30 });

const server = await startServer();
const browser = await launchBrowser();
const dist = join(ROOT, 'dist');
const results = [];
const row = (figure, value, unit, limit, budget) => results.push({ figure, value, unit, limit, budget });

// A fresh context, with a scenario in local storage when one is given.
async function fresh(scenario, selected) {
  const ctx = scenario
    ? await seededContext(browser, JSON.stringify(scenario), selected)
    : await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  return { ctx, page };
}

// Scenarios from the generator (the same the Criterion benches use).
const gen = (n) => JSON.parse(iop('generate', String(n), '--seed', '3').toString());

// 1. Cold load to first render, next to the same content as a static page.
if (ONLY.includes('load')) {
  const { ctx, page } = await fresh();
  await page.goto(server.origin + '/');
  await page.waitForSelector('main[data-ready="true"]');
  const body = await page.evaluate(() => document.body.innerHTML);
  await ctx.close();
  writeFileSync(join(dist, 'static-list.html'),
    `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><link rel="stylesheet" href="style.css"></head><body>${body}</body></html>`);
  const app = [];
  const stat = [];
  for (let i = 0; i < RUNS; i++) {
    for (const [url, sel, out] of [['/', 'main[data-ready="true"] table.agreements tbody tr', app], ['/static-list.html', 'table.agreements tbody tr', stat]]) {
      const { ctx: c, page: p } = await fresh();
      const t0 = performance.now();
      await p.goto(server.origin + url, { waitUntil: 'commit' });
      await p.waitForSelector(sel);
      out.push(performance.now() - t0);
      await c.close();
    }
  }
  row('cold load to first render', median(app), 'ms', median(stat), '≤ 2× static');
}

// 2. Rendering a comparison of 290 agreements, next to the same table as static HTML. The app
// draws the rows in view (the table states all 290); a static page must hold all 290 rows, so
// both are measured: the whole table (what a static page would be) and only the drawn window.
if (ONLY.includes('compare')) {
  const s = gen(290);
  const ids = s.agreements.map((a) => a.id);
  const app = [];
  const whole = [];
  const drawnTimes = [];
  const again = [];
  let drawnHtml = '';
  let wholeHtml = '';
  const staticTime = (page, html) => page.evaluate((html) => {
    const t0 = performance.now();
    const div = document.createElement('div');
    div.innerHTML = html;
    document.body.append(div);
    document.body.offsetHeight;
    const t = performance.now() - t0;
    div.remove();
    return t;
  }, html);
  for (let i = 0; i < RUNS; i++) {
    const { ctx, page } = await fresh(s, ids);
    await page.goto(server.origin + '/');
    await page.waitForSelector('main[data-ready="true"]');
    app.push(await openComparison(page));
    if (!drawnHtml) {
      drawnHtml = await page.evaluate(() => document.querySelector('table.compare').outerHTML);
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      await page.waitForFunction(() => document.querySelectorAll('table.compare tbody tr[aria-rowindex]').length === 290);
      wholeHtml = await page.evaluate(() => document.querySelector('table.compare').outerHTML);
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    }
    whole.push(await staticTime(page, wholeHtml));
    drawnTimes.push(await staticTime(page, drawnHtml));
    // Opened again (the view's first drawing in the page done).
    await page.click('nav a:text-is("Avtal")');
    await page.waitForSelector('table.agreements');
    again.push(await openComparison(page));
    await ctx.close();
  }
  // The first opening in a fresh page, and opening it again.
  row('comparison of 290 agreements, first opening (vs the whole table as static HTML)', median(app), 'ms', median(whole), '≤ 3× static');
  row('comparison of 290 agreements, opened again (vs the whole table as static HTML)', median(again), 'ms', median(whole), '≤ 100 ms and ≤ 3× static');
  row('  the same, vs only the rows the app draws as static HTML', median(app), 'ms', median(drawnTimes), '(reported)');
}

// 3. Typing a term to the updated comparison, with 50 agreements.
if (ONLY.includes('typing')) {
  const s = gen(50);
  const times = [];
  const { ctx, page } = await fresh(s, s.agreements.map((a) => a.id));
  await page.goto(server.origin + '/');
  await page.waitForSelector('main[data-ready="true"]');
  await openWhatIf(page, 'gen-0');
  for (let i = 0; i < RUNS * 3; i++) times.push(await typeAmount(page, i));
  await ctx.close();
  row('typing to updated comparison (50 agreements)', median(times), 'ms', 16, '≤ 16 ms');
}

// 4. Importing a 5 MB scenario; 5. the page's memory after it.
if (ONLY.includes('import')) {
  const file = join(ROOT, 'tests', 'artifacts', 'bench-5mb.json');
  writeFileSync(file, iop('generate', '--bytes', String(5 * 1024 * 1024), '--seed', '4'));
  const times = [];
  let heap = 0;
  for (let i = 0; i < Math.max(3, Math.floor(RUNS / 2)); i++) {
    const { ctx, page } = await fresh();
    await page.goto(server.origin + '/');
    await page.waitForSelector('main[data-ready="true"]');
    await page.click('nav a:has-text("Spara och dela")');
    const t0 = performance.now();
    await page.setInputFiles('#import-file', file);
    await page.waitForSelector('.import-result', { timeout: 120000 });
    times.push(performance.now() - t0);
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    heap = metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    await ctx.close();
  }
  row('importing a 5 MB scenario (read and validate)', median(times), 'ms', 1000, '≤ 1 s');
  row('JS heap after that import', heap / 1024 / 1024, 'MB', null, '(reported)');
}

// 6. The attack's agreement (issue 13) over a century instead of eight thousand years: quarterly,
// 1 000 payers. Opening it, and its calendar (a window of two agreement years, 200 rows drawn).
if (ONLY.includes('hostile')) {
  const v = JSON.parse(readFileSync(join(ROOT, 'tests', 'bad-files', 'long-term-many-payers.json'), 'utf8'));
  v.agreements[0].term.start = '1950-01-01';
  v.agreements[0].term.end = { on: '2049-12-31' };
  const detail = [];
  const calendar = [];
  for (let i = 0; i < RUNS; i++) {
    const { ctx, page } = await fresh(v, []);
    await page.goto(server.origin + '/');
    await page.waitForSelector('main[data-ready="true"] tr[data-id="long-term"]');
    let t0 = performance.now();
    await page.click('tr[data-id="long-term"] button.link');
    await page.waitForSelector('button:has-text("Kalender")');
    detail.push(performance.now() - t0);
    t0 = performance.now();
    await page.click('button:has-text("Kalender")');
    await page.waitForSelector('table.calendar tbody tr');
    calendar.push(performance.now() - t0);
    await ctx.close();
  }
  row('opening an agreement of a century with 1 000 payers', median(detail), 'ms', null, '(reported)');
  row('its calendar (two agreement years, 200 of 8 010 rows drawn)', median(calendar), 'ms', null, '(reported)');
}

// 6. Transfer size of the page, as served: the `.br` copy of each file (the raw file where the
// build writes none, the icons). The first load is what a fresh page fetches until it is ready
// (no service worker, so only the page's own requests count); the offline copy is every file,
// which the service worker fetches once the page has started (the module is one file: every
// view opens from it).
const served = (f, ext) => {
  try { return readFileSync(join(dist, `${f}.${ext}`)).length; } catch { return readFileSync(join(dist, f)).length; }
};
{
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const fetched = new Set();
  page.on('requestfinished', (r) => {
    const path = new URL(r.url()).pathname.slice(1) || 'index.html';
    if (r.url().startsWith(server.origin)) fetched.add(path);
  });
  await page.goto(server.origin + '/');
  await page.waitForSelector('main[data-ready="true"]');
  await page.waitForLoadState('networkidle');
  await ctx.close();
  const first = [...fetched].sort();
  console.log('\nFirst load, as served (brotli; gzip for a server without brotli):');
  console.log('| file | raw bytes | brotli bytes | gzip bytes |\n|---|---:|---:|---:|');
  let [raw, br, gz] = [0, 0, 0];
  for (const f of first) {
    const r = readFileSync(join(dist, f)).length;
    const b = served(f, 'br');
    const g = served(f, 'gz');
    raw += r; br += b; gz += g;
    console.log(`| ${f} | ${r} | ${b} | ${g} |`);
  }
  console.log(`| first load | ${raw} | ${br} | ${gz} |`);
  row('first load, brotli (what a fresh visit fetches until ready)', br / 1000, 'KB', 375, '≤ 375 KB');
  row('first load, gzip', gz / 1000, 'KB', null, '(reported)');
  const site = readdirSync(dist).filter((f) => !/\.(br|gz)$/.test(f) && !f.startsWith('static-'));
  const all = site.reduce((n, f) => n + served(f, 'br'), 0);
  console.log(`\nThe offline copy: ${site.length} files, ${all} bytes brotli.`);
  row('the offline copy, brotli (every file, fetched by the service worker after the start)', all / 1000, 'KB', null, '(reported)');
}

await browser.close();
server.stop();

console.log(`\nMedians of ${RUNS} runs (headless Chromium, this machine):`);
console.log('| figure | measured | limit | ratio | budget |\n|---|---:|---:|---:|---|');
for (const r of results) {
  const ratio = r.limit ? (r.value / r.limit).toFixed(2) + '×' : '–';
  console.log(`| ${r.figure} | ${r.value.toFixed(1)} ${r.unit} | ${r.limit == null ? '–' : r.limit.toFixed(1) + ' ' + r.unit} | ${ratio} | ${r.budget} |`);
}
