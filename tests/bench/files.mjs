// The file reader in the page (issue 23): a 26-page agreement PDF to proposed terms, after the
// file reader's part is loaded (the second read of the same file), next to the first read (which
// loads it). Figures, not assertions. Run after a release build:
//   RUNS=5 node tests/bench/files.mjs
// Natively, beside pdftotext: hyperfine -N "target/release/iop extract F" "pdftotext F -".
import { join } from 'node:path';
import { startServer, launchBrowser, ROOT } from '../e2e/harness.mjs';

const RUNS = Number(process.env.RUNS || 5);
const FILE = join(ROOT, 'iop-files', 'tests', 'fixtures', 'bench-20-pages.pdf');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await startServer();
const browser = await launchBrowser();
const first = [];
const again = [];
for (let i = 0; i < RUNS; i++) {
  const ctx = await browser.newContext({ locale: 'sv-SE', serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(server.origin + '/?las-text');
  await page.waitForSelector('main[data-ready="true"]');
  for (const out of [first, again]) {
    // A new answer each time: the previous result is gone once the file is chosen.
    await page.evaluate(() => { window.before = document.querySelector('.proposals'); });
    const t0 = performance.now();
    await page.setInputFiles('#read-file', FILE);
    await page.waitForFunction(() => {
      const p = document.querySelector('.proposals');
      return p && p !== window.before;
    }, null, { polling: 'raf' });
    out.push(performance.now() - t0);
  }
  await ctx.close();
}
console.log(`| figure | median of ${RUNS} |\n|---|---:|`);
console.log(`| 26-page PDF to proposed terms, first read (loads the file reader) | ${median(first).toFixed(0)} ms |`);
console.log(`| 26-page PDF to proposed terms, once the file reader is loaded | ${median(again).toFixed(0)} ms |`);
await browser.close();
server.stop?.();
process.exit(0);
