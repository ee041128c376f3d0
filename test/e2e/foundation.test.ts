/**
 * The foundation in a real browser: the map paints all 21 regions, the list and the map select
 * together through the URL, links restore the selection, and Chromium without WebGL2 gets the
 * fallback with everything else working.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE,
  labelPoint,
  openPage,
  regionState,
  renderedRegions,
  useBrowser,
  waitForColoredMap,
} from './browser';
import { REGION_CODES } from '../../src/lib/data/schema';

const browser = useBrowser();

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
    const box = (await page.locator('.region-map').boundingBox())!;
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

  it("paints the panel first and the map's selection outline a frame later", async () => {
    const { page } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    // The panel's code is prefetched once the map is drawn; a reader's click comes after that (on
    // a loaded machine the prefetch can still be under way when the map is coloured).
    await page.waitForLoadState('networkidle');
    const order = await page.evaluate(
      () =>
        new Promise<{ atPanel: unknown; later: unknown }>((resolve) => {
          const map = (window as never as { __regionMap: { stateOf(c: string): { selected?: boolean } } })
            .__regionMap;
          const mo = new MutationObserver(() => {
            if (document.querySelector('[data-testid="panel"] h2')?.textContent !== 'Blekinge') return;
            mo.disconnect();
            const atPanel = map.stateOf('SE-K').selected ?? false;
            // Two frames on, the outline has followed.
            requestAnimationFrame(() =>
              requestAnimationFrame(() =>
                setTimeout(() => resolve({ atPanel, later: map.stateOf('SE-K').selected }), 50),
              ),
            );
          });
          mo.observe(document.body, { subtree: true, childList: true, characterData: true });
          document
            .querySelector<HTMLButtonElement>('[data-testid="region-list"] button[data-code="SE-K"]')!
            .click();
        }),
    );
    expect(order).toEqual({ atPanel: false, later: true });
    await page.close();
  });

  it('selects a region by clicking the map', async () => {
    const { page } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    const box = (await page.locator('.region-map').boundingBox())!;
    const p = await labelPoint(page, 'SE-BD');
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await expect.poll(() => page.locator('.tooltip strong').textContent()).toBe('Norrbotten');
    await page.mouse.click(box.x + p.x, box.y + p.y);
    await page.waitForURL(/region=SE-BD/);
    await expect.poll(async () => (await regionState(page, 'SE-BD')).selected).toBe(true);
    await page.close();
  });

  it('restores the selection from a ?region= link', async () => {
    const { page } = await openPage(browser(), '/?region=SE-I');
    await waitForColoredMap(page);
    await expect.poll(async () => (await regionState(page, 'SE-I')).selected).toBe(true);
    expect(await page.locator('[data-testid="panel"] h2').textContent()).toBe('Gotland');
    await page.close();
  });
});

describe('without WebGL2', () => {
  const noGl = useBrowser(['--disable-webgl2']);

  it('says so in one sentence and keeps the list, panel and table working', async () => {
    const { page, problems } = await openPage(noGl(), '/');
    const msg = page.locator('[data-testid="map"] .map-message');
    await expect.poll(() => msg.textContent(), { timeout: 20_000 }).toContain('WebGL 2');
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
