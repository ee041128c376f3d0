/**
 * Visual regression aid (not part of `npm test`): screenshots 12 views at 1440×900 and 390×844
 * (SIZES=1440x900 for one width; LANG_VIEWS=en for all in English) and prints the overview and a region report to PDF, from a
 * built app. Run it on two builds and compare with diff.mjs:
 *   node test/visual/shots.mjs dist /tmp/shots-a
 *   node test/visual/diff.mjs /tmp/shots-a /tmp/shots-b /tmp/shots-diff
 * The SVG map stays on screen (no pointer over the map), so screenshots are deterministic.
 */
import { chromium } from 'playwright-core';
import { serve } from '../server.mjs';
import fs from 'node:fs';
import { FLAGS, chromiumPath } from '../chromium.mjs';
const [dist, out] = process.argv.slice(2);
fs.mkdirSync(out, { recursive: true });
const srv = await serve(dist, 0);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...FLAGS, '--force-color-profile=srgb', '--font-render-hinting=none'],
});
const views = [
  ['home', '/'],
  ['share', '/?metric=share'],
  ['gap', '/?metric=gap'],
  ['y2023', '/?year=2023'],
  ['region', '/?region=SE-AB'],
  ['region-gap', '/?metric=gap&region=SE-H'],
  ['table', '/?view=table'],
  ['changes', '/?view=changes'],
  ['compare', '/?view=compare&compare=SE-AB,SE-Z,SE-G'],
  ['whatif', '/?metric=gap&target=1500'],
  ['en', '/?lang=en&region=SE-I'],
  ['embed', '/?embed=1'],
];
const sizes = process.env.SIZES ? process.env.SIZES.split(',') : ['1440x900', '390x844'];
// LANG_VIEWS=en: every view in English (names end in -en), for the closing look at both languages.
const lang = process.env.LANG_VIEWS === 'en' ? 'en' : null;
const shown = lang
  ? views.map(([name, path]) => [`${name}-en`, path + (path.includes('?') ? '&' : '?') + 'lang=en'])
  : views;
for (const size of sizes) {
  const [w, h] = size.split('x').map(Number);
  for (const [name, path] of shown) {
    const ctx = await browser.newContext({
      viewport: { width: w, height: h },
      serviceWorkers: 'block',
      reducedMotion: 'reduce',
    });
    const page = await ctx.newPage();
    const errs = [];
    page.on('pageerror', (e) => errs.push(e.message));
    await page.goto(srv.origin + path);
    await page
      .waitForSelector('[data-testid="map"][data-map-state="colored"]', { timeout: 20000 })
      .catch(() => errs.push('no colored map'));
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `${out}/${name}-${w}.png`, fullPage: true });
    if (w === 1440 && (name.startsWith('home') || name === 'region' || name === 'region-en')) {
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: `${out}/${name}-print.pdf`, format: 'A4', printBackground: true });
    }
    if (errs.length) console.log(name, size, errs);
    await ctx.close();
  }
}
await browser.close();
await srv.stop();
console.log('shots done', out);
