/**
 * Issue 20, the map as a reader reads it: region names on the map, drawn without overlaps by
 * both renderers.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, takeOverWithMapLibre, useBrowser, waitForColoredMap } from './browser';

const browser = useBrowser();

interface Rect {
  code: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The visible name labels' boxes (the text as drawn), and the map's box, in page coordinates. */
async function labelBoxes(page: Page, layer: string): Promise<{ labels: Rect[]; map: DOMRect }> {
  return page.evaluate((sel) => {
    const map = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
    const labels = [...document.querySelectorAll(`${sel} text[data-label]`)]
      .filter((t) => getComputedStyle(t).visibility !== 'hidden')
      .map((t) => {
        const r = t.getBoundingClientRect();
        return { code: t.getAttribute('data-label')!, x: r.x, y: r.y, width: r.width, height: r.height };
      });
    return { labels, map: map.toJSON() as DOMRect };
  }, layer);
}

function expectReadable({ labels, map }: { labels: Rect[]; map: DOMRect }) {
  expect(labels).toHaveLength(21);
  for (const a of labels) {
    expect(a.width, a.code).toBeGreaterThan(20);
    expect(a.x, a.code).toBeGreaterThanOrEqual(map.x);
    expect(a.y, a.code).toBeGreaterThanOrEqual(map.y);
    expect(a.x + a.width, a.code).toBeLessThanOrEqual(map.x + map.width);
    expect(a.y + a.height, a.code).toBeLessThanOrEqual(map.y + map.height);
    for (const b of labels) {
      if (a === b) continue;
      const hit = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      expect(hit, `${a.code} overlaps ${b.code}`).toBe(false);
    }
  }
}

describe('region names on the map', () => {
  it('1440 × 900, SVG map: 21 names, none overlapping, all inside the map', async () => {
    const { page, problems } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    const boxes = await labelBoxes(page, '[data-testid="map"] .svg-map');
    expectReadable(boxes);
    expect(boxes.labels.find((l) => l.code === 'SE-K')).toBeDefined();
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('1440 × 900, MapLibre: the same 21 names over its canvas, none overlapping', async () => {
    const { page, problems } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    await takeOverWithMapLibre(page);
    expectReadable(await labelBoxes(page, '[data-testid="map"] .gl-labels'));
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('390 × 844: no clutter; only the chosen region is named', async () => {
    const { page } = await openPage(browser(), '/', { width: 390, height: 844 });
    await waitForColoredMap(page);
    expect((await labelBoxes(page, '[data-testid="map"] .svg-map')).labels).toHaveLength(0);
    await page.close();
    const sel = await openPage(browser(), '/?region=SE-K', { width: 390, height: 844 });
    await waitForColoredMap(sel.page);
    const { labels } = await labelBoxes(sel.page, '[data-testid="map"] .svg-map');
    expect(labels.map((l) => l.code)).toEqual(['SE-K']);
    await sel.page.close();
  });
});
