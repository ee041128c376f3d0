/**
 * Memory soak: 500 interactions of a reader in a cycle (metric, year, view, regions opened and
 * closed, in the map, the table, the compare and the changes views) in one page, with the JS heap
 * measured after a forced garbage collection (Chrome DevTools Protocol) every 100 interactions.
 * After the warm-up (the first 200: lazy chunks, Chart.js, the views' first mounts; at 100 the heap
 * was still a megabyte short of where it settled: 9.3, 10.6, 10.4, 10.2, 10.3 MB) the heap must
 * stay flat: a leak of a few kilobytes per interaction shows as a slope long before it shows as a
 * tab that dies.
 */
import { describe, expect, it } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { openPage, useBrowser, waitForColoredMap } from './browser';

const browser = useBrowser();

const INTERACTIONS = 500;
const EVERY = 100;
/**
 * What the heap may gain from interaction 200 to 500: noise, not a per-interaction leak (the
 * 7.7 KB per interaction once measured would gain 2.3 MB).
 */
const MARGIN = 1.5 * 2 ** 20;

/** Used JS heap after a full collection (collected twice: the first can leave finalised garbage). */
async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** One interaction: what the reader does, and what says it is done (a real state, never a delay). */
type Step = (page: Page) => Promise<void>;

const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/**
 * Waits for `selector` by a locator: page.waitForSelector returns an element handle that
 * Playwright keeps alive, and with it every view the soak leaves (~50 KB per switch measured).
 */
const waitFor = (page: Page, selector: string) => page.locator(selector).first().waitFor();

const radio =
  (group: string, value: string): Step =>
  async (page) => {
    await page.click(`[data-testid="${group}"] input[value="${value}"]`);
    await waitFor(page, `[data-testid="${group}"] input[value="${value}"]:checked`);
  };

const mapColored: Step = async (page) => waitForColoredMap(page);

/** A step followed by a wait for the map to show its colours. */
const onMap =
  (step: Step): Step =>
  async (page) => {
    await step(page);
    await mapColored(page);
  };

const openFromList =
  (code: string): Step =>
  async (page) => {
    await page.click(`[data-testid="region-list"] button[data-code="${code}"]`);
    await waitFor(page, `[data-testid="panel"][data-code="${code}"] [data-testid="panel-share"]`);
  };

const openFromTable =
  (code: string): Step =>
  async (page) => {
    await page.click(`[data-testid="data-table"] tr[data-code="${code}"] th button`);
    await waitFor(page, `[data-testid="panel"][data-code="${code}"] [data-testid="panel-share"]`);
  };

const close: Step = async (page) => {
  await page.keyboard.press('Escape');
  await page.locator('[data-testid="panel"]').waitFor({ state: 'detached' });
  // The address follows a frame later (src/app/url.ts writes it after the paint).
  await expect.poll(() => param(page, 'region'), { interval: 10 }).toBeNull();
};

const view =
  (name: string, ready: string): Step =>
  async (page) => {
    await radio('view', name)(page);
    await waitFor(page, ready);
  };

/** The cycle: 16 interactions, every kind the reader has. */
const CYCLE: Step[] = [
  onMap(radio('year', '2023')),
  onMap(radio('year', '2022')),
  onMap(radio('year', '2025')),
  onMap(radio('metric', 'share')),
  openFromList('SE-AB'),
  openFromList('SE-M'),
  close,
  onMap(radio('metric', 'gap')),
  onMap(radio('metric', 'decision')),
  view('table', '[data-testid="data-table"] tr[data-code="SE-I"]'),
  openFromTable('SE-I'),
  close,
  view('compare', '[data-testid="compare-view"]'),
  view('changes', '[data-testid="changes-view"]'),
  onMap(view('map', '[data-testid="map"]')),
  onMap(radio('year', '2024')),
];

describe('memory', () => {
  it(`stays flat over ${INTERACTIONS} interactions after warm-up`, async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const { page, problems } = await openPage(context, '/?year=2025', { width: 1440, height: 900 });
    await waitForColoredMap(page);
    await waitFor(page, '[data-testid="region-list"]');
    const cdp = await context.newCDPSession(page);
    const heap: number[] = [await heapAfterGc(cdp)];
    const started = performance.now();
    for (let i = 1; i <= INTERACTIONS; i++) {
      await CYCLE[(i - 1) % CYCLE.length]!(page);
      if (i % EVERY === 0) heap.push(await heapAfterGc(cdp));
    }
    const seconds = (performance.now() - started) / 1000;
    const mb = heap.map((h) => +(h / 2 ** 20).toFixed(2));
    console.log(
      `heap after GC at 0, 100 … ${INTERACTIONS} interactions (MB): ${mb.join(', ')}; ${seconds.toFixed(1)} s`,
    );

    // After the warm-up: the last within the margin of the first, and no steady climb (not every
    // step up, which a leak of even 1 KB per interaction would make at this resolution).
    const after = heap.slice(2);
    expect(after.at(-1)! - after[0]!).toBeLessThanOrEqual(MARGIN);
    const rises = after.slice(1).filter((h, i) => h > after[i]!).length;
    expect(rises).toBeLessThan(after.length - 1);
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 120_000);
});
