/** Shared helpers for the browser tests: launching Chromium and loading the app. */
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, FLAGS } from '../chromium.mjs';
import { COLORS } from '../../src/map/model';

/**
 * The origin the production build is served from: nginx with the shipped configuration, on a
 * free port chosen by globalSetup.ts (which sets E2E_BASE before the test workers start).
 */
export const BASE = (() => {
  const base = process.env.E2E_BASE;
  if (!base)
    throw new Error('E2E_BASE is not set: run the browser tests through vitest (test/e2e/globalSetup.ts).');
  return base;
})();

export { chromiumPath, FLAGS };

/** Launches Chromium; `extra` flags are appended (e.g. --disable-webgl2). */
export function launch(extra: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...FLAGS, ...extra] });
}

/**
 * One Chromium for the tests of a file (or of the describe block it is called in): launched
 * before them, closed after. Returns a getter, since the browser exists only once the hook ran.
 */
export function useBrowser(extra: string[] = []): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(extra);
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('useBrowser: the browser is used before its beforeAll hook ran');
    return browser;
  };
}

export interface Problems {
  errors: string[];
}

/**
 * Opens a page (`path` under BASE, or a full URL) that records uncaught errors and console
 * errors, so a test can assert none happened. Requests leaving localhost fail the test: nothing may be fetched from outside.
 */
export async function openPage(
  target: Browser | BrowserContext,
  path = '/',
  viewport = { width: 1440, height: 900 },
): Promise<{ page: Page; problems: Problems }> {
  const page = await target.newPage({ viewport });
  // Under Playwright's 30 s default, two waits for an element that never comes outlast the test's
  // 60 s and it fails as a bare timeout; at 20 s it fails naming the locator it waited for.
  page.setDefaultTimeout(20_000);
  const problems: Problems = { errors: [] };
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`console: ${m.text()}`);
  });
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (!['localhost', '127.0.0.1'].includes(u.hostname) && !['data:', 'blob:'].includes(u.protocol))
      problems.errors.push(`external request: ${r.url()}`);
  });
  // A path is on the suite's server; a whole URL (another build, another server) as it is.
  await page.goto(/^https?:/.test(path) ? path : BASE + path);
  return { page, problems };
}

/** Waits until the map on screen shows the latest colours (data-map-state="colored"). */
export async function waitForColoredMap(page: Page, timeout = 30_000): Promise<void> {
  // A locator's wait, not waitForSelector: that returns an element handle, which Playwright keeps
  // alive until disposed, and with it the whole view once it is gone (the memory soak measured
  // ~50 KB retained per view switch, none of it the app's).
  await page.locator('[data-testid="map"][data-map-state="colored"]').waitFor({ timeout });
}

/**
 * Brings MapLibre in as a reader does, by pointing at the map (at its top left corner, over the
 * sea, so no region is hovered), and waits until it has taken over with the latest colours.
 */
export async function takeOverWithMapLibre(page: Page, timeout = 30_000): Promise<void> {
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  await page.mouse.move(box.x + 4, box.y + 4);
  await page.waitForSelector('[data-testid="map"][data-renderer="maplibre"][data-map-state="colored"]', {
    timeout,
  });
}

/** A region as the map model drew it: read from the SVG map's shape (the model, as drawn). */
export interface DrawnRegion {
  /** Fill colour; undefined before the data (the plain no-data grey). */
  color?: string;
  pattern: string;
  outline: string;
  dim: boolean;
  selected: boolean;
  highlight: boolean;
}

/** How the map model says a region is drawn, as the SVG map draws it. */
export function regionState(page: Page, code: string): Promise<DrawnRegion> {
  return page.evaluate(
    ([c, noData]) => {
      const el = document.querySelector(`[data-testid="map"] svg path.region[data-code="${c}"]`);
      if (!el) throw new Error(`no shape for ${c}`);
      // A hatched region's fill is its pattern, whose ground is the colour.
      const ref = /^url\(#(.+)\)$/.exec(el.getAttribute('fill') ?? '')?.[1];
      const fill = ref
        ? (document.getElementById(ref)?.querySelector('rect')?.getAttribute('fill') ?? '')
        : (el.getAttribute('fill') ?? '');
      const outline = el.getAttribute('data-outline') ?? 'none';
      return {
        ...(fill.toLowerCase() === noData ? {} : { color: fill }),
        pattern: el.getAttribute('data-pattern') ?? 'none',
        outline,
        dim: el.hasAttribute('data-dim'),
        selected: outline === 'selected',
        highlight: outline === 'highlight',
      };
    },
    [code, COLORS.noData.toLowerCase()] as const,
  );
}

/** Codes of all regions the map draws. */
export function renderedRegions(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="map"] svg path.region')]
      .map((p) => p.getAttribute('data-code')!)
      .sort(),
  );
}

/**
 * A region's label point in the map's container: its anchor in the SVG map's units, placed by
 * the SVG's own transform (MapLibre, when it shows, is framed the same).
 */
export async function labelPoint(page: Page, code: string): Promise<{ x: number; y: number }> {
  return page.evaluate((c) => {
    const svg = document.querySelector<SVGSVGElement>('[data-testid="map"] svg')!;
    const el = svg.querySelector(`path.region[data-code="${c}"]`)!;
    const [x, y] = el.getAttribute('data-anchor')!.split(' ').map(Number);
    const p = new DOMPoint(x, y).matrixTransform(svg.getScreenCTM()!);
    const box = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
    return { x: p.x - box.left, y: p.y - box.top };
  }, code);
}

/** Screen position of a region's label point, in page coordinates. */
export async function regionPoint(page: Page, code: string): Promise<{ x: number; y: number }> {
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  const p = await labelPoint(page, code);
  return { x: box.x + p.x, y: box.y + p.y };
}

/**
 * The colours on screen at the given page points, read from a real screenshot (so they are what
 * a reader sees, after WebGL compositing). Decoded in the page, without any extra dependency.
 */
export async function pixelsAt(
  page: Page,
  points: Array<{ x: number; y: number }>,
): Promise<Array<[number, number, number]>> {
  const png = (await page.screenshot()).toString('base64');
  return page.evaluate(
    async ({ b64, pts }) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bmp.width, bmp.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bmp, 0, 0);
      const scale = bmp.width / window.innerWidth;
      return pts.map(({ x, y }) => {
        const d = ctx.getImageData(Math.round(x * scale), Math.round(y * scale), 1, 1).data;
        return [d[0]!, d[1]!, d[2]!] as [number, number, number];
      });
    },
    { b64: png, pts: points },
  );
}

/** Parses #rrggbb. */
export function rgb(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** True when two colours are within `tol` on every channel. */
export function near(a: readonly number[], b: readonly number[], tol = 12): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tol);
}
