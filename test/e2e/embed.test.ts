/**
 * The embed as a newspaper frames it: from another site, sandboxed (scripts and popups only, so
 * the frame's origin is opaque) and not. It must draw its map, and never register a service
 * worker: one registered from a frame where storage is not partitioned (Playwright's Chromium
 * runs without partitioning) would take over the site's own readers' pages.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serve } from '../server.mjs';
import { BASE, openPage, useBrowser, waitForColoredMap } from './browser';
import { readDataset } from '../../src/data/validate';
import { fsReader } from '../../src/cli/fsReader';
import { EMBED_HEIGHT, EMBED_MIN_WIDTH } from '../../src/features/export/embed';
import type { Page } from 'playwright-core';

const browser = useBrowser();
const d = await readDataset(fsReader('public/data'));

/**
 * A newspaper's page framing the embed, served from another site: 127.0.0.1 against the app's
 * localhost, by a server of its own (a page fulfilled by the test counts as a public address,
 * and Chromium refuses to let a public page frame a local one).
 */
async function newspaper(
  sandbox: string,
  body = `<iframe ${sandbox} width="640" height="560" src="${BASE}/?embed=1&metric=share"></iframe>`,
) {
  const dir = mkdtempSync(join(tmpdir(), 'flk-news-'));
  writeFileSync(
    join(dir, 'article.html'),
    `<!doctype html><link rel="icon" href="data:,"><h1>Nyheter</h1>${body}`,
  );
  const server = await serve(dir, 0);
  return {
    url: `http://127.0.0.1:${server.port}/article.html`,
    close: () => (server.close(), rmSync(dir, { recursive: true, force: true })),
  };
}

describe.each([
  ['sandboxed', 'sandbox="allow-scripts allow-popups"'],
  ['plain', ''],
])('%s embed on another site', (_name, sandbox) => {
  it('draws the coloured map and registers no service worker', async () => {
    const context = await browser().newContext({ viewport: { width: 1000, height: 800 } });
    const news = await newspaper(sandbox);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    await page.goto(news.url);
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-testid="map"][data-map-state="colored"]').waitFor({ timeout: 30_000 });
    expect(await frame.locator('[data-testid="legend"]').count()).toBe(1);
    // Past the point where the app registers its worker on a page of its own (coloured, idle).
    const app = page.frames().find((f) => f.url().startsWith(BASE))!;
    await app.evaluate(() => new Promise((r) => requestIdleCallback(r, { timeout: 5000 })));
    // Asked from a page of the site itself: no registration.
    const own = await context.newPage();
    await own.goto(`${BASE}/404.html`);
    expect(await own.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
    news.close();
  });
});

/** How the embed sits in its frame: the document's size and where its parts end. */
const layout = (page: Page) =>
  page.evaluate(() => {
    // A part that is missing reads as being everywhere, so the checks below fail on it.
    const box = (sel: string) =>
      document.querySelector(sel)?.getBoundingClientRect() ?? { top: -Infinity, bottom: Infinity, height: 0 };
    return {
      height: document.documentElement.scrollHeight,
      width: document.documentElement.scrollWidth,
      legendBottom: box('[data-testid="legend"]').bottom,
      mapBottom: box('[data-testid="map"]').bottom,
      mapHeight: box('[data-testid="map"]').height,
      sourceTop: box('[data-testid="embed-source"]').top,
    };
  });

describe('the embed in the README’s iframe', () => {
  it.each([
    ['sv', ''],
    ['en', '&lang=en'],
    ['sv', '&metric=share'],
    ['en', '&metric=gap'],
    ['en', '&year=2022&lang=en'],
  ])(
    `fits ${EMBED_MIN_WIDTH} × ${EMBED_HEIGHT} px without scrolling (%s, ?embed=1%s)`,
    async (_lang, query) => {
      const { page, problems } = await openPage(browser(), `/?embed=1${query}`, {
        width: EMBED_MIN_WIDTH,
        height: EMBED_HEIGHT,
      });
      await waitForColoredMap(page);
      const l = await layout(page);
      expect(l.height).toBeLessThanOrEqual(EMBED_HEIGHT);
      expect(l.width).toBeLessThanOrEqual(EMBED_MIN_WIDTH);
      // Nothing overlaps the source line, and the map keeps a readable size.
      expect(l.legendBottom).toBeLessThanOrEqual(l.sourceTop);
      expect(l.mapBottom).toBeLessThanOrEqual(l.sourceTop);
      expect(l.mapHeight).toBeGreaterThanOrEqual(380);
      expect(problems.errors).toEqual([]);
      await page.close();
    },
  );

  it('names its source, publisher and report, and links to the full view outside the frame', async () => {
    const { page } = await openPage(browser(), '/?embed=1&metric=share&region=SE-I', {
      width: EMBED_MIN_WIDTH,
      height: EMBED_HEIGHT,
    });
    await waitForColoredMap(page);
    const source = d.context.sources.find((s) => s.id === d.namedGpShare.source.doc)!;
    const line = page.locator('[data-testid="embed-source"]');
    await expect.poll(() => line.textContent()).toContain(source.title);
    expect(await line.textContent()).toContain(`Källa: ${source.publisher}`);
    const link = line.locator('a');
    expect(await link.getAttribute('target')).toBe('_blank');
    const href = new URL((await link.getAttribute('href'))!, BASE);
    expect(href.search).toBe('?metric=share&region=SE-I');
    await page.close();
  });
});

describe('"Bädda in": the iframe code for the current view', () => {
  it('shows the view’s iframe code in a dialog, copies it, and the code fits its frame', async () => {
    const context = await browser().newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page, problems } = await openPage(context, '/?metric=share&region=SE-I&lang=en');
    await waitForColoredMap(page);
    await page.click('[data-testid="embed-button"]');
    const dialog = page.locator('[data-testid="embed-dialog"]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // Focus in the field, its code selected; the field has a label.
    const field = page.locator('[data-testid="embed-code"]');
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.locator('label[for="embed-code"]').textContent()).toBeTruthy();
    const code = await field.inputValue();
    expect(await field.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart)).toBe(
      code.length,
    );
    // Read as a browser would (an HTML parser in the app's page would trip its CSP on the
    // iframe's style attribute): each attribute's value, entities decoded.
    const attr = (name: string) =>
      [...code.matchAll(/\s([a-z]+)="([^"]*)"/g)].find((m) => m[1] === name)?.[2]?.replace(/&amp;/g, '&');
    const frame = { src: attr('src')!, height: attr('height'), width: attr('width') };
    expect(frame.src).toBe(`${new URL(page.url()).origin}/?metric=share&region=SE-I&lang=en&embed=1`);
    expect(new URL(frame.src).search.replace('&embed=1', '')).toBe(new URL(page.url()).search);
    expect(frame).toMatchObject({ width: '100%', height: String(EMBED_HEIGHT) });
    await page.click('[data-testid="embed-copy"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    // Esc closes the dialog, not the region panel behind it; focus goes back to the button.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'embed-button',
    );
    expect(new URL(page.url()).searchParams.get('region')).toBe('SE-I');
    expect(problems.errors).toEqual([]);

    // The code as pasted into a page, in a 600 px column: the embed fits its height, no scrollbar.
    const news = await newspaper('', `<div style="width:${EMBED_MIN_WIDTH}px">${code}</div>`);
    const host = await context.newPage();
    await host.setViewportSize({ width: 900, height: 900 });
    await host.goto(news.url);
    const embedded = host.frameLocator('iframe');
    await embedded.locator('[data-testid="map"][data-map-state="colored"]').waitFor({ timeout: 30_000 });
    const app = host.frames().find((f) => f.url().includes('embed=1'))!;
    const size = await app.evaluate(() => ({
      scroll: document.documentElement.scrollHeight,
      client: document.documentElement.clientHeight,
      width: innerWidth,
      lang: document.documentElement.lang,
    }));
    expect(size.width).toBe(EMBED_MIN_WIDTH);
    expect(size.client).toBe(EMBED_HEIGHT);
    expect(size.scroll).toBeLessThanOrEqual(size.client);
    expect(size.lang).toBe('en');
    await context.close();
    news.close();
  });
});
