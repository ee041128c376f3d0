/**
 * The update path, end to end, as a deploy happens: version 1 (dist/) is visited (service worker
 * installed, IndexedDB filled), the web root is switched to version 2 (every hashed file renamed,
 * one data value changed: Blekinge's share), and a tab left open and a new load are followed.
 * Version 1's code must never show version 2's data or the reverse; a tab on version 1 keeps
 * working; the reader is told and reaches version 2 with one reload; one version is cached after.
 */
import { mkdtempSync, renameSync, rmSync, symlinkSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, regionState, useBrowser, waitForColoredMap } from './browser';
import {
  editShare,
  expectOneVersionCached,
  mainChunk,
  secondVersion,
  statusVersion,
  versionOf,
  type Version,
} from './builds';
import { startNginx } from '../nginx.mjs';
import { readDataset } from '../../src/data/validate';
import { fsReader } from '../../src/cli/fsReader';

const browser = useBrowser();

/** What a page shows: its code (main chunk), its data version and Blekinge's colour. */
async function shown(page: Page) {
  return {
    code: mainChunk(await page.locator('script[src*="/assets/index-"]').evaluate((e) => e.outerHTML)),
    data: statusVersion(await page.locator('[data-testid="status-line"]').textContent()),
    colour: (await regionState(page, 'SE-K')).color,
  };
}

describe('a deploy while a reader has the dashboard open', () => {
  let v1: Version;
  let v2: Version;
  let www: string;
  let site: Awaited<ReturnType<typeof startNginx>>;

  /** Points the web root at `dir` in one step, as an atomic deploy (a symlink swap) does. */
  function deploy(dir: string) {
    const next = join(www, 'next');
    symlinkSync(dir, next);
    renameSync(next, join(www, 'current'));
  }

  beforeAll(async () => {
    const d1 = await readDataset(fsReader('public/data'));
    const d2 = structuredClone(d1);
    editShare(d2.namedGpShare);
    const dir2 = await secondVersion();
    v1 = versionOf(resolve('dist'), d1);
    v2 = versionOf(dir2, d2);
    // The two versions differ in code, in data and in what the reader sees.
    expect(v2.code).not.toBe(v1.code);
    expect(v2.data).not.toBe(v1.data);
    expect(v2.colour).not.toBe(v1.colour);
    www = mkdtempSync(join(tmpdir(), 'flk-deploy-'));
    chmodSync(www, 0o755);
    deploy(v1.dir);
    site = await startNginx({ root: join(www, 'current') });
  }, 180_000);

  afterAll(async () => {
    await site?.stop();
    rmSync(www, { recursive: true, force: true });
  });

  it('an open tab keeps working, a new load is whole and says so, one reload brings version 2', async () => {
    const context = await browser().newContext();
    const url = `${site.origin}/?metric=share`;
    // A visit to version 1: the service worker installed and controlling, IndexedDB filled.
    const { page: open, problems } = await openPage(context, url);
    await waitForColoredMap(open);
    await open.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
    expect(await shown(open)).toEqual({ code: v1.code, data: v1.data, colour: v1.colour });

    deploy(v2.dir);

    // A new load (another tab, or the first reload) makes the browser fetch version 2's worker.
    const { page: next, problems: nextProblems } = await openPage(context, url);
    await waitForColoredMap(next);
    // Once it has installed (and, with skipWaiting, activated and pruned version 1's files)...
    await expect
      .poll(
        () =>
          next.evaluate(async (code) => {
            const r = await navigator.serviceWorker.getRegistration();
            const precached = await Promise.all(
              (await caches.keys()).map(
                async (n) => !!(await (await caches.open(n)).match(`/assets/${code}`)),
              ),
            );
            return !r?.installing && precached.includes(true) && r?.active?.state === 'activated';
          }, v2.code),
        { timeout: 30_000 },
      )
      .toBe(true);
    // ...version 2's worker waits, and the new load is version 1 whole (code and data), with a
    // notice that a new version is out.
    expect(
      await next.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state),
    ).toBe('installed');
    expect(await shown(next)).toEqual({ code: v1.code, data: v1.data, colour: v1.colour });
    await next.locator('[data-testid="update-notice"]').waitFor();

    // The tab left open loads code it had not needed yet: version 1's, still cached.
    await open.click('[data-testid="view"] input[value="table"]');
    await expect.poll(() => open.locator('[data-testid="data-table"] tbody tr').count()).toBe(21);

    // The reader follows the notice: one reload, and version 2 whole.
    await Promise.all([next.waitForEvent('load'), next.click('[data-testid="update-reload"]')]);
    await waitForColoredMap(next);
    await expect.poll(() => shown(next)).toEqual({ code: v2.code, data: v2.data, colour: v2.colour });
    expect(await next.locator('[data-testid="update-notice"]').count()).toBe(0);

    // The open tab, on version 1's code under version 2's worker, is told when its code is gone,
    // and its notice brings it to version 2 too.
    await open.click('[data-testid="view"] input[value="compare"]');
    await open.locator('[data-testid="update-notice"]').waitFor();
    await Promise.all([open.waitForEvent('load'), open.click('[data-testid="update-reload"]')]);
    await expect.poll(() => open.locator('[data-testid="status-line"]').textContent()).toContain(v2.data);

    // One version cached afterwards: no file of version 1's own in the precache, IndexedDB's
    // dataset of version 2.
    const cached = await next.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      return urls;
    });
    expectOneVersionCached(cached, v1, v2);
    const stored = await next.evaluate(
      () =>
        new Promise<string>((ok) => {
          const r = indexedDB.open('fast-lakarkontakt');
          r.onsuccess = () => {
            const get = r.result.transaction('entries').objectStore('entries').get('dataset');
            get.onsuccess = () => ok(get.result?.version);
          };
        }),
    );
    expect(stored).toBe(v2.data);
    const failedChunk = /Failed to fetch dynamically imported module|Failed to load resource/;
    expect(problems.errors.filter((e) => !failedChunk.test(e))).toEqual([]);
    expect(nextProblems.errors).toEqual([]);
    await context.close();
  });
});
