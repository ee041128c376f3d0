/**
 * A new year is data, not code: the 2026 fixture survey (test/fixtures/data/survey-2026.csv, all
 * 21 regions, some unknown) is imported into a copy of public/ with `data:import`'s own code, the
 * app is built from that copy with no source file changed, and every view shows the fifth year.
 * A reader who last visited the build of today's data is told what changed.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, regionState, useBrowser, waitForColoredMap } from './browser';
import { serve } from '../server.mjs';
import { importCsv } from '../../src/data/import';
import { readDataFiles, replaceDataDir } from '../../src/cli/dataDir';
import { readDataset } from '../../src/data/validate';
import { fsReader } from '../../src/cli/fsReader';
import { classify } from '../../src/domain/classify';
import type { Dataset } from '../../src/data/schema';

const FIXTURE = 'test/fixtures/data/survey-2026.csv';
const browser = useBrowser();

let tmp: string;
let d: Dataset;
/** The build of today's data (dist/), and then, on the same origin, the build with 2026. */
let server: Awaited<ReturnType<typeof serve>>;
let origin: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'new-year-'));
  const publicDir = join(tmp, 'public');
  await cp('public', publicDir, { recursive: true });
  const data = join(publicDir, 'data');
  const result = await importCsv(
    await readFile(FIXTURE, 'utf8'),
    'survey-2026.csv',
    (await readDataFiles(data)).files,
  );
  expect(result.errors).toEqual([]);
  await replaceDataDir(data, result.files);
  d = await readDataset(fsReader(data));
  await build({
    configFile: resolve('vite.config.ts'),
    publicDir,
    logLevel: 'warn',
    build: { outDir: join(tmp, 'dist'), emptyOutDir: true },
  });
  server = await serve('dist', 0);
  origin = server.origin;
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

let servingNewYear = false;
/** Serves the 2026 build where today's was, on the same origin (so the reader's cache is there). */
async function switchToNewYear(): Promise<void> {
  if (servingNewYear) return;
  await server.stop();
  server = await serve(join(tmp, 'dist'), Number(new URL(origin).port));
  servingNewYear = true;
}

describe('a 2026 survey added as data', () => {
  it('tells a returning reader, who last saw four surveys, which regions changed', async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const { page, problems } = await openPage(context, `${origin}/`);
    await waitForColoredMap(page);
    expect(await page.locator('[data-testid="year"] input').count()).toBe(4);
    // The visit is recorded once the data are stored.
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            new Promise<boolean>((res) => {
              const r = indexedDB.open('fast-lakarkontakt');
              r.onsuccess = () => {
                const get = r.result.transaction('entries').objectStore('entries').get('last-visit');
                get.onsuccess = () => res(get.result !== undefined);
              };
              r.onerror = () => res(false);
            }),
        ),
      )
      .toBe(true);
    await switchToNewYear();
    await page.reload();
    const notice = page.locator('[data-testid="visit-notice"]');
    await expect.poll(() => notice.count()).toBe(1);
    // Every region has a 2026 answer, so every region's data changed.
    expect(await notice.locator('li').allTextContents()).toEqual(d.regions.map((r) => r.name));
    expect(await page.locator('[data-testid="year"] input').count()).toBe(5);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('the year switch has five years, 2026 chosen; title and kicker say 2022–2026', async () => {
    await switchToNewYear();
    const { page, problems } = await openPage(browser(), `${origin}/`);
    await waitForColoredMap(page);
    const years = page.locator('[data-testid="year"] input');
    expect(await years.evaluateAll((xs) => xs.map((x) => (x as HTMLInputElement).value))).toEqual([
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
    expect(await page.isChecked('[data-testid="year"] input[value="2026"]')).toBe(true);
    expect(await page.locator('.kicker').textContent()).toBe('Läkarförbundets kartläggningar 2022–2026');
    expect(await page.title()).toMatch(/kartläggningar 2022–2026$/);
    // The HTML as served, before any script: the build wrote the span from the data.
    expect(await (await fetch(`${origin}/`)).text()).toContain('kartläggningar 2022–2026</title>');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('the map and legend draw 2026: its classes, counts and unknowns', async () => {
    await switchToNewYear();
    const { page } = await openPage(browser(), `${origin}/`);
    await waitForColoredMap(page);
    const c = classify(d, 'decision', 2026, 1100);
    for (const code of ['SE-H', 'SE-D', 'SE-F', 'SE-K'] as const) {
      const drawn = await regionState(page, code);
      expect(drawn.color?.toLowerCase(), code).toBe(c.byRegion[code].color.toLowerCase());
      expect(drawn.pattern, code).toBe(c.byRegion[code].pattern);
    }
    // Kalmar was unknown in 2025 and is yes in 2026; Jönköpings län stays unknown.
    expect(c.byRegion['SE-H'].classId).not.toBe(classify(d, 'decision', 2025, 1100).byRegion['SE-H'].classId);
    expect(c.byRegion['SE-F'].pattern).toBe('unknown');
    const counts = await page
      .locator('[data-testid="legend"] .legend-item')
      .evaluateAll((xs) =>
        xs.map((x) => [x.getAttribute('data-class'), x.querySelector('.legend-count')!.textContent]),
      );
    expect(counts.map(([id, n]) => [id, Number(/\d+/.exec(n ?? '')![0])])).toEqual(
      c.classes.map((k) => [k.id, k.regions.length]),
    );
    await page.close();
  });

  it("the region panel's timeline has five surveys, 2026 first, with the new answer", async () => {
    await switchToNewYear();
    const { page, problems } = await openPage(browser(), `${origin}/?region=SE-H`);
    const timeline = page.locator('[data-testid="panel"] [data-testid="timeline"]');
    await expect.poll(() => timeline.locator('article[data-year]').count()).toBe(5);
    expect(
      await timeline
        .locator('article[data-year]')
        .evaluateAll((xs) => xs.map((x) => x.getAttribute('data-year'))),
    ).toEqual(['2026', '2025', '2024', '2023', '2022']);
    expect(
      await timeline.locator('article[data-year="2026"] [data-testid="answer-text"]').textContent(),
    ).toContain('Regionfullmäktige beslutade i februari 2026');
    expect(await page.locator('[data-testid="panel"]').textContent()).toContain('2025 → 2026');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('the changes view compares 2025 → 2026 by default', async () => {
    await switchToNewYear();
    const { page, problems } = await openPage(browser(), `${origin}/?view=changes`);
    await page.waitForSelector('[data-testid="changes-view"]');
    expect(await page.inputValue('[data-testid="from"]')).toBe('2025');
    expect(await page.inputValue('[data-testid="to"]')).toBe('2026');
    const up = page.locator('[data-testid="moves-up"] li');
    await expect.poll(() => up.count()).toBeGreaterThan(0);
    const names = await up.allTextContents();
    // Sörmland and Blekinge answered no in 2025; yes and partly in 2026.
    expect(names.some((t) => t.includes('Sörmland'))).toBe(true);
    expect(names.some((t) => t.includes('Blekinge'))).toBe(true);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('the national chart has five surveys, the last the count 7', async () => {
    await switchToNewYear();
    const { page } = await openPage(browser(), `${origin}/`);
    await waitForColoredMap(page);
    const chart = page.locator('[data-testid="overview"] svg');
    await expect.poll(() => chart.locator('circle').count()).toBe(5);
    const titles = await chart.locator('circle title').allTextContents();
    expect(titles.map((t) => t.match(/(\d+)$/)![1])).toEqual(['2', '3', '10', '13', '7']);
    await page.close();
  });

  it('the CSVs have 2026: the published dataset and the view download', async () => {
    await switchToNewYear();
    const text = await (await fetch(`${origin}/data/dataset.csv`)).text();
    expect(text).toContain('SE,Sverige,fieldwork,2026,2026-03/2026-04,reported,mars–april 2026,');
    expect(text).toContain('SE-H,Kalmar,decision,2026,yes,reported,"I källan: ""JA"".",');
    const context = await browser().newContext({ acceptDownloads: true });
    const { page } = await openPage(context, `${origin}/?view=table`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-view-csv"]'),
    ]);
    expect(download.suggestedFilename()).toBe('fast-lakarkontakt-decision-2026.csv');
    await context.close();
  });
});
