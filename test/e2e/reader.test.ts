/**
 * Issue 20, what only the page shows: the words a reader selects and copies, and what the region
 * panel says about its sources.
 */
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './browser';

const browser = useBrowser();

describe('region panel words', () => {
  it('the surviving words of a 2025 table row copy as words, not "TjänstemannanivåTjänstemannanivå2030"', async () => {
    const { page, problems } = await openPage(browser(), '/?region=SE-Z');
    const cells = page.locator('[data-testid="panel"] article[data-year="2025"] .table-text');
    await cells.waitFor();
    const copied = await cells.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return sel.toString();
    });
    expect(copied).toMatch(/^\s*Tjänstemannanivå\s+Tjänstemannanivå\s+2030\s*$/);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it.each(['sv', 'en'])(
    '%s: each source is said once, and the gap table has no stray caption',
    async (lang) => {
      const { page, problems } = await openPage(browser(), `/?region=SE-AB&lang=${lang}`);
      const panel = page.locator('[data-testid="panel"]');
      await panel.locator('[data-testid="panel-gap"] table').waitFor();
      for (const id of ['panel-share', 'panel-gap']) {
        const text = (await panel.locator(`[data-testid="${id}"] .source`).textContent())!;
        // The report's own line starts "Källa:" in either language: said once, by the panel.
        expect(text.match(/(Källa|Source):/gi), text).toHaveLength(1);
      }
      // The corner of the gap table heads no column: nothing there, seen or read.
      expect(await panel.locator('[data-testid="panel-gap"] thead tr > :first-child').textContent()).toBe('');
      expect(await panel.textContent()).not.toMatch(lang === 'sv' ? /Värde/ : /\bValue\b/);
      expect(problems.errors).toEqual([]);
      await page.close();
    },
  );
});

describe('the first screen', () => {
  it('says why 11 regions are grey in 2025, and offers 2024 where all 21 are known', async () => {
    const { page, problems } = await openPage(browser(), '/');
    const note = page.locator('[data-testid="legend-notes"] [data-note="unknown"]');
    await expect.poll(() => note.textContent()).toMatch(/11 regioner är grå.*bockar och kryss/);
    await note.getByRole('button', { name: 'Visa 2024' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2024');
    await expect.poll(() => note.count()).toBe(0);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
