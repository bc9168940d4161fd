// Issue 24, the list: the catalogue's real agreements beside the seeds, found by size, län and
// its neighbours, kind and year, sorted by any column, never ending at "0 avtal visas", and the
// national reference figure drawn in the per-inhabitant chart with its source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, clean, openApp, axe, copyOf } from './harness.mjs';

const env = useApp();
const LUND = 'lund-kvinnojouren-lund-2018-2020';

/** Waits until the catalogue's agreements are in the list. */
const catalogueShown = (page) => page.waitForSelector(`tr[data-id="${LUND}"]`);

/** Swedish figures as numbers: "131 590" → 131590, "2,58 kr" → 2.58; null for "okänt". */
const number = (text) => {
  const t = text.replace(/\s|kr/g, '').replace(',', '.');
  return t === '' || Number.isNaN(Number(t)) ? null : Number(t);
};

const cell = (page, id, cls) => page.textContent(`tr[data-id="${id}"] td.${cls}`);

test('the list shows the catalogue with population and kr per invånare, badged and read-only', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await catalogueShown(page);
  assert.equal(await cell(page, LUND, 'amount'), '340 000 kr');
  assert.equal(await cell(page, LUND, 'population'), '131 590');
  // 340 000 kr / 131 590 inhabitants.
  assert.equal(await cell(page, LUND, 'per-inhabitant'), '2,58 kr');
  assert.equal(await page.textContent(`tr[data-id="${LUND}"] .badge`), 'Katalog');
  assert.match(await page.textContent('.catalogue-status'), /^Katalogen: 25 verkliga avtal/);
  assert.equal(await page.locator('table.agreements tbody tr').count(), 30);
  // A seed's population too.
  assert.equal(await cell(page, 'kalmar-2025-2027', 'population'), '72 704');
  // Read-only: it opens and is copied to be changed.
  const copy = await copyOf(page, LUND);
  assert.match(copy, /^kopia-/);
  assert.deepEqual(await axe(page), []);
  clean(problems);
  await ctx.close();
});

test('"Liknande storlek som Karlskrona" shows kommuner of 44 201–99 451 inhabitants and says so', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await catalogueShown(page);
  await page.fill('#f-liknande', 'Karlskrona');
  await page.waitForFunction(() => /44 201–99 451 invånare/.test(document.querySelector('#f-liknande-range').textContent));
  assert.equal(await page.textContent('#f-liknande-range'), 'Kommuner med 44 201–99 451 invånare (Karlskrona har 66 301).');
  await page.waitForFunction(() => document.querySelectorAll('table.agreements tbody tr').length < 30);
  const populations = await page.$$eval('table.agreements tbody td.population', (tds) => tds.map((td) => td.textContent));
  assert.ok(populations.length > 0, 'some kommuner are of that size');
  for (const p of populations) {
    const n = number(p);
    assert.ok(n >= 44201 && n <= 99451, `${p} is in the range`);
  }
  const ids = await page.$$eval('table.agreements tbody tr', (t) => t.map((r) => r.dataset.id));
  assert.ok(ids.includes('kalmar-2025-2027'), ids.join(' '));
  assert.ok(!ids.includes(LUND), 'Lund (131 590) is larger');
  assert.match(await page.textContent('p.count'), new RegExp(`^${ids.length} avtal visas\\.`));
  // A name that is no kommun says so and filters on nothing.
  await page.fill('#f-liknande', 'Karlskron');
  await page.waitForFunction(() => document.querySelector('#f-liknande-range').textContent === 'Ingen kommun med det namnet.');
  clean(problems);
  await ctx.close();
});

test('a filter that matches nothing offers the nearest agreements with their reasons', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await catalogueShown(page);
  await page.selectOption('#f-lan', 'Blekinge län');
  await page.waitForSelector('.offered');
  assert.match(await page.textContent('p.count'), /^0 avtal visas\./);
  assert.equal(await page.textContent('#offered-heading'), 'Inget avtal matchar. De närmaste:');
  const offered = await page.$$eval('.offered-list li', (lis) => lis.map((li) => [li.dataset.id, li.querySelector('.why').textContent]));
  assert.ok(offered.length > 0);
  assert.deepEqual(offered.find(([id]) => id === 'kalmar-2025-2027'), ['kalmar-2025-2027', 'I ett grannlän till Blekinge län.']);
  assert.ok(offered.some(([id]) => id === LUND), 'Skåne borders Blekinge too');
  assert.deepEqual(await axe(page), []);
  // An offered agreement is picked for comparison, and opens.
  await page.check('.offered-list li[data-id="kalmar-2025-2027"] input[type=checkbox]');
  assert.match(await page.textContent('button:has-text("Jämför valda")'), /\(1\)/);
  await page.click('.offered-list li[data-id="kalmar-2025-2027"] button.link');
  await page.waitForFunction(() => document.querySelector('main h2')?.textContent === 'Kalmar 2025–2027');
  // Back: the filter is kept; "Visa alla avtal" empties it.
  await page.goBack();
  await page.waitForSelector('.offered');
  await page.click('button.clear-filter');
  await page.waitForFunction(() => document.querySelectorAll('table.agreements tbody tr').length === 30);
  assert.equal(await page.inputValue('#f-lan'), '');
  // "med grannlän" widens the county itself.
  await page.selectOption('#f-lan', 'Blekinge län');
  await page.check('#f-grannlan');
  await page.waitForSelector('tr[data-id="kalmar-2025-2027"]');
  clean(problems);
  await ctx.close();
});

test('kind of organisation, kind of source and year filter the list', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await catalogueShown(page);
  const ids = () => page.$$eval('table.agreements tbody tr', (t) => t.map((r) => r.dataset.id));
  await page.selectOption('#f-slag', 'brottsofferjour');
  await page.waitForFunction(() => document.querySelectorAll('table.agreements tbody tr').length < 30);
  const boj = await ids();
  assert.ok(boj.includes('haninge-brottsofferjouren-2022') && !boj.includes(LUND), boj.join(' '));
  await page.selectOption('#f-slag', '');
  await page.fill('#f-ar', '2019');
  await page.waitForFunction(() => !document.querySelector('tr[data-id="kalmar-2025-2027"]'));
  const in2019 = await ids();
  assert.ok(in2019.includes(LUND), in2019.join(' '));
  await page.selectOption('#f-kalla', 'nyhet');
  await page.waitForFunction(() => document.querySelectorAll('table.agreements tbody tr').length < 30);
  // Every option is in words, never a key.
  const kinds = await page.$$eval('#f-kalla option', (o) => o.map((x) => x.textContent));
  assert.deepEqual(kinds, ['Alla', 'Avtal', 'Beslut', 'Nyhet', 'Annat']);
  clean(problems);
  await ctx.close();
});

test('every column header sorts, both ways, unknowns last', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await catalogueShown(page);
  const figures = () => page.$$eval('table.agreements tbody td.per-inhabitant', (tds) => tds.map((td) => td.textContent));
  const header = 'table.agreements th:has(button:text-is("Kr per invånare"))';
  await page.click(`${header} button`);
  await page.waitForFunction((h) => document.querySelector('table.agreements thead th:nth-child(7)').getAttribute('aria-sort') === 'ascending', header);
  let shown = (await figures()).map(number);
  const known = shown.filter((v) => v !== null);
  assert.equal(shown[0], Math.min(...known), `first row ${shown[0]}`);
  assert.deepEqual(known, [...known].sort((a, b) => a - b));
  assert.equal(shown.at(-1), null, 'unknown last');
  await page.click(`${header} button`);
  await page.waitForFunction(() => document.querySelector('table.agreements thead th:nth-child(7)').getAttribute('aria-sort') === 'descending');
  shown = (await figures()).map(number);
  assert.equal(shown[0], Math.max(...known), `first row ${shown[0]}`);
  assert.equal(shown.at(-1), null, 'unknown last');
  // Population, by the keyboard.
  await page.focus('table.agreements th:has(button:text-is("Folkmängd")) button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('table.agreements thead th:nth-child(8)').getAttribute('aria-sort') === 'ascending');
  const pops = (await page.$$eval('table.agreements tbody td.population', (tds) => tds.map((td) => td.textContent))).map(number).filter((v) => v !== null);
  assert.deepEqual(pops, [...pops].sort((a, b) => a - b));
  // Kommun sorts in Swedish order (Ö after Ä after Å after Z).
  await page.click('table.agreements th button:text-is("Kommun")');
  await page.waitForFunction(() => document.querySelector('table.agreements thead th:nth-child(2)').getAttribute('aria-sort') === 'ascending');
  const names = await page.$$eval('table.agreements tbody th[scope=row] button.link', (b) => b.map((x) => x.textContent));
  assert.equal(names.at(-1), 'Östersund');
  assert.equal(names[0], 'Arvidsjaur');
  clean(problems);
  await ctx.close();
});

test('the per-inhabitant chart draws the national reference line with its source', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await catalogueShown(page);
  await page.check(`tr[data-id="${LUND}"] input[type=checkbox]`);
  await page.check('tr[data-id="kalmar-2025-2027"] input[type=checkbox]');
  await page.click('button:has-text("Jämför valda")');
  await page.waitForSelector('svg.bar-chart .reference-line');
  const year = new Date().getFullYear();
  assert.ok(year >= 2023, 'the latest survey is 2023');
  assert.equal(await page.textContent('svg.bar-chart .reference-line text'), 'Riksgenomsnitt 2023: 2,81 kr');
  const source = await page.textContent('.reference-source');
  assert.match(source, /Riksgenomsnitt 2023: 2,81 kr per invånare \(snitt för alla kommuner, brottsofferjour\)\. Källa: Brottsofferjouren Sverige, Stora regionala skillnader/);
  assert.equal(await page.getAttribute('.reference-source a', 'href'),
    'https://www.brottsofferjouren.se/2024/03/25/stora-regionala-skillnader-i-kommunalt-stod-till-brottsofferjourer/');
  assert.match(await page.textContent('svg.bar-chart desc'), /Riksgenomsnitt 2023: 2,81 kr/);
  assert.deepEqual(await axe(page), []);
  clean(problems);
  await ctx.close();
});

test('without the catalogue (offline, no copy) the list says so and keeps working with the seeds', async () => {
  const ctx = await env.browser.newContext({ locale: 'sv-SE', serviceWorkers: 'block' });
  await ctx.route('**/katalog.json', (route) => route.abort('internetdisconnected'));
  const { page, problems } = await openApp(env.browser, env.server.origin, { context: ctx });
  await page.waitForFunction(() => /kunde inte läsas/.test(document.querySelector('.catalogue-status')?.textContent ?? ''));
  assert.equal(await page.textContent('.catalogue-status'),
    'Katalogen över verkliga avtal kunde inte läsas (ingen anslutning?). Listan visar de inbyggda avtalen och dina egna.');
  assert.equal(await page.locator('table.agreements tbody tr').count(), 5);
  await page.selectOption('#f-lan', 'Kalmar län');
  await page.waitForFunction(() => document.querySelectorAll('table.agreements tbody tr').length === 2);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  await ctx.close();
});
