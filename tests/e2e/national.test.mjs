// A national comparison (issue 7): many agreements turn the table to one row per agreement, drawn
// as the user scrolls; the table states its full size, sorts across all rows and prints them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { useApp, clean, openApp, axe, seededContext, ROOT } from './harness.mjs';

const env = useApp();
const N = 120;

test('a comparison of 120 agreements: one row each, drawn as it scrolls, sorted across all, printed whole', async () => {
  const scenario = execFileSync(join(ROOT, 'target', 'debug', 'iop'), ['generate', String(N), '--seed', '11'], { maxBuffer: 1 << 28 }).toString();
  const ids = JSON.parse(scenario).agreements.map((a) => a.id);
  const ctx = await seededContext(env.browser, scenario, ids);
  const { page, problems } = await openApp(env.browser, env.server.origin, { context: ctx });
  await page.click('nav a:has-text("Jämför")');
  const table = page.locator('table.compare.national');
  await table.waitFor();
  assert.equal(await table.getAttribute('aria-rowcount'), String(N + 1));
  const drawn = () => page.$$eval('table.national tbody tr[aria-rowindex]', (rows) => rows.map((r) => ({ i: Number(r.getAttribute('aria-rowindex')), id: r.dataset.id })));
  const first = await drawn();
  assert.ok(first.length >= 20 && first.length < N, `a window of rows is drawn, not all ${N} (drew ${first.length})`);
  assert.deepEqual(first.slice(0, 3).map((r) => r.id), ids.slice(0, 3), 'picked order');
  assert.deepEqual(first.map((r) => r.i), first.map((_, k) => k + 2), 'rows carry their place in the whole table');
  // Keyboard: Tab walks the rows one by one, past the first window, and the focused row stays
  // the same agreement while rows are drawn and dropped around it.
  await page.focus('table.national tbody tr[aria-rowindex="2"] button');
  const focusedRow = () => page.evaluate(() => {
    const tr = document.activeElement.closest('tr');
    return tr && { i: tr.getAttribute('aria-rowindex'), id: tr.dataset.id };
  });
  for (let k = 1; k < 60; k++) {
    await page.keyboard.press('Tab');
    if (k % 20 === 0) assert.deepEqual(await focusedRow(), { i: String(k + 2), id: ids[k] });
  }
  assert.deepEqual(await focusedRow(), { i: '61', id: ids[59] });
  assert.ok(!(await drawn()).some((r) => r.i === 2), 'the first rows were dropped meanwhile');
  // Scrolling to the end draws the last rows, in the same order.
  await page.$eval('.table-wrap.tall', (el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForSelector(`table.national tr[aria-rowindex="${N + 1}"]`);
  const last = await drawn();
  assert.equal(last.at(-1).id, ids.at(-1));
  assert.ok(!last.some((r) => r.i === 2), 'the first rows left the page');
  // Sorting while scrolled to the end keeps the place: the region still shows rows (the last
  // ones of the new order), not blank space.
  await page.selectOption('#sort-key', 'annual');
  const rowsInView = () => page.evaluate(() => {
    const r = document.querySelector('.table-wrap.tall').getBoundingClientRect();
    return [...document.querySelectorAll('table.national tbody tr[aria-rowindex]')].filter((tr) => {
      const b = tr.getBoundingClientRect();
      return b.bottom > r.top && b.top < r.bottom;
    }).length;
  });
  assert.ok(await rowsInView() >= 10, 'rows fill the region after sorting');
  assert.ok((await drawn()).some((r) => r.i === N + 1), 'the last row of the sorted table is drawn');
  // Another tab renames an agreement in view: the comparison redraws and keeps its place.
  const shown = (await drawn()).at(-1).id;
  const other = await ctx.newPage();
  await other.goto(env.server.origin + '/manifest.webmanifest');
  await other.evaluate((id) => {
    const s = JSON.parse(localStorage.getItem('iop.scenario'));
    s.agreements.find((a) => a.id === id).name = 'Omdöpt i en annan flik';
    localStorage.setItem('iop.scenario', JSON.stringify(s));
  }, shown);
  await page.waitForSelector(`table.national tr[data-id="${shown}"] th:has-text("Omdöpt i en annan flik")`);
  assert.ok(await rowsInView() >= 10, 'rows fill the region after the redraw');
  await other.close();
  // Sorting orders all agreements, not only those drawn: the first row holds the largest amount.
  await page.$eval('.table-wrap.tall', (el) => { el.scrollTop = 0; });
  await page.waitForSelector('table.national tr[aria-rowindex="2"]');
  const col = await page.$$eval('table.national thead th', (th) => th.findIndex((t) => t.dataset.term === 'annual'));
  assert.ok(col > 0, 'a column for the yearly amount');
  assert.equal(await page.getAttribute('table.national th[data-term="annual"]', 'aria-sort'), 'descending');
  assert.equal(await page.locator('table.national th[aria-sort]').count(), 1);
  const kronor = (s) => Number(s.replace(/[^0-9,]/g, '').replace(',', '.'));
  const top = await page.$$eval(`table.national tbody tr[aria-rowindex] > :nth-child(${col + 1})`, (c) => c.map((x) => x.textContent));
  const known = top.filter((t) => /kr/.test(t)).map(kronor);
  assert.ok(known.length > 10);
  assert.deepEqual(known, [...known].sort((a, b) => b - a), 'largest first');
  // The region scrolls from the keyboard; the page has no serious accessibility violation.
  assert.equal(await page.getAttribute('.table-wrap.tall', 'tabindex'), '0');
  assert.deepEqual(await axe(page), []);
  // Printing draws every row (the browser announces printing with beforeprint).
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction((n) => document.querySelectorAll('table.national tbody tr[aria-rowindex]').length === n, N);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.print-sources').isVisible(), true);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction((n) => document.querySelectorAll('table.national tbody tr[aria-rowindex]').length < n, N);
  clean(problems);
  await ctx.close();
});
