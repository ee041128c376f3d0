/**
 * Beyond the reports: the what-if guideline, changes between surveys with a word diff, compare,
 * SVG, PNG and CSV export, embed mode, the printed overview and region report, and "changed since your
 * last visit".
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BASE, openPage, useBrowser, regionState, waitForColoredMap } from './browser';
import { readDataset } from '../../src/data/validate';
import { fsReader } from '../../src/cli/fsReader';
import { classify } from '../../src/domain/classify';
import { IMAGE_WIDTH } from '../../src/map/exportMap';
import type { Dataset } from '../../src/data/schema';

const browser = useBrowser();
const d: Dataset = await readDataset(fsReader('public/data'));

/**
 * Reads Swedish-formatted figures such as "1 073", "+155 %", "11 färre" (−11) and
 * "ingen ökning (−11 %)" (−11).
 */
const num = (s: string | null) => {
  const t = s ?? '';
  const sign = /färre/.test(t) ? -1 : 1;
  const digits = t.replace(/^ingen ökning \((.*)\)$/, '$1').replace(/färre|[\s\u00a0\u202f%+]/g, '');
  return sign * Number(digits.replace('−', '-'));
};

describe('what-if guideline', () => {
  it('reproduces the report at 1 100 and follows the formula at 1 500', async () => {
    const { page, problems } = await openPage(browser(), '/?metric=gap&view=table');
    const row = (code: string) => page.locator(`[data-testid="data-table"] tr[data-code="${code}"]`);
    const cell = async (code: string, col: string) => {
      const heads = await page
        .locator('[data-testid="data-table"] thead button.sort')
        .evaluateAll((bs) => bs.map((b) => b.getAttribute('data-col')));
      return row(code).locator('th, td').nth(heads.indexOf(col)).textContent();
    };
    await expect.poll(() => page.locator('[data-testid="data-table"] tbody tr').count()).toBe(21);
    for (const r of d.doctorGap.rows.filter((x) => x.status === 'reported')) {
      expect(num(await cell(r.region, 'needed'))).toBe(r.doctorsNeeded);
      expect(num(await cell(r.region, 'increase'))).toBe(r.increaseNeededPct);
    }
    expect(await page.locator('[data-testid="summary"]').textContent()).toMatch(/4\s454/);

    await page.fill('[data-testid="whatif"] input[type="number"]', '1500');
    await page.press('[data-testid="whatif"] input[type="number"]', 'Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('target')).toBe('1500');
    for (const code of ['SE-AB', 'SE-K', 'SE-Z', 'SE-O', 'SE-BD']) {
      const r = d.doctorGap.rows.find((x) => x.region === code)!;
      const needed = r.population / 1500 - r.population / r.inhabitantsPerDoctor!;
      expect(num(await cell(code, 'needed'))).toBe(Math.round(needed));
      expect(num(await cell(code, 'increase'))).toBe(Math.round((r.inhabitantsPerDoctor! / 1500 - 1) * 100));
    }
    expect(await cell('SE-I', 'needed')).toBe('Ej redovisat');
    const nat = d.doctorGap.national;
    const natNeeded = Math.round(nat.population / 1500 - nat.population / nat.inhabitantsPerDoctor!);
    expect(
      num(
        (await page.locator('[data-testid="summary"]').textContent())!.match(
          /behöva ([\d\s\u00a0]+) fler/,
        )![1]!,
      ),
    ).toBe(natNeeded);

    // The map restyles to the what-if classes.
    await page.click('[data-testid="view"] input[value="map"]');
    await waitForColoredMap(page);
    const c = classify(d, 'gap', null, 1500);
    for (const code of ['SE-AB', 'SE-Z', 'SE-I'] as const)
      expect((await regionState(page, code)).color).toBe(c.byRegion[code].color);
    // The slider moves in steps of 50 and is keyboard-operable.
    await page.focus('[data-testid="whatif"] input[type="range"]');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => new URL(page.url()).searchParams.get('target')).toBe('1550');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('rejects a typed value outside 800–2 000 with a message and keeps the view', async () => {
    const { page } = await openPage(browser(), '/?metric=gap&target=1200');
    await page.fill('[data-testid="whatif"] input[type="number"]', '5000');
    await page.press('[data-testid="whatif"] input[type="number"]', 'Enter');
    await expect.poll(() => page.locator('#whatif-help').textContent()).toContain('800');
    expect(new URL(page.url()).searchParams.get('target')).toBe('1200');
    await page.close();
  });
});

describe('what changed', () => {
  it('shows Kalmar 2023 → 2024: NEJ, 1 750 → JA, the target change, and a word diff', async () => {
    const { page, problems } = await openPage(browser(), '/?view=changes&from=2023&to=2024&region=SE-H');
    const status = page.locator('[data-testid="status-change"]');
    await expect.poll(() => status.textContent()).toMatch(/NEJ, 1\u00a0750\s*→?\s*.*JA/);
    const diff = page.locator('[data-testid="region-diff"]');
    expect(await diff.textContent()).toMatch(/Mål: 1\s750 → 1\s100/);
    expect(await diff.locator('.side[data-side="left"] h4').textContent()).toContain('Tidigare svar');
    expect(await diff.locator('ins').count()).toBeGreaterThan(0);
    expect(await diff.locator('del').count()).toBeGreaterThan(0);
    // Words common to both answers are not marked.
    // (The data keeps a no-break space in every grouped number, issue 20.)
    expect(await diff.locator('.side[data-side="right"]').textContent()).toContain('1\u00a0100');
    const up = await page.locator('[data-testid="moves-up"] li').allTextContents();
    expect(up.some((t) => t.includes('Kalmar'))).toBe(true);
    expect(up.some((t) => t.includes('Stockholm'))).toBe(true);
    expect(await page.locator('[data-testid="moves-down"]').count()).toBe(0);
    // Changing the years goes into the URL.
    await page.selectOption('[data-testid="to"]', '2025');
    // The address bar follows the view once the frame is painted.
    await expect.poll(() => new URL(page.url()).searchParams.has('to')).toBe(false); // 2025 is the latest: the default
    await page.selectOption('[data-testid="from"]', '2022');
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe('2022');
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});

describe('compare regions', () => {
  it('opens from a URL and adds a region from the picker', async () => {
    const { page } = await openPage(browser(), '/?view=compare&compare=SE-I,SE-AB');
    const table = page.locator('[data-testid="compare-table"]');
    await expect.poll(() => table.locator('thead th').allTextContents()).toEqual(['Gotland', 'Stockholm']);
    // The plan and goal year of the survey on the map, in the table's and the panel's words
    // (issue 20: was the latest stated goal year, "2027 (2025)", and no plan row).
    const row = (label: string) =>
      table
        .locator('tbody tr', { has: page.locator('th', { hasText: label }) })
        .locator('td')
        .allTextContents();
    expect(await row('Målår i planen 2025')).toEqual(['2027', '2030']);
    expect(await row('Handlingsplan 2025')).toEqual(['Politiskt beslutad', 'Politiskt beslutad']);
    await page.check('.compare-options input[data-code="SE-K"]');
    await expect.poll(() => new URL(page.url()).searchParams.get('compare')).toBe('SE-I,SE-AB,SE-K');
    expect(await table.locator('thead th').count()).toBe(3);
    await page.close();
  });
});

describe('export', () => {
  /** The share map's image download in `format`, from a fresh page: its file name and bytes. */
  async function downloadImage(format: 'svg' | 'png') {
    const context = await browser().newContext({
      acceptDownloads: true,
      viewport: { width: 1440, height: 900 },
    });
    const { page, problems } = await openPage(context, '/?metric=share');
    await waitForColoredMap(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`[data-testid="download-${format}"]`),
    ]);
    const bytes = readFileSync((await download.path())!);
    return { context, page, problems, name: download.suggestedFilename(), bytes };
  }

  it('downloads the map as SVG: title, legend, source and the 21 regions in their classes', async () => {
    const { context, page, problems, name, bytes } = await downloadImage('svg');
    expect(name).toBe('fast-lakarkontakt-share-2023-12-31.svg');
    const svg = bytes.toString('utf8');
    // A standalone, well-formed document, parsed by the browser itself.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (doc.querySelector('parsererror')) return null;
      return {
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        // The region names, as the desktop map sets them, each inside the image.
        names: [...doc.querySelectorAll('text[data-label]')].map((t) => t.getAttribute('data-label')),
        fills: [...doc.querySelectorAll('svg svg path[fill^="#"]')].map((p) => p.getAttribute('fill')),
      };
    }, svg);
    expect(parsed).not.toBeNull();
    const texts = parsed!.texts.join(' ');
    expect(texts).toContain('Andel invånare med fast namngiven läkarkontakt');
    expect(texts).toContain('FÖRKLARING');
    expect(texts).toMatch(/Källa: .*Natural Earth/);
    // Laid out with the browser's own text widths, all 21 names fit (else none would be drawn).
    expect(parsed!.names).toHaveLength(21);
    expect(texts).toContain('Kronoberg');
    expect(texts).toContain('Jönköping');
    const c = classify(d, 'share', null, 1100);
    // The land, then each region's fill as the data says.
    expect(parsed!.fills.slice(1).sort()).toEqual(
      Object.values(c.byRegion)
        .map((r) => r.color)
        .sort(),
    );
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('downloads a PNG of the map with title, legend and source, at 2×', async () => {
    const { context, problems, name, bytes: png } = await downloadImage('png');
    expect(name).toBe('fast-lakarkontakt-share-2023-12-31.png');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBe(IMAGE_WIDTH * 2);
    expect(height).toBeGreaterThan(1200);
    expect(png.length).toBeGreaterThan(50_000);
    // Rasterised from the SVG: Västra Götaland's class colour where its label point is.
    const { PNG } = await import('pngjs');
    const img = PNG.sync.read(png);
    const colours = new Set<string>();
    for (let i = 0; i < img.data.length; i += 4 * 97)
      colours.add('#' + [0, 1, 2].map((k) => img.data[i + k]!.toString(16).padStart(2, '0')).join(''));
    const c = classify(d, 'share', null, 1100);
    expect(colours.has(c.byRegion['SE-O'].color.toLowerCase())).toBe(true);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('downloads the current view as CSV', async () => {
    const context = await browser().newContext({ acceptDownloads: true });
    const { page } = await openPage(context, '/?metric=gap&view=table&target=1500');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="download-view-csv"]'),
    ]);
    expect(download.suggestedFilename()).toBe('fast-lakarkontakt-gap-1500.csv');
    const lines = readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r\n/);
    expect(lines).toHaveLength(22);
    expect(lines[0]).toMatch(/^region_code,Region,/);
    const ab = lines.find((l) => l.startsWith('SE-AB,'))!;
    const r = d.doctorGap.rows.find((x) => x.region === 'SE-AB')!;
    expect(ab).toContain(`,${Math.round(r.population / 1500 - r.population / r.inhabitantsPerDoctor!)},`);
    await context.close();
  });

  it('publishes the tidy CSV at /data/dataset.csv', async () => {
    const res = await fetch(`${BASE}/data/dataset.csv`);
    const text = await res.text();
    expect(text.split('\r\n')[0]).toBe('region_code,region_name,indicator,period,value,status,note,source');
    expect(text).toContain('SE-K,Blekinge,named_gp_share_pct,2023-12-31,18,reported');
  });
});

describe('embed', () => {
  it('shows only the map, legend and summary, with a link back to the full view', async () => {
    const { page } = await openPage(browser(), '/?embed=1&metric=share&region=SE-I', {
      width: 640,
      height: 560,
    });
    await waitForColoredMap(page);
    expect(await page.locator('[data-testid="legend"]').count()).toBe(1);
    expect(await page.locator('.summary').textContent()).toContain('10 av de 16');
    for (const sel of [
      '[data-testid="panel"]',
      '.controls',
      '.masthead',
      '[data-testid="region-list"]',
      '[data-testid="downloads"]',
    ])
      expect(await page.locator(sel).count()).toBe(0);
    const href = await page.locator('.embed-link a').getAttribute('href');
    expect(href).toContain('metric=share');
    expect(href).not.toContain('embed');
    await page.close();
  });
});

describe('print', () => {
  const shownIn = (page: import('playwright-core').Page) => async (sel: string) =>
    page
      .locator(sel)
      .first()
      .evaluate((el) => getComputedStyle(el).display !== 'none' && el.getBoundingClientRect().height > 0);

  it('renders a clean A4 region report, with the map and its legend', async () => {
    const { page } = await openPage(browser(), '/?region=SE-I');
    await page.waitForSelector('[data-testid="panel"] [data-testid="chart"] canvas');
    await page.waitForTimeout(500);
    await page.emulateMedia({ media: 'print' });
    const shown = shownIn(page);
    expect(await shown('[data-testid="panel"]')).toBe(true);
    expect(await shown('[data-testid="panel"] article[data-year="2024"]')).toBe(true);
    expect(await shown('[data-testid="panel"] [data-testid="chart"]')).toBe(true);
    expect(await shown('[data-testid="map"] svg')).toBe(true);
    expect(await shown('[data-testid="legend"]')).toBe(true);
    expect(await shown('.site-footer')).toBe(true);
    for (const sel of ['.controls', '.region-list', '.close', '[data-testid="downloads"]'])
      expect(await shown(sel)).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    expect(pdf.length).toBeGreaterThan(30_000);
    // No blank pages: the phone sheet's room below the page (A4 is a narrow screen to the CSS)
    // and a long quote kept whole once pushed the sources onto a seventh page of their own.
    const pages = pdfText(pdf)
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeLessThanOrEqual(5);
    expect(pages.at(-1)).toMatch(/Beslut om riktvärdet/);
    await page.close();
  });

  it('ends a printed region report with a source beside its citation, never the citation alone', async () => {
    const { page } = await openPage(browser(), '/?region=SE-AB&lang=en');
    await page.waitForSelector('[data-testid="panel"] [data-testid="chart"]');
    await waitForColoredMap(page);
    await page.emulateMedia({ media: 'print' });
    const pages = pdfText(await page.pdf({ format: 'A4' }))
      .split('\f')
      .filter((p) => p.trim());
    const last = pages.at(-1)!;
    expect(last).toMatch(/Printed from:/);
    expect(last).toMatch(/Medicin|Medical Association:/);
    await page.close();
  });

  it('prints the overview with the whole map of Sweden, its legend and the summary', async () => {
    const { page } = await openPage(browser(), '/?metric=share');
    await waitForColoredMap(page);
    await page.emulateMedia({ media: 'print' });
    const shown = shownIn(page);
    for (const sel of ['[data-testid="summary"]', '[data-testid="map"] svg', '[data-testid="legend"]'])
      expect([sel, await shown(sel)]).toEqual([sel, true]);
    // All of Sweden inside the printed map's box: its regions' outer extent within the frame.
    const inside = await page.evaluate(() => {
      const frame = document.querySelector('[data-testid="map"]')!.getBoundingClientRect();
      const boxes = [...document.querySelectorAll('[data-testid="map"] path.region')].map((p) =>
        p.getBoundingClientRect(),
      );
      const top = Math.min(...boxes.map((b) => b.top));
      const bottom = Math.max(...boxes.map((b) => b.bottom));
      const left = Math.min(...boxes.map((b) => b.left));
      const right = Math.max(...boxes.map((b) => b.right));
      return top >= frame.top && bottom <= frame.bottom && left >= frame.left && right <= frame.right;
    });
    expect(inside).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  });
});

/** The text of a PDF as poppler's pdftotext reads it (what a reader can find on the paper). */
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString();

describe('print on A4', () => {
  const years = d.surveys.map((s) => s.year);
  /** True when the element is laid out and drawn (not display:none, not hidden, has a size). */
  const visible = (page: import('playwright-core').Page, sel: string) =>
    page.evaluate(
      (s) =>
        [...document.querySelectorAll(s)].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
        }).length,
      sel,
    );

  it.each([
    ['1440 px', { width: 1440, height: 900 }],
    ['390 px (a phone)', { width: 390, height: 844 }],
  ])(
    'prints the overview from a %s screen: summary, map, legend, every survey year and the sources',
    async (_w, viewport) => {
      const { page, problems } = await openPage(browser(), '/', viewport);
      await waitForColoredMap(page);
      await page.emulateMedia({ media: 'print' });
      expect(await visible(page, '[data-testid="summary"]')).toBe(1);
      expect(await visible(page, '[data-testid="map"] svg path.region')).toBe(21);
      expect(await visible(page, '[data-testid="legend"]')).toBe(1);
      // The national chart, drawn for paper even where a phone never scrolled to it.
      const ticks = page.locator('[data-testid="overview"] [data-testid="print-chart"] svg text.tick');
      await expect.poll(() => ticks.count()).toBeGreaterThan(0);
      const labels = await ticks.allTextContents();
      for (const y of years) expect(labels.some((l) => l.startsWith(String(y)))).toBe(true);
      expect(await visible(page, '[data-testid="overview"] [data-testid="print-chart"] svg')).toBe(1);
      // No controls on paper.
      for (const sel of [
        '.controls',
        '[data-testid="downloads"]',
        '[data-testid="map"] .zoom button',
        '.link-button',
        '.site-footer a[download]',
      ])
        expect([sel, await visible(page, sel)]).toEqual([sel, 0]);
      const text = pdfText(await page.pdf({ format: 'A4' }));
      const pages = text.split('\f').filter((p) => p.trim()).length;
      expect(pages).toBeLessThanOrEqual(2);
      // The chart's year axis, whole, and the sources with the address of the view printed.
      const axis = text.split('\n').find((l) => years.every((y) => l.includes(String(y))));
      expect(axis).toBeDefined();
      expect(text).toContain('Källor');
      for (const s of d.context.sources) expect(text.replace(/\s+/g, ' ')).toContain(s.title.slice(0, 30));
      expect(text).toMatch(/Utskrivet från: http:\/\/\S+\//);
      expect(problems.errors).toEqual([]);
      await page.close();
    },
  );

  it('prints a region report’s charts at the page’s width, with readable axes', async () => {
    const { page, problems } = await openPage(browser(), '/?region=SE-AB');
    await page.waitForSelector('[data-testid="panel"] [data-testid="chart"]');
    await page.emulateMedia({ media: 'print' });
    // The media change reaches the page as an event: drawn for paper once it has.
    const printCharts = page.locator('[data-testid="panel"] [data-testid="print-chart"] svg');
    await expect.poll(() => printCharts.count()).toBe(3);
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="panel"] [data-testid="print-chart"] svg')].map((svg) => {
        const r = svg.getBoundingClientRect();
        const scale = r.width / (svg as SVGSVGElement).viewBox.baseVal.width;
        const tick = svg.querySelector('text.tick')!;
        return {
          width: r.width,
          height: r.height,
          // The axis labels' size as printed, in points (1 CSS px = 0.75 pt).
          tickPt: parseFloat(getComputedStyle(tick).fontSize) * scale * 0.75,
          ticks: [...svg.querySelectorAll('text.tick')].map((t) => t.textContent),
        };
      }),
    );
    // The decision class per survey, the share and the doctors per inhabitant.
    expect(charts).toHaveLength(3);
    for (const c of charts) {
      expect(c.width).toBeGreaterThanOrEqual(600);
      expect(c.height).toBeGreaterThanOrEqual(200);
      expect(c.tickPt).toBeGreaterThanOrEqual(8);
    }
    expect(charts[0]!.ticks).toEqual(expect.arrayContaining(years.map(String)));
    expect(await visible(page, '[data-testid="panel"] canvas')).toBe(0);
    const text = pdfText(await page.pdf({ format: 'A4' }));
    // Every class on the decision chart's axis, the longest whole.
    expect(text).toContain('Beslut och politiskt beslutad plan med målår');
    expect(text).toMatch(/Västra Götaland\s+95\s%/);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});

describe('changed since your last visit', () => {
  it('tells a returning reader which regions changed', async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    const { page } = await openPage(context, '/');
    await waitForColoredMap(page);
    expect(await page.locator('[data-testid="visit-notice"]').count()).toBe(0);
    // Pretend the last visit saw an older version in which Gotland's figures differed.
    await page.evaluate(async () => {
      const db: IDBDatabase = await new Promise((res) => {
        const r = indexedDB.open('fast-lakarkontakt');
        r.onsuccess = () => res(r.result);
      });
      const tx = db.transaction('entries', 'readwrite');
      const store = tx.objectStore('entries');
      const entry: { version: string; value: { version: string; fingerprints: Record<string, string> } } =
        await new Promise((res) => {
          const r = store.get('last-visit');
          r.onsuccess = () => res(r.result);
        });
      entry.version = entry.value.version = 'oldversion';
      entry.value.fingerprints['SE-I'] = '00000000';
      store.put(entry);
      // And an older dataset version, so this visit is an update.
      const ds: { version: string } = await new Promise((res) => {
        const r = store.get('dataset');
        r.onsuccess = () => res(r.result);
      });
      ds.version = 'oldversion';
      store.put(ds);
      await new Promise((r) => (tx.oncomplete = r));
    });
    await page.reload();
    const notice = page.locator('[data-testid="visit-notice"]');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.locator('li').allTextContents()).toEqual(['Gotland']);
    await notice.getByRole('button', { name: 'Stäng meddelandet' }).click();
    expect(await notice.count()).toBe(0);
    await context.close();
  });
});
