/**
 * Production builds other than dist/ for the hosting and update tests: the app built under a
 * sub-path, and two versions of it, made with the project's own vite.config.ts and options on top.
 * Each is built once per dist/ (keyed on dist/sw.js, which lists every file's revision, and the
 * options) under node_modules/.cache, so the test files that share one do not build it twice.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { expect } from 'vitest';
import { classify } from '../../src/domain/classify';
import type { Dataset } from '../../src/data/schema';

const CACHE = resolve('node_modules/.cache/flk-e2e-builds');

export interface Variant {
  /** The base the app is built for (`/` or `/sub/path/`). */
  base: string;
  /** A label that goes into every chunk (so every hashed file name changes); none: unchanged code. */
  codeMark?: string;
  /** Edits to public/data, by path under data/: the file's JSON → the new JSON. */
  data?: Record<string, (json: unknown) => unknown>;
}

/** The key of a variant: dist/'s service worker (its precache revisions) and the options. */
function keyOf(name: string, v: Variant): string {
  const sw = existsSync('dist/sw.js') ? readFileSync('dist/sw.js') : '';
  const edits = Object.entries(v.data ?? {}).map(([f, fn]) => `${f}:${fn.toString()}`);
  return createHash('sha256')
    .update(sw)
    .update(JSON.stringify([name, v.base, v.codeMark ?? '', edits]))
    .digest('hex')
    .slice(0, 12);
}

/** Appends a comment naming the version to every chunk: new bytes, so new hashed names. */
function codeMarkPlugin(mark: string): Plugin {
  return {
    name: 'e2e-code-mark',
    renderChunk(code) {
      return `${code}\n/* build ${mark} */\n`;
    },
  };
}

/**
 * Builds (or finds already built) the variant `name`; resolves with its output directory, whose
 * files are to be served at `v.base`.
 */
export async function variantBuild(name: string, v: Variant): Promise<string> {
  const out = join(CACHE, `${name}-${keyOf(name, v)}`);
  if (existsSync(join(out, 'sw.js'))) return out;
  rmSync(out, { recursive: true, force: true });
  let publicDir = resolve('public');
  if (v.data) {
    publicDir = `${out}-public`;
    rmSync(publicDir, { recursive: true, force: true });
    cpSync('public', publicDir, { recursive: true });
    for (const [file, edit] of Object.entries(v.data)) {
      const path = join(publicDir, 'data', file);
      writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8'))), null, 2) + '\n');
    }
  }
  mkdirSync(CACHE, { recursive: true });
  await build({
    configFile: resolve('vite.config.ts'),
    base: v.base,
    publicDir,
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true },
    plugins: v.codeMark ? [codeMarkPlugin(v.codeMark)] : [],
  });
  return out;
}

/** The second version of the update tests: Blekinge's share, 18 % in the report, set to this. */
export const V2_SHARE = 96;

/** Version 2's one data change, on named-gp-share.json (or the dataset's namedGpShare). */
export function editShare(json: unknown): unknown {
  const f = json as { values: Array<{ region: string; value: number | null }> };
  f.values.find((x) => x.region === 'SE-K')!.value = V2_SHARE;
  return f;
}

/**
 * Version 2 of a deploy, for the update tests: every chunk's code changed (so every hashed name)
 * and one data value (editShare). Built once for all engines and test files.
 */
export function secondVersion(): Promise<string> {
  return variantBuild('v2', { base: '/', codeMark: 'v2', data: { 'named-gp-share.json': editShare } });
}

/** A build as the update tests tell versions apart. */
export interface Version {
  dir: string;
  /** data/manifest.json's version. */
  data: string;
  /** The main chunk's name: which code runs. */
  code: string;
  /** Blekinge's colour on the share map. */
  colour: string;
}

/** The main chunk's name (`index-….js`) in HTML that loads it: index.html, or its script element. */
export function mainChunk(html: string): string | undefined {
  return /assets\/(index-[^"]+\.js)/.exec(html)?.[1];
}

/** The data version the status line names ("… version abc123 …"). */
export function statusVersion(line: string | null | undefined): string | undefined {
  return /version (\w+)/.exec(line ?? '')?.[1];
}

/** The version of the build in `dir`, whose data are `d`. */
export function versionOf(dir: string, d: Dataset): Version {
  return {
    dir,
    data: JSON.parse(readFileSync(join(dir, 'data/manifest.json'), 'utf8')).version,
    code: mainChunk(readFileSync(join(dir, 'index.html'), 'utf8'))!,
    colour: classify(d, 'share', null, 1100).byRegion['SE-K'].color,
  };
}

/**
 * After the move to `v2`, the service worker's caches (`cached`: the paths they hold) hold one
 * version: version 2's main chunk, and no file of version 1's own.
 */
export function expectOneVersionCached(cached: string[], v1: Version, v2: Version): void {
  expect(cached).toContain(`/assets/${v2.code}`);
  const v2Assets = new Set(readdirSync(join(v2.dir, 'assets')));
  const v1Only = readdirSync(join(v1.dir, 'assets')).filter((f) => !v2Assets.has(f));
  expect(v1Only).toContain(v1.code);
  expect(cached.filter((u) => v1Only.includes(u.replace('/assets/', '')))).toEqual([]);
}
