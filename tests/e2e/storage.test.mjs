// Nothing changes behind the user's back (issue 21): two tabs never lose an edit, an undo
// history belongs to one agreement and never costs the work a save, and every row of the list
// can be reached whatever its name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp, clean, stored, copyOf } from './harness.mjs';

const env = useApp();

/** Opens agreement `id` in the editor through the list. */
async function edit(page, id) {
  await page.click('nav a:text-is("Avtal")');
  await page.click(`tr[data-id="${id}"] button.link`);
  await page.click('button:text-is("Ändra")');
  await page.waitForSelector('form.agreement-form');
}

/** Waits until the stored work holds `text`. */
const storedHas = (page, text) =>
  page.waitForFunction((t) => (localStorage.getItem('iop.scenario') || '').includes(t), text);

/** What a fresh page of the same browser shows for agreement `id`: its name, notes and start. */
async function afterReload(ctx, id) {
  const page = await ctx.newPage();
  await page.goto(`${env.server.origin}/?redigera=${id}`);
  await page.waitForSelector('form.agreement-form');
  const read = {
    notes: await page.inputValue('#e-notes'),
    start: await page.inputValue('#e-term-start'),
  };
  await page.close();
  return read;
}

for (const sameAgreement of [true, false]) {
  test(`two tabs: an idle tab never writes its old copy over the other's edits (${sameAgreement ? 'the same agreement' : 'another agreement'})`, async () => {
    const ctx = await env.browser.newContext({ locale: 'sv-SE' });
    // Tab A makes an agreement (and a second one) and then sits idle.
    const a = await openApp(env.browser, env.server.origin, { context: ctx });
    const first = await copyOf(a.page, 'kalmar-2025-2027');
    const second = await copyOf(a.page, 'vallentuna-2021');
    await storedHas(a.page, second);
    // Tab B, opened later, edits notes and the start date.
    const b = await openApp(env.browser, env.server.origin, { context: ctx });
    const target = sameAgreement ? first : second;
    await edit(b.page, target);
    await b.page.fill('#e-notes', 'Anteckning från flik B');
    await storedHas(b.page, 'Anteckning från flik B');
    await b.page.fill('#e-term-start', '2025-02-01');
    await storedHas(b.page, '2025-02-01');
    await b.page.fill('#e-notes', 'Andra anteckningen från flik B');
    await storedHas(b.page, 'Andra anteckningen från flik B');
    // Tab A took in B's edits: its editor shows them, and storage still holds them.
    await edit(a.page, target);
    await a.page.waitForFunction(() => document.getElementById('e-notes').value === 'Andra anteckningen från flik B');
    assert.match(await stored(b.page), /Andra anteckningen från flik B/);
    assert.match(await stored(b.page), /2025-02-01/);
    // Then A edits another field of it: both sides' edits stay.
    await a.page.fill('#e-name', 'Namn från flik A');
    await storedHas(a.page, 'Namn från flik A');
    assert.match(await stored(a.page), /Andra anteckningen från flik B/);
    // Both tabs closed: a reload shows every edit.
    await a.page.close();
    await b.page.close();
    assert.deepEqual(await afterReload(ctx, target), { notes: 'Andra anteckningen från flik B', start: '2025-02-01' });
    clean(a.problems);
    clean(b.problems);
    await ctx.close();
  });
}

test('undo belongs to one agreement: a deleted copy\'s steps never touch a later copy, ids are not given twice', async () => {
  const { ctx, page, problems } = await openApp(env.browser, env.server.origin);
  const kalmar = await copyOf(page, 'kalmar-2025-2027');
  assert.equal(kalmar, 'kopia-1');
  await page.fill('#e-funding-components-0-amount', '1 000 000');
  await page.fill('#e-name', 'Kalmarkopian');
  await storedHas(page, 'Kalmarkopian');
  await page.click('button:text-is("Ta bort avtalet")');
  await page.waitForSelector('table.agreements');
  // It is gone from storage once the deletion is stored, and its history went with it.
  await page.waitForFunction(() => !(localStorage.getItem('iop.scenario') || '').includes('Kalmarkopian'));
  assert.doesNotMatch(await page.evaluate(() => JSON.stringify(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))), /Kalmarkopian/);
  const varmdo = await copyOf(page, 'varmdo');
  assert.notEqual(varmdo, 'kopia-1', 'an id is never given to a second agreement');
  const amount = await page.inputValue('#e-funding-components-0-amount');
  assert.ok(await page.locator('button:text-is("Ångra")').isDisabled(), 'a new copy has nothing to undo');
  await page.locator('#e-name').focus();
  await page.keyboard.press('Control+z');
  assert.equal(await page.inputValue('#e-funding-components-0-amount'), amount);
  clean(problems);
  await ctx.close();
});

test('the undo history never costs the work a save: storage full of steps, the work is still stored', async () => {
  const { ctx, page, problems } = await openApp(env.browser, env.server.origin);
  const id = await copyOf(page, 'kalmar-2025-2027');
  // Many distinct steps, alternating fields so that each is a step of its own.
  for (let i = 0; i < 300; i++) {
    await page.fill(i % 2 ? '#e-name' : '#e-notes', `steg ${i} `.repeat(20));
  }
  await storedHas(page, 'steg 299');
  const history = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('iop.history'))
    .reduce((n, k) => n + localStorage.getItem(k).length, 0));
  assert.ok(history < 600 * 1024, `the history is bounded (${history} characters)`);
  // Fill what is left of storage, then write a large piece of work: it is stored.
  await page.evaluate(() => {
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; ; i++) {
      try { localStorage.setItem(`fill.${i}`, chunk); } catch { break; }
    }
    for (let i = 0; ; i++) {
      try { localStorage.setItem(`small.${i}`, 'x'.repeat(4 * 1024)); } catch { break; }
    }
  });
  const big = 'Stor anteckning. '.repeat(2000);
  await page.fill('#e-notes', big);
  await page.waitForFunction(() => /Ditt arbete är sparat/.test(document.querySelector('.save-status')?.textContent ?? ''));
  await page.waitForFunction(() => (localStorage.getItem('iop.scenario') || '').includes('Stor anteckning. Stor anteckning.'));
  assert.doesNotMatch(await page.textContent('.save-status'), /Inte sparat/);
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  await page.goto(`${env.server.origin}/?redigera=${id}`);
  await page.waitForSelector('form.agreement-form');
  assert.equal(await page.inputValue('#e-notes'), big);
  assert.deepEqual(problems.pageErrors, []);
  await ctx.close();
});

test('a row whose name or kommun is blank, invisible or a right-to-left mark can be opened', async () => {
  const { ctx, page, problems } = await openApp(env.browser, env.server.origin);
  for (const name of ['', '\u200b', '\u202e']) {
    await page.click('nav a:text-is("Avtal")');
    await page.click('button:text-is("Nytt avtal")');
    await page.waitForSelector('form.agreement-form');
    await page.fill('#e-name', name === '' ? 'x' : name);
    if (name === '') await page.fill('#e-name', '');
  }
  await page.click('nav a:text-is("Avtal")');
  const rows = page.locator('tr[data-id^="eget-"]');
  assert.equal(await rows.count(), 3);
  for (let i = 0; i < 3; i++) {
    const button = rows.nth(i).locator('th button');
    const box = await button.boundingBox();
    assert.ok(box && box.width > 20, `row ${i}: its button is ${box?.width} px wide`);
    assert.match(await rows.nth(i).locator('th').textContent(), /namnlöst avtal/);
  }
  await rows.nth(2).locator('th button').click();
  await page.waitForSelector('article.agreement');
  clean(problems);
  await ctx.close();
});
