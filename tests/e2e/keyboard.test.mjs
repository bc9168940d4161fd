// Every journey with the keyboard alone: Tab to reach, Enter or Space to act, typing to fill.
// No mouse call in this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useApp, clean, openApp, tabTo, axe, ARTIFACTS } from './harness.mjs';

const env = useApp();
const press = (page, key) => page.keyboard.press(key);

test('keyboard alone: filter, pick, compare, copy and edit, simulate, calendar, export and import', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  // Browse: filter by county with the keyboard.
  await tabTo(page, '#f-lan');
  await page.keyboard.type('Kalmar'); // typeahead picks Kalmar län
  assert.equal(await page.locator('table.agreements tbody tr').count(), 2);
  // Pick two agreements for comparison with Space, then compare with Enter.
  await tabTo(page, 'tr[data-id="kalmar-2022-2024"] input[type=checkbox]');
  await press(page, 'Space');
  await tabTo(page, 'tr[data-id="kalmar-2025-2027"] input[type=checkbox]');
  await press(page, 'Space');
  await tabTo(page, 'button:has-text("Jämför valda")');
  await press(page, 'Enter');
  await page.waitForSelector('table.compare');
  assert.equal(await page.locator('table.compare thead th').count(), 3);
  // Sort by a term with the keyboard.
  await tabTo(page, '#sort-key');
  await page.keyboard.type('Kronor');
  assert.equal(await page.inputValue('#sort-key'), 'annual');
  // Back to the list, open an agreement, copy it and edit it.
  await tabTo(page, 'nav li:nth-child(1) a');
  await press(page, 'Enter');
  await tabTo(page, 'tr[data-id="kalmar-2025-2027"] button.link');
  await press(page, 'Enter');
  await tabTo(page, 'button:text-is("Kopiera och ändra")');
  await press(page, 'Enter');
  await page.waitForSelector('form.agreement-form');
  await tabTo(page, '#e-funding-components-0-amount', 600);
  await press(page, 'Control+a');
  await page.keyboard.type('900 000');
  assert.equal(await page.locator('table.live tr[data-term="annual"] td').first().textContent(), '900 000 kr');
  // Simulate a termination from the organisation's side.
  await tabTo(page, '#t-notice', 600);
  await page.keyboard.type('2026-05-04');
  await tabTo(page, 'input[name="t-breach"]:checked');
  await press(page, 'ArrowDown');
  assert.equal(await page.textContent('dd[data-figure="repayment"]'), '0 kr – 0 kr');
  // The calendar of the agreement.
  await tabTo(page, 'button:text-is("Visa hela avtalet")');
  await press(page, 'Enter');
  await tabTo(page, 'button:text-is("Kalender")');
  await press(page, 'Enter');
  await page.waitForSelector('table.calendar');
  // Keep and share: export with Enter, import through the file picker opened from the keyboard.
  await tabTo(page, 'nav a:text-is("Spara och dela")');
  await press(page, 'Enter');
  await tabTo(page, 'button:has-text("Exportera (.json)")');
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'Enter')]);
  const file = join(ARTIFACTS, 'keyboard-export.json');
  await download.saveAs(file);
  await tabTo(page, '#import-file');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), press(page, 'Space')]);
  await chooser.setFiles(file);
  await page.waitForSelector('.import-result');
  await tabTo(page, 'button:has-text("Avbryt")');
  await press(page, 'Enter');
  assert.equal(await page.locator('.import-result').count(), 0);
  assert.deepEqual(await axe(page), [], 'the share view passes axe');
  // English, from the keyboard, and axe on the English page.
  await tabTo(page, 'button.lang');
  await press(page, 'Enter');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(await axe(page), []);
  clean(problems);
  await ctx.close();
});
