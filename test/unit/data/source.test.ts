import 'fake-indexeddb/auto';
import { IDBFactory as FakeIDBFactory } from 'fake-indexeddb';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { Cache } from '../../../src/data/cache';
import { cacheHint, readHinted } from '../../../src/data/cacheHint';
import {
  contentHash,
  DataSource,
  hashesMatch,
  type BuildData,
  type CachedFiles,
  KEYS,
  memoryReader,
  StaleFileError,
  type DatasetUpdate,
} from '../../../src/data/source';
import { DataError } from '../../../src/data/validate';
import type { ContentManifest } from '../../../src/data/manifest';
import type { Dataset } from '../../../src/data/schema';
import { contentManifest } from '../../../src/build/dataPlugin';
import { loadDataset, rawFiles } from '../helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the mutations poke at raw JSON on purpose */

const PUBLIC = fileURLToPath(new URL('../../../public/', import.meta.url));
const BASE = 'https://example.test/app/';

/** Every file the app fetches, by path relative to the site root, as served (exact bytes). */
let served: Map<string, string>;
let manifest: ContentManifest;
/** The real data files (relative to data/), parsed. */
let files: Record<string, unknown>;
/** The real data files' texts, as served (relative to data/): what the cache stores. */
let texts: Record<string, string>;
let dataset: Dataset;

beforeAll(async () => {
  manifest = await contentManifest(PUBLIC);
  files = Object.fromEntries(await rawFiles());
  dataset = await loadDataset();
  served = new Map([['data/manifest.json', JSON.stringify(manifest)]]);
  for (const rel of Object.keys(manifest.files)) served.set(rel, await readFile(PUBLIC + rel, 'utf8'));
  texts = Object.fromEntries(Object.keys(files).map((p) => [p, served.get(`data/${p}`)!]));
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const DATA_PATHS = () => Object.keys(files).map((p) => `data/${p}`);

interface Call {
  path: string;
  cache: RequestCache | undefined;
}

interface ServerOptions {
  /** Every request fails as a network error. */
  offline?: boolean;
  /** Replace a response: return text (200), a status number, 'offline', or undefined for the real file. */
  respond?: (path: string, nth: number) => string | number | 'offline' | undefined;
}

/** Stubs fetch with a server of the real public/ files under BASE, recording every request. */
function serve(opts: ServerOptions = {}) {
  const calls: Call[] = [];
  const counts = new Map<string, number>();
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (!url.startsWith(BASE)) return new Response('not here', { status: 404 });
    const path = url.slice(BASE.length);
    calls.push({ path, cache: init?.cache });
    if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const nth = (counts.get(path) ?? 0) + 1;
    counts.set(path, nth);
    const custom = opts.respond?.(path, nth);
    if (opts.offline || custom === 'offline') throw new TypeError('Failed to fetch');
    if (typeof custom === 'number') return new Response('error', { status: custom });
    const text = custom ?? served.get(path);
    if (text === undefined) return new Response('not found', { status: 404 });
    return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return {
    fetch,
    calls,
    paths: () => calls.map((c) => c.path),
    count: (path: string) => calls.filter((c) => c.path === path).length,
  };
}

let dbs = 0;
async function openCache(factory: IDBFactory = new FakeIDBFactory()): Promise<Cache> {
  const cache = await Cache.open({ name: `source-test-${++dbs}`, factory });
  expect(cache.mode).toBe('idb');
  return cache;
}

/** A deep copy of the real data files with one changed. */
function filesWith(file: string, mutate: (json: any) => void): Record<string, unknown> {
  const copy = structuredClone(files);
  mutate(copy[file]);
  return copy;
}

/** An older (valid) version of the data: one share differs from the real files. */
const OLD_VERSION = 'aaaaaaaaaaaa';
const oldFiles = () =>
  filesWith('named-gp-share.json', (j) => {
    j.values[0].value = j.values[0].value === 50 ? 51 : 50;
  });

/** A cache value holding these parsed files, each as a text (not the bytes served). */
function stored(f: Record<string, unknown>): CachedFiles {
  return { texts: Object.fromEntries(Object.entries(f).map(([p, j]) => [p, JSON.stringify(j)])) };
}

/** The data a build made from these texts would carry (`virtual:data-files`). */
async function buildOf(version: string, t: Record<string, string>): Promise<BuildData> {
  const hashes: Record<string, string> = {};
  for (const [p, text] of Object.entries(t)) hashes[`data/${p}`] = (await contentHash(text))!;
  return { version, hashes };
}

function recorder() {
  const updates: DatasetUpdate[] = [];
  const onUpdate = vi.fn((u: DatasetUpdate) => {
    updates.push(u);
  });
  return { updates, onUpdate };
}

describe('contentHash', () => {
  it('matches the build manifest hash of every real file', async () => {
    for (const [rel, hash] of Object.entries(manifest.files))
      expect(await contentHash(served.get(rel)!)).toBe(hash);
  });

  it('is the first 16 hex characters of the SHA-256 of the UTF-8 text', async () => {
    const text = 'Jämtland Härjedalen';
    const want = createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
    expect(await contentHash(text)).toBe(want);
    expect(await contentHash('')).toBe('e3b0c44298fc1c14');
  });

  it('is null without WebCrypto', async () => {
    vi.stubGlobal('crypto', undefined);
    expect(await contentHash('x')).toBeNull();
  });
});

describe('memoryReader and KEYS', () => {
  it('reads files by path and names a missing one in a DataError', async () => {
    const read = memoryReader({ 'a.json': { x: 1 } });
    expect(await read('a.json')).toEqual({ x: 1 });
    const e = await read('b.json').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).file).toBe('b.json');
  });

  it('has distinct cache keys', () => {
    const values = Object.values(KEYS);
    expect(new Set(values).size).toBe(values.length);
  });
});

describe('hashesMatch', () => {
  const expected = { 'data/a.json': 'aaaa', 'data/b.json': 'bbbb' };
  it('matches when every file has its listed hash', () => {
    expect(hashesMatch({ 'a.json': 'aaaa', 'b.json': 'bbbb' }, expected)).toBe(true);
    expect(hashesMatch({ 'a.json': 'aaaa' }, expected)).toBe(true);
  });
  it('fails on another hash, or on a file not listed', () => {
    expect(hashesMatch({ 'a.json': 'aaab' }, expected)).toBe(false);
    expect(hashesMatch({ 'a.json': 'aaaa', 'c.json': 'cccc' }, expected)).toBe(false);
  });
  it('lets a file pass whose hash could not be computed (no WebCrypto), as a fetched one does', () => {
    expect(hashesMatch({ 'a.json': null }, expected)).toBe(true);
    expect(hashesMatch({ 'c.json': null }, expected)).toBe(false);
  });
});

describe('DataSource.manifest', () => {
  it('fetches data/manifest.json past the HTTP cache, once per session', async () => {
    const server = serve();
    const source = new DataSource(BASE, await openCache());
    expect(await source.manifest()).toEqual(manifest);
    expect(await source.manifest()).toEqual(manifest);
    expect(server.calls).toEqual([{ path: 'data/manifest.json', cache: 'no-cache' }]);
  });

  it('is null when unreachable, and tried again on the next call', async () => {
    let offline = true;
    const server = serve({ respond: () => (offline ? 'offline' : undefined) });
    const source = new DataSource(BASE, await openCache());
    expect(await source.manifest()).toBeNull();
    offline = false;
    expect(await source.manifest()).toEqual(manifest);
    expect(server.count('data/manifest.json')).toBe(2);
  });

  it('is null when the manifest is malformed', async () => {
    serve({ respond: (p) => (p === 'data/manifest.json' ? JSON.stringify({ version: 'X' }) : undefined) });
    const source = new DataSource(BASE, await openCache());
    expect(await source.manifest()).toBeNull();
  });
});

describe('DataSource.dataset', () => {
  it('cold load: fetches, validates, stores, and calls onUpdate once from the network', async () => {
    const server = serve();
    const cache = await openCache();
    const source = new DataSource(BASE, cache);
    const { updates, onUpdate } = recorder();

    await expect(source.dataset(onUpdate)).resolves.toEqual({ online: true });

    expect(onUpdate).toHaveBeenCalledTimes(1);
    expect(updates[0]!.origin).toBe('network');
    expect(updates[0]!.version).toBe(manifest.version);
    expect(updates[0]!.dataset).toEqual(dataset);

    // The manifest past the HTTP cache, and every data file once, from the HTTP cache.
    expect(server.calls[0]).toEqual({ path: 'data/manifest.json', cache: 'no-cache' });
    expect(server.paths().slice(1).sort()).toEqual(DATA_PATHS().sort());
    for (const c of server.calls.slice(1)) expect(c.cache).toBe('default');

    const entry = await cache.get<CachedFiles>(KEYS.dataset);
    expect(entry?.version).toBe(manifest.version);
    expect(entry?.value).toEqual({ texts });
  });

  it('warm load, same version: onUpdate once from the cache, and only the manifest is fetched', async () => {
    const factory = new FakeIDBFactory();
    serve();
    const first = await openCache(factory);
    await new DataSource(BASE, first).dataset(() => undefined);
    first.close();

    // A new session, over the same database.
    const server = serve();
    const cache = await Cache.open({ name: `source-test-${dbs}`, factory });
    const { updates, onUpdate } = recorder();
    await expect(new DataSource(BASE, cache).dataset(onUpdate)).resolves.toEqual({ online: true });

    expect(onUpdate).toHaveBeenCalledTimes(1);
    expect(updates[0]).toMatchObject({ origin: 'cache', version: manifest.version });
    expect(updates[0]!.dataset).toEqual(dataset);
    expect(server.calls).toEqual([{ path: 'data/manifest.json', cache: 'no-cache' }]);
  });

  it('warm load, new version: onUpdate from the cache, then the whole new dataset from the network', async () => {
    const server = serve();
    const cache = await openCache();
    const old = oldFiles();
    await cache.put(KEYS.dataset, OLD_VERSION, stored(old));
    const { updates, onUpdate } = recorder();

    await expect(new DataSource(BASE, cache).dataset(onUpdate)).resolves.toEqual({ online: true });

    expect(updates.map((u) => [u.origin, u.version])).toEqual([
      ['cache', OLD_VERSION],
      ['network', manifest.version],
    ]);
    const oldShare = (old['named-gp-share.json'] as any).values[0].value;
    // The first update is the old data, whole and untouched by the refresh.
    expect(updates[0]!.dataset.namedGpShare.values[0]!.value).toBe(oldShare);
    // The second is the new data, whole: never a mix.
    expect(updates[1]!.dataset).toEqual(dataset);
    expect(updates[1]!.dataset.namedGpShare.values[0]!.value).not.toBe(oldShare);
    expect(updates[1]!.dataset).not.toBe(updates[0]!.dataset);
    expect(server.paths().slice(1).sort()).toEqual(DATA_PATHS().sort());

    const entry = await cache.get<CachedFiles>(KEYS.dataset);
    expect(entry?.version).toBe(manifest.version);
    expect(entry?.value).toEqual({ texts });
  });

  describe('with the data version the app was built with', () => {
    it('a cached copy of another build is not shown: the build’s data come from the network', async () => {
      const server = serve();
      const cache = await openCache();
      await cache.put(KEYS.dataset, OLD_VERSION, stored(oldFiles()));
      const { updates, onUpdate } = recorder();
      const source = new DataSource(BASE, cache, {}, new Map(), await buildOf(manifest.version, texts));
      await expect(source.dataset(onUpdate)).resolves.toEqual({ online: true });
      expect(updates.map((u) => [u.origin, u.version])).toEqual([['network', manifest.version]]);
      expect(server.paths().slice(1).sort()).toEqual(DATA_PATHS().sort());
    });

    it('a server with a newer version: the cached copy of this build stays, nothing else is fetched', async () => {
      const server = serve();
      const cache = await openCache();
      const old = stored(oldFiles());
      await cache.put(KEYS.dataset, OLD_VERSION, old);
      const { updates, onUpdate } = recorder();
      // This page runs the build of OLD_VERSION; the server has moved on to manifest.version.
      const source = new DataSource(BASE, cache, {}, new Map(), await buildOf(OLD_VERSION, old.texts));
      await expect(source.dataset(onUpdate)).resolves.toEqual({ online: true });
      expect(updates.map((u) => [u.origin, u.version])).toEqual([['cache', OLD_VERSION]]);
      expect(server.paths()).toEqual(['data/manifest.json']);
    });
  });

  describe('a wrong dataset stored under the current version label', () => {
    // Valid data, but not this version's: what a bad write, a tampered store or a bug once put
    // there. The label alone used to let it be served indefinitely.
    const wrong = () => stored(oldFiles());

    it('with the build’s hashes: deleted before anything is drawn, and replaced from the network', async () => {
      const server = serve();
      const cache = await openCache();
      await cache.put(KEYS.dataset, manifest.version, wrong());
      const { updates, onUpdate } = recorder();
      const source = new DataSource(BASE, cache, {}, new Map(), await buildOf(manifest.version, texts));
      await expect(source.dataset(onUpdate)).resolves.toEqual({ online: true });

      expect(updates.map((u) => [u.origin, u.version])).toEqual([['network', manifest.version]]);
      expect(updates[0]!.dataset).toEqual(dataset);
      expect(server.paths().slice(1).sort()).toEqual(DATA_PATHS().sort());
      expect((await cache.get<CachedFiles>(KEYS.dataset))?.value).toEqual({ texts });
    });

    it('with the build’s hashes, the right bytes are drawn from the cache before the manifest comes', async () => {
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const server = serve();
      const fetch = server.fetch.getMockImplementation()!;
      // The manifest is held back: the cached map must not wait for it (no extra round trip).
      server.fetch.mockImplementation(async (input, init) => {
        if (String(input).endsWith('manifest.json')) await gate;
        return fetch(input, init);
      });
      const cache = await openCache();
      await cache.put(KEYS.dataset, manifest.version, { texts });
      const { updates, onUpdate } = recorder();
      const source = new DataSource(BASE, cache, {}, new Map(), await buildOf(manifest.version, texts));
      const load = source.dataset(onUpdate);
      await vi.waitFor(() => expect(updates.map((u) => u.origin)).toEqual(['cache']));
      release();
      await expect(load).resolves.toEqual({ online: true });
      expect(updates.map((u) => u.origin)).toEqual(['cache']);
      expect(updates[0]!.dataset).toEqual(dataset);
      expect(server.paths()).toEqual(['data/manifest.json']);
    });

    it('without the build’s hashes: drawn, then found out by the manifest, replaced and deleted', async () => {
      const server = serve();
      const cache = await openCache();
      await cache.put(KEYS.dataset, manifest.version, wrong());
      const { updates, onUpdate } = recorder();
      await expect(new DataSource(BASE, cache).dataset(onUpdate)).resolves.toEqual({ online: true });

      expect(updates.map((u) => [u.origin, u.version])).toEqual([
        ['cache', manifest.version],
        ['network', manifest.version],
      ]);
      expect(updates[1]!.dataset).toEqual(dataset);
      expect(server.paths().slice(1).sort()).toEqual(DATA_PATHS().sort());
      expect((await cache.get<CachedFiles>(KEYS.dataset))?.value).toEqual({ texts });
    });

    it('without the build’s hashes and with the data files unreachable: no longer trusted', async () => {
      serve({ respond: (p) => (p === 'data/manifest.json' ? undefined : 'offline') });
      const cache = await openCache();
      await cache.put(KEYS.dataset, manifest.version, wrong());
      const { updates, onUpdate } = recorder();
      // The wrong data were drawn; the load now reports the failure instead of vouching for them.
      await expect(new DataSource(BASE, cache).dataset(onUpdate)).rejects.toBeInstanceOf(DataError);
      expect(updates.map((u) => u.origin)).toEqual(['cache']);
      expect(await cache.get(KEYS.dataset)).toBeUndefined();
    });
  });

  describe('a file whose bytes do not match the manifest hash', () => {
    // Same content, different bytes (re-serialised): what a stale HTTP cache or a half-done deploy serves.
    const stale = (p: string) =>
      p === 'data/regions.json' ? JSON.stringify(JSON.parse(served.get(p)!)) : undefined;

    it('is fetched a second time past the HTTP cache, and accepted when that matches', async () => {
      const server = serve({ respond: (p, nth) => (nth === 1 ? stale(p) : undefined) });
      const cache = await openCache();
      const { updates, onUpdate } = recorder();
      await expect(new DataSource(BASE, cache).dataset(onUpdate)).resolves.toEqual({ online: true });

      expect(server.calls.filter((c) => c.path === 'data/regions.json')).toEqual([
        { path: 'data/regions.json', cache: 'default' },
        { path: 'data/regions.json', cache: 'reload' },
      ]);
      expect(server.count('data/index.json')).toBe(1);
      expect(updates.map((u) => u.origin)).toEqual(['network']);
      expect(updates[0]!.dataset).toEqual(dataset);
      expect((await cache.get(KEYS.dataset))?.version).toBe(manifest.version);
    });

    it('still mismatching after the reload, keeps the cached dataset and stores nothing', async () => {
      const server = serve({ respond: stale });
      const cache = await openCache();
      const old = oldFiles();
      await cache.put(KEYS.dataset, OLD_VERSION, stored(old));
      const { updates, onUpdate } = recorder();

      await expect(new DataSource(BASE, cache).dataset(onUpdate)).resolves.toEqual({ online: true });

      expect(server.calls.filter((c) => c.path === 'data/regions.json').map((c) => c.cache)).toEqual([
        'default',
        'reload',
      ]);
      // Only the cached data were shown: no update with a mix of old and new files.
      expect(updates.map((u) => u.origin)).toEqual(['cache']);
      const entry = await cache.get<CachedFiles>(KEYS.dataset);
      expect(entry?.version).toBe(OLD_VERSION);
      expect(entry?.value).toEqual(stored(old));
    });

    it('still mismatching after the reload, rejects as stale when nothing is cached', async () => {
      serve({ respond: stale });
      const cache = await openCache();
      const { onUpdate } = recorder();
      const e = await new DataSource(BASE, cache).dataset(onUpdate).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(StaleFileError);
      expect((e as Error).message).toContain('regions.json');
      expect((e as Error).message).toContain(manifest.version);
      expect(onUpdate).not.toHaveBeenCalled();
      expect(await cache.get(KEYS.dataset)).toBeUndefined();
    });
  });

  it('a file that fails validation from the network keeps the cached dataset', async () => {
    serve({
      respond: (p) => (p === 'data/doctor-gap.json' ? JSON.stringify({ broken: true }) : undefined),
    });
    const cache = await openCache();
    await cache.put(KEYS.dataset, OLD_VERSION, stored(oldFiles()));
    // Without the manifest's hashes the broken file reaches validation.
    const source = new DataSource(BASE, cache);
    vi.spyOn(source, 'manifest').mockResolvedValue({ version: manifest.version, files: {} });
    const { updates, onUpdate } = recorder();
    await expect(source.dataset(onUpdate)).resolves.toEqual({ online: true });
    expect(updates.map((u) => u.origin)).toEqual(['cache']);
    expect((await cache.get(KEYS.dataset))?.version).toBe(OLD_VERSION);
  });

  describe('a corrupt cached entry is deleted, refetched, and never shown', () => {
    it.each<[string, () => unknown]>([
      [
        'an invalid share value',
        () => stored(filesWith('named-gp-share.json', (j) => (j.values[0].value = 150))),
      ],
      [
        'a missing file',
        () => {
          const t = { ...texts };
          delete t['surveys/2024.json'];
          return { texts: t };
        },
      ],
      ['no files at all', () => ({})],
      ['a null value', () => null],
      ['texts that are not an object', () => ({ texts: 'garbage' })],
      ['a text that is not JSON', () => ({ texts: { ...texts, 'regions.json': '{"regions": [' } })],
      ['a file that is not a text', () => ({ texts: { ...texts, 'regions.json': files['regions.json'] } })],
      // The first format: parsed JSON, valid, but its bytes cannot be checked.
      ['the first format (parsed files)', () => ({ files })],
    ])('%s', async (_, value) => {
      const server = serve();
      const cache = await openCache();
      await cache.put(KEYS.dataset, manifest.version, value());
      const del = vi.spyOn(cache, 'delete');
      const { updates, onUpdate } = recorder();

      await expect(new DataSource(BASE, cache).dataset(onUpdate)).resolves.toEqual({ online: true });

      expect(del).toHaveBeenCalledWith(KEYS.dataset);
      expect(updates.map((u) => u.origin)).toEqual(['network']);
      expect(updates[0]!.dataset).toEqual(dataset);
      // Same version as the corrupt entry, but refetched rather than trusted.
      expect(server.paths().slice(1).sort()).toEqual(DATA_PATHS().sort());
      const entry = await cache.get<CachedFiles>(KEYS.dataset);
      expect(entry?.value).toEqual({ texts });
    });

    it('offline with only a corrupt entry: deleted, and the load rejects', async () => {
      serve({ offline: true });
      const cache = await openCache();
      await cache.put(KEYS.dataset, manifest.version, { texts: {} });
      const { onUpdate } = recorder();
      await expect(new DataSource(BASE, cache).dataset(onUpdate)).rejects.toBeInstanceOf(DataError);
      expect(onUpdate).not.toHaveBeenCalled();
      expect(await cache.get(KEYS.dataset)).toBeUndefined();
    });
  });

  it('offline with a cache: onUpdate from the cache, then resolves { online: false }', async () => {
    const server = serve({ offline: true });
    const cache = await openCache();
    await cache.put(KEYS.dataset, manifest.version, { texts });
    const { updates, onUpdate } = recorder();
    await expect(new DataSource(BASE, cache).dataset(onUpdate)).resolves.toEqual({ online: false });
    expect(updates.map((u) => [u.origin, u.version])).toEqual([['cache', manifest.version]]);
    expect(updates[0]!.dataset).toEqual(dataset);
    expect(server.paths()).toEqual(['data/manifest.json']);
  });

  it('offline without a cache: rejects with a DataError naming the file', async () => {
    serve({ offline: true });
    const { onUpdate } = recorder();
    const e = await new DataSource(BASE, await openCache()).dataset(onUpdate).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).file).toBe('index.json');
    expect((e as DataError).message).toMatch(/network/);
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('a manifest that is reachable but a data file that is not: keeps the cache, reports offline', async () => {
    serve({ respond: (p) => (p === 'data/context.json' ? 'offline' : undefined) });
    const cache = await openCache();
    await cache.put(KEYS.dataset, OLD_VERSION, stored(oldFiles()));
    const { updates, onUpdate } = recorder();
    await expect(new DataSource(BASE, cache).dataset(onUpdate)).resolves.toEqual({ online: false });
    expect(updates.map((u) => u.origin)).toEqual(['cache']);
  });

  it('an HTTP error without a cache rejects with a DataError naming the file and status', async () => {
    serve({ respond: (p) => (p === 'data/surveys/2023.json' ? 503 : undefined) });
    const { onUpdate } = recorder();
    const e = await new DataSource(BASE, await openCache()).dataset(onUpdate).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).file).toBe('surveys/2023.json');
    expect((e as DataError).message).toContain('HTTP 503');
    expect(onUpdate).not.toHaveBeenCalled();
  });

  it('without a manifest but with the data reachable: shows the network data, version null, not stored', async () => {
    serve({ respond: (p) => (p === 'data/manifest.json' ? 404 : undefined) });
    const cache = await openCache();
    const { updates, onUpdate } = recorder();
    await expect(new DataSource(BASE, cache).dataset(onUpdate)).resolves.toEqual({ online: true });
    expect(updates.map((u) => [u.origin, u.version])).toEqual([['network', null]]);
    expect(updates[0]!.dataset).toEqual(dataset);
    expect(await cache.get(KEYS.dataset)).toBeUndefined();
  });

  it('an abort during the refresh rejects with the AbortError and stores nothing', async () => {
    const controller = new AbortController();
    // The manifest arrives; the reader navigates away while the data files load.
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const path = String(input).slice(BASE.length);
        if (path !== 'data/manifest.json') {
          controller.abort();
          throw new DOMException('aborted', 'AbortError');
        }
        expect(init?.signal).toBe(controller.signal);
        return new Response(served.get(path), { status: 200 });
      }),
    );
    const cache = await openCache();
    const { onUpdate } = recorder();
    const e = await new DataSource(BASE, cache).dataset(onUpdate, controller.signal).catch((x: unknown) => x);
    expect((e as DOMException).name).toBe('AbortError');
    expect(onUpdate).not.toHaveBeenCalled();
    expect(await cache.get(KEYS.dataset)).toBeUndefined();
  });

  it('an abort by another caller of the shared manifest request does not fail this load', async () => {
    // The manifest answers only when released, and honours its request's signal meanwhile.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const path = String(input).slice(BASE.length);
        if (path === 'data/manifest.json') {
          await new Promise<void>((resolve, reject) => {
            init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
            void gate.then(resolve);
          });
        }
        if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
        return new Response(served.get(path), { status: 200 });
      }),
    );
    const source = new DataSource(BASE, await openCache());
    const spy = vi.spyOn(source, 'manifest');
    const other = new AbortController(); // e.g. the map view, unmounted before the manifest arrived
    const mine = new AbortController();

    const theirs = source.manifest(other.signal);
    const { updates, onUpdate } = recorder();
    const load = source.dataset(onUpdate, mine.signal);
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(2)); // the load now awaits the manifest
    other.abort();
    await expect(theirs).rejects.toMatchObject({ name: 'AbortError' });
    release();

    // `mine` was never aborted: the load must not end with an AbortError (which the app ignores,
    // leaving the reader with neither data nor an error).
    await expect(load).resolves.toEqual({ online: true });
    expect(updates.map((u) => [u.origin, u.version])).toEqual([['network', manifest.version]]);
  });

  it('works over a memory-only cache', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const cache = await Cache.open({ name: 'memory-only' });
    expect(cache.mode).toBe('memory');
    serve();
    const source = new DataSource(BASE, cache);
    const first = recorder();
    await source.dataset(first.onUpdate);
    expect(first.updates.map((u) => u.origin)).toEqual(['network']);
    const server = serve();
    const second = recorder();
    await new DataSource(BASE, cache).dataset(second.onUpdate);
    expect(second.updates.map((u) => u.origin)).toEqual(['cache']);
    expect(server.paths()).toEqual(['data/manifest.json']);
  });
});

describe('DataSource with reads prefetched at boot', () => {
  it('uses a prefetched dataset read instead of asking the cache, once', async () => {
    const server = serve();
    const cache = await openCache();
    await cache.put(KEYS.dataset, manifest.version, { texts });
    const early = cache.get(KEYS.dataset);
    const get = vi.spyOn(cache, 'get');
    const source = new DataSource(BASE, cache, { [KEYS.dataset]: early });
    const { updates, onUpdate } = recorder();

    await expect(source.dataset(onUpdate)).resolves.toEqual({ online: true });
    expect(get).not.toHaveBeenCalledWith(KEYS.dataset);
    expect(updates.map((u) => u.origin)).toEqual(['cache']);
    expect(updates[0]!.dataset).toEqual(dataset);
    expect(server.paths()).toEqual(['data/manifest.json']);

    // The prefetched read is spent: a second load reads the cache itself.
    await source.dataset(() => undefined);
    expect(get).toHaveBeenCalledWith(KEYS.dataset);
  });

  it('validates a prefetched entry like any other: a corrupt one is deleted and refetched', async () => {
    const server = serve();
    const cache = await openCache();
    await cache.put(KEYS.dataset, manifest.version, { texts: 'garbage' });
    const source = new DataSource(BASE, cache, { [KEYS.dataset]: cache.get(KEYS.dataset) });
    const { updates, onUpdate } = recorder();

    await source.dataset(onUpdate);
    expect(updates.map((u) => u.origin)).toEqual(['network']);
    expect(server.paths().slice(1).sort()).toEqual(DATA_PATHS().sort());
    expect((await cache.get<CachedFiles>(KEYS.dataset))?.value).toEqual({ texts });
  });

  it('a prefetched read that found nothing goes to the network', async () => {
    const server = serve();
    const cache = await openCache();
    const source = new DataSource(BASE, cache, { [KEYS.dataset]: Promise.resolve(undefined) });
    const { updates, onUpdate } = recorder();
    await source.dataset(onUpdate);
    expect(updates.map((u) => u.origin)).toEqual(['network']);
    expect(server.paths().slice(1).sort()).toEqual(DATA_PATHS().sort());
  });

  it('takes the cache as a promise, so reads can start before it has opened', async () => {
    serve();
    const opening = openCache();
    const source = new DataSource(BASE, opening, {
      [KEYS.dataset]: opening.then((c) => c.get(KEYS.dataset)),
    });
    const { updates, onUpdate } = recorder();
    await source.dataset(onUpdate);
    expect(updates.map((u) => u.origin)).toEqual(['network']);
    expect((await (await opening).get(KEYS.dataset))?.version).toBe(manifest.version);
  });
});

describe('DataSource with data files requested early (a first visit, boot.ts)', () => {
  it('uses each early response once, for its file, and requests only the rest', async () => {
    const server = serve();
    const early = new Map(
      ['index.json', 'regions.json', 'surveys/2024.json'].map((f) => [
        f,
        Promise.resolve(new Response(served.get(`data/${f}`)!, { status: 200 })),
      ]),
    );
    const { updates, onUpdate } = recorder();
    await new DataSource(BASE, await openCache(), {}, early).dataset(onUpdate);
    expect(updates.map((u) => u.origin)).toEqual(['network']);
    expect(updates[0]!.dataset).toEqual(dataset);
    const fetched = server
      .paths()
      .filter((p) => p !== 'data/manifest.json')
      .sort();
    expect(fetched).toEqual(
      DATA_PATHS()
        .filter((p) => !['data/index.json', 'data/regions.json', 'data/surveys/2024.json'].includes(p))
        .sort(),
    );
  });

  it('checks an early response against the manifest like its own: a stale one is fetched again', async () => {
    const server = serve();
    const stale = JSON.stringify({ ...JSON.parse(served.get('data/regions.json')!), extra: 1 });
    const early = new Map([['regions.json', Promise.resolve(new Response(stale, { status: 200 }))]]);
    const { updates, onUpdate } = recorder();
    await new DataSource(BASE, await openCache(), {}, early).dataset(onUpdate);
    expect(updates[0]!.dataset).toEqual(dataset);
    expect(server.calls.filter((c) => c.path === 'data/regions.json').map((c) => c.cache)).toEqual([
      'reload',
    ]);
  });

  it('an early request that failed is reported as the network error it was', async () => {
    serve();
    const failed = Promise.reject(new TypeError('Failed to fetch'));
    failed.catch(() => undefined);
    const early = new Map([['index.json', failed]]);
    const e = await new DataSource(BASE, await openCache(), {}, early)
      .dataset(() => undefined)
      .catch((x) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).file).toBe('index.json');
  });
});

describe('the localStorage hint of what IndexedDB holds', () => {
  /** A localStorage stand-in over a Map. */
  function stubStorage(entries: Record<string, string> = {}) {
    const m = new Map(Object.entries(entries));
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => m.get(k) ?? null,
      setItem: (k: string, v: string) => void m.set(k, v),
      removeItem: (k: string) => void m.delete(k),
    });
    return m;
  }

  it('a first visit (no hint) never asks the cache, goes to the network and sets the hint', async () => {
    const storage = stubStorage();
    serve();
    const cache = await openCache();
    const get = vi.spyOn(cache, 'get');
    const { updates, onUpdate } = recorder();
    await new DataSource(BASE, cache).dataset(onUpdate);
    expect(get).not.toHaveBeenCalled();
    expect(updates.map((u) => u.origin)).toEqual(['network']);
    expect(storage.get(cacheHint.key(KEYS.dataset))).toBe('1');
  });

  it('with the hint set, the cache is read; readHinted resolves at once without it', async () => {
    stubStorage({ [cacheHint.key(KEYS.dataset)]: '1' });
    serve();
    const cache = await openCache();
    await cache.put(KEYS.dataset, manifest.version, { texts });
    const { updates, onUpdate } = recorder();
    await new DataSource(BASE, cache).dataset(onUpdate);
    expect(updates.map((u) => u.origin)).toEqual(['cache']);
    const get = vi.spyOn(cache, 'get');
    expect(await readHinted(Promise.resolve(cache), KEYS.visit)).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
    expect((await readHinted(Promise.resolve(cache), KEYS.dataset))?.version).toBe(manifest.version);
  });
});
