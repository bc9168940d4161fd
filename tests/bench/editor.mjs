// The editor with long lists (issue 21): an agreement with N payers (300 by default), and how
// long one keystroke, one undo and one more payer block the page, until the next frame.
// Figures, not assertions: `N=300 RUNS=10 node tests/bench/editor.mjs` after a release build.
import { startServer, launchBrowser } from '../e2e/harness.mjs';

const N = Number(process.env.N || 300);
const RUNS = Number(process.env.RUNS || 10);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const max = (xs) => Math.max(...xs);

const server = await startServer();
const browser = await launchBrowser();
try {
  const ctx = await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(server.origin + '/?avtal=kalmar-2025-2027');
  await page.click('button:text-is("Kopiera och ändra")');
  await page.waitForSelector('form.agreement-form');
  const id = new URL(page.url()).searchParams.get('redigera');
  await page.waitForFunction((id) => (localStorage.getItem('iop.scenario') || '').includes(id), id);
  // N payers, each a share of the whole, written into the stored work; then the editor anew.
  await page.evaluate(([id, n]) => {
    const s = JSON.parse(localStorage.getItem('iop.scenario'));
    const a = s.agreements.find((x) => x.id === id);
    a.funding.split = { by: 'share', payers: Array.from({ length: n }, (_, i) => ({ name: `Nämnd ${i + 1}`, share: `1/${n}` })) };
    localStorage.setItem('iop.scenario', JSON.stringify(s));
  }, [id, N]);
  await page.reload();
  await page.waitForSelector('form.agreement-form');
  await page.waitForFunction((n) => document.querySelectorAll('#e-funding-split-payers > .list-item').length === n, N);

  // Runs `act` in the page and resolves with the ms until the frame after it.
  const frameAfter = (act) => page.evaluate(async (act) => {
    const t0 = performance.now();
    // eslint-disable-next-line no-new-func
    new Function(act)();
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, act);

  const keys = [];
  const undos = [];
  for (let i = 0; i < RUNS; i++) {
    keys.push(await frameAfter(`const el = document.getElementById('e-notes'); el.value += 'x'; el.dispatchEvent(new Event('input', { bubbles: true }));`));
  }
  // A step of another field between undos, so each undo takes one back.
  for (let i = 0; i < RUNS; i++) {
    await frameAfter(`const el = document.getElementById('e-name'); el.value += 'y'; el.dispatchEvent(new Event('input', { bubbles: true }));`);
    await frameAfter(`const el = document.getElementById('e-notes'); el.value += 'z'; el.dispatchEvent(new Event('input', { bubbles: true }));`);
    undos.push(await frameAfter(`Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Ångra').click();`));
  }
  const adds = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    adds.push(await frameAfter(`document.getElementById('e-funding-split-payers-add').click();`));
  }
  const shown = await page.$$eval('#e-funding-split-payers > .list-item', (items) => items.length);
  console.log(`editor with ${N} payers (${shown} shown after adding), ${RUNS} runs: median / max ms to the next frame`);
  console.log(`  keystroke in a field   ${median(keys).toFixed(1)} / ${max(keys).toFixed(1)}`);
  console.log(`  undo (Ångra)           ${median(undos).toFixed(1)} / ${max(undos).toFixed(1)}`);
  console.log(`  add a payer            ${median(adds).toFixed(1)} / ${max(adds).toFixed(1)}`);
  await ctx.close();
} finally {
  await browser.close();
  server.stop();
}
