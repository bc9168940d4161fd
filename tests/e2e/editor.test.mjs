// Enter your own agreement (issue 14): the editor of every term, read as a user reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { useApp, clean, openApp, tabTo, axe, ARTIFACTS } from './harness.mjs';

const env = useApp();

const focused = (page) => page.evaluate(() => document.activeElement?.id);
const press = (page, key) => page.keyboard.press(key);
const typeIn = async (page, text) => { await page.keyboard.type(text); };

/** Reaches `selector` with Tab alone and types `text` into it. */
async function tabAndType(page, selector, text) {
  await tabTo(page, selector, 600);
  await typeIn(page, text);
}

test('a new agreement from the keyboard alone: Kramfors kommun and Kramfors Kvinnoforum, 575 000 kr a year', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await tabTo(page, 'button:text-is("Nytt avtal")');
  await press(page, 'Enter');
  await page.waitForSelector('form.agreement-form');
  assert.match(await page.textContent('.draft-note'), /Utkast/);
  await tabAndType(page, '#e-name', 'Kramfors 2023–2025');
  await tabTo(page, 'button:text-is("Lägg till offentlig part")', 600);
  await press(page, 'Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'e-public_parties-0-kommunkod');
  await typeIn(page, 'Kramfors kommun');
  await press(page, 'Tab');
  await press(page, 'Tab');
  assert.equal(await focused(page), 'e-public_parties-0-name');
  await typeIn(page, 'Kramfors kommun');
  await tabTo(page, 'button:text-is("Lägg till organisation")', 600);
  await press(page, 'Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'e-organisations-0-name');
  await typeIn(page, 'Kramfors Kvinnoforum');
  await tabAndType(page, '#e-term-start', '2023-01-01');
  await tabAndType(page, '#e-term-end', '2025-12-31');
  await tabTo(page, 'button:text-is("Lägg till belopp")', 600);
  await press(page, 'Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'e-funding-components-0-label');
  await tabAndType(page, '#e-funding-components-0-amount', '575 000');
  await tabTo(page, 'button:text-is("Lägg till betalare")', 600);
  await press(page, 'Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'e-funding-split-payers-0-name');
  await typeIn(page, 'Kommunstyrelsen');
  // Everything an agreement needs is given: no longer a draft.
  await page.waitForFunction(() => !document.querySelector('.draft-note'));
  assert.deepEqual(await axe(page), []);

  // The list: 575 000 kr a year and 32,87 kr per inhabitant (17 491 inhabitants).
  await tabTo(page, 'nav li:nth-child(1) a', 600);
  await press(page, 'Enter');
  const row = page.locator('tr[data-id="eget-1"]');
  assert.equal(await row.locator('td.amount').textContent(), '575 000 kr');
  assert.equal(await row.locator('td').nth(5).textContent(), '32,87 kr');
  assert.equal(await row.locator('.badge').count(), 0);
  assert.match(await row.locator('th').textContent(), /Kramfors/);
  // The comparison: 1 725 000 kr for the period.
  await row.locator('input[type="checkbox"]').focus();
  await press(page, 'Space');
  await page.locator('tr[data-id="kalmar-2025-2027"] input[type="checkbox"]').focus();
  await press(page, 'Space');
  await tabTo(page, 'button:has-text("Jämför valda (2)")');
  await press(page, 'Enter');
  await page.waitForSelector('table.compare');
  const total = await page.locator('tr[data-term="total"] td').allTextContents();
  assert.ok(total.some((t) => t.startsWith('1 725 000 kr')), total.join(' | '));
  clean(problems);
  await ctx.close();
});

/** Opens a new agreement in the editor. */
async function newAgreement(page) {
  await page.click('button:text-is("Nytt avtal")');
  await page.waitForSelector('form.agreement-form');
}

test('a split by fixed amounts: each payer\'s amount and its share of the whole', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await newAgreement(page);
  await page.click('button:text-is("Lägg till offentlig part")');
  await page.getByLabel('Kommun', { exact: true }).fill('Kalmar kommun');
  await page.click('button:text-is("Lägg till organisation")');
  await page.getByLabel('Organisation', { exact: true }).fill('Kvinnojouren Kalmar');
  await page.getByLabel('Start (ÅÅÅÅ-MM-DD)', { exact: true }).fill('2026-01-01');
  await page.getByLabel('Slut (ÅÅÅÅ-MM-DD)', { exact: true }).fill('2026-12-31');
  await page.click('button:text-is("Lägg till belopp")');
  await page.locator('#e-funding-components-0-amount').fill('600 000');
  await page.getByLabel('Fördelning mellan betalare', { exact: true }).selectOption({ label: 'Fasta belopp per år' });
  for (const [i, name, amount] of [[0, 'Socialnämnden', '250 000'], [1, 'Kommunstyrelsen', '350 000']]) {
    await page.click('button:text-is("Lägg till betalare")');
    await page.locator(`#e-funding-split-payers-${i}-name`).fill(name);
    await page.locator(`#e-funding-split-payers-${i}-amount`).fill(amount);
  }
  await page.waitForFunction(() => !document.querySelector('.draft-note'));
  await page.click('button:has-text("Visa hela avtalet")');
  await page.waitForSelector('h4:has-text("Fördelning mellan betalare") + ul li');
  const split = await page.locator('h4:has-text("Fördelning mellan betalare") + ul li').allTextContents();
  assert.deepEqual(split, [
    'Socialnämnden: 250 000 kr (41,67 %) – 250 000 kr per år',
    'Kommunstyrelsen: 350 000 kr (58,33 %) – 350 000 kr per år',
  ]);
  clean(problems);
  await ctx.close();
});

test('typing errors are reported next to their field, nothing else is lost, and fixing clears them', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await newAgreement(page);
  await page.click('button:text-is("Lägg till organisation")');
  await page.getByLabel('Organisation', { exact: true }).fill('Kramfors Kvinnoforum');
  const org = page.locator('#e-organisations-0-org_number');
  await org.fill('802400-1234');
  const orgError = page.locator('#e-organisations-0-org_number-error');
  assert.match(await orgError.textContent(), /kontrollsiffran stämmer inte/);
  await page.click('button:text-is("Lägg till belopp")');
  const amount = page.locator('#e-funding-components-0-amount');
  await amount.fill('1 0O0 kr');
  const amountError = page.locator('#e-funding-components-0-amount-error');
  assert.match(await amountError.textContent(), /"1 0O0 kr" är inte ett belopp i kronor/);
  assert.equal(await amount.getAttribute('aria-describedby'), 'e-funding-components-0-amount-error');
  // What was typed stays; the rest of the agreement is as it was.
  assert.equal(await amount.inputValue(), '1 0O0 kr');
  assert.equal(await page.locator('#e-organisations-0-name').inputValue(), 'Kramfors Kvinnoforum');
  await org.fill('832401-3807');
  await page.waitForFunction(() => !document.getElementById('e-organisations-0-org_number-error'));
  await amount.fill('1 000 kr');
  await page.waitForFunction(() => !document.getElementById('e-funding-components-0-amount-error'));
  // Unknown is a state of its own, never 0.
  await page.click('#e-funding-components-0-amount-unknown');
  assert.equal(await page.locator('#e-funding-components-0-amount').inputValue(), '');
  await page.click('button:has-text("Visa hela avtalet")');
  assert.match(await page.textContent('main'), /okänt/);
  clean(problems);
  await ctx.close();
});

test('undo back to the empty agreement, redo forward again, and a reload keeps the result and the steps', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await newAgreement(page);
  await page.locator('#e-name').fill('Ett eget avtal');
  await page.click('button:text-is("Lägg till organisation")');
  await page.locator('#e-organisations-0-name').fill('Kramfors Kvinnoforum');
  await page.locator('#e-term-start').fill('2023-01-01');
  const undo = page.locator('button:text-is("Ångra")');
  const redo = page.locator('button:text-is("Gör om")');
  assert.equal(await redo.isDisabled(), true);
  // Three fields and one list item: four steps back, with the keyboard's Ctrl+Z.
  await page.locator('#e-term-start').focus();
  for (let i = 0; i < 4; i++) await press(page, 'Control+z');
  assert.equal(await undo.isDisabled(), true);
  assert.equal(await page.locator('#e-name').inputValue(), '');
  assert.equal(await page.locator('#e-term-start').inputValue(), '');
  assert.equal(await page.locator('#e-organisations-0-name').count(), 0);
  // Forward again, by button and by Ctrl+Shift+Z.
  await redo.click();
  await redo.click();
  await page.locator('#e-name').focus();
  await press(page, 'Control+Shift+z');
  await press(page, 'Control+Shift+z');
  assert.equal(await redo.isDisabled(), true);
  assert.equal(await page.locator('#e-name').inputValue(), 'Ett eget avtal');
  assert.equal(await page.locator('#e-organisations-0-name').inputValue(), 'Kramfors Kvinnoforum');
  assert.equal(await page.locator('#e-term-start').inputValue(), '2023-01-01');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  await page.click('nav a:text-is("Avtal")'); // the reload stays in the editor
  assert.equal(await page.textContent('tr[data-id="eget-1"] .sub'), 'Ett eget avtal');
  assert.equal(await page.textContent('tr[data-id="eget-1"] .badge'), 'Utkast');
  await page.click('tr[data-id="eget-1"] button.link');
  await page.click('button:text-is("Ändra")');
  await page.waitForSelector('form.agreement-form');
  // The steps survive the reload: undo still goes back.
  await page.locator('button:text-is("Ångra")').click();
  assert.equal(await page.locator('#e-term-start').inputValue(), '');
  clean(problems);
  await ctx.close();
});

test('edit an imported agreement, export it, import it in a fresh browser: the same figures', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('tr[data-id="kalmar-2025-2027"] button.link');
  await page.click('button:has-text("Kopiera och ändra")');
  await page.waitForSelector('form.agreement-form');
  await page.locator('#e-funding-components-0-amount').fill('1 200 000');
  await page.locator('#e-termination-for_breach-cure_days').fill('45');
  await page.click('nav a:has-text("Spara och dela")');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Exportera (.json)")')]);
  const file = join(ARTIFACTS, 'edited.json');
  await download.saveAs(file);
  assert.ok(JSON.parse(readFileSync(file, 'utf8')).agreements.some((a) => a.id === 'kopia-1'));
  await ctx.close();

  const fresh = await openApp(env.browser, env.server.origin);
  await fresh.page.click('nav a:has-text("Spara och dela")');
  await fresh.page.setInputFiles('#import-file', file);
  await fresh.page.waitForSelector('.import-result');
  await fresh.page.click('button:has-text("Lägg till bland mina avtal")');
  await fresh.page.click('nav a:has-text("Avtal")');
  assert.equal(await fresh.page.textContent('tr[data-id="kopia-1"] td.amount'), '1 200 000 kr');
  await fresh.page.click('tr[data-id="kopia-1"] button.link');
  await fresh.page.click('button:text-is("Ändra")');
  assert.equal(await fresh.page.locator('#e-funding-components-0-amount').inputValue(), '1 200 000');
  assert.equal(await fresh.page.locator('#e-termination-for_breach-cure_days').inputValue(), '45');
  clean(problems);
  clean(fresh.problems);
  await fresh.ctx.close();
});

test('the editor on a 390-pixel phone screen: one column, nothing wider than the screen, axe-clean', async () => {
  const ctx = await env.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, problems } = await openApp(env.browser, env.server.origin, { context: ctx });
  await newAgreement(page);
  await page.click('button:text-is("Lägg till offentlig part")');
  await page.click('button:text-is("Lägg till belopp")');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(wide <= 390, `page is ${wide} px wide`);
  assert.deepEqual(await axe(page), []);
  clean(problems);
  await ctx.close();
});

test('a draft is marked in the list and in the comparison, and said to be left out of sums', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await newAgreement(page);
  await page.locator('#e-name').fill('Halvfärdigt');
  // An unknown amount reads "okänt" in its field, never a blank or a 0.
  await page.click('button:text-is("Lägg till belopp")');
  assert.equal(await page.locator('#e-funding-components-0-amount').getAttribute('placeholder'), 'okänt');
  await page.click('nav a:has-text("Avtal")');
  assert.equal(await page.textContent('tr[data-id="eget-1"] .badge'), 'Utkast');
  await page.check('tr[data-id="eget-1"] input[type="checkbox"]');
  await page.check('tr[data-id="kalmar-2025-2027"] input[type="checkbox"]');
  await page.click('button:has-text("Jämför valda (2)")');
  await page.waitForSelector('table.compare');
  assert.match(await page.textContent('.draft-note'), /Utkast \(markerade\) har problem kvar att rätta/);
  assert.match(await page.textContent('table.compare thead'), /Halvfärdigt\s*Utkast/);
  clean(problems);
  await ctx.close();
});
