/**
 * One small interface over three browser engines, so one scenario set runs in each:
 * - Chromium (Debian `chromium`) through playwright-core, as the rest of the browser suite;
 * - Firefox (Debian `firefox-esr`) through puppeteer-core over WebDriver BiDi;
 * - WebKit (Debian `webkit2gtk-driver`: WebKitWebDriver and MiniBrowser) through
 *   selenium-webdriver's W3C WebDriver client.
 * Every session opens the test harness (harness/harness.js) and drives the app framed in it: the
 * same pages, the same hooks for errors and CSP violations, at any width, in every engine.
 * Firefox and WebKit need an X display (display.ts gives them a virtual one): without one
 * Firefox has no WebGL at all, and MiniBrowser is a GTK window.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { Builder, Origin, type WebDriver } from 'selenium-webdriver';
import { chromiumPath, FLAGS } from '../../chromium.mjs';

import type { EngineName } from './names.mjs';

export { selectedEngines, type EngineName } from './names.mjs';

/** The top-level window every session gets: wide and tall enough for a 1440×900 frame. */
export const WINDOW = { width: 1440, height: 900 } as const;

const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER_PATH || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** What each engine needs installed, and the Debian package that provides it. */
export const REQUIREMENTS: Record<EngineName, { paths: () => string[]; install: string }> = {
  chromium: { paths: () => [chromiumPath()], install: 'chromium (or set CHROME_PATH)' },
  firefox: { paths: () => [FIREFOX], install: 'firefox-esr (or set FIREFOX_PATH)' },
  webkit: {
    paths: () => [WEBKIT_DRIVER, MINIBROWSER],
    install: 'webkit2gtk-driver (or set WEBKIT_DRIVER_PATH and MINIBROWSER_PATH)',
  },
};

/** The binaries an engine needs that are missing, with how to install them; empty when none. */
export function missing(engine: EngineName): string[] {
  const absent = REQUIREMENTS[engine].paths().filter((p) => !existsSync(p));
  return absent.length
    ? [`${engine}: ${absent.join(', ')} not found; install ${REQUIREMENTS[engine].install}`]
    : [];
}

/** A browser showing the harness page, with the app framed in it. */
export interface Session {
  readonly engine: EngineName;
  /**
   * Runs `fn(app, arg)` in the harness page, where `app` is the framed app's window, and returns
   * its (awaited) result. `fn` is sent as source: it may use only its arguments and globals.
   */
  evaluate<T, A = undefined>(fn: (app: Window, arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Opens the harness of the app served at another origin (a first visit, to that origin). */
  openHarness(origin: string): Promise<void>;
  /** A real mouse click at a point of the page (the frame sits at its top left). */
  clickAt(x: number, y: number): Promise<void>;
  /** Moves the real mouse pointer to a point of the page. */
  moveTo(x: number, y: number): Promise<void>;
  /** A PNG of what the window shows. */
  screenshot(): Promise<Buffer>;
  /**
   * Errors the engine itself reported on the console since the last call (the page's and the
   * browser's, such as a service worker's rejected respondWith), where its driver can read them;
   * null where it cannot (WebKitWebDriver), and the harness's own hooks are all there is.
   */
  takeEngineErrors(): string[] | null;
  close(): Promise<void>;
}

/** The source of a call of `fn` on the framed app's window, for the harness page. */
function call(fn: (...a: never[]) => unknown): string {
  const app = `document.querySelector('iframe')?.contentWindow ?? null`;
  return `return Promise.resolve((${fn.toString()})(${app}, arguments[0]))`;
}

/** The harness page of the app served at `origin`. */
const harnessOf = (origin: string) => `${origin}/__harness.html`;

/** Starts `engine` and opens the harness of the app served at `origin`. */
export async function startSession(engine: EngineName, origin: string): Promise<Session> {
  const session = await (engine === 'chromium'
    ? startChromium()
    : engine === 'firefox'
      ? startFirefox()
      : startWebKit());
  await session.openHarness(origin);
  return session;
}

async function startChromium(): Promise<Session> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
  const page = await browser.newPage({ viewport: WINDOW });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return {
    engine: 'chromium',
    openHarness: async (origin) => void (await page.goto(harnessOf(origin))),
    evaluate: (fn, arg) => page.evaluate(new Function(call(fn)) as (a: unknown) => never, arg),
    clickAt: (x, y) => page.mouse.click(x, y),
    moveTo: (x, y) => page.mouse.move(x, y),
    screenshot: () => page.screenshot(),
    takeEngineErrors: () => errors.splice(0),
    close: () => browser.close(),
  };
}

async function startFirefox(): Promise<Session> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    // Headless, but with the X display from display.ts in the environment: that is what gives
    // Firefox WebGL (Mesa's llvmpipe); headless without a display has none.
    headless: true,
    extraPrefsFirefox: {
      // Nothing outside localhost is reachable here: no update, telemetry or remote settings.
      'app.update.disabledForTesting': true,
      'datareporting.policy.dataSubmissionEnabled': false,
      'services.settings.server': 'http://127.0.0.1:9/',
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  const page = await browser.newPage();
  await page.setViewport(WINDOW);
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e instanceof Error ? e.message : String(e)}`));
  return {
    engine: 'firefox',
    openHarness: async (origin) => void (await page.goto(harnessOf(origin))),
    evaluate: (fn, arg) => page.evaluate(new Function(call(fn)) as (a: unknown) => never, arg),
    clickAt: (x, y) => page.mouse.click(x, y),
    moveTo: (x, y) => page.mouse.move(x, y),
    screenshot: async () => Buffer.from(await page.screenshot()),
    takeEngineErrors: () => errors.splice(0),
    close: () => browser.close(),
  };
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function startWebKit(): Promise<Session> {
  const port = await freePort();
  // Its own process group, so the MiniBrowser and WebKit processes it starts go with it.
  const driverProcess: ChildProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    stdio: 'ignore',
    detached: true,
  });
  const reap = () => {
    try {
      if (driverProcess.pid) process.kill(-driverProcess.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let driver: WebDriver;
  try {
    driver = await connectWebKit(port);
  } catch (e) {
    reap();
    throw e;
  }
  // The window's outer size includes MiniBrowser's own chrome: size it so the page gets WINDOW.
  await driver.manage().window().setRect({ width: WINDOW.width, height: WINDOW.height });
  const inner = (await driver.executeScript('return [innerWidth, innerHeight]')) as [number, number];
  await driver
    .manage()
    .window()
    .setRect({ width: 2 * WINDOW.width - inner[0], height: 2 * WINDOW.height - inner[1] });
  const pointer = (x: number, y: number) =>
    driver.actions({ async: true }).move({ x: Math.round(x), y: Math.round(y), origin: Origin.VIEWPORT });
  return {
    engine: 'webkit',
    openHarness: (origin) => driver.get(harnessOf(origin)),
    evaluate: (fn, arg) => driver.executeScript(call(fn), arg),
    clickAt: (x, y) => pointer(x, y).click().perform(),
    moveTo: (x, y) => pointer(x, y).perform(),
    screenshot: async () => Buffer.from(await driver.takeScreenshot(), 'base64'),
    takeEngineErrors: () => null,
    close: async () => {
      await driver.quit().catch(() => undefined);
      reap();
    },
  };
}

/** Opens a session on a WebKitWebDriver just started, retrying while it is not listening yet. */
async function connectWebKit(port: number): Promise<WebDriver> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      return await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        })
        .build();
    } catch (e) {
      if (Date.now() > deadline || !/ECONNREFUSED/.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
