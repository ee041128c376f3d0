/**
 * One scenario set, every engine: what a reader does, in Chromium, Firefox (firefox-esr over
 * WebDriver BiDi) and WebKit (WebKitGTK's MiniBrowser over W3C WebDriver). Each engine gets its
 * own server (so the outage at the end is a real one: the server is stopped) and one browser;
 * the app runs framed in the test harness, whose hooks record every uncaught error, console
 * error and CSP violation from before the app's first script. Run one engine alone with
 * `ENGINES=webkit npm run test:e2e -- engines`.
 */
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../server.mjs';
import { selectedEngines, startSession, type EngineName, type Session } from './engines/drivers';
import { App, near, PHONE, rgb } from './engines/app';
import {
  editShare,
  expectOneVersionCached,
  mainChunk,
  secondVersion,
  statusVersion,
  versionOf,
} from './builds';
import { expectReadable } from './labelBoxes';
import { readDataset } from '../../src/data/validate';
import { fsReader } from '../../src/cli/fsReader';
import { classify } from '../../src/domain/classify';
import type { Dataset, RegionCode } from '../../src/data/schema';

const d: Dataset = await readDataset(fsReader('public/data'));
const HARNESS = resolve('test/e2e/harness');

/** Regions drawn in a solid class colour (no hatch) in a view, so one pixel shows the class. */
function solid(metric: 'decision' | 'share', year: number | null, codes: RegionCode[]) {
  const c = classify(d, metric, year, 1100);
  return codes.map((code) => {
    const r = c.byRegion[code];
    if (r.pattern !== 'none') throw new Error(`${code} is hatched in ${metric} ${year}: pick a solid region`);
    return { code, color: r.color };
  });
}

/** The regions' pixels on screen match their class colours. */
async function expectColours(app: App, expected: Array<{ code: RegionCode; color: string }>) {
  const points: Array<{ x: number; y: number }> = [];
  for (const e of expected) points.push(await app.regionPoint(e.code));
  await expect
    .poll(async () => {
      const px = await app.pixels(points);
      return expected
        .map((e, i) => ({ ...e, px: px[i]! }))
        .filter((e) => !near(e.px, rgb(e.color), 30))
        .map((e) => `${e.code}: ${e.px.join(',')} against ${e.color}`);
    })
    .toEqual([]);
}

/** Brings MapLibre in as a reader does (the pointer over the map's corner) and waits for it. */
async function takeOver(app: App) {
  await app.session.moveTo(2, 2);
  const box = await app.run((w) => {
    const r = w.document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
    return { x: r.left, y: r.top };
  });
  await app.session.moveTo(box.x + 4, box.y + 4);
  await app.coloredMap('maplibre');
}

/**
 * In an outage the app still asks the server which data version is current, and the request
 * fails: Chromium logs every failed request as a console error, naming its URL. That request,
 * and only it, may fail there; any other failure, in any engine, is a fault.
 */
const OUTAGE =
  /^console: Failed to load resource: net::ERR_CONNECTION_REFUSED \(http:\/\/localhost:\d+\/data\/manifest\.json\)$/;

/** dist/ with the harness beside it, on a free port: an origin of its own. */
const serveApp = () =>
  serve('dist', 0, {
    mounts: {
      '/__harness.html': `${HARNESS}/harness.html`,
      '/__harness.js': `${HARNESS}/harness.js`,
    },
  });

describe.each(selectedEngines())('%s', (engine: EngineName) => {
  let server: Awaited<ReturnType<typeof serve>>;
  let session: Session;
  let app: App;

  beforeAll(async () => {
    server = await serveApp();
    session = await startSession(engine, server.origin);
    app = new App(session);
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    server?.close();
  });

  afterEach(async (ctx) => {
    // No scenario may leave an uncaught error, a console error or a CSP violation behind, seen
    // by the harness or by the engine itself.
    const allowed = /outage/.test(ctx.task.name) ? OUTAGE : null;
    const engineErrors = (session.takeEngineErrors() ?? []).filter((e) => !allowed?.test(e));
    expect({ harness: await app.takeProblems(), engine: engineErrors }).toEqual({ harness: [], engine: [] });
  });

  it('the harness sees what goes wrong in the app: an injected CSP violation is recorded', async () => {
    await app.open('/');
    await app.coloredMap();
    await app.run((w) => {
      const s = w.document.createElement('script');
      s.textContent = 'window.__ran = true';
      w.document.body.append(s);
    });
    const problems = await app.waitFor('the violation to be reported', async () => {
      const h = window as unknown as { __problems: string[] };
      return h.__problems.length ? [...h.__problems] : null;
    });
    expect(problems.join('\n')).toMatch(/^csp: script-src(-elem)? blocked inline/);
    expect(await app.run((w) => (w as unknown as { __ran?: boolean }).__ran ?? false)).toBe(false);
    await app.takeProblems();
    // The engine reports it too, where its driver can tell.
    const own = session.takeEngineErrors();
    if (own) expect(own.join('\n')).toMatch(/Content[- ]Security[- ]Policy/i);
  });

  it('a first load ends in a coloured map, with its summary and legend', async () => {
    await app.open('/');
    await app.coloredMap();
    expect(await app.text('[data-testid="summary"]')).toContain('13 av 21');
    expect(await app.count('[data-testid="legend"] li')).toBeGreaterThan(3);
    await expectColours(app, solid('decision', 2025, ['SE-K', 'SE-X', 'SE-W']));
  });

  it('the desktop map names its 21 regions, none overlapping, all inside the map', async () => {
    // Laid out with estimated text widths (src/map/labels.ts): each engine's own fonts decide.
    await app.open('/');
    await app.coloredMap();
    const boxes = await app.run((w) => {
      const map = w.document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
      const labels = [...w.document.querySelectorAll('[data-testid="map"] .svg-map text[data-label]')].map(
        (t) => {
          // The text's own box (getBBox: its glyphs, without the halo's stroke, which Firefox's
          // getBoundingClientRect counts), in page coordinates.
          const b = (t as SVGTextElement).getBBox();
          const m = (t as SVGTextElement).getScreenCTM()!;
          return {
            code: t.getAttribute('data-label')!,
            x: m.a * b.x + m.e,
            y: m.d * b.y + m.f,
            width: m.a * b.width,
            height: m.d * b.height,
          };
        },
      );
      return { labels, map: { x: map.x, y: map.y, width: map.width, height: map.height } };
    });
    console.log(
      'BOXES',
      JSON.stringify(boxes.labels.filter((l) => ['SE-E', 'SE-O', 'SE-F', 'SE-D'].includes(l.code))),
    );
    expectReadable(boxes);
  });

  it('metric and year switched through the controls change the pixels and the legend', async () => {
    const legend = await app.text('[data-testid="legend"]');
    await app.click('[data-testid="metric"] label:has(input[value="share"])');
    await app.waitFor('?metric=share', (w) => w.location.search.includes('metric=share'));
    await app.coloredMap();
    await expectColours(app, solid('share', null, ['SE-O', 'SE-K']));
    const shareLegend = await app.text('[data-testid="legend"]');
    expect(shareLegend).not.toBe(legend);
    expect(shareLegend).toMatch(/%/);

    await app.click('[data-testid="metric"] label:has(input[value="decision"])');
    await app.click('[data-testid="year"] label:has(input[value="2023"])');
    await app.waitFor('?year=2023', (w) => w.location.search.includes('year=2023'));
    await app.coloredMap();
    await expectColours(app, solid('decision', 2023, ['SE-K', 'SE-I']));
    const c = classify(d, 'decision', 2023, 1100);
    const no = c.classes.find((k) => k.id === 'no')!;
    expect(await app.text('[data-testid="legend"] [data-class="no"]')).toContain(String(no.regions.length));
  });

  it('MapLibre takes over when the pointer comes over the map, with the same colours', async () => {
    await app.open('/?year=2024');
    await app.coloredMap('svg');
    const expected = solid('decision', 2024, ['SE-K', 'SE-C', 'SE-O']);
    await expectColours(app, expected);
    await takeOver(app);
    await expectColours(app, expected);
  });

  it('a region opens from the map and from the list, with its answers and a chart', async () => {
    await app.open('/?year=2024');
    await app.coloredMap('svg');
    const at = await app.regionPoint('SE-BD');
    await session.clickAt(at.x, at.y);
    await app.waitFor('the Norrbotten panel', (w) =>
      w.document.querySelector('[data-testid="panel"] h2')?.textContent?.includes('Norrbotten'),
    );
    // The address bar follows the view after the frame is painted.
    await app.waitFor('?region=SE-BD', (w) => w.location.search.includes('region=SE-BD'));
    expect(await app.count('[data-testid="panel"] article[data-year]')).toBeGreaterThanOrEqual(3);

    await app.click('[data-testid="region-list"] button[data-code="SE-I"]');
    await app.waitFor('the Gotland panel', (w) =>
      w.document.querySelector('[data-testid="panel"] h2')?.textContent?.includes('Gotland'),
    );
    expect(
      await app.text('[data-testid="panel"] article[data-year="2024"] [data-testid="answer-text"]'),
    ).not.toBe('');
    // A chart has been drawn: a canvas with pixels that are not all blank.
    await app.waitFor('a drawn chart in the panel', (w) => {
      const canvas = w.document.querySelector<HTMLCanvasElement>('[data-testid="panel"] canvas');
      if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return !!data && data.some((v, i) => i % 4 === 3 && v > 0);
    });
  });

  it('the table view lists the 21 regions', async () => {
    await app.click('[data-testid="view"] label:has(input[value="table"])');
    await app.waitFor(
      '21 table rows',
      (w) => w.document.querySelectorAll('[data-testid="data-table"] tbody tr').length === 21,
    );
  });

  it('English switches the interface', async () => {
    await app.open('/');
    await app.coloredMap();
    await app.click('.lang-switch');
    await app.waitFor('English', (w) => w.document.documentElement.lang === 'en');
    expect(await app.text('[data-testid="summary"]')).toMatch(/13 of 21 regions/);
    await app.waitFor('?lang=en', (w) => w.location.search.includes('lang=en'));
  });

  it('after a reload the service worker controls the page and IndexedDB holds the data', async () => {
    await app.open('/');
    await app.coloredMap();
    await app.waitFor('a controlling service worker', (w) => !!w.navigator.serviceWorker.controller);
    expect((await app.storedEntry('dataset'))?.files.length).toBeGreaterThanOrEqual(6);
    expect(
      await app.run((w) =>
        w.document.querySelector('[data-testid="status-line"]')?.getAttribute('data-origin'),
      ),
    ).toBe('cache');
  });

  it('at 390 px the page does not scroll sideways, with the map or a region open, in compare or the table', async () => {
    for (const path of [
      '/',
      '/?region=SE-I',
      '/?view=compare&compare=SE-AB,SE-Z,SE-G,SE-BD',
      '/?view=table',
    ]) {
      await app.open(path, PHONE);
      if (path.includes('view='))
        await app.waitFor('the view', (w) => !!w.document.querySelector('main [data-code]'));
      else await app.coloredMap();
      if (path.includes('region'))
        await app.waitFor('the panel', (w) => !!w.document.querySelector('[data-testid="panel"] h2'));
      // Against the width inside any vertical scrollbar (Firefox draws a classic one here).
      const overflow = await app.run(
        (w) => w.document.documentElement.scrollWidth - w.document.documentElement.clientWidth,
      );
      expect([path, overflow]).toEqual([path, 0]);
    }
  });

  it('at 390×844 the first screen holds the whole map with its key beside it, and a region peeks below it', async () => {
    await app.open('/', PHONE);
    await app.coloredMap();
    const first = await app.run((w) => {
      const box = (s: string) => w.document.querySelector(s)!.getBoundingClientRect();
      const map = box('[data-testid="map"]');
      const legend = box('[data-testid="legend"]');
      return {
        mapBottom: map.bottom,
        mapRight: map.right,
        legendLeft: legend.left,
        legendTop: legend.top,
        h: w.innerHeight,
      };
    });
    expect(first.mapBottom).toBeLessThanOrEqual(first.h);
    expect(first.legendLeft).toBeGreaterThanOrEqual(first.mapRight);
    expect(first.legendTop).toBeLessThan(first.mapBottom);
    // A region opened by a link: the map is brought into view above the sheet that peeks.
    await app.open('/?region=SE-AB', PHONE);
    await app.coloredMap();
    await app.waitFor('the whole map above the peeking sheet', (w) => {
      const map = w.document.querySelector('[data-testid="map"]')?.getBoundingClientRect();
      const sheet = w.document.querySelector('aside.secondary')?.getBoundingClientRect();
      const panel = w.document.querySelector('[data-testid="panel"] h2');
      return (
        !!map &&
        !!sheet &&
        !!panel &&
        map.top >= -1 &&
        map.bottom <= sheet.top + 1 &&
        sheet.height <= w.innerHeight * 0.45
      );
    });
  });

  /**
   * A real outage: a visit (the service worker controlling), the server stopped, and `path`
   * opened again; resolves once its map is coloured and it says it is offline.
   */
  async function outage(host: Awaited<ReturnType<typeof serve>>, path: string) {
    await app.open('/');
    await app.coloredMap();
    await app.waitFor('a controlling service worker', (w) => !!w.navigator.serviceWorker.controller);
    await host.stop();
    await app.open(path);
    await app.coloredMap();
    await app.waitFor('the offline notice', (w) =>
      /offline/i.test(w.document.querySelector('[data-testid="status-line"]')?.textContent ?? ''),
    );
  }

  it('in a real outage (the server stopped) after a visit: coloured map, list, offline notice, no errors', async () => {
    await outage(server, '/?metric=share');
    expect(await app.count('[data-testid="region-list"] button[data-code]')).toBe(21);
    await expectColours(app, solid('share', null, ['SE-O', 'SE-K']));
    // MapLibre too, from its precached code and tiles: in WebKit its tile requests failed offline
    // (MapLibre's second worker was outside the service worker), and it could not be drawn.
    await takeOver(app);
    await expectColours(app, solid('share', null, ['SE-O', 'SE-K']));
    await app.click('[data-testid="metric"] label:has(input[value="decision"])');
    await app.coloredMap();
    await app.click('[data-testid="region-list"] button[data-code="SE-I"]');
    await app.waitFor('the Gotland panel, offline', (w) =>
      w.document.querySelector('[data-testid="panel"] h2')?.textContent?.includes('Gotland'),
    );
  });

  // Last: it moves the harness to an origin of its own.
  it('in an outage right after a first visit: the same, and no error from the service worker', async () => {
    const fresh = await serveApp();
    try {
      await session.openHarness(fresh.origin);
      await outage(fresh, '/');
      expect(await app.text('[data-testid="summary"]')).toContain('13 av 21');
      await takeOver(app);
      // Firefox logged the service worker's rejected respondWith for data/manifest.json here
      // (checked with the others after each scenario).
    } finally {
      fresh.close();
    }
  });

  /** What the framed app shows: its code (main chunk) and its data version. */
  const shown = async () => ({
    code: mainChunk(
      await app.run((w) => w.document.querySelector('script[src*="/assets/index-"]')?.outerHTML ?? ''),
    ),
    data: statusVersion(await app.text('[data-testid="status-line"]')),
  });

  // The update path of update.test.ts (Chromium, nginx, two tabs), in every engine: the service
  // worker's life cycle (a new worker waiting, told to take over) is what differs between them.
  // Last too: an origin of its own.
  it('a deploy: the next load is version 1 whole with a notice, its reload version 2 whole, one version cached', async () => {
    const d2 = structuredClone(d);
    editShare(d2.namedGpShare);
    const v1 = versionOf(resolve('dist'), d);
    const v2 = versionOf(await secondVersion(), d2);
    const host = await serveApp();
    try {
      await session.openHarness(host.origin);
      await app.open('/?metric=share');
      await app.coloredMap();
      await app.waitFor('a controlling service worker', (w) => !!w.navigator.serviceWorker.controller);
      expect(await shown()).toEqual({ code: v1.code, data: v1.data });
      await expectColours(app, [{ code: 'SE-K', color: v1.colour }]);

      host.setRoot(v2.dir);

      // The next load: version 1 from its precache, whole, while version 2's worker installs
      // and waits; the reader is told.
      await app.open('/?metric=share');
      await app.coloredMap();
      await app.waitFor(
        'the new version notice',
        (w) => !!w.document.querySelector('[data-testid="update-notice"]'),
      );
      await app.waitFor('version 2 waiting', async (w) => {
        const r = await w.navigator.serviceWorker.getRegistration();
        return r?.waiting?.state === 'installed';
      });
      expect(await shown()).toEqual({ code: v1.code, data: v1.data });
      await expectColours(app, [{ code: 'SE-K', color: v1.colour }]);

      // The reader follows the notice: one reload (inside the frame: a document the harness did
      // not hook, so it is opened once more below to check for errors), and version 2 whole.
      await app.click('[data-testid="update-reload"]');
      await expect.poll(shown, { timeout: 30_000 }).toEqual({ code: v2.code, data: v2.data });
      await app.coloredMap();
      // ...and is told what changed since the visit: Blekinge, and only Blekinge.
      const changed = await app.waitFor('the visit notice', (w) => {
        const items = [...w.document.querySelectorAll('[data-testid="visit-notice"] li')];
        return items.length ? items.map((li) => li.textContent?.trim()) : null;
      });
      expect(changed).toEqual(['Blekinge']);
      // The visit recorded (after the map settles), the next load has no notice of either kind.
      await expect
        .poll(async () => (await app.storedEntry('last-visit'))?.version, { timeout: 30_000 })
        .toBe(v2.data);
      await app.open('/?metric=share');
      await app.coloredMap();
      expect(await shown()).toEqual({ code: v2.code, data: v2.data });
      await expectColours(app, [{ code: 'SE-K', color: v2.colour }]);
      expect(await app.count('[data-testid="update-notice"], [data-testid="visit-notice"]')).toBe(0);

      // One version cached: no file of version 1's own in the precache; IndexedDB's dataset is
      // version 2's.
      expectOneVersionCached(await app.cachedPaths(), v1, v2);
      expect((await app.storedEntry('dataset'))?.version).toBe(v2.data);
    } finally {
      host.close();
    }
  });
});
