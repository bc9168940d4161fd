// What officials take away (issue 8): Excel files, a calendar, print on A4 with page numbers,
// a draft agreement, the state-aid check, and a link that carries a small scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { useApp, clean, openApp, ARTIFACTS } from './harness.mjs';

const env = useApp();


async function download(page, selector, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const file = join(ARTIFACTS, name);
  await d.saveAs(file);
  return readFileSync(file, 'utf8');
}

const pdfText = (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const pdfPages = (file) => Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)[1]);

test('state aid: a what-if copy is a variant, not a second grant; a real exchange rate is read', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('tr[data-id="kalmar-2025-2027"] button.link');
  await page.click('button:has-text("Kopiera och ändra")');
  await page.waitForSelector('form.agreement-form');
  await page.click('button:has-text("Visa hela avtalet")');
  await page.fill('#rate', '11,4565');
  const aid = await page.textContent('ul.state-aid');
  // Kalmar 2025–2027 and its copy are one grant: 3 000 000 kr, not 6 000 000 kr.
  assert.match(aid, /3 000 000 kr \/ 11,4565 kr per EUR = 261 860,08 EUR; under taket 300 000,00 EUR/);
  assert.match(aid, /utelämnade: kalmar-2025-2027/);
  assert.doesNotMatch(aid, /6 000 000/);
  assert.equal(await page.locator('#rate-error').count(), 0);
  clean(problems);
  await ctx.close();
});

test('one agreement: draft agreement, calendar file, state-aid check, printed on A4 with page numbers', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('tr[data-id="kalmar-2025-2027"] button.link');
  const html = await download(page, 'button:has-text("Utkast till avtal (HTML)")', 'draft.html');
  assert.match(html, /<h2>10\. Ekonomi<\/h2>/);
  assert.match(html, /1 000 000 kr per år/);
  assert.doesNotMatch(html, /<script/);
  const md = await download(page, 'button:has-text("Utkast (Markdown)")', 'draft.md');
  assert.match(md, /^# Överenskommelse om idéburet offentligt partnerskap/);

  await page.fill('#rate', 'elva');
  assert.match(await page.textContent('#rate-error'), /inte en växelkurs/);
  await page.fill('#rate', '11,50');
  const aid = await page.textContent('ul.state-aid');
  assert.match(aid, /3 000 000 kr \/ 11,50 kr per EUR = 260 869,57 EUR; under taket 300 000,00 EUR/);
  assert.match(aid, /inte juridisk rådgivning/);

  await page.emulateMedia({ media: 'print' });
  const pdf = join(ARTIFACTS, 'agreement.pdf');
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  const text = pdfText(pdf);
  const pages = pdfPages(pdf);
  assert.ok(pages >= 2, `${pages} pages`);
  assert.match(text, /Kalmar 2025–2027/);
  assert.match(text, /Källa: 001_2a6dc1f590a5bec8\.txt/);
  assert.match(text, /Per \d{4}-\d{2}-\d{2}/);
  assert.match(text, new RegExp(`Sida 1 av ${pages}`));
  assert.match(text, new RegExp(`Sida ${pages} av ${pages}`));
  assert.doesNotMatch(text, /Kopiera och ändra/, 'no buttons on paper');
  await page.emulateMedia({ media: 'screen' });

  await page.click('button:has-text("Kalender")');
  const ics = await download(page, 'button:has-text(".ics")', 'kalmar.ics');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /DTSTART;VALUE=DATE:20250331/);
  clean(problems);
  await ctx.close();
});

test('the comparison prints as a clean A4 table with its date, sources and page numbers', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  for (const id of ['kalmar-2022-2024', 'kalmar-2025-2027', 'vallentuna-2021', 'varmdo', 'linkoping-2019']) {
    await page.check(`tr[data-id="${id}"] input[type=checkbox]`);
  }
  await page.click('nav a:has-text("Jämför")');
  await page.waitForSelector('table.compare');
  await page.emulateMedia({ media: 'print' });
  const pdf = join(ARTIFACTS, 'comparison.pdf');
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  const text = pdfText(pdf);
  const pages = pdfPages(pdf);
  assert.match(text, /Jämförelse/);
  assert.match(text, /Per \d{4}-\d{2}-\d{2}\. Folkmängd 2024-12-31/);
  assert.match(text, /Kronor per år/);
  assert.match(text, /13,75 kr/);
  assert.match(text, /004_fe7df6ac4cf39b0c\.txt/);
  assert.match(text, new RegExp(`Sida ${pages} av ${pages}`));
  assert.doesNotMatch(text, /Sortera avtalen efter|Skriv ut/);
  clean(problems);
  await ctx.close();
});

test('Excel files: comparison and payments, UTF-8 with BOM, semicolons, decimal comma', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('nav a:has-text("Spara och dela")');
  const cmp = await download(page, 'button:has-text("Jämförelse som Excel-fil")', 'comparison.csv');
  assert.equal(cmp.charCodeAt(0), 0xfeff);
  assert.match(cmp, /\nkalmar-2025-2027;Kalmar 2025–2027;Kalmar;0880;Kalmar län;/);
  assert.match(cmp, /;1000000,00;/);
  const pay = await download(page, 'button:has-text("Betalningar som Excel-fil")', 'payments.csv');
  assert.match(pay, /kalmar-2025-2027;Kalmar 2025–2027;2025-01-01;2025-01-01;2025-03-31;Kommunledningskontoret;500000,00\r\n/);
  clean(problems);
  await ctx.close();
});

test('a link carries a small scenario in its fragment; opening it offers to import it', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('tr[data-id="vallentuna-2021"] button.link');
  await page.click('button:has-text("Kopiera och ändra")');
  await page.fill('#e-name', 'Vallentuna via länk');
  await page.click('nav a:has-text("Spara och dela")');
  await page.click('button:has-text("Dela som länk")');
  const link = await page.inputValue('#share-link');
  assert.ok(link.startsWith(env.server.origin + '/#s='), link.slice(0, 60));
  // The copy button puts the link on the clipboard and says so.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
  await page.click('button:text-is("Kopiera länken")');
  await page.waitForSelector('#share-copied:text-is("Länken är kopierad.")');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.ok(link.length < 8 * 1024 + 100);

  const other = await openApp(env.browser, env.server.origin);
  const requests = [];
  other.page.on('request', (r) => requests.push(r.url()));
  await other.page.goto(link);
  await other.page.waitForSelector('.import-result');
  assert.match(await other.page.textContent('.import-result'), /Fil: delad länk.*Filen går att läsa: 1 avtal/s);
  assert.equal(await other.page.evaluate(() => location.hash), '', 'the fragment is cleared after reading');
  assert.equal(other.page.url(), env.server.origin + '/?dela', 'the address is the share view\'s');
  assert.equal(await other.page.locator('tr[data-id]').count(), 0, 'nothing imported unasked');
  await other.page.click('button:has-text("Lägg till bland mina avtal")');
  await other.page.click('nav a:has-text("Avtal")');
  assert.match(await other.page.textContent('tr[data-id="kopia-1"]'), /Vallentuna via länk/);
  assert.ok(requests.every((u) => !u.includes('#s=') && !u.includes('s=')), 'the scenario is never sent');

  // A damaged link, opened in a new tab, is reported, not imported.
  const tab = await other.ctx.newPage();
  await tab.goto(env.server.origin + '/#s=AAAA');
  await tab.waitForSelector('.import-result');
  assert.match(await tab.textContent('.import-result'), /kan inte importeras/);
  clean(problems);
  clean(other.problems);
  await other.ctx.close();
  await ctx.close();
});
