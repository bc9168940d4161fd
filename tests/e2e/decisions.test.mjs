// The nämnd's dates (issue 25): the lead time the user sets moves "Beslut" in the calendar and
// is kept; what the source leaves undated comes after every dated obligation; a shared link
// shows which agreements it holds, and what adding each would do, before anything is added.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, clean, openApp, tableRows, axe } from './harness.mjs';

const env = useApp();

const decisionDate = async (page) => {
  const rows = await tableRows(page, 'table.calendar');
  return rows.filter((r) => r[1] === 'Beslut om förlängning').map((r) => r[0]);
};

test('the lead time the user sets moves the decision date, is refused when not a lead time, and is kept', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.goto(env.server.origin + '/?kalender=kalmar-2025-2027');
  await page.waitForSelector('table.calendar');
  // Kalmar 2025–2027 ends 2027-12-31 without renewal and states no notice period: six months.
  assert.deepEqual(await decisionDate(page), ['2027-06-30']);
  assert.match(await page.textContent('.lead-time'), /Förval 6 månader/);
  await page.fill('#lead-months', '3');
  await page.dispatchEvent('#lead-months', 'change');
  await page.waitForFunction(() => [...document.querySelectorAll('table.calendar tr')].some((r) => r.textContent.includes('2027-09-30')));
  assert.deepEqual(await decisionDate(page), ['2027-09-30']);
  assert.match(await page.textContent('table.calendar'), /minus ledtid 3 månader/);

  await page.fill('#lead-months', 'sex');
  await page.dispatchEvent('#lead-months', 'change');
  await page.waitForSelector('#lead-error:has-text("hela månader")');
  assert.deepEqual(await decisionDate(page), ['2027-09-30'], 'a refused text changes nothing');
  assert.deepEqual(await axe(page), []);

  await page.reload();
  await page.waitForSelector('table.calendar');
  assert.equal(await page.inputValue('#lead-months'), '3', 'the lead time is kept');
  assert.deepEqual(await decisionDate(page), ['2027-09-30']);
  clean(problems);
  await ctx.close();
});

test('what the source leaves undated comes after every dated obligation', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  // Kalmar 2022–2024 states no payment dates; its period end and decision are dated.
  await page.goto(env.server.origin + '/?kalender=kalmar-2022-2024');
  await page.waitForSelector('table.calendar');
  const rows = await tableRows(page, 'table.calendar');
  const undated = rows.findIndex((r) => r[0].startsWith('utan datum'));
  assert.ok(undated > 0, `an undated row, not first: ${JSON.stringify(rows.slice(0, 3))}`);
  assert.ok(rows.slice(undated).every((r) => r[0].startsWith('utan datum')), 'all undated rows at the end');
  assert.match(rows[0][0], /^\d{4}-\d{2}-\d{2}$/, 'the listing starts with a date');
  assert.ok(!rows.some((r) => r[0].startsWith('okänt')));
  clean(problems);
  await ctx.close();
});

test('a shared link shows the agreements it holds and what adding each would do', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('tr[data-id="vallentuna-2021"] button.link');
  await page.click('button:has-text("Kopiera och ändra")');
  await page.fill('#e-name', 'Vallentuna delad');
  await page.click('nav a:has-text("Spara och dela")');
  await page.click('button:has-text("Dela som länk")');
  const link = await page.inputValue('#share-link');

  const other = await openApp(env.browser, env.server.origin);
  await other.page.goto(link);
  await other.page.waitForSelector('.import-result ul.import-list li');
  const item = await other.page.textContent('.import-result ul.import-list');
  assert.match(item, /Vallentuna delad \(Vallentuna, Kvinnojouren i Vallentuna\): 2021-07-01 – 2023-06-30, 50 000 kr per år – läggs till/);
  assert.equal(await other.page.locator('tr[data-id]').count(), 0, 'nothing added before the user decides');
  await other.page.click('button:has-text("Lägg till bland mina avtal")');
  // The same link again: the agreement is here now, and adding it would not add it twice.
  await other.page.goto('about:blank');
  await other.page.goto(link);
  await other.page.waitForSelector('.import-result ul.import-list li');
  assert.match(await other.page.textContent('.import-result ul.import-list'), /Vallentuna delad .* – finns redan, läggs inte till igen/);
  clean(problems);
  clean(other.problems);
  await other.ctx.close();
  await ctx.close();
});

test('the comparison\'s "Beslut senast" follows the lead time set beside it', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.goto(env.server.origin + '/?jamfor=kalmar-2025-2027,vallentuna-2021');
  const due = async () => (await page.textContent('tr:has(th:text-is("Beslut senast"))')).replace(/\s+/g, ' ');
  await page.waitForSelector('tr:has(th:text-is("Beslut senast"))');
  // Kalmar 2025–2027 ends 2027-12-31; Vallentuna's period running then ends 2027-06-30. Neither
  // states a notice period: six months before, by default (the same day number, 30 June → 30 December).
  assert.match(await due(), /Beslut senast\s*2027-06-30.*≠ 2026-12-30/);
  await page.fill('#lead-months', '4');
  await page.dispatchEvent('#lead-months', 'change');
  await page.waitForFunction(() => document.body.textContent.includes('2027-08-31'));
  assert.match(await due(), /Beslut senast\s*2027-08-31.*≠ 2027-02-28/);
  clean(problems);
  await ctx.close();
});
