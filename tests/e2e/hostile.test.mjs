// Hostile input and storage faults: nothing lost, nothing executed (issue 6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useApp, clean, openApp, stored, copyOf, ROOT, ARTIFACTS } from './harness.mjs';

const env = useApp();

test('every broken file is rejected on import with a message, and the user\'s work is untouched', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await copyOf(page, 'kalmar-2025-2027');
  await page.waitForFunction(() => (localStorage.getItem('iop.scenario') || '').includes('kopia-1'));
  const before = await stored(page);
  await page.click('nav a:has-text("Spara och dela")');
  const dir = join(ROOT, 'tests', 'bad-files');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length >= 15);
  for (const f of files) {
    await page.setInputFiles('#import-file', join(dir, f));
    await page.waitForSelector('.import-result');
    const text = await page.textContent('.import-result');
    assert.match(text, /Filen kan inte importeras: \d+ fel\. Ditt arbete är orört\./, f);
    assert.equal(await page.locator('button:has-text("Ersätt mina avtal")').count(), 0, `${f}: no way to replace`);
    await page.click('.import-result button:has-text("Stäng")');
    assert.equal(await stored(page), before, `${f}: storage untouched`);
  }
  // Over 20 MB: refused before reading.
  const big = join(ARTIFACTS, 'big.json');
  writeFileSync(big, Buffer.alloc(20 * 1024 * 1024 + 1, 32));
  await page.setInputFiles('#import-file', big);
  await page.waitForSelector('.import-result');
  assert.match(await page.textContent('.import-result'), /högst 20 MB/);
  assert.equal(await stored(page), before);
  clean(problems);
  await ctx.close();
});

for (const [label, raw] of [
  ['not JSON', 'not json {'],
  ['the wrong shape', '{"agreements": 5}'],
  ['an unknown version', '{"format": "iop-scenario", "version": "9.0", "name": "x", "notes": "", "created": "2030-01-01T00:00:00", "modified": "2030-01-01T00:00:00", "agreements": []}'],
]) {
  test(`storage holding ${label}: the app starts, says so, keeps a backup, offers it, and saves new work beside it`, async () => {
    const ctx = await env.browser.newContext();
    await ctx.addInitScript((value) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('iop.scenario', value);
        sessionStorage.setItem('seeded', '1');
      }
    }, raw);
    const { page, problems } = await openApp(env.browser, env.server.origin, { context: ctx });
    const banner = page.locator('.banner.warning[role="alert"]');
    assert.match(await banner.textContent(), /Sparade data kunde inte läsas/);
    assert.equal(await stored(page, 'iop.scenario.unreadable'), raw);
    assert.match(await banner.textContent(), /finns kvar oförändrad i webbläsaren som säkerhetskopia/);
    // New work is stored under the main key; the unreadable data stays in its backup.
    await copyOf(page, 'kalmar-2025-2027');
    await page.waitForFunction(() => (localStorage.getItem('iop.scenario') || '').includes('kopia-1'));
    assert.equal(await stored(page, 'iop.scenario.unreadable'), raw);
    assert.equal(await page.textContent('.site-footer .save-status'), 'Ditt arbete är sparat i den här webbläsaren.');
    // After a reload the new work is there, and the backup is still offered.
    await page.reload();
    await page.waitForSelector('main[data-ready="true"]');
    await page.click('nav a:text-is("Avtal")'); // the reload stays where it was
    assert.equal(await page.locator('tr[data-id="kopia-1"]').count(), 1);
    assert.match(await banner.textContent(), /tidigare besök/);
    const [download] = await Promise.all([page.waitForEvent('download'), banner.locator('button:has-text("Ladda ner")').click()]);
    const file = join(ARTIFACTS, 'unreadable.json');
    await download.saveAs(file);
    assert.equal(readFileSync(file, 'utf8'), raw);
    await page.click('button:has-text("Kasta den oläsbara datan")');
    assert.equal(await banner.count(), 0);
    assert.equal(await stored(page, 'iop.scenario.unreadable'), null);
    assert.match(await stored(page), /kopia-1/);
    clean(problems);
    await ctx.close();
  });
}

test('storage full: the app says so, keeps the work, offers an export; the next good save stores all', async () => {
  const ctx = await env.browser.newContext();
  await ctx.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__full && key === 'iop.scenario') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  const { page, problems } = await openApp(env.browser, env.server.origin, { context: ctx });
  await page.evaluate(() => { window.__full = true; });
  await copyOf(page, 'kalmar-2025-2027');
  const banner = page.locator('.banner.error[role="alert"]');
  assert.match(await banner.textContent(), /kunde inte sparas i webbläsaren: webbläsarens lagring för sidan är full\./);
  assert.doesNotMatch(await banner.textContent(), /Quota|Error|wasm|at /, 'no exception text or stack');
  assert.equal(await page.textContent('.site-footer .save-status'), 'Inte sparat: webbläsarens lagring för sidan är full. Exportera ditt arbete.');
  assert.equal(await stored(page), null);
  const [download] = await Promise.all([page.waitForEvent('download'), banner.locator('button').click()]);
  const file = join(ARTIFACTS, 'rescued.json');
  await download.saveAs(file);
  assert.ok(JSON.parse(readFileSync(file, 'utf8')).agreements.some((a) => a.id === 'kopia-1'), 'the export holds the unsaved work');
  await page.evaluate(() => { window.__full = false; });
  await copyOf(page, 'vallentuna-2021');
  // The save waits for a pause (250 ms); once it succeeds the banner goes.
  await banner.waitFor({ state: 'detached', timeout: 5000 });
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  await page.click('nav a:text-is("Avtal")'); // the reload stays where it was
  assert.equal(await page.locator('tr[data-id="kopia-1"]').count(), 1);
  assert.equal(await page.locator('tr[data-id="kopia-2"]').count(), 1);
  clean(problems);
  await ctx.close();
});

test('typing is stored once it pauses, and at once when the page is left mid-word', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await copyOf(page, 'kalmar-2025-2027');
  await page.waitForFunction(() => (localStorage.getItem('iop.scenario') || '').includes('kopia-1'));
  await page.fill('#e-name', 'Sparas efter paus');
  await page.waitForFunction(() => localStorage.getItem('iop.scenario').includes('Sparas efter paus'));
  // Type and leave at once: the page stores on its way out (pagehide), not 250 ms later.
  await page.fill('#e-name', 'Sparas när sidan lämnas');
  await page.reload();
  await page.waitForSelector('main[data-ready="true"]');
  assert.match(await stored(page), /Sparas när sidan lämnas/);
  await page.click('nav a:text-is("Avtal")'); // the reload stays in the editor
  assert.equal(await page.textContent('tr[data-id="kopia-1"] .sub'), 'Sparas när sidan lämnas');
  clean(problems);
  await ctx.close();
});

test('two tabs: edits in one appear in the other; editing different agreements loses neither', async () => {
  const ctx = await env.browser.newContext();
  const a = await openApp(env.browser, env.server.origin, { context: ctx });
  const b = await openApp(env.browser, env.server.origin, { context: ctx });
  await copyOf(a.page, 'kalmar-2025-2027');
  await b.page.click('nav a:has-text("Avtal")');
  await b.page.waitForSelector('tr[data-id="kopia-1"]');
  await copyOf(b.page, 'vallentuna-2021');
  await a.page.click('nav a:has-text("Avtal")');
  await a.page.waitForSelector('tr[data-id="kopia-2"]');
  // Both tabs edit a different agreement at once.
  await a.page.click('tr[data-id="kopia-1"] button.link');
  await a.page.click('button:text-is("Ändra")');
  await b.page.click('nav a:has-text("Avtal")');
  await b.page.click('tr[data-id="kopia-2"] button.link');
  await b.page.click('button:text-is("Ändra")');
  await Promise.all([a.page.fill('#e-name', 'Redigerad i flik A'), b.page.fill('#e-name', 'Redigerad i flik B')]);
  // Both edits are stored (after the pause in typing) before the tabs are read. Two tabs saving
  // and merging on a loaded machine can pass Playwright's default 30 s: 90 s for this condition.
  const both = () => {
    const s = localStorage.getItem('iop.scenario') || '';
    return s.includes('Redigerad i flik A') && s.includes('Redigerad i flik B');
  };
  await a.page.waitForFunction(both, null, { timeout: 90000 }).catch(async (e) => {
    // Say what each tab stored and shows, so a lost edit can be traced.
    const seen = async (page) => page.evaluate(() => ({
      stored: (JSON.parse(localStorage.getItem('iop.scenario') || '{"agreements":[]}').agreements || []).map((x) => `${x.id}: ${x.name}`),
      field: document.querySelector('#e-name')?.value,
      focus: document.activeElement?.id,
    }));
    throw new Error(`${e.message}; tab A: ${JSON.stringify(await seen(a.page))}; tab B: ${JSON.stringify(await seen(b.page))}`);
  });
  // Tab A's next edit reaches tab B while B's form is open on another agreement: the page says
  // what changed, and B's form keeps its focus and its text.
  await a.page.fill('#e-name', 'Redigerad i flik A igen');
  await b.page.waitForFunction(() => document.querySelector('p.sr-only[role="status"]').textContent === 'Ändrat i en annan flik: Redigerad i flik A igen.');
  assert.equal(await b.page.evaluate(() => document.activeElement.id), 'e-name');
  assert.equal(await b.page.inputValue('#e-name'), 'Redigerad i flik B');
  await a.page.fill('#e-name', 'Redigerad i flik A');
  await b.page.waitForFunction(() => document.querySelector('p.sr-only[role="status"]').textContent === 'Ändrat i en annan flik: Redigerad i flik A.');
  const names = async (page) => {
    await page.click('nav a:has-text("Spara och dela")');
    await page.waitForSelector('main ul:last-of-type li'); // a part loaded on first use
    return page.$$eval('main ul:last-of-type li', (l) => l.map((x) => x.textContent.trim()));
  };
  for (const page of [a.page, b.page]) assert.deepEqual(await names(page), ['Redigerad i flik A', 'Redigerad i flik B']);
  const c = await openApp(env.browser, env.server.origin, { context: ctx });
  assert.deepEqual(await names(c.page), ['Redigerad i flik A', 'Redigerad i flik B']);
  for (const t of [a, b, c]) clean(t.problems);
  await ctx.close();
});

test('injected text renders as inert text everywhere, in print and in exports', async () => {
  const scenario = JSON.parse(readFileSync(join(ROOT, 'tests', 'bad-files', 'duplicate-ids.json'), 'utf8'));
  const a = scenario.agreements[1];
  a.id = 'hostile';
  a.name = '<img src=x onerror="window.__pwned=1">';
  a.notes = '<script>window.__pwned=2</script>';
  a.organisations[0].name = '=HYPERLINK("http://example.invalid")';
  a.scope.service_areas = [{ name: 'javascript:window.__pwned=3', provider: 'organisation', services: ['javascript:window.__pwned=4'] }];
  a.scope.exclusions = ['x'.repeat(20000)];
  scenario.agreements = [a];
  const file = join(ARTIFACTS, 'hostile.json');
  writeFileSync(file, JSON.stringify(scenario));
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await page.click('nav a:has-text("Spara och dela")');
  await page.setInputFiles('#import-file', file);
  await page.click('button:has-text("Lägg till bland mina avtal")');
  await page.click('nav a:has-text("Avtal")');
  assert.match(await page.textContent('tr[data-id="hostile"]'), /<img src=x onerror=/);
  await page.click('tr[data-id="hostile"] button.link');
  assert.match(await page.textContent('article.agreement'), /<script>window.__pwned=2<\/script>/);
  await page.click('button:has-text("Lägg till i jämförelsen")');
  await page.click('nav a:has-text("Avtal")');
  await page.check('tr[data-id="kalmar-2025-2027"] input[type=checkbox]');
  await page.click('nav a:has-text("Jämför")');
  await page.waitForSelector('table.compare');
  await page.emulateMedia({ media: 'print' });
  assert.match(await page.textContent('table.compare thead'), /<img src=x/);
  await page.emulateMedia({ media: 'screen' });
  await page.click('nav a:has-text("Spara och dela")');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Excel")')]);
  const csv = join(ARTIFACTS, 'hostile.csv');
  await download.saveAs(csv);
  const text = readFileSync(csv, 'utf8');
  assert.ok(text.includes(`"'=HYPERLINK(""http://example.invalid"")"`), 'the formula is quoted and made inert');
  assert.ok(!/;=HYPERLINK/.test(text), 'no cell starts a formula');
  assert.ok(text.includes('javascript:window.__pwned=4'), 'text stays as written');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('img').count(), 0);
  assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  assert.equal(dialogs, 0);
  clean(problems);
  await ctx.close();
});
