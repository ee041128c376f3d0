/**
 * Issue 20, the region panel and the legend as drawn at 1440 × 900: the timeline chart's class
 * names whole, the reference line's label clear of the bars, text on hatched chips on a solid
 * backing, the legend's notes whole.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, useBrowser, waitForColoredMap } from './browser';

const browser = useBrowser();

/** The panel's Chart.js charts, read through Chart.getChart from the page's own chart chunk. */
async function panelCharts(page: Page) {
  await page.waitForFunction(() =>
    performance.getEntriesByType('resource').some((e) => /\/assets\/chartjs-[^/]*\.js$/.test(e.name)),
  );
  // The page's own module (same URL, same instance registry); a string, so the test runner does
  // not rewrite its import().
  await page.evaluate(`(async () => {
    const url = performance.getEntriesByType('resource').find((e) => /\\/assets\\/chartjs-[^/]*\\.js$/.test(e.name)).name;
    window.__Chart = (await import(url)).Chart;
  })()`);
  await expect
    .poll(() =>
      page.evaluate(() => {
        const Chart = (window as unknown as { __Chart: typeof import('chart.js').Chart }).__Chart;
        return [...document.querySelectorAll('[data-testid="panel"] canvas')].filter((c) =>
          Chart.getChart(c as HTMLCanvasElement),
        ).length;
      }),
    )
    .toBe(3);
  return page.evaluate(() => {
    const Chart = (window as unknown as { __Chart: typeof import('chart.js').Chart }).__Chart;
    return [...document.querySelectorAll<HTMLCanvasElement>('[data-testid="panel"] canvas')].map((c) => {
      const chart = Chart.getChart(c)!;
      const y = chart.scales.y! as unknown as {
        left: number;
        right: number;
        width: number;
        _labelSizes?: { widest: { width: number } };
      };
      const bars = chart.getDatasetMeta(0).data.map((el) => {
        const b = el as unknown as { x: number; y: number; base: number; height: number };
        return {
          x0: Math.min(b.base, b.x),
          x1: Math.max(b.base, b.x),
          y0: b.y - b.height / 2,
          y1: b.y + b.height / 2,
        };
      });
      return {
        type: (chart.config as { type: string }).type,
        widest: y._labelSizes?.widest.width ?? 0,
        yLeft: y.left,
        yWidth: y.width,
        refLabel: c.dataset.refLabel?.split(' ').map(Number) ?? null,
        width: chart.width,
        bars,
      };
    });
  });
}

describe('region panel charts at 1440 × 900', () => {
  it.each(['sv', 'en'])(
    '%s: every class name of the timeline is drawn whole; the reference labels touch no bar',
    async (lang) => {
      const { page, problems } = await openPage(browser(), `/?region=SE-AB&lang=${lang}`);
      await waitForColoredMap(page);
      const charts = await panelCharts(page);
      const steps = charts.find((c) => c.type === 'line')!;
      // The widest tick label fits in the axis's box, which starts inside the canvas.
      expect(steps.yLeft).toBeGreaterThanOrEqual(0);
      expect(steps.widest).toBeGreaterThan(50);
      expect(steps.widest).toBeLessThanOrEqual(steps.yWidth);
      const bars = charts.filter((c) => c.type === 'bar');
      expect(bars).toHaveLength(2);
      for (const c of bars) {
        const [x, y, w, h] = c.refLabel!;
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x! + w!).toBeLessThanOrEqual(c.width);
        expect(y).toBeGreaterThanOrEqual(0);
        for (const b of c.bars) {
          const hit = x! < b.x1 && b.x0 < x! + w! && y! < b.y1 && b.y0 < y! + h!;
          expect(hit, JSON.stringify({ label: c.refLabel, bar: b })).toBe(false);
        }
      }
      expect(problems.errors).toEqual([]);
      await page.close();
    },
  );
});

describe('hatched badges', () => {
  it('text on a hatched badge stands on a solid backing with contrast ≥ 4.5:1', async () => {
    // Stockholm: inferred classes (hatched over the colour); Halland: unknown in 2025 (grey).
    for (const code of ['SE-AB', 'SE-N']) {
      const { page } = await openPage(browser(), `/?region=${code}`);
      const badges = page.locator('[data-testid="panel"] .badge:is(.pattern-inferred, .pattern-unknown)');
      await badges.first().waitFor();
      const found = await badges.evaluateAll((els) => {
        const rgb = (c: string) =>
          c
            .match(/[\d.]+/g)!
            .slice(0, 3)
            .map(Number);
        const lum = (c: string) => {
          const [r, g, b] = rgb(c).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        return els.map((badge) => {
          const text = badge.querySelector('.badge-text');
          if (!text) return { text: badge.textContent, ratio: 0, solid: false };
          const s = getComputedStyle(text);
          const [a, b] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
          return {
            text: text.textContent,
            ratio: (a! + 0.05) / (b! + 0.05),
            // A solid backing: an opaque colour and no stripes under the text.
            solid: s.backgroundImage === 'none' && !/rgba\(.*, 0\)/.test(s.backgroundColor),
          };
        });
      });
      expect(found.length).toBeGreaterThan(0);
      for (const f of found) {
        expect(f.solid, f.text!).toBe(true);
        expect(f.ratio, f.text!).toBeGreaterThanOrEqual(4.5);
      }
      await page.close();
    }
  });
});

describe('the side column at 1440 × 900', () => {
  it.each(['/', '/?metric=share', '/?lang=en&metric=gap'])(
    '%s: the overview and its notes are shown whole, not cut at a box’s foot',
    async (path) => {
      const { page } = await openPage(browser(), path);
      await waitForColoredMap(page);
      const aside = page.locator('aside.secondary');
      await aside.locator('h2').first().waitFor();
      const { scroll, client } = await aside.evaluate((el) => ({
        scroll: el.scrollHeight,
        client: el.clientHeight,
      }));
      expect(scroll).toBeLessThanOrEqual(client);
      await page.close();
    },
  );
});
