// The journeys of issue 5, each as a user makes it: browse, read, compare, what-if, calendar,
// keep and share; with the keyboard alone where it matters, axe-core on every view, and no
// request beyond the page's own files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useApp, clean, openApp, tabTo, axe, tableRows, SCREENSHOTS, ARTIFACTS } from './harness.mjs';

const env = useApp();


async function pick(page, ids) {
  for (const id of ids) await page.check(`tr[data-id="${id}"] input[type=checkbox]`);
}

async function goCompare(page) {
  await page.click('nav a:has-text("Jämför")');
  await page.waitForSelector('table.compare');
}

test('browse: filter by county, organisation, status and date', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  const ids = async () => page.$$eval('table.agreements tbody tr', (t) => t.map((r) => r.dataset.id));
  await page.selectOption('#f-lan', 'Kalmar län');
  assert.deepEqual(await ids(), ['kalmar-2022-2024', 'kalmar-2025-2027']);
  await page.fill('#f-at', '2026-11-22');
  await page.dispatchEvent('#f-at', 'change');
  await page.selectOption('#f-status', 'ended');
  assert.deepEqual(await ids(), ['kalmar-2022-2024']);
  await page.selectOption('#f-lan', '');
  await page.selectOption('#f-status', 'extension');
  assert.deepEqual(await ids(), ['vallentuna-2021', 'varmdo']);
  await page.selectOption('#f-status', '');
  await page.fill('#f-org', 'nacka');
  assert.deepEqual(await ids(), ['varmdo', 'varmdo-kvinnojouren-2024-2026', 'varmdo-kvinnojouren-oppen-mottagning-2019']);
  await page.fill('#f-org', '');
  await page.fill('#f-kommun', 'linköping');
  assert.deepEqual(await ids(), ['linkoping-2019', 'linkoping-brottsofferjouren-2020-2022']);
  assert.deepEqual(await axe(page), []);
  clean(problems);
  await ctx.close();
});

test('browse: every row shows its status and amount on the chosen date', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  // What the page shows in the Status and "Belopp per år" columns, by agreement.
  const shown = async () => Object.fromEntries(await page.$$eval('table.agreements tbody tr', (trs) =>
    trs.map((tr) => [tr.dataset.id, [tr.cells[4].textContent.trim(), tr.cells[5].textContent.trim()]])));
  await page.fill('#f-at', '2026-11-22');
  await page.dispatchEvent('#f-at', 'change');
  let rows = await shown();
  assert.deepEqual(rows['kalmar-2022-2024'], ['Upphört', '1 000 000 kr']);
  assert.deepEqual(rows['kalmar-2025-2027'], ['Första perioden', '1 000 000 kr']);
  assert.deepEqual(rows['vallentuna-2021'], ['Förlängning 2', '50 000 kr']);
  await page.fill('#f-at', '2021-08-01');
  await page.dispatchEvent('#f-at', 'change');
  rows = await shown();
  assert.deepEqual(rows['kalmar-2022-2024'], ['Ej påbörjat', '1 000 000 kr']);
  assert.deepEqual(rows['kalmar-2025-2027'], ['Ej påbörjat', '1 000 000 kr']);
  assert.deepEqual(rows['vallentuna-2021'], ['Första perioden', '50 000 kr']);
  // The status filter and the rows agree.
  await page.selectOption('#f-status', 'not_started');
  const notStarted = await shown();
  assert.deepEqual(Object.keys(notStarted).sort(), ['haninge-brottsofferjouren-2022', 'haninge-kvinnojour-2022', 'haninge-manscentrum-2022',
    'haninge-ungdomsjour-2022', 'kalmar-2022-2024', 'kalmar-2025-2027', 'kramfors-kvinnoforum-2023-2025']);
  assert.ok(Object.values(notStarted).every(([status]) => status === 'Ej påbörjat'));
  clean(problems);
  await ctx.close();
});

test('read one agreement: every term, sources, unknowns, explanations one click away (keyboard only)', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await tabTo(page, 'tr[data-id="kalmar-2025-2027"] button.link');
  await page.keyboard.press('Enter');
  await page.waitForSelector('article.agreement');
  const figure = (name) => page.textContent(`dd[data-figure="${name}"]`);
  assert.equal(await figure('annual'), '1 000 000 kr');
  assert.equal(await figure('per_inhabitant'), '13,75 kr');
  assert.equal(await figure('total'), '3 000 000 kr');
  const text = await page.textContent('article.agreement');
  for (const expected of ['832401-3807', '212000-0746', 'Kommunledningskontoret: 50 % – 500 000 kr', 'kvartal 1',
    'inom 30 dagar', 'minst 2 per år', 'Skyddat boende', 'Barnkonventionen art. 3, 12 och 19',
    'Källa: 001_2a6dc1f590a5bec8.txt, §10 Ekonomi']) {
    assert.ok(text.includes(expected), `detail shows ${expected}`);
  }
  // The explanation is one click (one key press) away.
  const explanation = page.locator('dd[data-figure="per_inhabitant"] + dd details');
  assert.equal(await explanation.evaluate((d) => d.open), false);
  await tabTo(page, 'dd[data-figure="per_inhabitant"] + dd summary');
  await page.keyboard.press('Enter');
  assert.equal(await explanation.evaluate((d) => d.open), true);
  assert.match(await explanation.textContent(), /72 704 invånare/);
  assert.deepEqual(await axe(page), []);

  // Linköping: unknowns shown as unknown.
  await page.click('nav a:has-text("Avtal")');
  await page.click('tr[data-id="linkoping-2019"] button.link');
  assert.equal(await figure('annual'), 'okänt');
  assert.equal(await figure('total'), 'okänt');
  clean(problems);
  await ctx.close();
});

test('compare: side by side, differences and unknowns marked, sortable, with charts', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await pick(page, ['vallentuna-2021', 'kalmar-2025-2027', 'linkoping-2019']);
  await page.click('button:has-text("Jämför valda (3)")');
  await page.waitForSelector('table.compare');
  const heads = async () => page.$$eval('table.compare thead th', (t) => t.slice(1).map((x) => x.firstChild.textContent.trim()));
  assert.deepEqual(await heads(), ['Kalmar 2025–2027', 'Vallentuna 2021–', 'Linköping –2019']);
  const annual = page.locator('table.compare tr[data-term="annual"]');
  assert.equal(await annual.getAttribute('class'), 'differs');
  const cells = await annual.locator('td').allTextContents();
  // Compared against the first picked, Vallentuna: Kalmar's amount is marked as differing from it.
  assert.match(cells[0], /^≠ 1 000 000 kr/);
  assert.match(cells[1], /^50 000 kr/);
  assert.match(cells[2], /^okänt/);
  assert.equal(await annual.locator('td.unknown').count(), 1);
  // Sort by kronor per year, smallest first: unknown stays last.
  await page.selectOption('#sort-key', 'annual');
  await page.click('button[aria-pressed]');
  assert.deepEqual(await heads(), ['Vallentuna 2021–', 'Kalmar 2025–2027', 'Linköping –2019']);
  // Charts: labelled SVG with the figures in their description.
  assert.equal(await page.textContent('#money-title'), 'Kronor per år över tid');
  assert.match(await page.textContent('#pi-desc'), /Kalmar 2025–2027: 13,75 kr/);
  assert.match(await page.textContent('#pi-desc'), /Linköping –2019: okänt/);
  assert.equal(await page.locator('svg.bar-chart rect').count(), 3);
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(SCREENSHOTS, 'screenshot-compare.png'), fullPage: true });
  // Print: a clean table with its date and sources.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav').isVisible(), false);
  assert.equal(await page.locator('.print-sources').isVisible(), true);
  assert.match(await page.textContent('.print-meta'), /Per \d{4}-\d{2}-\d{2}/);
  await page.pdf({ path: join(ARTIFACTS, 'compare.pdf'), format: 'A4' });
  clean(problems);
  await ctx.close();
});

test('what-if: copy, edit with validation from iop-core, live comparison, termination, apply elsewhere', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('tr[data-id="kalmar-2025-2027"] button.link');
  await page.click('button:has-text("Kopiera och ändra")');
  await page.waitForSelector('form.agreement-form');
  const live = () => page.locator('table.live tr[data-term="annual"] td').first().textContent();
  assert.equal(await live(), '1 000 000 kr');
  await page.fill('#e-funding-components-0-amount', '1 200 000');
  assert.equal(await live(), '1 200 000 kr');
  assert.equal(await page.locator('table.live tr[data-term="per_inhabitant"] td').first().textContent(), '16,51 kr');
  // A typing error, reported by iop-core's parser next to the field; the last good value stays.
  await page.fill('#e-funding-components-0-amount', '12 tusen');
  assert.match(await page.textContent('#e-funding-components-0-amount-error'), /"12 tusen" är inte ett belopp i kronor/);
  assert.equal(await page.getAttribute('#e-funding-components-0-amount', 'aria-describedby'), 'e-funding-components-0-amount-error');
  assert.equal(await live(), '1 200 000 kr');
  await page.fill('#e-funding-components-0-amount', '1 200 000');
  // A rule broken: end before start, message from iop-core's validation next to the end field.
  await page.fill('#e-term-end', '2024-06-30');
  assert.match(await page.locator('#e-term-end-error').textContent(), /före startdatum 2025-01-01/);
  await page.fill('#e-term-end', '2027-12-31');
  assert.equal(await page.locator('#e-term-end-error').count(), 0);
  // Shares that do not make a whole.
  await page.fill('#e-funding-split-payers-0-share', '3/4');
  assert.match(await page.textContent('fieldset .field-error[role="alert"]'), /blir inte tillsammans en helhet/);
  await page.fill('#e-funding-split-payers-0-share', '1/2');
  // Termination, simulated.
  await page.fill('#e-funding-components-0-amount', '1 000 000');
  await page.fill('#t-notice', '2026-05-04');
  assert.equal(await page.textContent('dd[data-figure="effective"]'), '2026-06-04');
  assert.equal(await page.textContent('dd[data-figure="paid"]'), '2 000 000 kr');
  assert.equal(await page.textContent('dd[data-figure="repayment"]'), '0 kr – 2 000 000 kr');
  await page.check('input[name="t-breach"] >> nth=1');
  assert.equal(await page.textContent('dd[data-figure="repayment"]'), '0 kr – 0 kr');
  assert.deepEqual(await axe(page), []);
  await page.screenshot({ path: join(SCREENSHOTS, 'screenshot-whatif.png'), fullPage: true });
  // Apply to Nybro (19 951 inhabitants): 1 000 000 × 19 951 / 72 704 → 274 414 kr.
  await page.selectOption('#a-kommun', '0881');
  await page.click('button:has-text("Skapa avtal för kommunen")');
  await page.waitForFunction(() => document.querySelector('h2')?.textContent.includes('Ändra avtal'));
  assert.match(await page.inputValue('#e-name'), /tillämpat på Nybro/);
  assert.equal(await page.inputValue('#e-funding-components-0-amount'), '274 414');
  clean(problems);
  await ctx.close();
});

test('calendar: the dated obligations over the term', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('tr[data-id="kalmar-2025-2027"] button.link');
  await page.click('button:has-text("Kalender")');
  await page.waitForSelector('table.calendar');
  const rows = await tableRows(page, 'table.calendar');
  const payments = rows.filter((r) => r[1] === 'Utbetalning');
  assert.equal(payments.length, 6);
  assert.deepEqual(payments[0], ['2025-03-31', 'Utbetalning', 'Utbetalning från Kommunledningskontoret', '500 000 kr']);
  assert.ok(rows.some((r) => r[1] === 'Möte' && r[0] === '2025-07-01'));
  assert.ok(rows.some((r) => r[1] === 'Periodens slut' && r[0] === '2027-12-31'));
  assert.deepEqual(await axe(page), []);
  clean(problems);
  await ctx.close();
});

test('keep and share: survives a reload; export in one profile, import in a fresh one, same comparison', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('tr[data-id="vallentuna-2021"] button.link');
  await page.click('button:has-text("Kopiera och ändra")');
  await page.fill('#e-name', 'Vallentuna med tjejjour');
  await page.selectOption('#e-funding-components-1-kind-met', { label: 'Uppfyllt' });
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  await page.click('nav a:text-is("Avtal")'); // the reload stays where it was
  assert.ok(await page.locator('tr[data-id="kopia-1"]').count(), 'the copy survives a reload');
  assert.equal(await page.textContent('tr[data-id="kopia-1"] td.amount'), '75 000 kr');
  await pick(page, ['kopia-1', 'kalmar-2025-2027']);
  await goCompare(page);
  const before = await tableRows(page, 'table.compare');
  await page.click('nav a:has-text("Spara och dela")');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Exportera (.json)")')]);
  const file = join(ARTIFACTS, 'exported.json');
  await download.saveAs(file);
  clean(problems);

  const fresh = await openApp(env.browser, env.server.origin);
  await fresh.page.click('nav a:has-text("Spara och dela")');
  await fresh.page.setInputFiles('#import-file', file);
  await fresh.page.waitForSelector('.import-result');
  assert.match(await fresh.page.textContent('.import-result'), /Filen går att läsa: 2 avtal/);
  await fresh.page.click('button:has-text("Lägg till bland mina avtal")');
  await goCompare(fresh.page);
  assert.deepEqual(await tableRows(fresh.page, 'table.compare'), before);
  assert.deepEqual(await axe(fresh.page), []);
  clean(fresh.problems);
  await fresh.ctx.close();
  await ctx.close();
});

test('English is one click away', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('button.lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('#agreements-heading'), 'Agreements');
  assert.equal(await page.textContent('tr[data-id="linkoping-2019"] td.amount'), 'unknown');
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  assert.equal(await page.textContent('#agreements-heading'), 'Agreements', 'the choice is kept');
  clean(problems);
  await ctx.close();
});
