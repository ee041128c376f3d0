/**
 * Issue 20, the map as a reader reads it: region names on the map, drawn without overlaps by
 * both renderers.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, takeOverWithMapLibre, useBrowser, waitForColoredMap } from './browser';
import { expectReadable, type Rect } from './labelBoxes';

const browser = useBrowser();

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

  it('390 × 844: no clutter; no names on Sweden, a few once a region is framed', async () => {
    const { page } = await openPage(browser(), '/', { width: 390, height: 844 });
    await waitForColoredMap(page);
    expect((await labelBoxes(page, '[data-testid="map"] .svg-map')).labels).toHaveLength(0);
    await page.close();
    // A region chosen is framed; its name first, a few neighbours' where they fit, none touching.
    const sel = await openPage(browser(), '/?region=SE-K', { width: 390, height: 844 });
    await waitForColoredMap(sel.page);
    await sel.page.locator('[data-testid="panel"]').waitFor();
    await expect
      .poll(async () =>
        (await labelBoxes(sel.page, '[data-testid="map"] .svg-map')).labels.map((l) => l.code),
      )
      .toContain('SE-K');
    const { labels } = await labelBoxes(sel.page, '[data-testid="map"] .svg-map');
    expect(labels.length).toBeLessThanOrEqual(8);
    for (const a of labels)
      for (const b of labels)
        if (a !== b)
          expect(
            a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height,
          ).toBe(false);
    await sel.page.close();
  });
});

/** The SVG map's viewBox [x, y, width, height] in path units. */
async function viewBox(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    document
      .querySelector('[data-testid="map"] .svg-map svg')!
      .getAttribute('viewBox')!
      .split(' ')
      .map(Number),
  );
}

/** A region's bounds in path units, from its drawn shape. */
async function shapeBounds(page: Page, code: string): Promise<number[]> {
  return page.evaluate((c) => {
    const b = document
      .querySelector<SVGPathElement>(`[data-testid="map"] path.region[data-code="${c}"]`)!
      .getBBox();
    return [b.x, b.y, b.x + b.width, b.y + b.height];
  }, code);
}

const contains = (v: number[], b: number[]) =>
  b[0]! >= v[0]! && b[1]! >= v[1]! && b[2]! <= v[0]! + v[2]! && b[3]! <= v[1]! + v[3]!;

describe('choosing a region frames it', () => {
  it('?region=SE-K opens on Blekinge: all of it in view, the view a small part of Sweden’s; closing returns to Sweden', async () => {
    const national = await openPage(browser(), '/');
    await waitForColoredMap(national.page);
    const sweden = await viewBox(national.page);
    await national.page.close();

    const ctx = await browser().newContext({
      reducedMotion: 'reduce',
      viewport: { width: 1440, height: 900 },
    });
    const { page, problems } = await openPage(ctx, '/?region=SE-K');
    await waitForColoredMap(page);
    await page.locator('[data-testid="panel"]').waitFor();
    const k = await viewBox(page);
    expect(contains(k, await shapeBounds(page, 'SE-K'))).toBe(true);
    expect(k[2]! * k[3]!).toBeLessThan((sweden[2]! * sweden[3]!) / 20);

    // MapLibre takes over at that view: Blekinge's name stands where the SVG map has it.
    await takeOverWithMapLibre(page);
    const at = (layer: string) =>
      page.evaluate((sel) => {
        const r = document.querySelector(`${sel} text[data-label="SE-K"]`)!.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, layer);
    const svgAt = await at('[data-testid="map"] .svg-map');
    const glAt = await at('[data-testid="map"] .gl-labels');
    expect(Math.abs(svgAt.x - glAt.x)).toBeLessThan(2);
    expect(Math.abs(svgAt.y - glAt.y)).toBeLessThan(2);

    // Closing (Escape) returns to Sweden, at once under reduced motion.
    await page.keyboard.press('Escape');
    await expect.poll(() => new URL(page.url()).searchParams.has('region')).toBe(false);
    const back = await viewBox(page);
    back.forEach((v, i) => expect(v).toBeCloseTo(sweden[i]!, 0));
    expect(problems.errors).toEqual([]);
    await ctx.close();
  });

  it('a region chosen from the list is framed in a short move, or at once for a reader who asks for less motion', async () => {
    for (const motion of ['no-preference', 'reduce'] as const) {
      const ctx = await browser().newContext({
        reducedMotion: motion,
        viewport: { width: 1440, height: 900 },
      });
      const { page } = await openPage(ctx, '/');
      await waitForColoredMap(page);
      const sweden = await viewBox(page);
      // Sample the view at every frame from the click on.
      await page.evaluate(() => {
        const w = window as unknown as { boxes: string[] };
        w.boxes = [];
        const svg = () =>
          document.querySelector('[data-testid="map"] .svg-map svg')!.getAttribute('viewBox')!;
        const tick = () => {
          w.boxes.push(svg());
          if (w.boxes.length < 60) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.click('[data-testid="region-list"] button[data-code="SE-H"]');
      await page.waitForFunction(() => (window as unknown as { boxes: string[] }).boxes.length >= 60);
      const boxes = await page.evaluate(() => (window as unknown as { boxes: string[] }).boxes);
      const distinct = [...new Set(boxes)].filter((b) => b !== sweden.join(' '));
      const final = distinct[distinct.length - 1]!.split(' ').map(Number);
      expect(contains(final, await shapeBounds(page, 'SE-H'))).toBe(true);
      // Reduced motion: straight from Sweden to Kalmar; otherwise a few frames in between.
      if (motion === 'reduce') expect(distinct).toHaveLength(1);
      else expect(distinct.length).toBeGreaterThan(3);
      await ctx.close();
    }
  });
});
