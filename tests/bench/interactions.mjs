// The timed interactions of the browser benchmark, shared by page.mjs (figures) and profile.mjs
// (where the time goes). Each runs inside the page and returns milliseconds.

/** Types amount `n` into the what-if form; resolves when the live comparison shows it. */
export const typeAmount = (page, n) => page.evaluate(async (n) => {
  const input = document.getElementById('e-funding-components-0-amount');
  const cell = () => document.querySelector('table.live tr[data-term="annual"] td').textContent;
  const before = cell();
  const t0 = performance.now();
  input.value = String(100000 + n * 1000);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  while (cell() === before) await new Promise((r) => setTimeout(r, 0));
  return performance.now() - t0;
}, n);

/** Opens the comparison from the menu; resolves when its table is laid out. */
export const openComparison = (page) => page.evaluate(async () => {
  const t0 = performance.now();
  document.querySelectorAll('nav a')[1].click();
  while (!document.querySelector('table.compare')) await new Promise((r) => setTimeout(r, 0));
  document.body.offsetHeight; // layout
  return performance.now() - t0;
});

/** Opens agreement `id` and makes an editable copy; resolves when the live comparison shows. */
export async function openWhatIf(page, id) {
  await page.click(`tr[data-id="${id}"] button.link`);
  await page.click('button:has-text("Kopiera och ändra")');
  await page.waitForSelector('table.live');
}
