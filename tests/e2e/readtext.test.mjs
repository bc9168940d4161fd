// Read an agreement's text (issue 15): paste, see each term highlighted with its sentence,
// keep or reject, open in the editor. Nothing is stored until then.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useApp, clean, openApp, axe, ROOT } from './harness.mjs';

const env = useApp();
const seed = (f) => readFileSync(join(ROOT, 'iop-core', 'tests', 'texts', f), 'utf8');

test('the Kalmar agreement pasted: terms proposed with their sentences, one rejected, opened in the editor', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('button:text-is("Läs in text")');
  await page.getByLabel('Avtalets text').fill(seed('seeds/001_2a6dc1f590a5bec8.txt'));
  await page.click('button:text-is("Läs texten")');
  await page.waitForSelector('.proposals');
  const proposals = await page.locator('.proposal label').allTextContents();
  for (const want of ['Kommun: Kalmar (0880)', 'Organisation: Kvinnojouren & Ungdomsjouren Kalmar', 'Start: 2025-01-01', 'Slut: 2027-12-31',
    'Belopp per år: 1 000 000 kr', 'Fördelning mellan betalare: Kommunledningskontoret 1/2, Socialförvaltningen 1/2', 'Utbetalning: kvartal 1',
    'Rättelsetid: 30', 'Uppföljningsmöten per år: 2', 'Förlängning: ingen – upphör utan uppsägning']) {
    assert.ok(proposals.includes(want), `${want} in ${proposals.join(' | ')}`);
  }
  // Each proposal is marked in the text, with its words.
  assert.equal(await page.textContent('.read-source mark[title="Rättelsetid"]'), 'rättelse inom 30 dagar');
  assert.deepEqual(await axe(page), []);
  // Nothing is stored yet.
  const before = await page.evaluate(() => localStorage.getItem('iop.scenario') || '');
  assert.doesNotMatch(before, /inlast-1/);
  // Reject the cure period; open the rest.
  const cure = page.locator('.proposal', { hasText: 'Rättelsetid' }).locator('input');
  await cure.uncheck();
  await page.click('button:text-is("Öppna i redigeraren som nytt avtal")');
  await page.waitForSelector('form.agreement-form');
  assert.equal(await page.locator('#e-public_parties-0-kommunkod').inputValue(), 'Kalmar (0880)');
  assert.equal(await page.locator('#e-funding-components-0-amount').inputValue(), '1 000 000');
  assert.equal(await page.locator('#e-termination-for_breach-cure_days').inputValue(), '');
  assert.match(await page.locator('#e-term-source-quote').inputValue(), /2025-01-01 … 2027-12-31 … upphör utan uppsägning/);
  await page.click('nav a:has-text("Avtal")');
  assert.equal(await page.textContent('tr[data-id="inlast-1"] td.amount'), '1 000 000 kr');
  clean(problems);
  await ctx.close();
});

test('a .txt file dropped on the text field is read', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('button:text-is("Läs in text")');
  const text = seed('seeds/002_05385ec8efe0a1d4.txt');
  const drop = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], 'vallentuna.txt', { type: 'text/plain' }));
    return dt;
  }, text);
  await page.dispatchEvent('#read-text', 'drop', { dataTransfer: drop });
  await page.waitForSelector('.proposals');
  const proposals = await page.locator('.proposal label').allTextContents();
  assert.ok(proposals.includes('Kommun: Vallentuna (0115)'), proposals.join(' | '));
  assert.ok(proposals.includes('Belopp per år: 25 000 kr, villkorat: Om kvinnojouren också startar upp sin tjejjour'), proposals.join(' | '));
  assert.ok(proposals.includes('Förlängning: automatisk, 2 år i taget'), proposals.join(' | '));
  assert.match(await page.inputValue('#read-text'), /Samverkan ska minska antalet våldsutsatta/);
  clean(problems);
  await ctx.close();
});

test('a text about something else: nothing is proposed and nothing stored', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('button:text-is("Läs in text")');
  await page.setInputFiles('#read-file', join(ROOT, 'iop-core', 'tests', 'texts', 'annat-amne.txt'));
  await page.waitForSelector('.import-result');
  assert.equal(await page.textContent('.import-result'), 'Ingenting i texten kunde läsas som villkor i ett avtal.');
  assert.equal(await page.evaluate(() => localStorage.getItem('iop.scenario')), null);
  clean(problems);
  await ctx.close();
});
