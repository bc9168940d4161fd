// Where the time goes: samples the built app with the V8 profiler (CDP) while it does one of the
// benchmark's interactions, and prints the functions with the most self and inclusive time.
// Build with `XTASK_KEEP_NAMES=1 cargo run -p xtask -- build` first so Rust names survive.
//   node tests/bench/profile.mjs typing    # 30 keystrokes in the what-if form, 50 agreements
//   node tests/bench/profile.mjs compare   # opening a comparison of 290 agreements, 5 times
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer, launchBrowser, seededContext, ROOT } from '../e2e/harness.mjs';
import { openComparison, openWhatIf, typeAmount } from './interactions.mjs';

const what = process.argv[2] || 'typing';
const iop = (...args) => execFileSync(join(ROOT, 'target', 'release', 'iop'), args, { maxBuffer: 1 << 30 });
const server = await startServer();
const browser = await launchBrowser();
const self = new Map();
const incl = new Map();
const times = [];

async function seeded(n) {
  const s = iop('generate', String(n), '--seed', '3').toString();
  const ctx = await seededContext(browser, s, JSON.parse(s).agreements.map((a) => a.id));
  const page = await ctx.newPage();
  await page.goto(server.origin + '/');
  await page.waitForSelector('main[data-ready="true"]');
  return { ctx, page };
}

async function profiled(ctx, page, act) {
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await act();
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  profile.samples.forEach((id, i) => {
    const t = profile.timeDeltas[i] || 0;
    const name = byId.get(id).callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) || 0) + t);
    const seen = new Set();
    for (let cur = id; cur; cur = parent.get(cur)) {
      const k = byId.get(cur).callFrame.functionName;
      if (k && !seen.has(k)) {
        seen.add(k);
        incl.set(k, (incl.get(k) || 0) + t);
      }
    }
  });
}

let rounds = 1;
if (what === 'typing') {
  const { ctx, page } = await seeded(50);
  await openWhatIf(page, 'gen-0');
  rounds = 30;
  await profiled(ctx, page, async () => {
    for (let i = 0; i < rounds; i++) times.push(await typeAmount(page, i));
  });
  await ctx.close();
} else if (what === 'compare') {
  rounds = 5;
  for (let i = 0; i < rounds; i++) {
    const { ctx, page } = await seeded(290);
    await profiled(ctx, page, async () => times.push(await openComparison(page)));
    await ctx.close();
  }
} else {
  throw new Error(`unknown interaction ${what}: typing or compare`);
}
await browser.close();
server.stop();

const ms = (t) => (t / 1000 / rounds).toFixed(2).padStart(8);
times.sort((a, b) => a - b);
console.log(`${what}: median ${times[Math.floor(times.length / 2)].toFixed(1)} ms under the profiler (slower than unprofiled)`);
console.log('\nSelf time per round (ms):');
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(ms(t), k.slice(0, 140));
console.log('\nInclusive time per round (ms), app and core functions:');
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).filter(([k]) => /iop_|serde|Memo|Effect/.test(k)).slice(0, 25)) console.log(ms(t), k.slice(0, 140));
