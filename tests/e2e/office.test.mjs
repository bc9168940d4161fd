// Excel and Word from the page: the compared agreements as .xlsx and .docx, the draft agreement
// as .docx, each downloaded, opened in LibreOffice (headless) and its figures read. The writers'
// module is loaded only when such a file is asked for; when it cannot be, the page says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { useApp, clean, openApp, ARTIFACTS } from './harness.mjs';

const env = useApp();
const OUT = join(ARTIFACTS, 'office');

/** Converts `file` with LibreOffice, headless, with a profile of its own; returns the output dir. */
function convert(file, filter) {
  const out = join(OUT, 'out');
  mkdirSync(out, { recursive: true });
  execFileSync('timeout', ['180', 'soffice', `-env:UserInstallation=file://${join(OUT, 'lo-profile')}`,
    '--headless', '--norestore', '--convert-to', filter, '--outdir', out, file], { stdio: 'pipe' });
  return out;
}

const read = (file) => readFileSync(file, 'utf8').replace(/[\u00a0\u202f]/g, ' ');
/** "1,000,000 kr" and "1 000 000 kr" both read "1000000 kr". */
const ungrouped = (s) => s.replace(/(\d)[, ](?=\d{3}(?!\d))/g, '$1');

/** Clicks `button`, and saves the file it offers, which must be called `name`. */
async function download(page, button, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  assert.equal(d.suggestedFilename(), name);
  const file = join(OUT, name);
  await d.saveAs(file);
  return file;
}

async function compared(page) {
  for (const id of ['kalmar-2025-2027', 'vallentuna-2021', 'varmdo']) {
    await page.check(`tr[data-id="${id}"] input[type=checkbox]`);
  }
  await page.click('button:has-text("Jämför valda (3)")');
  await page.waitForSelector('table.compare');
}

test('compare: Excel and Word of the compared agreements open in LibreOffice with their figures', async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  const asked = [];
  ctx.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await compared(page);
  // The service worker is in charge, so what is fetched on demand is kept for offline use.
  await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.active?.state === 'activated'
    && navigator.serviceWorker.controller), null, { timeout: 20000 });
  // The writers are not loaded before a file is asked for.
  assert.ok(!asked.some((p) => /iop_office|office\./.test(p)), asked.join(' '));

  const xlsx = await download(page, 'button:text-is("Excel (.xlsx)")', 'iop-jamforelse.xlsx');
  await page.waitForSelector('.office-status:has-text("Klart: Excel-filen är nedladdad.")');
  assert.ok(asked.some((p) => /iop_office_bg\.[0-9a-f]{12}\.wasm$/.test(p)), asked.join(' '));
  const out = convert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1053,false,true,true,false,false,-1');
  const sheet = read(join(out, 'iop-jamforelse-Jämförelse.csv'));
  const flat = ungrouped(sheet);
  for (const want of ['Kalmar 2025–2027', 'Vallentuna 2021–', 'Värmdö', '1000000 kr', '50000 kr', '2025-01-01', 'okänt']) {
    assert.ok(flat.includes(want), `${want} in\n${sheet}`);
  }
  for (const absent of ['Kalmar 2022–2024', 'Linköping']) assert.ok(!sheet.includes(absent), `${absent} was not compared`);
  const sources = read(join(out, 'iop-jamforelse-Källor.csv'));
  assert.match(sources, /§10 Ekonomi/);

  // Offline, the Word file is written all the same: the worker kept the writers' files.
  await ctx.setOffline(true);
  const docx = await download(page, 'button:text-is("Word (.docx)")', 'iop-jamforelse.docx');
  await page.waitForSelector('.office-status:has-text("Klart: Word-filen är nedladdad.")');
  const text = read(join(convert(docx, 'txt:Text (encoded):UTF8'), 'iop-jamforelse.txt'));
  for (const want of ['Jämförelse av idéburna offentliga partnerskap', 'Kalmar 2025–2027', '1 000 000 kr', '13,75 kr', '50 000 kr', 'Källor']) {
    assert.ok(text.includes(want), `${want} in\n${text}`);
  }
  assert.ok(!text.includes('Linköping'), 'Linköping was not compared');
  await ctx.setOffline(false);
  clean(problems);
  await ctx.close();
});

test('one agreement: the draft agreement as Word, its sections as headings', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.click('tr[data-id="kalmar-2025-2027"] button.link');
  const docx = await download(page, 'button:has-text("Utkast (Word, .docx)")', 'utkast-kalmar-2025-2027.docx');
  await page.waitForSelector('.office-status:has-text("Klart: Word-filen är nedladdad.")');
  const text = read(join(convert(docx, 'txt:Text (encoded):UTF8'), 'utkast-kalmar-2025-2027.txt'));
  assert.match(text, /^\uFEFF?Överenskommelse om idéburet offentligt partnerskap/);
  assert.match(text, /10\. Ekonomi/);
  assert.match(text, /1 000 000 kr per år/);
  const html = read(join(convert(docx, 'html'), 'utkast-kalmar-2025-2027.html'));
  assert.equal((html.match(/<h1/g) || []).length, 14);
  clean(problems);
  await ctx.close();
});

test('the writers cannot be loaded: the page says so in Swedish and stays usable', async () => {
  const { page, ctx } = await openApp(env.browser, env.server.origin);
  await compared(page);
  // The worker's script is not there (as when the server lost it).
  await page.evaluate(() => document.querySelector('meta[name="iop-office"]').setAttribute('content', 'saknas.js'));
  await page.click('button:text-is("Excel (.xlsx)")');
  const status = page.locator('.office-status.error');
  await status.waitFor();
  assert.match(await status.textContent(), /^Excel-filen kunde inte skapas\. Modulen kunde inte laddas eller stannade\. Försök igen\.$/);
  assert.equal(await page.locator('button:text-is("Excel (.xlsx)")').isEnabled(), true);
  await ctx.close();
});
