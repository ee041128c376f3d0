/**
 * The shipped host configuration (deploy/nginx.conf), as the browser suite is served by it: the
 * headers of every kind of file the build ships, the 404 page, precompressed files, and the app
 * whole under a sub-path (/fast-lakarkontakt/), service worker included.
 */
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, openPage, useBrowser, waitForColoredMap } from './browser';
import { variantBuild } from './builds';
import { startNginx } from '../nginx.mjs';
import { CSP } from '../../src/build/cspPlugin';

const browser = useBrowser();

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SECURITY = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'access-control-allow-origin': '*',
};

/** A hashed name in dist/assets matching `pattern`. */
function asset(dir: string, pattern: RegExp): string {
  const name = readdirSync(join(dir, 'assets')).find((f) => pattern.test(f));
  if (!name) throw new Error(`no ${pattern} in ${dir}/assets`);
  return `assets/${name}`;
}

interface Expected {
  type: string;
  cache: string;
  /** Served gzipped from the build's own .gz copy. */
  gzip: boolean;
}

/** Every kind of file the build ships, by path under the base. */
function kinds(dir: string): Array<[string, Expected]> {
  const workbox = readdirSync(dir).find((f) => /^workbox-.*\.js$/.test(f))!;
  return [
    ['', { type: 'text/html; charset=utf-8', cache: 'no-cache', gzip: true }],
    ['index.html', { type: 'text/html; charset=utf-8', cache: 'no-cache', gzip: true }],
    [asset(dir, /^index-.*\.js$/), { type: 'text/javascript; charset=utf-8', cache: IMMUTABLE, gzip: true }],
    [asset(dir, /^style-.*\.css$/), { type: 'text/css; charset=utf-8', cache: IMMUTABLE, gzip: true }],
    [
      asset(dir, /^maplibre-gl-worker-.*\.mjs$/),
      { type: 'text/javascript; charset=utf-8', cache: IMMUTABLE, gzip: true },
    ],
    ['sw.js', { type: 'text/javascript; charset=utf-8', cache: 'no-cache', gzip: true }],
    [workbox, { type: 'text/javascript; charset=utf-8', cache: 'no-cache', gzip: true }],
    ['data/manifest.json', { type: 'application/json; charset=utf-8', cache: 'no-cache', gzip: true }],
    ['data/surveys/2024.json', { type: 'application/json; charset=utf-8', cache: 'no-cache', gzip: true }],
    ['data/dataset.csv', { type: 'text/csv; charset=utf-8', cache: 'no-cache', gzip: true }],
    [
      'geo/tiles/regions/5/17/9.pbf',
      { type: 'application/x-protobuf', cache: 'public, max-age=86400', gzip: true },
    ],
    ['favicon.svg', { type: 'image/svg+xml; charset=utf-8', cache: 'no-cache', gzip: true }],
    ['robots.txt', { type: 'text/plain; charset=utf-8', cache: 'no-cache', gzip: false }],
  ];
}

/** Requests `url` as a browser would (gzip accepted) and checks its headers against `e`. */
async function expectServed(url: string, file: string, e: Expected) {
  const res = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
  const h = Object.fromEntries(res.headers);
  expect({ url, status: res.status, type: h['content-type'], cache: h['cache-control'] }).toEqual({
    url,
    status: 200,
    type: e.type,
    cache: e.cache,
  });
  expect(h).toMatchObject(SECURITY);
  expect(h['content-security-policy']).toBe(`${CSP}; frame-ancestors 'self'`);
  expect(h['permissions-policy']).toMatch(/camera=\(\)/);
  if (e.gzip) {
    // The build's own copy, byte for byte: nginx's gzip_static, not compression on the fly.
    expect([url, h['content-encoding'], h['vary']]).toEqual([url, 'gzip', 'Accept-Encoding']);
    expect(Number(h['content-length'])).toBe(statSync(`${file}.gz`).size);
  } else expect([url, h['content-encoding']]).toEqual([url, undefined]);
  await res.arrayBuffer();
}

describe('at the root (the suite’s own server)', () => {
  it.each(kinds('dist'))('/%s: type, cache rule, security headers, gzip', async (path, e) => {
    await expectServed(`${BASE}/${path}`, join('dist', path || 'index.html'), e);
  });

  it('a missing file is a 404 with the 404 page (never index.html), not cached', async () => {
    for (const path of ['/no/such/page', '/assets/index-gone.js', '/assets/maplibre-gl-worker.mjs.map']) {
      const res = await fetch(BASE + path);
      const body = await res.text();
      expect([path, res.status, res.headers.get('cache-control')]).toEqual([path, 404, 'no-cache']);
      expect(body).toContain('Sidan finns inte');
      expect(body).not.toContain('id="app"');
      expect(res.headers.get('content-security-policy')).toContain('frame-ancestors');
    }
  });

  it('the policy is the meta tag’s plus frame-ancestors: the embed may be framed, the dashboard not', async () => {
    const html = await (await fetch(BASE + '/')).text();
    const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    expect(meta?.replace(/&#39;/g, "'")).toBe(CSP);
    const policy = async (path: string) => (await fetch(BASE + path)).headers.get('content-security-policy');
    expect(await policy('/')).toBe(`${CSP}; frame-ancestors 'self'`);
    expect(await policy('/?embed=1&metric=share')).toBe(`${CSP}; frame-ancestors *`);
  });

  it('no shipped script points at a source map the build does not ship', () => {
    // MapLibre's worker is copied as it is published, naming maplibre-gl-worker.mjs.map.
    const dangling: string[] = [];
    for (const f of readdirSync('dist/assets').filter((n) => /\.(m?js|css)$/.test(n))) {
      const ref = /[#@] sourceMappingURL=(\S+)/.exec(readFileSync(`dist/assets/${f}`, 'utf8'))?.[1];
      if (ref && !ref.startsWith('data:') && !readdirSync('dist/assets').includes(ref))
        dangling.push(`${f} → ${ref}`);
    }
    expect(dangling).toEqual([]);
  });
});

describe('under a sub-path', () => {
  const SUB = '/fast-lakarkontakt/';
  let site: Awaited<ReturnType<typeof startNginx>>;
  let www: string;
  let build: string;

  beforeAll(async () => {
    build = await variantBuild('sub', { base: SUB });
    // The web root as a deployer lays it out: the build at root + base. A web manifest, which
    // the app does not ship, to check the type and cache rule the configuration has for one.
    www = mkdtempSync(join(tmpdir(), 'flk-www-'));
    // Readable by nginx's workers, which run as another user when the master is root.
    chmodSync(www, 0o755);
    symlinkSync(build, join(www, 'fast-lakarkontakt'));
    writeFileSync(join(build, 'manifest.webmanifest'), '{"name":"test"}');
    site = await startNginx({ root: www, base: SUB });
  }, 120_000);

  afterAll(async () => {
    await site?.stop();
    rmSync(www, { recursive: true, force: true });
  });

  it('serves every kind of file with the same rules', async () => {
    for (const [path, e] of kinds(build))
      await expectServed(`${site.origin}${SUB}${path}`, join(build, path || 'index.html'), e);
    await expectServed(`${site.origin}${SUB}manifest.webmanifest`, '', {
      type: 'application/manifest+json; charset=utf-8',
      cache: 'no-cache',
      gzip: false,
    });
    const missing = await fetch(`${site.origin}${SUB}nope`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(`href="${SUB}"`);
    // Nothing outside the base.
    expect((await fetch(`${site.origin}/index.html`)).status).toBe(404);
  });

  it('the app works there: coloured map, data, and a service worker scoped to the sub-path', async () => {
    const context = await browser().newContext();
    const { page, problems } = await openPage(context, `${site.origin}${SUB}?metric=share`);
    await waitForColoredMap(page);
    expect(await page.locator('[data-testid="summary"]').textContent()).toMatch(/\d+ av/);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${site.origin}${SUB}`);
    await page.reload();
    await waitForColoredMap(page);
    expect(await page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    expect(await page.locator('[data-testid="status-line"]').getAttribute('data-origin')).toBe('cache');
    // The CSV link of the footer and the no-JS text point under the base.
    const csv = await page.locator('footer a[href$="dataset.csv"]').first().getAttribute('href');
    expect(csv).toBe(`${SUB}data/dataset.csv`);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});
