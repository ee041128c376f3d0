/**
 * Where the app's data comes from: the IndexedDB cache first, then the network, stale-while-
 * revalidate. A returning reader gets the cached dataset at once; the content manifest is then
 * fetched (`cache: 'no-cache'`), and only when its version differs is the dataset fetched,
 * checked file by file against the manifest's hashes, validated, stored and handed over whole,
 * so old and new data never mix on screen. A cached entry that fails validation is deleted and
 * never drawn. The cache keeps each file's text as served, so that its hash is checked again on
 * every read: against the hashes this build was made with (before anything is drawn, with no
 * round trip), and against the manifest's once it arrives. A version label alone is not trusted.
 */
import * as v from 'valibot';
import type { Cache, CacheEntry } from './cache';
import { ContentManifest } from './manifest';
import { DATA_DIR, fetchJson, isAbort, parseJson, responseText } from './load';
import { DataError, readDataset, type ReadJson } from './validate';
import type { Dataset } from './schema';
import { cacheHint, KEYS, readHinted } from './cacheHint';

export { KEYS };

/** Where a value shown came from. */
export type Origin = 'cache' | 'network';

export interface DatasetUpdate {
  dataset: Dataset;
  /** Content version (manifest hash), or null when it could not be established. */
  version: string | null;
  origin: Origin;
}

/**
 * The cached dataset: each file's text as it was served and checked, so that its hash can be
 * checked again on every read. (The first format kept parsed JSON under `files`, which could not
 * be checked: such an entry is treated as absent and replaced.)
 */
export interface CachedFiles {
  /** Data file path (relative to data/) → its text. */
  texts: Record<string, string>;
}

/** The data a build was made with (`virtual:data-files`): its version and each file's hash. */
export interface BuildData {
  version: string;
  /** Path relative to the site root (`data/regions.json`) → content hash, as in the manifest. */
  hashes: Record<string, string>;
}

/** A cached dataset as read, with the hash of each of its files (by path under data/). */
interface CachedDataset extends DatasetUpdate {
  hashes: Record<string, string | null>;
}

/**
 * Whether every file's hash is the one `expected` lists for it (paths relative to the site root).
 * A file not listed does not match; one whose hash could not be computed (no WebCrypto, as on a
 * plain-HTTP host) cannot be checked, and passes, as it does when fetched.
 */
export function hashesMatch(
  hashes: Record<string, string | null>,
  expected: Record<string, string>,
): boolean {
  return Object.entries(hashes).every(([path, hash]) => {
    const want = expected[`${DATA_DIR}${path}`];
    return want !== undefined && (hash === null || hash === want);
  });
}

/** SHA-256 of a text, hex, first 16 characters (the build's file hash); null without WebCrypto. */
export async function contentHash(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}

/** A file whose bytes do not match the manifest (a deploy in progress, a stale HTTP cache). */
export class StaleFileError extends Error {
  override name = 'StaleFileError';
}

export class DataSource {
  private manifestPromise: Promise<ContentManifest | null> | null = null;

  private readonly cacheP: Promise<Cache>;
  private readonly prefetched: Map<string, Promise<CacheEntry | undefined>>;
  /** Requests made early, by file: the live map boot.ts fills (index.json's files come later). */
  private readonly requested: Map<string, Promise<Response>>;

  /**
   * @param base the app's base URL (ends in '/')
   * @param cache the cache (memory-only where IndexedDB is unavailable), or the promise of it:
   *   network requests start at once and do not wait for IndexedDB to open
   * @param prefetched reads of this cache already under way (see boot.ts), by key: each is used
   *   once, for the first read of its key, instead of asking the cache again
   * @param requested data files already requested (a first visit's, see boot.ts), by path under
   *   data/: each response is used once, for the first fetch of its file, instead of a new request
   * @param build the data the app was built with (`virtual:data-files`), or null: a cached copy
   *   of another version is then not shown, one of this version is checked against its hashes
   *   before it is drawn, and a server with another version is a newer deploy whose data this
   *   code does not show (src/app/update.ts tells the reader)
   */
  constructor(
    private readonly base: string,
    cache: Cache | Promise<Cache>,
    prefetched: Partial<Record<string, Promise<CacheEntry | undefined>>> = {},
    requested: Map<string, Promise<Response>> = new Map(),
    private readonly build: BuildData | null = null,
  ) {
    this.cacheP = Promise.resolve(cache);
    this.prefetched = new Map(
      Object.entries(prefetched).filter((e): e is [string, Promise<CacheEntry | undefined>] => !!e[1]),
    );
    this.requested = requested;
  }

  /**
   * An entry: the prefetched read the first time there is one, else from the cache (nothing,
   * at once, where the hint says IndexedDB holds no copy).
   */
  private async readEntry<T>(key: string): Promise<CacheEntry<T> | undefined> {
    const early = this.prefetched.get(key);
    this.prefetched.delete(key);
    if (early) return (await early) as CacheEntry<T> | undefined;
    return readHinted<T>(this.cacheP, key);
  }

  /**
   * The content manifest, fetched once per session past every HTTP cache; null when unreachable.
   * The request is shared, so it is not tied to any caller's signal: each caller stops waiting
   * when its own signal aborts, without cancelling the others.
   */
  manifest(signal?: AbortSignal): Promise<ContentManifest | null> {
    this.manifestPromise ??= fetchJson(`${this.base}${DATA_DIR}manifest.json`, 'manifest.json', {
      cache: 'no-cache',
    })
      .then((j) => {
        const r = v.safeParse(ContentManifest, j);
        return r.success ? r.output : null;
      })
      .catch(() => {
        this.manifestPromise = null;
        return null;
      });
    return untilAborted(this.manifestPromise, signal);
  }

  /** Forgets the session's manifest, so the next load compares against the server afresh. */
  revalidate(): void {
    this.manifestPromise = null;
  }

  /**
   * Loads the dataset. `onUpdate` is called (and awaited) with the cached dataset (if a valid one
   * exists) and again with a fresh one when the network has a newer version. Resolves with whether the
   * network was reachable. Rejects only when there is nothing to show (no cache, network failed).
   */
  async dataset(
    onUpdate: (u: DatasetUpdate) => void | Promise<void>,
    signal?: AbortSignal,
  ): Promise<{ online: boolean }> {
    // The manifest is asked for at once; a first visit fetches the files meanwhile and checks
    // them against it as they arrive, so the check adds no round trip.
    const manifestP = this.manifest(signal);
    let cached = await this.cachedDataset();
    if (cached) await onUpdate(cached);
    if (signal?.aborted) return { online: true };
    if (cached) {
      const manifest = await manifestP;
      if (!manifest) return { online: false };
      if (cached.version === manifest.version) {
        if (hashesMatch(cached.hashes, manifest.files)) return { online: true };
        // Stored under this version, but not its bytes (the build's hashes were not at hand to
        // catch it before it was drawn): never trusted again, and replaced by the fresh data.
        await this.forget();
        cached = null;
      }
      // A newer deploy: its data are for its own code, which this page is not running.
      else if (this.build && manifest.version !== this.build.version) return { online: true };
    }
    try {
      const fresh = await this.fetchDataset(manifestP, signal);
      const manifest = await manifestP;
      // Shown first, stored after: on a first visit IndexedDB may still be opening (~250 ms on
      // this machine), and the reader need not wait for it.
      await onUpdate({ dataset: fresh.dataset, version: manifest?.version ?? null, origin: 'network' });
      if (
        manifest &&
        (await (await this.cacheP).put<CachedFiles>(KEYS.dataset, manifest.version, { texts: fresh.texts }))
      )
        cacheHint.set(KEYS.dataset, true);
      return { online: true };
    } catch (e) {
      if (isAbort(e)) throw e;
      // With good data on screen, a failed or inconsistent refresh keeps it; otherwise report.
      if (cached)
        return { online: !(e instanceof DataError && e.problems.some((x) => x.startsWith('network'))) };
      throw e;
    }
  }

  /**
   * The cached dataset, checked and validated; an entry that fails (an older format, a file whose
   * hash is not this build's, invalid data) is deleted and treated as absent.
   */
  private async cachedDataset(): Promise<CachedDataset | null> {
    const entry = await this.readEntry<CachedFiles>(KEYS.dataset);
    performance.mark?.('cache:dataset-read');
    if (!entry) {
      cacheHint.set(KEYS.dataset, false);
      return null;
    }
    // Another build's data (the reader's last visit was to an older version): never shown with
    // this build's code; the current data replace it.
    if (this.build && entry.version !== this.build.version) return null;
    try {
      const texts = entry.value?.texts;
      if (!texts || typeof texts !== 'object') throw new DataError('cache', ['no file texts']);
      const hashes: Record<string, string | null> = {};
      for (const [path, text] of Object.entries(texts)) {
        if (typeof text !== 'string') throw new DataError(path, ['not a text in the cache']);
        hashes[path] = await contentHash(text);
      }
      // This build knows the bytes of its own version: checked here, before anything is drawn.
      if (this.build && !hashesMatch(hashes, this.build.hashes))
        throw new DataError('cache', [`files do not match data version ${entry.version}`]);
      const files = Object.fromEntries(Object.entries(texts).map(([p, t]) => [p, parseJson(t, p)]));
      const dataset = await readDataset(memoryReader(files));
      return { dataset, version: entry.version, origin: 'cache', hashes };
    } catch {
      await this.forget();
      return null;
    }
  }

  /** Deletes the cached dataset, and the hint that there is one. */
  private async forget(): Promise<void> {
    await (await this.cacheP).delete(KEYS.dataset);
    cacheHint.set(KEYS.dataset, false);
  }

  /** Fetches every data file, checks each against the manifest's hash, and validates the whole. */
  private async fetchDataset(manifest: Promise<ContentManifest | null>, signal?: AbortSignal) {
    const texts: Record<string, string> = {};
    const read: ReadJson = async (path) => {
      const text = await this.fetchChecked(`${DATA_DIR}${path}`, path, manifest, signal);
      texts[path] = text;
      return parseJson(text, path);
    };
    const dataset = await readDataset(read);
    return { dataset, texts };
  }

  /**
   * Fetches one file's text; when the manifest lists it, its bytes must hash to the listed value,
   * else it is fetched once more past the HTTP cache, and then rejected as stale.
   */
  private async fetchChecked(
    rel: string,
    file: string,
    manifestP: Promise<ContentManifest | null>,
    signal?: AbortSignal,
  ): Promise<string> {
    let manifest: ContentManifest | null = null;
    for (const cache of ['default', 'reload'] as RequestCache[]) {
      const early = cache === 'default' ? this.requested.get(file) : undefined;
      this.requested.delete(file);
      // A request made early carries no signal: an abort stops the waiting for it instead.
      const text = await (early
        ? untilAborted(quiet(responseText(early, file)), signal)
        : responseText(fetch(this.base + rel, { signal, cache }), file));
      manifest = await manifestP;
      const expected = manifest?.files[rel];
      if (expected) {
        const actual = await contentHash(text);
        if (actual !== null && actual !== expected) continue;
      }
      return text;
    }
    throw new StaleFileError(`${file} does not match data version ${manifest?.version}`);
  }

  /** The cache, for visit tracking. */
  get store(): Promise<Cache> {
    return this.cacheP;
  }
}

/** Resolves as `p` does, or rejects with an AbortError as soon as `signal` aborts. */
export function untilAborted<T>(p: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return p;
  if (signal.aborted) return Promise.reject(new DOMException('Aborted', 'AbortError'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** `p`, with its rejection also handled where nothing awaits it any more (an abort gave up on it). */
function quiet<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

/** A ReadJson over files already in memory (a cache entry). */
export function memoryReader(files: Record<string, unknown>): ReadJson {
  return async (path) => {
    if (!(path in files)) throw new DataError(path, ['missing from the cache']);
    // Structured clones from IndexedDB are plain data; validate them like a fetched file.
    return files[path];
  };
}
