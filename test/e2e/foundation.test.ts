/**
 * The foundation in a real browser: the map paints all 21 regions, the list and the map select
 * together through the URL, links restore the selection, MapLibre takes over from the SVG map
 * when the reader points at it, and Chromium without WebGL gets the SVG map, fully usable.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE,
  labelPoint,
  openPage,
  regionState,
  renderedRegions,
  takeOverWithMapLibre,
  useBrowser,
  waitForColoredMap,
} from './browser';
import { PNG } from 'pngjs';
import { REGION_CODES, type Dataset } from '../../src/data/schema';
import { readDataset } from '../../src/data/validate';
import { fsReader } from '../../src/cli/fsReader';
import { classify } from '../../src/domain/classify';

const browser = useBrowser();
const d: Dataset = await readDataset(fsReader('public/data'));

describe('map', () => {
  it.each([
    ['desktop', { width: 1440, height: 900 }],
    ['phone', { width: 360, height: 740 }],
  ])('paints all 21 regions with colours and nothing external on %s', async (_name, viewport) => {
    const { page, problems } = await openPage(browser(), '/', viewport);
    await waitForColoredMap(page);
    expect(await renderedRegions(page)).toEqual([...REGION_CODES].sort());
    for (const code of REGION_CODES) expect((await regionState(page, code)).color).toMatch(/^#[0-9a-f]{6}$/i);
    // All of Sweden in view: Norrbotten's and Skåne's label points and Gotland lie inside the map.
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    for (const code of ['SE-BD', 'SE-M', 'SE-I', 'SE-N']) {
      const p = await labelPoint(page, code);
      expect(p.x).toBeGreaterThan(0);
      expect(p.y).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(box.width);
      expect(p.y).toBeLessThan(box.height);
    }
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('selects a region from the list: map, URL and panel follow, and Back undoes it', async () => {
    const { page, problems } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    await page.click('[data-testid="region-list"] button[data-code="SE-I"]');
    await page.waitForURL(/region=SE-I/);
    expect(new URL(page.url()).searchParams.get('region')).toBe('SE-I');
    await expect.poll(async () => (await regionState(page, 'SE-I')).selected).toBe(true);
    await expect.poll(() => page.locator('[data-testid="panel"] h2').textContent()).toBe('Gotland');
    expect(
      await page.getAttribute('[data-testid="region-list"] button[data-code="SE-I"]', 'aria-pressed'),
    ).toBe('true');

    await page.goBack();
    await page.waitForURL((u) => !u.searchParams.has('region'));
    await expect.poll(async () => (await regionState(page, 'SE-I')).selected).toBe(false);
    expect(await page.locator('[data-testid="panel"]').count()).toBe(0);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it("changes the panel, the map's outline and the address bar together", async () => {
    const { page } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    const seen = await page.evaluate(
      () =>
        new Promise<{ outline: string | null; search: string }>((resolve) => {
          const mo = new MutationObserver(() => {
            if (document.querySelector('[data-testid="panel"] h2')?.textContent !== 'Blekinge') return;
            mo.disconnect();
            resolve({
              outline: document
                .querySelector('[data-testid="map"] path.region[data-code="SE-K"]')!
                .getAttribute('data-outline'),
              search: location.search,
            });
          });
          mo.observe(document.body, { subtree: true, childList: true, characterData: true });
          document
            .querySelector<HTMLButtonElement>('[data-testid="region-list"] button[data-code="SE-K"]')!
            .click();
        }),
    );
    expect(seen).toEqual({ outline: 'selected', search: '?region=SE-K' });
    await page.close();
  });

  it('selects a region by clicking the map, once MapLibre has taken over', async () => {
    const { page, problems } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    const p = await labelPoint(page, 'SE-BD');
    // Pointing at the map is what brings MapLibre (pan and zoom) in.
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.waitForSelector('[data-testid="map"][data-renderer="maplibre"]');
    await page.mouse.move(box.x + p.x + 1, box.y + p.y + 1);
    await expect.poll(() => page.locator('.tooltip strong').textContent()).toBe('Norrbotten');
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await page.waitForURL(/region=SE-BD/);
    await expect.poll(async () => (await regionState(page, 'SE-BD')).selected).toBe(true);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  // The SVG map is the first paint; MapLibre takes over at the same framing, colours and hatches
  // (geometry.ts, model.ts). Measured here: 0.7 % (1440 px) and 2.2 % (390 px) of the map's
  // pixels differ by more than 40 on a channel (antialiasing along borders; hatches sampled
  // differently at a phone's smaller zoom), mean difference 1.8 and 3.3. MapLibre zoomed by
  // 0.01 (a few pixels at the map's edges) gives 2.8 % and 4.3 %, means 3.4 and 5.2. Since the
  // phone's map stands beside its key (200 px wide, issue 20), Sweden is drawn at a smaller zoom
  // there and the hatches' phase alone differs on 4.2 % of its pixels (mean 5.7): the phone's
  // limits guard against a jump of a region's size, the desktop's against a few pixels.
  it.each([
    ['1440×900', { width: 1440, height: 900 }, '/', { off: 0.015, mean: 2.5 }],
    ['390×844', { width: 390, height: 844 }, '/', { off: 0.06, mean: 7.5 }],
  ])(
    'hands over from the SVG map to MapLibre at %s with no visible jump',
    async (_name, viewport, path, limit) => {
      const context = await browser().newContext({ viewport, serviceWorkers: 'block' });
      const { page, problems } = await openPage(context, path, viewport);
      await waitForColoredMap(page);
      const map = page.locator('[data-testid="map"]');
      const svg = PNG.sync.read(await map.screenshot());
      await takeOverWithMapLibre(page);
      const gl = PNG.sync.read(await map.screenshot());
      let off = 0;
      let sum = 0;
      for (let i = 0; i < svg.data.length; i += 4) {
        const d = Math.max(...[0, 1, 2].map((k) => Math.abs(svg.data[i + k]! - gl.data[i + k]!)));
        sum += d;
        if (d > 40) off++;
      }
      const n = svg.data.length / 4;
      expect(off / n).toBeLessThan(limit.off);
      expect(sum / n).toBeLessThan(limit.mean);
      expect(problems.errors).toEqual([]);
      await context.close();
    },
  );

  it('restores the selection from a ?region= link', async () => {
    const { page } = await openPage(browser(), '/?region=SE-I');
    await waitForColoredMap(page);
    await expect.poll(async () => (await regionState(page, 'SE-I')).selected).toBe(true);
    expect(await page.locator('[data-testid="panel"] h2').textContent()).toBe('Gotland');
    await page.close();
  });
});

describe('without WebGL', () => {
  const noGl = useBrowser(['--disable-webgl', '--disable-webgl2', '--disable-3d-apis']);

  it('draws the SVG map: 21 regions in their classes, hover, click and keyboard open a region', async () => {
    const { page, problems } = await openPage(noGl(), '/?year=2024');
    await waitForColoredMap(page);
    expect(await renderedRegions(page)).toEqual([...REGION_CODES].sort());
    const c = classify(d, 'decision', 2024, 1100);
    for (const code of REGION_CODES) {
      const s = await regionState(page, code);
      expect([code, s.color, s.pattern]).toEqual([code, c.byRegion[code].color, c.byRegion[code].pattern]);
    }
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    const p = await labelPoint(page, 'SE-BD');
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await expect.poll(() => page.locator('.tooltip strong').textContent()).toBe('Norrbotten');
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await expect.poll(() => page.locator('[data-testid="panel"] h2').textContent()).toBe('Norrbotten');
    expect(await page.getAttribute('[data-testid="map"]', 'data-renderer')).toBe('svg');

    // The keyboard: one tab stop in the map, arrows move between regions, Enter opens one.
    await page.focus('[data-testid="map"] path.region[tabindex="0"]');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement?.getAttribute('data-code'));
    expect(second).not.toBe(first);
    await expect.poll(async () => (await regionState(page, second!)).outline).toBe('hover');
    await expect.poll(() => page.locator('.tooltip strong').count()).toBe(1);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`region=${second}`));

    // Zoom needs MapLibre: once the pointer came over the map, a note says it cannot be had
    // here and the zoom buttons are gone.
    await expect.poll(() => page.locator('.map-note').textContent()).toContain('WebGL 2');
    expect(await page.locator('[data-testid="map"] .zoom').count()).toBe(0);
    expect(problems.errors.filter((e) => !/WebGL|webgl|GPU/.test(e))).toEqual([]);
    await page.close();
  });

  it('keeps the list, panel and table working', async () => {
    const { page, problems } = await openPage(noGl(), '/');
    await expect.poll(() => page.locator('[data-testid="summary"]').textContent()).toContain('13 av 21');
    await page.click('[data-testid="region-list"] button[data-code="SE-I"]');
    await expect.poll(() => page.locator('[data-testid="panel"] h2').textContent()).toBe('Gotland');
    await page.click('[data-testid="view"] input[value="table"]');
    await expect.poll(() => page.locator('[data-testid="data-table"] tbody tr').count()).toBe(21);
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('table');
    expect(problems.errors.filter((e) => !/WebGL|webgl|GPU/.test(e))).toEqual([]);
    await page.close();
  });
});

it('serves the app shell on the documented address', async () => {
  const res = await fetch(BASE + '/');
  expect(res.status).toBe(200);
  expect(await res.text()).toContain('<div id="app">');
});
