// Hostile input, round two (issue 13): bounded work in the page, nothing lost, messages in the
// page's language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useApp, clean, openApp, ROOT, ARTIFACTS } from './harness.mjs';

const env = useApp();

const stored = (page, key = 'iop.scenario') => page.evaluate((k) => localStorage.getItem(k), key);

/** The attack's file (one agreement, quarterly, 1 000 payers), with the term given. */
function longTerm(start, end, name) {
  const v = JSON.parse(readFileSync(join(ROOT, 'tests', 'bad-files', 'long-term-many-payers.json'), 'utf8'));
  v.agreements[0].term.start = start;
  v.agreements[0].term.end = { on: end };
  const file = join(ARTIFACTS, name);
  writeFileSync(file, JSON.stringify(v));
  return file;
}

async function importFile(page, file) {
  await page.click('nav a:has-text("Spara och dela")');
  await page.setInputFiles('#import-file', file);
  await page.waitForSelector('.import-result');
  return page.textContent('.import-result');
}

test('a thousand payers over a century: the calendar draws a window, a part at a time, and the page keeps working', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  // Over a hundred years: refused with its place and reason, in Swedish.
  const text = await importFile(page, join(ROOT, 'tests', 'bad-files', 'long-term-many-payers.json'));
  assert.match(text, /agreements\[0\]\.term\.end/);
  assert.match(text, /Avtalstiden 1900-01-01 – 9999-12-31 är över 100 år/);
  await page.click('.import-result button:has-text("Stäng")');

  // A hundred years is read (a warning) and opens.
  const century = await importFile(page, longTerm('1950-01-01', '2049-12-31', 'century.json'));
  assert.match(century, /över 30 år/);
  await page.click('button:has-text("Lägg till bland mina avtal")');
  await page.click('nav a:has-text("Avtal")');
  await page.fill('#f-at', '2026-12-01');
  await page.dispatchEvent('#f-at', 'change');
  await page.click('tr[data-id="long-term"] button.link');
  await page.click('button:has-text("Kalender")');
  await page.waitForSelector('table.calendar');
  assert.match(await page.textContent('.window-note'), /Visar 2026-01-01 – 2027-12-31; avtalet har också tidigare och senare datum, som inte visas\./);
  // 2 agreement years × 4 payments × 1 000 payers, and a few other obligations; 200 drawn.
  assert.equal(await page.locator('table.calendar tbody tr').count(), 200);
  const status = page.locator('p[role="status"]:has-text("rader")');
  assert.match(await status.textContent(), /Visar 200 av 80\d\d rader\./);
  const first = page.locator('table.calendar tbody tr').first();
  assert.equal(await first.locator('td').nth(2).textContent(), 'Utbetalning från Betalare 0');
  assert.equal(await first.locator('td').nth(3).textContent(), '250 kr');
  await page.click('button:has-text("Visa 200 till")');
  assert.equal(await page.locator('table.calendar tbody tr').count(), 400);
  // The page still answers: another date moves the window, navigation and export work.
  await page.fill('#cal-at', '2040-06-01');
  await page.dispatchEvent('#cal-at', 'change');
  await page.waitForFunction(() => document.querySelector('.window-note')?.textContent.includes('2040-01-01 – 2041-12-31'));
  await page.click('nav a:has-text("Spara och dela")');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Exportera (.json)")')]);
  await download.saveAs(join(ARTIFACTS, 'century-export.json'));
  assert.ok(JSON.parse(readFileSync(join(ARTIFACTS, 'century-export.json'), 'utf8')).agreements.some((a) => a.id === 'long-term'));
  clean(problems);
  await ctx.close();
});

for (const [label, raw] of [
  ['garbage', 'garbage{'],
  ['a share of 0/0', () => {
    const v = JSON.parse(readFileSync(join(ROOT, 'tests', 'bad-files', 'duplicate-key.json'), 'utf8'));
    v.agreements[0].funding.split.payers[0].share = '0/0';
    return JSON.stringify(v);
  }],
]) {
  test(`storage holding ${label}: a new agreement is stored under the main key and survives a reload`, async () => {
    const value = typeof raw === 'function' ? raw() : raw;
    const ctx = await env.browser.newContext();
    await ctx.addInitScript((v) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('iop.scenario', v);
        sessionStorage.setItem('seeded', '1');
      }
    }, value);
    const { page, problems } = await openApp(env.browser, env.server.origin, { context: ctx });
    await page.click('tr[data-id="kalmar-2025-2027"] button.link');
    await page.click('button:has-text("Kopiera och ändra")');
    await page.fill('#e-name', 'Mitt nya avtal');
    await page.waitForFunction(() => (localStorage.getItem('iop.scenario') || '').includes('Mitt nya avtal'));
    assert.equal(await stored(page, 'iop.scenario.unreadable'), value, 'the unreadable data is kept');
    assert.equal(await page.textContent('.site-footer .save-status'), 'Ditt arbete är sparat i den här webbläsaren.');
    await page.reload();
    await page.waitForSelector('main[data-ready="true"]');
    await page.click('nav a:text-is("Avtal")'); // the reload stays in the editor
    assert.equal(await page.textContent('tr[data-id="kopia-1"] .sub'), 'Mitt nya avtal');
    clean(problems);
    await ctx.close();
  });
}

test('storage where no backup fits: nothing is written over the unreadable data, and the page says the work is not saved', async () => {
  const ctx = await env.browser.newContext();
  await ctx.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('iop.scenario', 'garbage{');
      sessionStorage.setItem('seeded', '1');
    }
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('iop.scenario.unreadable')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  const { page, problems } = await openApp(env.browser, env.server.origin, { context: ctx });
  assert.match(await page.textContent('.banner.warning'), /Någon säkerhetskopia fick inte plats/);
  await page.click('tr[data-id="kalmar-2025-2027"] button.link');
  await page.click('button:has-text("Kopiera och ändra")');
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.equal(await stored(page), 'garbage{');
  assert.match(await page.textContent('.site-footer .save-status'), /^Inte sparat: webbläsarens lagring för sidan är full\. Exportera ditt arbete\.$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.banner.error button:has-text("Exportera nu")')]);
  await download.saveAs(join(ARTIFACTS, 'no-backup.json'));
  assert.ok(JSON.parse(readFileSync(join(ARTIFACTS, 'no-backup.json'), 'utf8')).agreements.some((a) => a.id === 'kopia-1'));
  clean(problems);
  await ctx.close();
});

test('messages in the Swedish page are Swedish: bad shares, bad amounts, serde and chrono', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  const v = JSON.parse(readFileSync(join(ROOT, 'tests', 'bad-files', 'duplicate-key.json'), 'utf8'));
  const base = v.agreements[0];
  delete base.name; // the file's duplicate key goes with it
  base.name = 'Kalmar';
  const faults = [
    (a) => { a.funding.split.payers[0].share = '0/0'; },
    (a) => { a.funding.components[0].amount = ' 100'; },
    (a) => { a.funding.payments.timing = { type: 'quarter', quarter: 256 }; },
    (a) => { a.term.start = '2025-1-1'; },
    (a) => { delete a.name; },
  ];
  v.agreements = faults.map((f, i) => { const a = structuredClone(base); a.id = `a${i}`; f(a); return a; });
  v.modified = 'igår';
  const file = join(ARTIFACTS, 'english-errors.json');
  writeFileSync(file, JSON.stringify(v) + ' {');
  let text = await importFile(page, file);
  assert.match(text, /tecken efter slutet/);
  await page.click('.import-result button:has-text("Stäng")');
  writeFileSync(file, JSON.stringify(v));
  text = await importFile(page, file);
  for (const want of [/"0\/0" är ingen positiv andel/, /" 100" är inte ett belopp som filformatet skriver det/, /heltal 0–255/,
    /"2025-1-1" är inte ett datum på formen ÅÅÅÅ-MM-DD/, /fältet `name` saknas/, /tecken som inte hör till ett datum och en tid/]) {
    assert.match(text, want);
  }
  assert.doesNotMatch(text, /\b(is not|expected|missing field|invalid type|EOF|input contains)\b/, text);
  clean(problems);
  await ctx.close();
});
