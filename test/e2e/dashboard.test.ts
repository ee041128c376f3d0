/**
 * The dashboard in a real browser: every metric and year colours the map as the data says, the
 * panel shows what the regions answered, every control round-trips through the URL, the table
 * agrees with the map, English works, and axe finds no WCAG 2.1 AA violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
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
import { readDataset } from '../../src/data/validate';
import { fsReader } from '../../src/cli/fsReader';
import { classify } from '../../src/domain/classify';
import { classLabel } from '../../src/domain/describe';
import sv from '../../src/i18n/sv';
import en from '../../src/i18n/en';

const DICTS = { sv, en };
import type { Dataset } from '../../src/data/schema';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const browser = useBrowser();
const d: Dataset = await readDataset(fsReader('public/data'));

/**
 * What a reader sees of the 2023 decision map, read from a screenshot: Blekinge orange-red (no
 * decision) and Gotland sky blue (decided), each its class colour as the data says.
 */
async function expect2023Pixels(page: Page): Promise<void> {
  const c = classify(d, 'decision', 2023, 1100);
  const px = await pixelsAt(page, [await regionPoint(page, 'SE-K'), await regionPoint(page, 'SE-I')]);
  expect(near(px[0]!, rgb(c.byRegion['SE-K'].color), 30)).toBe(true);
  expect(near(px[1]!, rgb(c.byRegion['SE-I'].color), 30)).toBe(true);
}

/** Every region's feature-state colour and pattern equal what the data says for the view. */
async function expectMapMatches(
  page: Page,
  metric: 'decision' | 'share' | 'gap',
  year: number | null,
  target = 1100,
) {
  const c = classify(d, metric, year, target);
  await waitForColoredMap(page);
  for (const r of Object.values(c.byRegion)) {
    const s = await regionState(page, r.code);
    expect([r.code, s.color, s.pattern]).toEqual([r.code, r.color, r.pattern]);
  }
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) and returns the violations, compactly. */
async function axe(page: Page, include?: string): Promise<string[]> {
  await page.evaluate(AXE);
  const res = await page.evaluate(
    async (sel) =>
      (
        window as unknown as {
          axe: {
            run(
              ctx: unknown,
              o: unknown,
            ): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
          };
        }
      ).axe.run(sel ? { include: [sel] } : document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      }),
    include ?? null,
  );
  return res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('metrics and years', () => {
  it.each([2022, 2023, 2024, 2025])('decision %i colours every region as the data says', async (year) => {
    const { page, problems } = await openPage(browser(), `/?year=${year}`);
    await expectMapMatches(page, 'decision', year);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('switching metric and year restyles in place, and pixels follow', async () => {
    const { page } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.click('[data-testid="metric"] input[value="share"]');
    await expectMapMatches(page, 'share', null);
    await page.click('[data-testid="metric"] input[value="gap"]');
    await expectMapMatches(page, 'gap', null);
    await page.click('[data-testid="metric"] input[value="decision"]');
    await page.click('[data-testid="year"] input[value="2023"]');
    await expectMapMatches(page, 'decision', 2023);
    // Geometry and data are loaded once: restyling fetches nothing.
    expect(requests.filter((p) => p.endsWith('.json'))).toEqual([]);
    await expect2023Pixels(page);
    await page.close();
  });

  it('hovering or focusing a legend class highlights its regions', async () => {
    const { page } = await openPage(browser(), '/?year=2024');
    await waitForColoredMap(page);
    await page.focus('[data-testid="legend"] button[data-class="no"]');
    const c = classify(d, 'decision', 2024, 1100);
    const no = c.classes.find((k) => k.id === 'no')!.regions;
    await expect.poll(async () => (await regionState(page, no[0]!)).highlight).toBe(true);
    const other = d.regions.find((r) => !no.includes(r.code))!.code;
    expect((await regionState(page, other)).dim).toBe(true);
    expect(await page.locator('[data-testid="region-list"] button.dim').count()).toBe(21 - no.length);
    await page.close();
  });
});

describe('national overview', () => {
  it('draws its chart as SVG from the data; the panel and Chart.js come only when a region is reached for', async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const requests: string[] = [];
    const { page } = await openPage(context, '/', { width: 1440, height: 900 });
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.reload();
    await waitForColoredMap(page);
    const chart = page.locator('[data-testid="overview"] svg');
    // Regions per class in each survey, and the reported count 2, 3, 10, 13 as the line.
    await expect.poll(() => chart.locator('circle').count()).toBe(4);
    const titles = await chart.locator('circle title').allTextContents();
    expect(titles.map((t) => t.match(/(\d+)$/)![1])).toEqual(['2', '3', '10', '13']);
    await page.click('[data-testid="metric"] input[value="share"]');
    // One bar per region that reported a share, longest first.
    const reported = d.namedGpShare.values.filter((v) => v.value !== null);
    await expect.poll(() => chart.locator('rect').count()).toBe(reported.length);
    const first = Math.max(...reported.map((v) => v.value!));
    expect(await chart.locator('rect title').first().textContent()).toContain(`${first}`);
    // Nothing is prefetched at idle: on a phone, evaluating it then was a long task.
    await page.waitForTimeout(1000);
    expect(requests.filter((p) => /\/assets\/(RegionPanel|chartjs)-/.test(p))).toEqual([]);
    // Pointing at the list fetches the panel's code and its charts' before the click.
    await page.hover('[data-testid="region-list"] button[data-code="SE-K"]');
    await expect.poll(() => requests.some((p) => /\/assets\/RegionPanel-/.test(p))).toBe(true);
    await expect.poll(() => requests.some((p) => /\/assets\/chartjs-/.test(p))).toBe(true);
    await page.click('[data-testid="region-list"] button[data-code="SE-K"]');
    await page.waitForSelector('[data-testid="panel"] [data-testid="chart"] canvas');
    await context.close();
  });
});

describe('region panel', () => {
  it("shows Gotland's 2024 answer text and its 2025 goal year 2027", async () => {
    const { page, problems } = await openPage(browser(), '/?region=SE-I');
    const panel = page.locator('[data-testid="panel"]');
    await expect.poll(() => panel.locator('h2').textContent()).toBe('Gotland');
    const a2024 = panel.locator('article[data-year="2024"]');
    const text = a2024.locator('[data-testid="answer-text"]');
    expect(await text.getAttribute('lang')).toBe('sv');
    expect(await text.textContent()).toContain('Handlingsplanen gäller fortfarande');
    // Long answers start collapsed and expand on request.
    await a2024.getByRole('button', { name: 'Visa hela svaret' }).click();
    expect(await text.textContent()).toContain(
      'Detta är i det närmaste klart och arbetet följs upp regelbundet.',
    );
    const goal = panel.locator('article[data-year="2025"] [data-cell="planGoalYear"] dd');
    expect(await goal.textContent()).toContain('2027');
    expect(await panel.locator('article[data-year="2025"] [data-testid="badge"]').textContent()).toContain(
      'målår',
    );
    // Share against the goal, and the doctor gap marked as not reported for Gotland.
    expect(await panel.locator('[data-testid="panel-share"]').textContent()).toContain('59');
    expect(await panel.locator('[data-testid="panel-gap"]').textContent()).toContain('Ej redovisat');
    // Escape closes the panel and the URL forgets the region.
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await expect.poll(() => new URL(page.url()).searchParams.has('region')).toBe(false);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('redraws its charts for another region exactly as a fresh page draws them', async () => {
    // The panel keeps one Chart.js instance per chart and updates it in place.
    const pixels = (page: Page) =>
      page.$$eval('[data-testid="panel"] [data-testid="chart"] canvas', (cs) =>
        (cs as HTMLCanvasElement[]).map((c) => c.toDataURL()),
      );
    /** The charts' pixels once three reads in a row agree (Chart.js draws after the paint). */
    async function settled(page: Page): Promise<string[]> {
      let last: string[] = [];
      let same = 0;
      await expect
        .poll(
          async () => {
            const now = await pixels(page);
            same = now.length > 0 && now.join() === last.join() ? same + 1 : 0;
            last = now;
            return same;
          },
          { timeout: 20_000, interval: 150 },
        )
        .toBeGreaterThanOrEqual(2);
      return last;
    }
    const { page, problems } = await openPage(browser(), '/?region=SE-I');
    await waitForColoredMap(page);
    const gotland = await settled(page);
    await page.click('[data-testid="region-list"] button[data-code="SE-K"]');
    await expect.poll(() => page.locator('[data-testid="panel"] h2').textContent()).toBe('Blekinge');
    const updated = await settled(page);
    expect(updated).not.toEqual(gotland);
    const fresh = await openPage(browser(), '/?region=SE-K');
    await waitForColoredMap(fresh.page);
    expect(await settled(fresh.page)).toEqual(updated);
    expect([...problems.errors, ...fresh.problems.errors]).toEqual([]);
    await page.close();
    await fresh.page.close();
  });

  it('is a bottom sheet on a phone that leaves the map visible', async () => {
    const { page } = await openPage(browser(), '/', { width: 360, height: 740 });
    await waitForColoredMap(page);
    // Choosing from the list (below the map) brings the map back into view above the sheet.
    await page.click('[data-testid="region-list"] button[data-code="SE-AB"]');
    await expect.poll(() => page.locator('[data-testid="panel"] h2').textContent()).toBe('Stockholm');
    await page.waitForTimeout(800);
    const sheet = (await page.locator('.secondary').boundingBox())!;
    expect(sheet.height).toBeLessThanOrEqual(740 * 0.6 + 1);
    expect(Math.round(sheet.y + sheet.height)).toBe(740);
    const map = (await page.locator('[data-testid="map"]').boundingBox())!;
    // At least 250 px of the map stay visible above the sheet.
    expect(Math.min(sheet.y, map.y + map.height) - Math.max(0, map.y)).toBeGreaterThanOrEqual(250);
    await page.close();
  });
});

describe('keyboard and focus', () => {
  it('the panel takes the focus when chosen from the list, and gives it back on Escape', async () => {
    const { page } = await openPage(browser(), '/');
    await page.waitForSelector('[data-testid="region-list"] button[data-code="SE-I"]');
    await page.focus('[data-testid="region-list"] button[data-code="SE-I"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('panel-title');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-code')))
      .toBe('SE-I');
    expect(await page.locator('[data-testid="panel"]').count()).toBe(0);
    await page.close();
  });

  it('a legend class pinned with Enter stays highlighted until unpinned', async () => {
    const { page } = await openPage(browser(), '/?year=2024');
    await waitForColoredMap(page);
    const item = page.locator('[data-testid="legend"] button[data-class="no"]');
    await item.focus();
    await page.keyboard.press('Enter');
    expect(await item.getAttribute('aria-pressed')).toBe('true');
    await page.focus('[data-testid="copy-link"]');
    await expect.poll(async () => (await regionState(page, 'SE-K')).highlight).toBe(true);
    await item.click();
    expect(await item.getAttribute('aria-pressed')).toBe('false');
    await page.close();
  });

  it("relabels the map's controls when the language changes, the SVG map's and MapLibre's", async () => {
    const { page } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    const svgZoomIn = '[data-testid="map"] .zoom button >> nth=0';
    expect(await page.getAttribute(svgZoomIn, 'aria-label')).toBe('Zooma in');
    await takeOverWithMapLibre(page);
    expect(await page.getAttribute('.maplibregl-ctrl-zoom-in', 'aria-label')).toBe('Zooma in');
    await page.click('.lang-switch');
    await expect.poll(() => page.getAttribute('.maplibregl-ctrl-zoom-in', 'aria-label')).toBe('Zoom in');
    expect(await page.getAttribute(svgZoomIn, 'aria-label')).toBe('Zoom in');
    await page.close();
  });
});

describe('the URL owns the view', () => {
  it('round-trips every control, and Back undoes choices', async () => {
    const { page } = await openPage(browser(), '/');
    await waitForColoredMap(page);
    await page.click('[data-testid="year"] input[value="2023"]');
    await page.click('[data-testid="metric"] input[value="gap"]');
    await page.fill('[data-testid="whatif"] input[type="number"]', '1500');
    await page.press('[data-testid="whatif"] input[type="number"]', 'Enter');
    await page.click('[data-testid="view"] input[value="table"]');
    await page.click('[data-testid="region-list"] button[data-code="SE-K"]');
    await page.click('.lang-switch');
    await page.waitForURL(/lang=en/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'table',
      metric: 'gap',
      year: '2023',
      region: 'SE-K',
      target: '1500',
      lang: 'en',
    });
    // The same link in a fresh page restores every control.
    const { page: again } = await openPage(browser(), url.pathname + url.search);
    await expect.poll(() => again.locator('[data-testid="panel"] h2').textContent()).toBe('Blekinge');
    expect(await again.isChecked('[data-testid="metric"] input[value="gap"]')).toBe(true);
    expect(await again.isChecked('[data-testid="view"] input[value="table"]')).toBe(true);
    expect(await again.inputValue('[data-testid="whatif"] input[type="number"]')).toBe('1500');
    expect(await again.evaluate(() => document.documentElement.lang)).toBe('en');
    await again.click('[data-testid="metric"] input[value="decision"]');
    expect(await again.isChecked('[data-testid="year"] input[value="2023"]')).toBe(true);
    await again.close();

    await page.goBack();
    expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
    await page.goBack();
    expect(new URL(page.url()).searchParams.get('region')).toBeNull();
    await page.close();
  });

  it('"Kopiera länk" copies the current URL', async () => {
    const context = await browser().newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page } = await openPage(context, '/?metric=share&region=SE-O');
    await page.click('[data-testid="copy-link"]');
    await expect.poll(() => page.locator('.copy-status').textContent()).toContain('kopierad');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    await context.close();
  });
});

describe('table view', () => {
  it.each(['decision', 'share', 'gap'] as const)(
    '%s: 21 rows whose classes match the map, sortable by keyboard',
    async (metric) => {
      const { page } = await openPage(browser(), `/?view=table&metric=${metric}`);
      const rows = page.locator('[data-testid="data-table"] tbody tr');
      await expect.poll(() => rows.count()).toBe(21);
      const c = classify(d, metric, null, 1100);
      const t = DICTS.sv;
      const classCol = (
        await page.locator('[data-testid="data-table"] thead th').allTextContents()
      ).findIndex((h) => h.startsWith(t.table.klass));
      for (const code of ['SE-AB', 'SE-I', 'SE-K', 'SE-Z']) {
        const rv = c.byRegion[code as keyof typeof c.byRegion];
        const label = classLabel(
          c.classes.find((k) => k.id === rv.classId)!,
          metric,
          t,
          'sv',
        );
        const cell = page.locator(`[data-testid="data-table"] tr[data-code="${code}"] > *`).nth(classCol);
        expect(await cell.textContent()).toContain(label);
      }
      // Sort by the first numeric or class column from the keyboard: Tab to it, Enter.
      const sortButton = page.locator('[data-testid="data-table"] thead button.sort').nth(1);
      await sortButton.focus();
      await page.keyboard.press('Enter');
      expect(
        await page.locator('[data-testid="data-table"] thead th').nth(1).getAttribute('aria-sort'),
      ).not.toBe('none');
      await page.close();
    },
  );

  it('the share column sorts high to low with the five non-reporting regions last', async () => {
    const { page } = await openPage(browser(), '/?view=table&metric=share');
    await page.click('[data-testid="data-table"] thead button[data-col="share"]');
    const codes = await page
      .locator('[data-testid="data-table"] tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
    expect(codes[0]).toBe('SE-O');
    expect(codes.slice(-5).sort()).toEqual(['SE-AC', 'SE-BD', 'SE-F', 'SE-S', 'SE-Z']);
    await page.close();
  });
});

describe('language', () => {
  it('English switches the interface; the answers stay Swedish', async () => {
    const { page } = await openPage(browser(), '/?region=SE-I');
    await page.click('.lang-switch');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('h1').textContent()).toBe(DICTS.en.title);
    expect(await page.locator('[data-testid="summary"]').textContent()).toContain('13 of 21');
    expect(await page.locator('[data-testid="metric"] label').first().textContent()).toContain(
      'Decision on 1,100',
    );
    const answer = page.locator(
      '[data-testid="panel"] article[data-year="2024"] [data-testid="answer-text"]',
    );
    expect(await answer.getAttribute('lang')).toBe('sv');
    expect(await answer.textContent()).toContain('Handlingsplanen');
    await page.close();
  });
});

describe('layout', () => {
  // MapLibre draws its hidden loading frames on a canvas of a few pixels (regionMap.ts): once
  // it has taken over, it must be shown and drawn at the screen's own pixel ratio.
  it.each([1, 2])(
    'once MapLibre has taken over, it is shown and drawn at the pixel ratio of a %ix screen',
    async (dpr) => {
      const viewport = { width: 390, height: 844 };
      const context = await browser().newContext({ viewport, deviceScaleFactor: dpr });
      const { page } = await openPage(context, '/', viewport);
      await waitForColoredMap(page);
      await takeOverWithMapLibre(page);
      const canvas = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('.maplibre-map canvas')!;
        return { width: c.width, css: c.clientWidth, visibility: getComputedStyle(c).visibility };
      });
      // The phone's map, beside its key (issue 20): about half the screen's width.
      expect(canvas.css).toBeGreaterThan(180);
      expect(Math.abs(canvas.width - canvas.css * dpr)).toBeLessThanOrEqual(1);
      expect(canvas.visibility).toBe('visible');
      await context.close();
    },
  );

  // MapLibre's first full frame is drawn while its canvas is hidden and shown once the GPU is
  // done with it, without a redraw (regionMap.ts, whenDrawn): what is shown must be that frame,
  // coloured, and the map never says MapLibre shows while its canvas is still hidden.
  it('the first MapLibre frame shown is the coloured one, drawn while hidden', async () => {
    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(() => {
      const w = { draws: 0, hidden: false, atReveal: -1, visibleAtTakeOver: '' };
      (window as unknown as { __firstFrame: typeof w }).__firstFrame = w;
      const P = WebGL2RenderingContext.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
      for (const k of ['drawElements', 'drawArrays', 'clear']) {
        const f = P[k]!;
        P[k] = function (this: unknown, ...a: unknown[]) {
          w.draws++;
          return f.apply(this, a);
        };
      }
      new MutationObserver(() => {
        const frame = document.querySelector<HTMLElement>('[data-testid="map"]');
        const canvas = frame?.querySelector<HTMLCanvasElement>('.maplibre-map canvas');
        if (!frame || !canvas) return;
        if (canvas.style.visibility === 'hidden') w.hidden = true;
        else if (w.hidden && w.atReveal < 0) w.atReveal = w.draws;
        if (frame.dataset.renderer === 'maplibre' && !w.visibleAtTakeOver)
          w.visibleAtTakeOver = getComputedStyle(canvas).visibility;
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const { page, problems } = await openPage(context, '/?year=2023');
    await waitForColoredMap(page);
    await takeOverWithMapLibre(page);
    await expect2023Pixels(page);
    const w = await page.evaluate(
      () => (window as unknown as { __firstFrame: Record<string, unknown> }).__firstFrame,
    );
    expect(w.hidden).toBe(true);
    expect(w.visibleAtTakeOver).toBe('visible');
    // Frames were drawn before the reveal, none after it: the pixels are the frame drawn hidden.
    expect(w.atReveal).toBeGreaterThan(0);
    expect(w.draws).toBe(w.atReveal);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it.each(['map', 'table', 'changes', 'compare'])(
    '%s view has no horizontal scrolling at 360 px',
    async (view) => {
      const { page } = await openPage(browser(), `/?view=${view}&region=SE-H&compare=SE-I,SE-AB`, {
        width: 360,
        height: 740,
      });
      await page.waitForSelector('[data-testid="panel"]');
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await page.close();
    },
  );
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it.each([
    ['map view', '/', { width: 1440, height: 900 }],
    ['share map on a phone', '/?metric=share', { width: 360, height: 740 }],
    ['panel', '/?region=SE-I', { width: 1440, height: 900 }],
    ['table', '/?view=table&metric=gap&region=SE-K', { width: 1440, height: 900 }],
    ['changes', '/?view=changes&from=2023&to=2024&region=SE-H', { width: 1440, height: 900 }],
    ['compare', '/?view=compare&compare=SE-I,SE-AB,SE-K&lang=en', { width: 1440, height: 900 }],
    ['region sheet on a phone', '/?region=SE-AB', { width: 390, height: 844 }],
    ['table cards on a phone', '/?view=table&metric=gap', { width: 390, height: 844 }],
    ['compare blocks on a phone', '/?view=compare&compare=SE-I,SE-AB,SE-K', { width: 390, height: 844 }],
    ['embed', '/?embed=1&lang=en', { width: 600, height: 640 }],
  ])('%s has no violations', async (_name, path, viewport) => {
    const { page } = await openPage(browser(), path, viewport);
    await page.waitForSelector('[data-testid="summary"], .summary');
    if (path === '/' || path.includes('metric=share') || path.includes('embed'))
      await waitForColoredMap(page);
    await page.waitForTimeout(400);
    expect(await axe(page)).toEqual([]);
    await page.close();
  });

  it('the "Bädda in" dialog, open, has no violations', async () => {
    const { page } = await openPage(browser(), '/?metric=share');
    await waitForColoredMap(page);
    await page.click('[data-testid="embed-button"]');
    await page.waitForSelector('[data-testid="embed-dialog"][open]');
    expect(await axe(page, '[data-testid="embed-dialog"]')).toEqual([]);
    await page.close();
  });
});
