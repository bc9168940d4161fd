// Shared set-up for the end-to-end tests: the release build served by the workspace's own
// server on a free port, and Debian's Chromium driven by playwright-core.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'artifacts');
export const SCREENSHOTS = join(ROOT, 'docs');
mkdirSync(ARTIFACTS, { recursive: true });

/** Starts `xtask serve --port 0` and resolves with its origin once it prints it. */
export function startServer() {
  const bin = join(ROOT, 'target', 'debug', 'xtask');
  const proc = spawn(bin, ['serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 20000);
    proc.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/Serving on (http:\/\/127\.0\.0\.1:\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolve({ origin: m[1], stop: () => proc.kill() });
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
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
  return { ctx, page, problems };
}
