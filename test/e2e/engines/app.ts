/**
 * The app as the cross-engine scenarios drive it: open a view in the harness frame at a size,
 * wait for what a reader waits for, click what a reader clicks (real mouse events), read the
 * pixels a reader sees. Built on the engine-neutral Session of drivers.ts, so the same calls
 * work in Chromium, Firefox and WebKit.
 */
import { PNG } from 'pngjs';
import type { RegionCode } from '../../../src/data/schema';
import { WINDOW, type Session } from './drivers';

export { near, rgb } from '../browser';

export interface Size {
  width: number;
  height: number;
}
export const DESKTOP: Size = { width: 1440, height: 900 };
export const PHONE: Size = { width: 390, height: 844 };

/** The window of the app framed in the harness (typed loosely: the harness's mark). */
export type AppWindow = Window & { __hooked?: boolean; __swStarting?: boolean };

export class App {
  constructor(readonly session: Session) {}

  /** Runs `fn` on the app's window (see Session.evaluate). */
  run<T, A = undefined>(fn: (app: AppWindow, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.session.evaluate(fn as (app: Window, arg: A) => T | Promise<T>, arg);
  }

  /**
   * Opens `path` of the app in a new frame of `size` (a reload, to the app: a new document of the
   * same origin) and waits until its document has its hooks and has started the app.
   */
  async open(path: string, size: Size = DESKTOP): Promise<void> {
    // Never while a service worker the app registered is starting. WebKitGTK 2.50 stalls its
    // install for good when its client goes away in the ~30 ms after the worker's scripts arrive:
    // it stays 'installing' with no precache request, and register() and unregister() hang for
    // that origin until the browser restarts (a frame removed or reloaded then: 3 of 4 times).
    // Replacing frames at once, as a test does, met that window in about one session in eight.
    await this.waitFor('the service worker it registered to start', (w) => !w?.__swStarting);
    await this.session.evaluate(
      (_app, a) => {
        (window as unknown as { __open(s: string, w: number, h: number): void }).__open(a.path, a.w, a.h);
      },
      { path, w: size.width, h: size.height },
    );
    await this.waitFor(
      'the app document to load',
      (w) => w.location.href !== 'about:blank' && w.document.readyState !== 'loading',
    );
    // The harness hooked this very window before the app's first script: errors cannot slip by.
    if (!(await this.run((w) => w.__hooked === true)))
      throw new Error(`${this.session.engine}: the harness's hooks did not survive into ${path}`);
  }

  /**
   * Polls `fn` (every 100 ms) until it returns a truthy value, and returns that value; fails
   * after `timeout` ms naming `what`, with the last value or error seen.
   */
  async waitFor<T, A = undefined>(
    what: string,
    fn: (app: AppWindow, arg: A) => T | Promise<T>,
    arg?: A,
    timeout = 30_000,
  ): Promise<NonNullable<T>> {
    const deadline = Date.now() + timeout;
    let last: unknown;
    for (;;) {
      try {
        const v = await this.run(fn, arg);
        if (v) return v as NonNullable<T>;
        last = v;
      } catch (e) {
        // The frame may be between documents; the error is reported if it lasts.
        last = e;
      }
      if (Date.now() > deadline)
        throw new Error(
          `${this.session.engine}: timed out after ${timeout} ms waiting for ${what} (last: ${String(last)})`,
        );
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Waits until the map on screen shows the latest colours (by `renderer`, when given). */
  coloredMap(renderer?: 'svg' | 'maplibre', timeout = 30_000): Promise<boolean> {
    return this.waitFor(
      `a coloured ${renderer ?? ''} map`,
      (w, r) => {
        const map = w.document.querySelector('[data-testid="map"]');
        return (
          map?.getAttribute('data-map-state') === 'colored' && (!r || map.getAttribute('data-renderer') === r)
        );
      },
      renderer,
      timeout,
    );
  }

  /** Text content of the first element matching `selector` ('' when absent). */
  text(selector: string): Promise<string> {
    return this.run((w, s) => w.document.querySelector(s)?.textContent?.trim() ?? '', selector);
  }

  /** How many elements match `selector`. */
  count(selector: string): Promise<number> {
    return this.run((w, s) => w.document.querySelectorAll(s).length, selector);
  }

  /**
   * A real click in the middle of the element `selector` names, scrolled into view first.
   * Waits up to 10 s for the element; fails if it does not come or another element covers its
   * middle.
   */
  async click(selector: string): Promise<void> {
    await this.waitFor(selector, (w, s) => !!w.document.querySelector(s), selector, 10_000);
    const at = await this.run((w, s) => {
      const el = w.document.querySelector<HTMLElement>(s);
      if (!el) return `no element matches ${s}`;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const top = w.document.elementFromPoint(x, y);
      if (!top || !(el === top || el.contains(top)))
        return `${s} is covered at its middle by ${top?.outerHTML.slice(0, 80) ?? 'nothing'}`;
      return { x, y };
    }, selector);
    if (typeof at === 'string') throw new Error(`${this.session.engine}: ${at}`);
    await this.session.clickAt(at.x, at.y);
  }

  /**
   * A region's label point in page coordinates: its anchor in the SVG map, placed by the SVG.
   * A point below or above the window (a notice pushed the map down) is scrolled to its middle
   * first, so its pixels are on the screenshot.
   */
  regionPoint(code: RegionCode): Promise<{ x: number; y: number }> {
    return this.waitFor(
      `the label point of ${code}`,
      (w, c) => {
        const svg = w.document.querySelector<SVGSVGElement>('[data-testid="map"] svg');
        const anchor = svg?.querySelector(`path.region[data-code="${c}"]`)?.getAttribute('data-anchor');
        const m = svg?.getScreenCTM();
        if (!anchor || !m) return null;
        const [x, y] = anchor.split(' ').map(Number);
        const point = { x: m.a * x! + m.c * y! + m.e, y: m.b * x! + m.d * y! + m.f };
        if (point.y >= 0 && point.y < w.innerHeight) return point;
        // Instant: under smooth scrolling the point would still be moving when it is read.
        w.scrollBy({ top: point.y - w.innerHeight / 2, behavior: 'instant' });
        return null;
      },
      code,
    );
  }

  /** The colours a reader sees at page points, read from a real screenshot. */
  async pixels(points: Array<{ x: number; y: number }>): Promise<Array<[number, number, number]>> {
    const png = PNG.sync.read(await this.session.screenshot());
    const scale = png.width / WINDOW.width;
    return points.map(({ x, y }) => {
      const i = (Math.round(y * scale) * png.width + Math.round(x * scale)) * 4;
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
    });
  }

  /**
   * The app's IndexedDB entry under `key` ('dataset', 'last-visit'): its version label and the
   * names of the file texts it holds (the dataset's; none for other entries), or null when absent.
   */
  storedEntry(key: string): Promise<{ version: string; files: string[] } | null> {
    return this.run(
      (w, k) =>
        new Promise<{ version: string; files: string[] } | null>((ok, fail) => {
          const r = w.indexedDB.open('fast-lakarkontakt');
          r.onerror = () => fail(r.error);
          r.onsuccess = () => {
            const get = r.result.transaction('entries').objectStore('entries').get(k);
            get.onsuccess = () => {
              const e = get.result as { version: string; value?: { texts?: object } } | undefined;
              ok(e ? { version: e.version, files: Object.keys(e.value?.texts ?? {}) } : null);
              r.result.close();
            };
          };
        }),
      key,
    );
  }

  /** The paths the service worker's caches hold. */
  cachedPaths(): Promise<string[]> {
    return this.run(async (w) => {
      const paths: string[] = [];
      for (const name of await w.caches.keys())
        for (const r of await (await w.caches.open(name)).keys()) paths.push(new URL(r.url).pathname);
      return paths;
    });
  }

  /** What went wrong in the app so far (harness hooks), then clears the record. */
  async takeProblems(): Promise<string[]> {
    return this.session.evaluate(() => {
      const h = window as unknown as { __problems: string[] };
      return h.__problems.splice(0);
    });
  }
}
