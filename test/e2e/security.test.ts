/**
 * The production build's Content-Security-Policy holds through a full tour of the dashboard:
 * any `securitypolicyviolation` event, or a "Refused to …" console message, fails the test.
 */
import { expect, it } from 'vitest';
import { BASE, renderedRegions, takeOverWithMapLibre, useBrowser, waitForColoredMap } from './browser';
import { CSP } from '../../src/build/cspPlugin';

const browser = useBrowser();

it('ships a strict policy: no unsafe-inline, no unsafe-eval', async () => {
  const html = await (await fetch(BASE + '/')).text();
  const meta = html
    .match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1]
    ?.replace(/&#39;/g, "'");
  expect(meta).toBe(CSP);
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "connect-src 'self';",
    "object-src 'none'",
    "base-uri 'self'",
  ])
    expect(meta).toContain(directive);
  expect(meta).not.toMatch(/unsafe-(inline|eval)/);
  // No inline script or style in the shipped HTML.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|style="/);
});

it('reports no violation during a full tour of the dashboard', async () => {
  const context = await browser().newContext({
    acceptDownloads: true,
    viewport: { width: 1440, height: 900 },
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const page = await context.newPage();
  const refused: string[] = [];
  page.on('console', (m) => {
    if (/Refused to|Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(BASE + '/');
  await waitForColoredMap(page);

  for (const year of ['2022', '2023', '2024', '2025'])
    await page.click(`[data-testid="year"] input[value="${year}"]`);
  await page.hover('[data-testid="legend"] button[data-class="no"]');
  for (const metric of ['share', 'gap']) {
    await page.click(`[data-testid="metric"] input[value="${metric}"]`);
    await waitForColoredMap(page);
  }
  await page.fill('[data-testid="whatif"] input[type="number"]', '900');
  await page.press('[data-testid="whatif"] input[type="number"]', 'Enter');
  await page.click('[data-testid="metric"] input[value="decision"]');
  // Map hover (tooltip positioned with inline style properties), MapLibre brought in by it.
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.75);
  await page.waitForSelector('[data-testid="map"][data-renderer="maplibre"]');
  await page.click('[data-testid="region-list"] button[data-code="SE-I"]');
  await page.waitForSelector('[data-testid="panel"] [data-testid="chart"] canvas');
  await page.getByRole('button', { name: 'Visa hela svaret' }).first().click();
  await page.locator('.why summary').first().click();
  for (const format of ['svg', 'png']) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`[data-testid="download-${format}"]`),
    ]);
    expect(file.suggestedFilename()).toMatch(new RegExp(`\\.${format}$`));
  }
  for (const view of ['table', 'changes', 'compare', 'map'])
    await page.click(`[data-testid="view"] input[value="${view}"]`);
  await page.click('[data-testid="view"] input[value="table"]');
  await page.click('[data-testid="data-table"] thead button.sort >> nth=1');
  await page.click('.lang-switch');
  await page.goto(BASE + '/?embed=1&metric=share');
  await waitForColoredMap(page);
  await page.waitForTimeout(300);

  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(refused).toEqual([]);
  await context.close();
});

it('draws the map with the policy the host sends as a header on every response, its worker included', async () => {
  // deploy/nginx.conf sends it (hosting.test.ts checks the header): MapLibre's worker then runs
  // under the policy too, which a meta tag does not reach.
  const context = await browser().newContext({
    viewport: { width: 1440, height: 900 },
    serviceWorkers: 'block',
  });
  const withHeader: string[] = [];
  context.on('response', (r) => {
    if (r.headers()['content-security-policy']?.startsWith(CSP)) withHeader.push(new URL(r.url()).pathname);
  });
  const page = await context.newPage();
  const refused: string[] = [];
  const policy = /Refused to|Content Security Policy/i;
  page.on('console', (m) => {
    if (policy.test(m.text())) refused.push(m.text());
  });
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (policy.test(m.text())) refused.push(`worker: ${m.text()}`);
    }),
  );
  await page.goto(BASE + '/');
  await waitForColoredMap(page);
  await takeOverWithMapLibre(page);
  expect(withHeader).toContain('/');
  expect(withHeader.some((p) => /maplibre-gl-worker-.*\.mjs$/.test(p))).toBe(true);
  expect((await renderedRegions(page)).length).toBe(21);
  expect(refused).toEqual([]);
  await context.close();
});
