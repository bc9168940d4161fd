// Agreements as they arrive (issue 23): a PDF, a Word or an OpenDocument file chosen or dropped in
// "Läs in text" gives the text and the proposed terms, each quote with its page; a scan says to
// run OCR; a hostile file says it could not be read, and the page stays responsive while a file
// is read (the file reader has a worker and a module of its own, loaded only then).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useApp, clean, openApp, ROOT } from './harness.mjs';

const env = useApp();
const fixture = (f) => join(ROOT, 'iop-files', 'tests', 'fixtures', f);
const hostile = (f) => join(ROOT, 'iop-files', 'tests', 'hostile', f);

/** Opens "Läs in text" and records every long task (over 200 ms) on the page's thread, and every
 * file the page asks for. */
async function readView() {
  const opened = await openApp(env.browser, env.server.origin);
  const asked = [];
  opened.page.on('request', (r) => asked.push(new URL(r.url()).pathname));
  await opened.page.click('button:text-is("Läs in text")');
  await opened.page.evaluate(() => {
    window.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.duration > 200) window.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: false });
  });
  return { ...opened, asked };
}

const proposals = (page) => page.locator('.proposal label').allTextContents();

test('a PDF chosen: its text and the terms, each quote with its page, opened in the editor', async () => {
  const { page, problems, ctx, asked } = await readView();
  // The file reader is not loaded before a file is read.
  assert.ok(!asked.some((p) => /iop_files|files\./.test(p)), asked.join(' '));
  await page.setInputFiles('#read-file', fixture('001-libreoffice.pdf'));
  await page.waitForSelector('.proposals');
  const said = await proposals(page);
  for (const want of ['Kommun: Kalmar (0880)', 'Organisation: Kvinnojouren & Ungdomsjouren Kalmar', 'Start: 2025-01-01',
    'Slut: 2027-12-31', 'Belopp per år: 1 000 000 kr']) {
    assert.ok(said.includes(want), `${want} in ${said.join(' | ')}`);
  }
  // The text of the PDF is in the field, and the status says how many pages it has.
  assert.match(await page.inputValue('#read-text'), /Kvinnojouren & Ungdomsjouren Kalmar/);
  assert.match(await page.textContent('#read-status'), /^Texten ur PDF-filen: \d+ sidor\.$/);
  // The text shown says where each page begins.
  const starts = await page.locator('.read-source .page-start').allTextContents();
  assert.equal(starts[0], '— sida 1 —');
  assert.ok(starts.length >= 2, starts.join(' '));
  // Each quote says on which page it stands: the amount's is on a later page than the parties'.
  const quote = async (term) => page.locator('.proposal', { hasText: term }).locator('.quote').textContent();
  const pageOf = (q) => Number(/\(sida (\d+)\)$/.exec(q.trim())?.[1]);
  const parties = pageOf(await quote('Kommun: Kalmar'));
  const amount = pageOf(await quote('Belopp per år: 1 000 000 kr'));
  assert.ok(parties >= 1 && amount > parties, `parties on ${parties}, amount on ${amount}`);
  assert.ok(asked.some((p) => /iop_files_bg\.[0-9a-f]{12}\.wasm$/.test(p)), asked.join(' '));
  await page.click('button:text-is("Öppna i redigeraren som nytt avtal")');
  await page.waitForSelector('form.agreement-form');
  assert.equal(await page.locator('#e-funding-components-0-amount').inputValue(), '1 000 000');
  assert.equal(await page.locator('#e-sources-0-title').inputValue(), '001-libreoffice.pdf');
  assert.deepEqual(await page.evaluate(() => window.longTasks ?? []), []);
  clean(problems);
  await ctx.close();
});

test('a Word file dropped gives the same terms as its text', async () => {
  const { page, problems, ctx } = await readView();
  const bytes = [...readFileSync(fixture('001-libreoffice.docx'))];
  const drop = await page.evaluateHandle((b) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(b)], 'avtal.docx'));
    return dt;
  }, bytes);
  await page.dispatchEvent('#read-text', 'drop', { dataTransfer: drop });
  await page.waitForSelector('.proposals');
  const said = await proposals(page);
  for (const want of ['Kommun: Kalmar (0880)', 'Belopp per år: 1 000 000 kr', 'Slut: 2027-12-31']) {
    assert.ok(said.includes(want), `${want} in ${said.join(' | ')}`);
  }
  // A Word file has no pages: no page is said.
  assert.doesNotMatch(await page.locator('.proposal .quote').first().textContent(), /sida/);
  assert.equal(await page.locator('.read-source .page-start').count(), 0);
  await page.click('button:text-is("Öppna i redigeraren som nytt avtal")');
  await page.waitForSelector('form.agreement-form');
  assert.equal(await page.locator('#e-public_parties-0-kommunkod').inputValue(), 'Kalmar (0880)');
  assert.equal(await page.locator('#e-sources-0-title').inputValue(), 'avtal.docx');
  clean(problems);
  await ctx.close();
});

test('a scan without text says to run OCR, and proposes nothing', async () => {
  const { page, problems, ctx } = await readView();
  await page.setInputFiles('#read-file', fixture('000-scan-only.pdf'));
  await page.waitForSelector('#read-problem');
  assert.equal(await page.textContent('#read-problem'),
    'PDF-filen innehåller ingen text, bara bilder. Kör textigenkänning (OCR) på den först.');
  assert.equal(await page.locator('.proposals').count(), 0);
  clean(problems);
  await ctx.close();
});

test('hostile files say they could not be read or give their bounded text, and the page stays responsive', async () => {
  const { page, problems, ctx } = await readView();
  // What each file gives: its message, or the bounded text read (a cyclic page tree read once,
  // a form that calls itself drawn once).
  const cases = [
    ['zip-bomb.docx', /^Filen är för stor eller för djupt nästlad inuti/],
    ['flate-bomb.pdf', /^Filen är för stor eller för djupt nästlad inuti/],
    ['garbage.bin', /^Filen är varken PDF, Word \(\.docx\), OpenDocument \(\.odt\) eller text\./],
    ['cyclic-pages.pdf', /^Belopp per år: 650 000 kr$/],
    ['self-calling-form.pdf', /^(Föreslagna villkor|Ingenting i texten)/],
  ];
  for (const [f, want] of cases) {
    // Each file's answer is a new element.
    await page.evaluate(() => { window.before = document.querySelector('#read-problem, #read-nothing, .proposals'); });
    await page.setInputFiles('#read-file', hostile(f));
    await page.waitForFunction(() => {
      const now = document.querySelector('#read-problem, #read-nothing, .proposals');
      return now && now !== window.before;
    });
    const said = await page.evaluate(() => {
      const p = document.querySelector('#read-problem, #read-nothing');
      if (p) return [p.textContent];
      return [...document.querySelectorAll('.proposal label, #read-terms-heading')].map((e) => e.textContent);
    });
    assert.ok(said.some((t) => want.test(t)), `${f}: ${said.join(' | ')}`);
    // Meanwhile the page answers: the language switch is drawn at once.
    await page.click('button:text-is("English")');
    await page.waitForSelector('h2:text-is("Read a text")');
    await page.click('button:text-is("Svenska")');
    await page.waitForSelector('h2:text-is("Läs in text")');
  }
  assert.deepEqual(await page.evaluate(() => window.longTasks), []);
  clean(problems);
  await ctx.close();
});
