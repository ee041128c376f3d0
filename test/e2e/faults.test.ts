/**
 * Faults the app must survive (issue: cache, offline, fault tolerance): each leaves the reader
 * with a working page, the right colours or none, and a clear message where something failed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  BASE,
  launch,
  near,
  openPage,
  pixelsAt,
  regionPoint,
  regionState,
  rgb,
  takeOverWithMapLibre,
  useBrowser,
  waitForColoredMap,
} from './browser';
import { YLGNBU_5 } from '../../src/domain/palette';
import { DECISION_COLORS } from '../../src/domain/decision';

const browser = useBrowser();

/** Västra Götaland's share (95 %) is in the darkest class; Blekinge (18 %) in the lightest. */
const SHARE_EXPECT = { 'SE-O': YLGNBU_5[4], 'SE-K': YLGNBU_5[0] } as const;

async function expectShareColours(page: Page) {
  for (const [code, color] of Object.entries(SHARE_EXPECT))
    await expect.poll(async () => (await regionState(page, code)).color).toBe(color);
}

function errorsOf(p: { errors: string[] }) {
  // Chromium logs failed requests as console errors; the tests that cause them check them apart.
  return p.errors.filter((e) => !/Failed to load resource|net::ERR_INTERNET_DISCONNECTED/.test(e));
}

// Offline after a first visit is a real outage (the server stopped) in engines.test.ts, in all
// three engines: Chromium's emulated offline is not what any engine does when a host goes down.

describe('IndexedDB unavailable', () => {
  it('works from the network when indexedDB.open throws', async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    await context.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('IndexedDB is disabled here', 'SecurityError');
      };
    });
    const { page, problems } = await openPage(context, '/?metric=share');
    await waitForColoredMap(page);
    await expectShareColours(page);
    expect(await page.locator('[data-testid="status-line"]').getAttribute('data-origin')).toBe('network');
    expect(errorsOf(problems)).toEqual([]);
    await context.close();
  });

  it('works when indexedDB is missing altogether', async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const { page, problems } = await openPage(context, '/');
    await waitForColoredMap(page);
    expect(await page.locator('[data-testid="summary"]').textContent()).toContain('13 av 21');
    expect(errorsOf(problems)).toEqual([]);
    await context.close();
  });
});

/** The share file a page's cache holds for this version, parsed (undefined where none). */
async function cachedShares(page: Page): Promise<ShareFile | undefined> {
  const value = (await idbEntry(page, 'dataset')) as { texts?: Record<string, string> } | undefined;
  const text = value?.texts?.['named-gp-share.json'];
  return text === undefined ? undefined : (JSON.parse(text) as ShareFile);
}

interface ShareFile {
  values: Array<{ region: string; value: number | null }>;
}

/** Rewrites the cached share file in place (same version label), with `mutate`. */
async function rewriteCachedShares(page: Page, mutate: (f: ShareFile) => void): Promise<void> {
  const entry = (await idbEntry(page, 'dataset', undefined, true)) as {
    version: string;
    value: { texts: Record<string, string> };
  };
  const share = JSON.parse(entry.value.texts['named-gp-share.json']!) as ShareFile;
  mutate(share);
  entry.value.texts['named-gp-share.json'] = JSON.stringify(share);
  await idbEntry(page, 'dataset', { version: entry.version, value: entry.value });
}

describe('a corrupted cache entry', () => {
  it('is detected, discarded and refetched, and the colours are right', async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const { page, problems } = await openPage(context, '/?metric=share');
    await waitForColoredMap(page);
    // Corrupt the cached dataset in place: an impossible share and a missing region.
    await expect.poll(async () => (await cachedShares(page))?.values.length).toBe(21);
    await rewriteCachedShares(page, (share) => {
      share.values[0]!.value = 500;
      share.values.pop();
    });
    await page.reload();
    await waitForColoredMap(page);
    await expectShareColours(page);
    expect(await page.locator('[data-testid="load-error"]').count()).toBe(0);
    // The entry was replaced by a valid one fetched from the network.
    await expect.poll(async () => (await cachedShares(page))?.values.length).toBe(21);
    expect(errorsOf(problems)).toEqual([]);
    await context.close();
  });

  it('a wrong but valid dataset under the right version label is never drawn, and replaced', async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const { page, problems } = await openPage(context, '/?metric=share&region=SE-O');
    await waitForColoredMap(page);
    await expect.poll(async () => (await cachedShares(page))?.values.length).toBe(21);
    const shown = page.locator('[data-testid="panel-share"] .big-number');
    await expect.poll(() => shown.textContent()).toMatch(/^95\s%$/);
    // Västra Götaland's 95 % becomes 18 %, and Blekinge's 18 % becomes 95 %: valid data, wrong.
    await rewriteCachedShares(page, (share) => {
      for (const v of share.values) {
        if (v.region === 'SE-O') v.value = 18;
        else if (v.region === 'SE-K') v.value = 95;
      }
    });
    await page.reload();
    await waitForColoredMap(page);
    await expectShareColours(page);
    expect(await page.locator('[data-testid="status-line"]').getAttribute('data-origin')).toBe('network');
    await expect.poll(() => shown.textContent()).toMatch(/^95\s%$/);
    await expect
      .poll(async () => (await cachedShares(page))?.values.find((v) => v.region === 'SE-O')?.value)
      .toBe(95);
    expect(errorsOf(problems)).toEqual([]);
    await context.close();
  });
});

/**
 * The value of the app's IndexedDB entry `key` (undefined where none), after `write` if given;
 * the whole entry (with its version) when `whole`.
 */
function idbEntry(
  page: Page,
  key: string,
  write?: { version: string; value: unknown },
  whole = false,
): Promise<unknown> {
  return page.evaluate(
    async ([k, w, all]) => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open('fast-lakarkontakt');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const tx = db.transaction('entries', 'readwrite');
      const store = tx.objectStore('entries');
      if (w) store.put({ key: k, version: w.version, value: w.value, storedAt: Date.now() });
      const got = await new Promise<{ value: unknown } | undefined>((res) => {
        const r = store.get(k);
        r.onsuccess = () => res(r.result);
      });
      await new Promise((r) => (tx.oncomplete = r));
      db.close();
      return all ? got : got?.value;
    },
    [key, write, whole] as const,
  );
}

describe('a corrupt last-visit record', () => {
  it.each([
    ['without fingerprints', { version: 'old' }],
    ['null', null],
    ['a string', 'nope'],
  ])('%s: the page loads without an error and the record heals', async (_name, corrupt) => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const { page, problems } = await openPage(context, '/');
    await waitForColoredMap(page);
    await expect.poll(() => idbEntry(page, 'last-visit')).toBeTruthy();
    await idbEntry(page, 'last-visit', { version: 'old', value: corrupt });
    await page.reload();
    await waitForColoredMap(page);
    await expect
      .poll(
        async () =>
          Object.keys(((await idbEntry(page, 'last-visit')) as VisitRecordLike)?.fingerprints ?? {}).length,
      )
      .toBe(21);
    expect(await page.locator('[data-testid="visit-notice"]').count()).toBe(0);
    expect(errorsOf(problems)).toEqual([]);
    await context.close();
  });
});

type VisitRecordLike = { fingerprints?: Record<string, string> } | null;

describe('a broken data file on the first visit', () => {
  it.each([
    ['missing (404)', { status: 404, body: 'Not found' }],
    ['malformed', { status: 200, body: '{"year": 2024, "answers": [', contentType: 'application/json' }],
  ])('%s: names the file, offers a retry, colours nothing, and recovers', async (_name, response) => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    // Routed before the first navigation, so this is a true first visit: with a load before it,
    // the dataset could already be in IndexedDB and the broken file never asked for.
    await context.route('**/data/surveys/2024.json', (r) => r.fulfill(response));
    const { page } = await openPage(context, '/', { width: 1440, height: 900 });
    const alert = page.locator('[data-testid="load-error"]');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('surveys/2024.json');
    expect(await alert.locator('button').textContent()).toContain('Försök igen');
    // The rest of the page is usable: controls respond, the map draws its geometry uncoloured.
    await page.click('[data-testid="metric"] input[value="share"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('share');
    expect(await page.getAttribute('[data-testid="map"]', 'data-map-state')).toBe('uncolored');
    for (const code of ['SE-AB', 'SE-I', 'SE-O'])
      expect((await regionState(page, code)).color).toBeUndefined();

    await context.unroute('**/data/surveys/2024.json');
    await alert.locator('button').click();
    await waitForColoredMap(page);
    await expectShareColours(page);
    expect(await alert.count()).toBe(0);
    await context.close();
  });
});

describe('no WebGL2', () => {
  it('the table view and region panel work, and the map view shows the SVG map', async () => {
    const noGl = await launch(['--disable-webgl2']);
    const { page, problems } = await openPage(noGl, '/?view=table&metric=gap');
    await expect.poll(() => page.locator('[data-testid="data-table"] tbody tr').count()).toBe(21);
    await page.click('[data-testid="data-table"] tr[data-code="SE-K"] th button');
    await expect.poll(() => page.locator('[data-testid="panel"] h2').textContent()).toBe('Blekinge');
    await page.click('[data-testid="view"] input[value="map"]');
    await waitForColoredMap(page);
    expect(await page.getAttribute('[data-testid="map"]', 'data-renderer')).toBe('svg');
    expect((await regionState(page, 'SE-K')).selected).toBe(true);
    expect(problems.errors.filter((e) => !/WebGL|webgl|GPU/.test(e))).toEqual([]);
    await noGl.close();
  });
});

describe('WebGL context lost and restored', () => {
  it('shows the SVG map meanwhile, and comes back with the colours chosen while it was lost', async () => {
    const { page, problems } = await openPage(browser(), '/?year=2024');
    await waitForColoredMap(page);
    await takeOverWithMapLibre(page);
    const check = async () => {
      const codes = ['SE-I', 'SE-C', 'SE-K'] as const;
      const pts = await Promise.all(codes.map((c) => regionPoint(page, c)));
      return pixelsAt(page, pts);
    };
    // 2024: Gotland and Uppsala dated plan (Gotland inferred, hatched), Blekinge no decision.
    const before = await check();
    expect(near(before[2]!, rgb(DECISION_COLORS.no), 40)).toBe(true);

    // The extension is kept from before the loss: a lost context hands out none.
    const lose = (restore: boolean) =>
      page.evaluate((r) => {
        const w = window as unknown as { __lose?: WEBGL_lose_context };
        const canvas = document.querySelector<HTMLCanvasElement>('.maplibre-map canvas')!;
        w.__lose ??= canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
        if (r) w.__lose.restoreContext();
        else w.__lose.loseContext();
      }, restore);
    await lose(false);
    await page.waitForSelector('[data-testid="map"][data-renderer="svg"]');
    // The SVG map shows the same colours meanwhile (Uppsala and Blekinge: solid, unhatched).
    const meanwhile = await check();
    for (const i of [1, 2])
      expect([i, meanwhile[i], near(meanwhile[i]!, before[i]!, 12)]).toEqual([i, before[i], true]);
    // Switches while the context is lost: MapLibre has no style then.
    await page.click('[data-testid="metric"] input[value="share"]');
    await page.click('[data-testid="metric"] input[value="decision"]');
    await page.click('[data-testid="metric"] input[value="share"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('metric')).toBe('share');
    await expectShareColours(page);
    await lose(true);
    await page.waitForSelector('[data-testid="map"][data-renderer="maplibre"][data-map-state="colored"]');
    const px = await pixelsAt(page, [await regionPoint(page, 'SE-O'), await regionPoint(page, 'SE-K')]);
    expect(near(px[0]!, rgb(SHARE_EXPECT['SE-O']), 30)).toBe(true);
    expect(near(px[1]!, rgb(SHARE_EXPECT['SE-K']), 30)).toBe(true);
    expect(problems.errors.filter((e) => !/context|WebGL/i.test(e))).toEqual([]);
    await page.close();
  });
});

describe('WebGL context lost and never restored', () => {
  it('the SVG map is the map, coloured, with a message and no dead zoom buttons; a late restore brings MapLibre back', async () => {
    const { page, problems } = await openPage(browser(), '/?metric=share', { width: 1440, height: 900 });
    await waitForColoredMap(page);
    await takeOverWithMapLibre(page);
    const lost = page.locator('[data-testid="map-lost"]');
    expect(await lost.count()).toBe(0);
    // Lost, and waited for on the canvas's own event; never restored (until the very end).
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const canvas = document.querySelector<HTMLCanvasElement>('.maplibre-map canvas')!;
          const ext = canvas.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
          (window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
          canvas.addEventListener('webglcontextlost', () => resolve(), { once: true });
          ext.loseContext();
        }),
    );
    // The app gives the browser a moment to restore it, then says so.
    await lost.waitFor();
    expect(await lost.textContent()).toContain('Den zoombara kartan slutade fungera');
    const frame = page.locator('[data-testid="map"]');
    expect(await frame.getAttribute('data-renderer')).toBe('svg');
    expect(await frame.getAttribute('data-map-state')).toBe('colored');
    // What is visible is the SVG map, coloured (read from the screen, not from the DOM).
    const visible = await page.evaluate(() => ({
      svg: getComputedStyle(document.querySelector('[data-testid="map"] svg')!).visibility,
      canvas: getComputedStyle(document.querySelector('.maplibre-layer')!).visibility,
    }));
    expect(visible).toEqual({ svg: 'visible', canvas: 'hidden' });
    const onScreen = async () =>
      pixelsAt(page, [await regionPoint(page, 'SE-O'), await regionPoint(page, 'SE-K')]);
    let px = await onScreen();
    expect(near(px[0]!, rgb(SHARE_EXPECT['SE-O']), 30)).toBe(true);
    expect(near(px[1]!, rgb(SHARE_EXPECT['SE-K']), 30)).toBe(true);
    // Zoom buttons only MapLibre could serve are gone, not left dead.
    expect(await page.locator('.svg-layer button').count()).toBe(0);
    // The map goes on following the view.
    await page.click('[data-testid="metric"] input[value="decision"]');
    await page.click('[data-testid="metric"] input[value="share"]');
    await expectShareColours(page);
    px = await onScreen();
    expect(near(px[0]!, rgb(SHARE_EXPECT['SE-O']), 30)).toBe(true);

    // A restore, however late, brings the zoomable map back and the message goes.
    await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
    await page.waitForSelector('[data-testid="map"][data-renderer="maplibre"][data-map-state="colored"]');
    expect(await lost.count()).toBe(0);
    expect(problems.errors.filter((e) => !/context|WebGL/i.test(e))).toEqual([]);
    await page.close();
  });
});

describe('hostile or junk URL parameters', () => {
  it('are ignored: defaults shown, nothing injected, the URL cleaned', async () => {
    const junk =
      '?region=%3Cscript%3Ealert(1)%3C%2Fscript%3E&year=1900&metric=' +
      'x'.repeat(5000) +
      '&view=%3Cimg%20src%3Dx%3E&lang=%22%3E&target=-1';
    const { page, problems } = await openPage(browser(), '/' + junk);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await waitForColoredMap(page);
    expect(await page.locator('[data-testid="summary"]').textContent()).toContain('13 av 21');
    expect(new URL(page.url()).search).toBe('');
    expect(await page.locator('[data-testid="panel"]').count()).toBe(0);
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');
    expect(dialogs).toBe(0);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});

/**
 * A context whose server answers the data file `file` (under data/) with the real one altered by
 * `mutate`, and has no content manifest, so the altered file is not refused for its hash: the
 * tests' fault injection of data that pass the schema but were never meant to be there.
 */
async function alteredData(
  file: string,
  mutate: (json: any) => void, // eslint-disable-line @typescript-eslint/no-explicit-any -- raw JSON
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext> {
  const context = await browser().newContext({ serviceWorkers: 'block', viewport });
  const json: unknown = JSON.parse(readFileSync(`public/data/${file}`, 'utf8'));
  mutate(json);
  await context.route('**/data/manifest.json', (r) => r.fulfill({ status: 404, body: '' }));
  await context.route(`**/data/${file}`, (r) =>
    r.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(json) }),
  );
  return context;
}

describe('answer text containing markup', () => {
  it('is shown as text, never as HTML', async () => {
    const evil = '<img src=x onerror=alert(1)> <b>fet</b> Handlingsplanen gäller';
    const context = await alteredData('surveys/2024.json', (survey) => {
      survey.answers.find((a: { region: string }) => a.region === 'SE-I').answerText.paragraphs[0] = evil;
    });
    const page = await context.newPage();
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto(BASE + '/?region=SE-I&year=2024');
    const text = page.locator('[data-testid="panel"] article[data-year="2024"] [data-testid="answer-text"]');
    await expect.poll(() => text.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await text.locator('img, b').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toBe(0);
    await context.close();
  });
});

describe('a huge unbreakable region name (100 kB, no space)', () => {
  // Once measured at 557 266 px of sideways scroll in the compare view.
  const HUGE = 'Västragötalandsregionen'.repeat(4400);
  const VIEWS = [
    ['compare', '/?view=compare&compare=SE-O,SE-AB', '[data-testid="compare-table"]'],
    ['table', '/?view=table', '[data-testid="data-table"] tr[data-code="SE-O"]'],
    ['panel', '/?region=SE-O', '[data-testid="panel"] h2'],
    ['map and list', '/?metric=share', '[data-testid="region-list"]'],
  ] as const;

  /** Sideways scroll of the page, and the most any table's own scroller has, in each view. */
  async function overflows(page: Page, huge: boolean) {
    const out: Record<string, { page: number; table: number }> = {};
    for (const [name, path, ready] of VIEWS) {
      await page.goto(BASE + path);
      // Attached, not visible: on a phone compare shows its blocks and hides its table.
      await page.locator(ready).first().waitFor({ state: 'attached' });
      // The view shows the name, so what is measured is a view that holds it.
      if (huge)
        await expect
          .poll(() => page.evaluate((h) => document.body.textContent!.includes(h), HUGE))
          .toBe(true);
      out[name] = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        table: Math.max(
          0,
          ...[...document.querySelectorAll('.table-scroll')].map((e) => e.scrollWidth - e.clientWidth),
        ),
      }));
    }
    return out;
  }

  it.each([
    [1440, 900],
    [390, 844],
  ])('wraps: no view scrolls sideways at %i px, and no table scrolls further', async (width, height) => {
    expect(HUGE.length).toBeGreaterThan(100_000);
    const plain = await browser().newContext({ serviceWorkers: 'block', viewport: { width, height } });
    const ordinary = await overflows(await plain.newPage(), false);
    await plain.close();
    const context = await alteredData(
      'regions.json',
      (regions) => {
        const o = regions.find((r: { code: string }) => r.code === 'SE-O');
        o.name = HUGE;
        o.formalName = `Region${HUGE}`;
      },
      { width, height },
    );
    const got = await overflows(await context.newPage(), true);
    for (const [name] of VIEWS) {
      expect([name, 'page', got[name]!.page]).toEqual([name, 'page', 0]);
      // A table that scrolls inside its frame with the real names (a phone's, 16 px) may scroll as
      // far with the huge one, plus what the name's column (at most 12em, 180 px) has over the
      // longest real name's: never the name's length (it was ~940 000 px).
      expect([name, 'table', got[name]!.table <= ordinary[name]!.table + 100]).toEqual([name, 'table', true]);
    }
    await context.close();
  });
});
