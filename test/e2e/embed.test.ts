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
import { BASE, useBrowser } from './browser';

const browser = useBrowser();

/**
 * A newspaper's page framing the embed, served from another site: 127.0.0.1 against the app's
 * localhost, by a server of its own (a page fulfilled by the test counts as a public address,
 * and Chromium refuses to let a public page frame a local one).
 */
async function newspaper(sandbox: string) {
  const dir = mkdtempSync(join(tmpdir(), 'flk-news-'));
  writeFileSync(
    join(dir, 'article.html'),
    `<!doctype html><link rel="icon" href="data:,"><h1>Nyheter</h1><iframe ${sandbox} width="640" height="560" src="${BASE}/?embed=1&metric=share"></iframe>`,
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
