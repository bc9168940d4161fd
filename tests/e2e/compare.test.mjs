// The comparison a nämnd needs: the terms that decide (repayment, reporting, payment), "≠" against
// the agreement chosen under "Jämför mot", a table that fits or scrolls in its own region, a
// what-if in percent that leaves nothing behind unless kept, the termination simulation from the
// agreement and from the comparison, and a print with title, agreements and sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { useApp, clean, openApp, axe, ARTIFACTS } from './harness.mjs';

const env = useApp();
const FIVE = 'kalmar-2022-2024,kalmar-2025-2027,vallentuna-2021,varmdo,linkoping-2019';

async function openCompare(page, ids, extra = '') {
  await page.goto(env.server.origin + '/?jamfor=' + ids + extra);
  await page.waitForSelector('table.compare tr[data-term="annual"]');
}

/** Each column's cells of a term, by agreement id: { text, marked, label }. */
async function cells(page, term) {
  return page.evaluate((term) => {
    const ids = [...document.querySelectorAll('table.compare thead th[data-id]')].map((t) => t.dataset.id);
    const tds = [...document.querySelectorAll(`table.compare tr[data-term="${term}"] td`)];
    return Object.fromEntries(ids.map((id, i) => {
      const ne = tds[i].querySelector('.ne');
      // The value as shown, without its mark or the explanation folded under it.
      const shown = tds[i].cloneNode(true);
      shown.querySelectorAll('details, .ne').forEach((x) => x.remove());
      return [id, { text: shown.textContent.trim(), marked: !!ne, label: ne?.getAttribute('aria-label') ?? null }];
    }));
  }, term);
}

test('the deciding terms in Swedish, and ≠ only against the chosen agreement, kept in the address', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await openCompare(page, 'kalmar-2025-2027,vallentuna-2021,linkoping-2019');
  // The new rows, as the Kalmar 2025–2027 text states them; what a source leaves out is "okänt".
  const org = await cells(page, 'repay_organisation_breach');
  assert.equal(org['kalmar-2025-2027'].text, 'delar eller hela det utbetalda beloppet');
  assert.equal(org['vallentuna-2021'].text, 'okänt');
  assert.equal((await cells(page, 'repay_public_breach'))['kalmar-2025-2027'].text, 'inget (organisationen behåller det utbetalda)');
  assert.match((await cells(page, 'payment'))['kalmar-2025-2027'].text, /^en gång per år, under kvartal 1, mot faktura med Verksamhetsberättelse/);
  assert.match((await cells(page, 'reporting_to'))['kalmar-2025-2027'].text, /Verksamhetsplan, Verksamhetsberättelse: kommunstyrelsens arbetsutskott/);
  assert.match((await cells(page, 'reporting_when'))['kalmar-2025-2027'].text, /med fakturan \(en gång per år, under kvartal 1\)/);
  assert.equal((await cells(page, 'reporting_what'))['linkoping-2019'].text, 'okänt');
  assert.equal((await cells(page, 'notice'))['kalmar-2025-2027'].text, 'ingen');
  // Against the first picked (Kalmar 2025–2027): Vallentuna's 50 000 kr differs, Linköping's unknown cannot tell.
  assert.match(await page.textContent('table.compare th.reference'), /Kalmar 2025–2027\s*Jämförs mot/);
  let annual = await cells(page, 'annual');
  assert.deepEqual([annual['kalmar-2025-2027'].marked, annual['vallentuna-2021'].marked, annual['linkoping-2019'].marked], [false, true, false]);
  assert.equal(annual['vallentuna-2021'].label, 'skiljer sig från Kalmar 2025–2027');
  // The kommun row is not a term: never marked.
  assert.equal(await page.locator('tr[data-term="municipality"] .ne').count(), 0);
  // Choose Vallentuna: the marks move.
  await page.selectOption('#reference', 'vallentuna-2021');
  await page.waitForFunction(() => /Vallentuna/.test(document.querySelector('table.compare th.reference')?.textContent));
  annual = await cells(page, 'annual');
  assert.deepEqual([annual['kalmar-2025-2027'].marked, annual['vallentuna-2021'].marked, annual['linkoping-2019'].marked], [true, false, false]);
  assert.equal(annual['kalmar-2025-2027'].label, 'skiljer sig från Vallentuna 2021–');
  await page.waitForFunction(() => location.search.includes('mot=vallentuna-2021'));
  // A reload keeps the choice.
  await page.reload();
  await page.waitForSelector('table.compare th.reference');
  assert.match(await page.textContent('table.compare th.reference'), /Vallentuna/);
  assert.equal(await page.inputValue('#reference'), 'vallentuna-2021');
  assert.deepEqual(await axe(page), []);
  clean(problems);
  await ctx.close();
});

test('five agreements fit 1280 px or scroll in their own region with the term column kept; 1366 and 320 px too', async () => {
  for (const width of [1280, 1366, 320]) {
    const ctx = await env.browser.newContext({ locale: 'sv-SE', viewport: { width, height: 900 } });
    const page = await ctx.newPage();
    await openCompare(page, FIVE);
    const region = page.locator('.table-wrap[role="region"]');
    assert.equal(await region.getAttribute('tabindex'), '0');
    assert.equal(await region.getAttribute('aria-labelledby'), 'compare-heading');
    // The page itself never scrolls sideways.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), `page wider than ${width}`);
    // Scroll the region to its end: the last column is then in view, and the term column stays.
    await region.evaluate((r) => { r.scrollLeft = r.scrollWidth; });
    const fit = await page.evaluate(() => {
      const r = document.querySelector('.table-wrap[role="region"]').getBoundingClientRect();
      const heads = document.querySelectorAll('table.compare thead th[data-id]');
      const last = heads[heads.length - 1].getBoundingClientRect();
      const term = document.querySelector('table.compare tbody th[scope="row"]').getBoundingClientRect();
      return { lastRight: last.right, regionRight: r.right, termLeft: term.left, regionLeft: r.left };
    });
    assert.ok(fit.lastRight <= fit.regionRight + 1, `${width}: last column ends at ${fit.lastRight}, region at ${fit.regionRight}`);
    assert.ok(Math.abs(fit.termLeft - fit.regionLeft) <= 1, `${width}: term column at ${fit.termLeft}, region at ${fit.regionLeft}`);
    await region.evaluate((r) => { r.scrollLeft = 0; });
    await page.screenshot({ path: join(ARTIFACTS, `compare-${width}.png`) });
    await ctx.close();
  }
});

test('a what-if in percent shows beside the others at once and leaves nothing behind unless kept', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  const listed = async () => {
    await page.click('nav a:has-text("Avtal")');
    await page.waitForSelector('table.agreements tbody tr');
    return page.$$eval('table.agreements tbody tr', (t) => t.map((r) => r.textContent));
  };
  const before = await listed();
  await openCompare(page, 'kalmar-2025-2027,vallentuna-2021');
  await page.fill('#pct', '+20');
  await page.waitForSelector('table.compare th.whatif');
  assert.match(await page.textContent('table.compare th.whatif'), /Kalmar 2025–2027 \+20 %\s*Tänkt, inte sparad/);
  const whatif = async (term) => (await cells(page, term))['(tänkt procent)'].text;
  assert.equal(await whatif('annual'), '1 200 000 kr');
  // 1 200 000 kr / 72 704 inhabitants = 16,505… → 16,51 kr.
  assert.equal(await whatif('per_inhabitant'), '16,51 kr');
  assert.equal(await whatif('total'), '3 600 000 kr');
  assert.match(await page.textContent('.percent-result'), /16,51 kr per invånare och år, 3 600 000 kr för perioden/);
  // Decimal comma; bad input in Swedish, never a panic.
  await page.fill('#pct', '12,5');
  await page.waitForFunction(() => /1 125 000 kr/.test(document.querySelector('.percent-result')?.textContent));
  await page.fill('#pct', 'tjugo');
  assert.match(await page.textContent('#pct-error'), /"tjugo" är inte ett procenttal/);
  assert.equal(await page.locator('table.compare th.whatif').count(), 0);
  await page.fill('#pct', '-100');
  assert.match(await page.textContent('#pct-error'), /Ange en ändring större än −100 %/);
  await page.fill('#pct', '');
  assert.equal(await page.locator('#pct-error').count(), 0);
  // Nothing was made: the list is as it was.
  assert.deepEqual(await listed(), before);
  // Kept as a variant: only now is it an agreement, compared and listed.
  await openCompare(page, 'kalmar-2025-2027,vallentuna-2021');
  await page.fill('#pct', '+20');
  await page.click('button:has-text("Spara som variant")');
  await page.waitForFunction(() => [...document.querySelectorAll('table.compare thead th[data-id]')].some((t) => t.dataset.id.startsWith('variant') && /Kalmar 2025–2027 \+20 %/.test(t.textContent)));
  assert.equal(await page.locator('table.compare th.whatif').count(), 0);
  assert.equal(await page.inputValue('#pct'), '');
  const after = await listed();
  assert.equal(after.length, before.length + 1);
  assert.ok(after.some((r) => /Kalmar 2025–2027 \+20 %/.test(r)));
  clean(problems);
  await ctx.close();
});

test('the termination simulation is reached from the agreement and from the comparison, and Back returns', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await page.goto(env.server.origin + '/?avtal=kalmar-2025-2027');
  await page.click('button:text-is("Simulera hävning")');
  await page.waitForFunction(() => /^Simulera hävning: Kalmar 2025–2027$/.test(document.querySelector('main h2')?.textContent.trim()));
  assert.equal((await page.textContent('fieldset legend')).trim(), 'Vem bröt avtalet?');
  assert.deepEqual((await page.$$eval('input[name="t-breach"]', (r) => r.map((x) => x.parentElement.textContent.trim()))), ['Organisationen', 'Kommunen']);
  await page.fill('#t-notice', '2026-05-04');
  assert.equal(await page.textContent('dd[data-figure="effective"]'), '2026-06-04');
  assert.equal(await page.textContent('dd[data-figure="repayment"]'), '0 kr – 2 000 000 kr');
  await page.check('input[name="t-breach"][value="public"]');
  assert.equal(await page.textContent('dd[data-figure="repayment"]'), '0 kr – 0 kr');
  assert.deepEqual(await axe(page), []);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('main h2')?.textContent.trim() === 'Kalmar 2025–2027');
  // From the comparison, per agreement.
  await openCompare(page, 'kalmar-2025-2027,vallentuna-2021');
  await page.click('button[aria-label="Simulera hävning: Vallentuna 2021–"]');
  await page.waitForFunction(() => /^Simulera hävning: Vallentuna 2021–$/.test(document.querySelector('main h2')?.textContent.trim()));
  await page.fill('#t-notice', '2026-05-04');
  assert.match(await page.textContent('.field-error'), /källan anger inte villkoren för hävning/);
  await page.goBack();
  await page.waitForSelector('table.compare tr[data-term="annual"]');
  clean(problems);
  await ctx.close();
});

test('the comparison prints with its title and date, the agreements and their sources, and nothing of the screen', async () => {
  const { page, problems, ctx } = await openApp(env.browser, env.server.origin);
  await openCompare(page, 'kalmar-2025-2027,vallentuna-2021,linkoping-2019');
  await page.emulateMedia({ media: 'print' });
  const pdf = join(ARTIFACTS, 'compare-print.pdf');
  await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  assert.match(text, /Jämförelse av IOP-avtal, \d{4}-\d{2}-\d{2}/);
  assert.match(text, /Jämförda avtal:/);
  assert.match(text, /Kalmar 2025–2027 \(Kalmar, Kvinnojouren & Ungdomsjouren Kalmar\) – jämförs mot/);
  assert.match(text, /Vallentuna 2021– \(Vallentuna/);
  assert.match(text, /≠ = skiljer sig från Kalmar 2025–2027/);
  assert.match(text, /Återbetalning om/); // the new rows print (the label wraps in its column)
  assert.match(text, /001_2a6dc1f590a5bec8\.txt/);
  assert.doesNotMatch(text, /Ditt arbete är sparat|Jämför mot|Spara som variant|Ändring av beloppet|Simulera hävning|Sortera avtalen efter/);
  clean(problems);
  await ctx.close();
});
