// Shared set-up for the end-to-end tests: the release build served by the workspace's own
// server on a free port, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
export const SCREENSHOTS = join(ROOT, 'docs');
mkdirSync(ARTIFACTS, { recursive: true });

/** Starts `xtask serve --port 0` (of `dist/`, or `dir`) and resolves with its origin once it prints it. */
export function startServer(dir) {
  // IOP_XTASK: a worktree built in its own target directory serves its own dist/.
  const bin = process.env.IOP_XTASK || join(ROOT, 'target', 'debug', 'xtask');
  const proc = spawn(bin, ['serve', '--port', '0', ...(dir ? ['--dir', dir] : [])], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 20000);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/Serving .* on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ origin: m[1], stop: () => proc.kill() });
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** Debian's Chromium, headless, kept off the network beyond the page (see the README). */
export const BROWSER_OPTIONS = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

export async function launchBrowser() {
  return chromium.launch(BROWSER_OPTIONS);
}

/**
 * A fresh browser context whose local storage holds `scenarioText` as the user's work, with
 * `selected` picked for comparison (written once, so a reload keeps what the app stored since).
 */
export async function seededContext(browser, scenarioText, selected) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.addInitScript(([s, sel]) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('iop.scenario', s);
      localStorage.setItem('iop.prefs', JSON.stringify({ lang: 'Sv', selected: sel }));
      sessionStorage.setItem('seeded', '1');
    }
  }, [scenarioText, selected]);
  return ctx;
}

/**
 * Opens the app in a fresh context, recording console errors, page errors and every request
 * that leaves the local server. Resolves once the app has mounted (the WASM module started).
 */
export async function openApp(browser, origin, { context } = {}) {
  const ctx = context || (await browser.newContext({ locale: 'sv-SE', viewport: { width: 1280, height: 900 } }));
  const page = await ctx.newPage();
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (msg) => { if (msg.type() === 'error') problems.consoleErrors.push(msg.text()); });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.foreignRequests.push(url);
    }
  });
  await page.goto(origin + '/');
  await page.waitForSelector('main[data-ready="true"]', { timeout: 20000 });
  await catalogueSettled(page);
  return { ctx, page, problems };
}

/**
 * Waits until the list's catalogue (fetched after the page opens) is read or has failed, so a
 * test reads the list as it stays.
 */
export async function catalogueSettled(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector('.catalogue-status');
    return !s || !/läses in|Reading the catalogue/.test(s.textContent);
  });
}

/** Presses Tab until `selector` has focus (at most `max` times); fails if it never does. */
export async function tabTo(page, selector, max = 120) {
  const target = page.locator(selector).first();
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`could not reach ${selector} with the keyboard`);
}

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page; resolves with serious and critical violations. */
export async function axe(page) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/** The texts of the cells of the rows of a table, trimmed. */
export async function tableRows(page, selector) {
  return page.$$eval(`${selector} tbody tr`, (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent.trim())));
}

/**
 * Starts the server and the browser before a test file's tests and stops them after;
 * returns an object whose `server` and `browser` are set once started.
 */
export function useApp() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/** No console error, no page error, no request beyond the page's own files. */
export const clean = (problems) => assert.deepEqual(problems, { consoleErrors: [], pageErrors: [], foreignRequests: [] });

/** A free port on 127.0.0.1 (for a server the test starts itself). */
export function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** What local storage holds under `key` (the user's work by default). */
export const stored = (page, key = 'iop.scenario') => page.evaluate((k) => localStorage.getItem(k), key);

/** Copies built-in agreement `id` through the list ("Kopiera och ändra"); resolves with the copy's id once its editor shows. */
export async function copyOf(page, id) {
  await page.click('nav a:text-is("Avtal")');
  await page.click(`tr[data-id="${id}"] button.link`);
  await page.click('button:text-is("Kopiera och ändra")');
  await page.waitForSelector('form.agreement-form');
  return new URL(page.url()).searchParams.get('redigera');
}
