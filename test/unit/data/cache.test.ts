import 'fake-indexeddb/auto';
import {
  IDBFactory as FakeIDBFactory,
  IDBOpenDBRequest as FakeOpenDBRequest,
  forceCloseDatabase,
} from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Cache, DB_NAME, SCHEMA_VERSION } from '../../../src/data/cache';

/* eslint-disable @typescript-eslint/no-explicit-any -- the tests reach into the raw IndexedDB API */

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

let n = 0;
/** A database name no other test uses. */
const freshName = () => `cache-test-${++n}`;

/** Resolves an IDBRequest (or rejects with its error). */
function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/** Opens a raw connection, optionally running `upgrade` on upgradeneeded. */
function rawOpen(
  factory: IDBFactory,
  name: string,
  version?: number,
  upgrade?: (db: IDBDatabase) => void,
): Promise<IDBDatabase> {
  const r = version === undefined ? factory.open(name) : factory.open(name, version);
  if (upgrade) r.onupgradeneeded = () => upgrade(r.result);
  return req(r);
}

/** Deletes a database; rejects if it stays blocked for `ms` (an open connection that never closes). */
function rawDelete(factory: IDBFactory, name: string, ms = 1000): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = factory.deleteDatabase(name);
    const timer = setTimeout(() => reject(new Error('deleteDatabase stayed blocked')), ms);
    r.onsuccess = () => {
      clearTimeout(timer);
      resolve();
    };
    r.onerror = () => {
      clearTimeout(timer);
      reject(r.error);
    };
  });
}

/** The cache's current raw connection (null when dropped or in memory mode). */
function rawConn(cache: Cache): IDBDatabase | null {
  const db = (cache as any).db;
  return db ? (unwrap(db) as unknown as IDBDatabase) : null;
}

const fakeFactory = (): IDBFactory => new FakeIDBFactory();

/** A DOMException with a given name, as IndexedDB throws them. */
const domError = (name: string) => new DOMException(`simulated ${name}`, name);

describe('Cache.open', () => {
  it('opens in idb mode with a factory, at the current schema with an `entries` store', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const cache = await Cache.open({ name, factory });
    expect(cache.mode).toBe('idb');
    cache.close();

    const db = await rawOpen(factory, name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect([...db.objectStoreNames]).toEqual(['entries']);
    const store = db.transaction('entries', 'readonly').objectStore('entries');
    expect(store.keyPath).toBe('key');
    expect(store.autoIncrement).toBe(false);
    db.close();
  });

  it('uses the global indexedDB and the default database name when given neither', async () => {
    const factory = fakeFactory();
    vi.stubGlobal('indexedDB', factory);
    const cache = await Cache.open();
    expect(cache.mode).toBe('idb');
    cache.close();
    const names = (await factory.databases()).map((d) => d.name);
    expect(names).toEqual([DB_NAME]);
  });

  it('restores the global indexedDB after opening with another factory', async () => {
    const before = globalThis.indexedDB;
    const cache = await Cache.open({ name: freshName(), factory: fakeFactory() });
    expect(cache.mode).toBe('idb');
    expect(globalThis.indexedDB).toBe(before);
    cache.close();
  });

  it('falls back to memory when there is no IndexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const cache = await Cache.open({ name: freshName() });
    expect(cache.mode).toBe('memory');
    expect(await cache.put('k', 'v1', { a: 1 })).toBe(false);
    expect(await cache.get('k')).toMatchObject({ key: 'k', version: 'v1', value: { a: 1 } });
    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
  });

  it('falls back to memory when factory.open throws (private mode)', async () => {
    const open = vi.fn(() => {
      throw domError('InvalidStateError');
    });
    const factory = { open } as unknown as IDBFactory;
    const cache = await Cache.open({ name: freshName(), factory });
    expect(open).toHaveBeenCalledTimes(1);
    expect(cache.mode).toBe('memory');
    expect(await cache.put('k', 'v1', 1)).toBe(false);
    expect((await cache.get<number>('k'))?.value).toBe(1);
  });

  it('falls back to memory when the open request fails', async () => {
    const factory = fakeFactory();
    const name = freshName();
    // A newer app left the database at a higher version: opening at ours is a VersionError.
    (await rawOpen(factory, name, SCHEMA_VERSION + 1)).close();
    const cache = await Cache.open({ name, factory });
    expect(cache.mode).toBe('memory');
    expect(await cache.get('k')).toBeUndefined();
  });

  it('falls back to memory when open never answers, after openTimeoutMs', async () => {
    const open = vi.fn(() => new FakeOpenDBRequest());
    const factory = { open } as unknown as IDBFactory;
    const t0 = Date.now();
    const cache = await Cache.open({ name: freshName(), factory, openTimeoutMs: 50 });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(40);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(open).toHaveBeenCalledTimes(1);
    expect(cache.mode).toBe('memory');
    // It stays in memory mode: no second attempt to open.
    expect(await cache.put('k', 'v', 'x')).toBe(false);
    expect((await cache.get<string>('k'))?.value).toBe('x');
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('closes a connection that opens only after the timeout', async () => {
    const factory = fakeFactory();
    const name = freshName();
    // A connection that ignores versionchange holds the database while a delete is pending:
    // the delete is blocked, and the cache's open queues behind it.
    const holder = await rawOpen(factory, name, 1, (db) =>
      db.createObjectStore('entries', { keyPath: 'key' }),
    );
    const deleting = factory.deleteDatabase(name);
    const deleted = req(deleting);
    const cache = await Cache.open({ name, factory, openTimeoutMs: 50 });
    expect(cache.mode).toBe('memory');

    // Let the delete and then the cache's late open go through.
    holder.close();
    await deleted;
    await new Promise((r) => setTimeout(r, 50));
    // The late connection must have been closed: otherwise this delete would stay blocked.
    await expect(rawDelete(factory, name, 500)).resolves.toBeUndefined();
    expect(cache.mode).toBe('memory');
  });
});

describe('get / put / delete', () => {
  it('round-trips an entry with its version and storedAt', async () => {
    const cache = await Cache.open({ name: freshName(), factory: fakeFactory() });
    const before = Date.now();
    const value = { nested: { list: [1, 2, 3], text: 'å' }, n: null };
    expect(await cache.put('k', 'abc123', value)).toBe(true);
    const e = await cache.get<typeof value>('k');
    expect(e).toBeDefined();
    expect(e!.key).toBe('k');
    expect(e!.version).toBe('abc123');
    expect(e!.value).toEqual(value);
    expect(e!.value).not.toBe(value); // a structured clone, not the same object
    expect(e!.storedAt).toBeGreaterThanOrEqual(before);
    expect(e!.storedAt).toBeLessThanOrEqual(Date.now());

    // Overwrite.
    expect(await cache.put('k', 'def456', 'second')).toBe(true);
    expect(await cache.get('k')).toMatchObject({ version: 'def456', value: 'second' });

    await cache.delete('k');
    expect(await cache.get('k')).toBeUndefined();
    cache.close();
  });

  it('returns undefined for a key never stored, and deleting it is harmless', async () => {
    const cache = await Cache.open({ name: freshName(), factory: fakeFactory() });
    expect(await cache.get('nothing')).toBeUndefined();
    await expect(cache.delete('nothing')).resolves.toBeUndefined();
    expect(cache.mode).toBe('idb');
    cache.close();
  });

  it('keeps entries apart by key', async () => {
    const cache = await Cache.open({ name: freshName(), factory: fakeFactory() });
    await cache.put('a', 'v', 1);
    await cache.put('b', 'v', 2);
    await cache.delete('a');
    expect(await cache.get('a')).toBeUndefined();
    expect((await cache.get<number>('b'))?.value).toBe(2);
    cache.close();
  });

  it('stores in IndexedDB, not only in memory (another connection sees the entry)', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const cache = await Cache.open({ name, factory });
    await cache.put('k', 'v1', [1, 2]);
    const db = await rawOpen(factory, name);
    const raw = await req(db.transaction('entries', 'readonly').objectStore('entries').get('k'));
    expect(raw).toMatchObject({ key: 'k', version: 'v1', value: [1, 2] });
    db.close();
    cache.close();
  });
});

describe('schema and upgrades', () => {
  it('an existing database at the current version keeps its entries across reopen', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const first = await Cache.open({ name, factory });
    await first.put('kept', 'v1', { x: 1 });
    first.close();

    const second = await Cache.open({ name, factory });
    expect(second.mode).toBe('idb');
    expect(await second.get('kept')).toMatchObject({ version: 'v1', value: { x: 1 } });
    second.close();
  });

  it('does not re-run the upgrade on an existing database (entries written by another client survive)', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const db = await rawOpen(factory, name, SCHEMA_VERSION, (d) =>
      d.createObjectStore('entries', { keyPath: 'key' }),
    );
    await req(
      db
        .transaction('entries', 'readwrite')
        .objectStore('entries')
        .put({ key: 'k', version: 'old', value: 42, storedAt: 1 }),
    );
    db.close();

    const cache = await Cache.open({ name, factory });
    expect(cache.mode).toBe('idb');
    expect(await cache.get('k')).toEqual({ key: 'k', version: 'old', value: 42, storedAt: 1 });
    cache.close();
  });

  it('a database at the current version without the store degrades to memory without throwing', async () => {
    const factory = fakeFactory();
    const name = freshName();
    (await rawOpen(factory, name, SCHEMA_VERSION)).close(); // created by something else, no store
    const cache = await Cache.open({ name, factory });
    await expect(cache.get('k')).resolves.toBeUndefined();
    expect(cache.mode).toBe('memory');
    expect(await cache.put('k', 'v', 1)).toBe(false);
    expect((await cache.get<number>('k'))?.value).toBe(1);
  });
});

describe('errors during operations', () => {
  it('retries a put once on QuotaExceededError, then falls back to memory', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const cache = await Cache.open({ name, factory });
    await cache.put('before', 'v0', 'in idb');
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw domError('QuotaExceededError');
    });

    await expect(cache.put('k', 'v1', { big: true })).resolves.toBe(false);
    expect(put).toHaveBeenCalledTimes(2); // the first try and one retry
    expect(cache.mode).toBe('memory');
    // The value is still served, from memory.
    expect(await cache.get('k')).toMatchObject({ key: 'k', version: 'v1', value: { big: true } });
    // Nothing else touches IndexedDB any more.
    const get = vi.spyOn(IDBObjectStore.prototype, 'get');
    await cache.get('before');
    expect(get).not.toHaveBeenCalled();
    expect(put).toHaveBeenCalledTimes(2);

    // Nothing was written to the database.
    vi.restoreAllMocks();
    const other = await Cache.open({ name, factory });
    expect(await other.get('k')).toBeUndefined();
    expect((await other.get<string>('before'))?.value).toBe('in idb');
    other.close();
  });

  it('succeeds on the retry when QuotaExceededError happens once', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const cache = await Cache.open({ name, factory });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw domError('QuotaExceededError');
    });
    await expect(cache.put('k', 'v1', 'x')).resolves.toBe(true);
    expect(put).toHaveBeenCalledTimes(2);
    expect(cache.mode).toBe('idb');
    cache.close();
    const other = await Cache.open({ name, factory });
    expect((await other.get<string>('k'))?.value).toBe('x');
    other.close();
  });

  it.each(['InvalidStateError', 'TransactionInactiveError'])(
    'a get failing once with %s succeeds on the retry (reopening the connection)',
    async (errorName) => {
      const factory = fakeFactory();
      const cache = await Cache.open({ name: freshName(), factory });
      await cache.put('k', 'v1', 'stored');
      const first = rawConn(cache);
      const get = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementationOnce(() => {
        throw domError(errorName);
      });
      expect(await cache.get('k')).toMatchObject({ version: 'v1', value: 'stored' });
      expect(get).toHaveBeenCalledTimes(2);
      expect(cache.mode).toBe('idb');
      // The retry ran on a new connection.
      const second = rawConn(cache);
      expect(second).not.toBeNull();
      expect(second).not.toBe(first);
      cache.close();
    },
  );

  it('a delete failing once with InvalidStateError succeeds on the retry', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const cache = await Cache.open({ name, factory });
    await cache.put('k', 'v1', 'x');
    const del = vi.spyOn(IDBObjectStore.prototype, 'delete').mockImplementationOnce(() => {
      throw domError('InvalidStateError');
    });
    await cache.delete('k');
    expect(del).toHaveBeenCalledTimes(2);
    expect(cache.mode).toBe('idb');
    cache.close();
    const other = await Cache.open({ name, factory });
    expect(await other.get('k')).toBeUndefined();
    other.close();
  });

  it('retries a get only once, then serves memory', async () => {
    const cache = await Cache.open({ name: freshName(), factory: fakeFactory() });
    await cache.put('k', 'v1', 'x');
    const get = vi.spyOn(IDBObjectStore.prototype, 'get').mockImplementation(() => {
      throw domError('InvalidStateError');
    });
    // The value put in this session is still in memory.
    expect(await cache.get('k')).toMatchObject({ version: 'v1', value: 'x' });
    expect(get).toHaveBeenCalledTimes(2);
    expect(cache.mode).toBe('memory');
  });

  it('does not retry other errors: falls back to memory at once', async () => {
    const cache = await Cache.open({ name: freshName(), factory: fakeFactory() });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw domError('UnknownError');
    });
    await expect(cache.put('k', 'v1', 1)).resolves.toBe(false);
    expect(put).toHaveBeenCalledTimes(1);
    expect(cache.mode).toBe('memory');
    expect((await cache.get<number>('k'))?.value).toBe(1);
  });

  it('a value IndexedDB cannot clone resolves false and stays readable from memory', async () => {
    const cache = await Cache.open({ name: freshName(), factory: fakeFactory() });
    const value = { f: () => 1 };
    await expect(cache.put('k', 'v1', value)).resolves.toBe(false);
    expect((await cache.get<typeof value>('k'))?.value).toBe(value);
  });
});

describe('connections closed from outside', () => {
  it('an upgrade from another connection (blocking) closes ours; the cache then degrades to memory without throwing', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const cache = await Cache.open({ name, factory });
    await cache.put('k', 'v1', 'x');

    // A newer tab upgrades: it must not stay blocked by our connection.
    const blocked = vi.fn();
    const r = factory.open(name, SCHEMA_VERSION + 1);
    r.onblocked = blocked;
    const newer = await req(r);
    expect(newer.version).toBe(SCHEMA_VERSION + 1);
    expect(blocked).not.toHaveBeenCalled();
    expect(rawConn(cache)).toBeNull();

    // Our schema version is now too old to reopen: memory, still serving what we put.
    await expect(cache.get('k')).resolves.toMatchObject({ value: 'x' });
    expect(cache.mode).toBe('memory');
    await expect(cache.put('k2', 'v1', 'y')).resolves.toBe(false);
    expect((await cache.get<string>('k2'))?.value).toBe('y');
    newer.close();
  });

  it('a deleteDatabase from another tab is not blocked; the cache reopens a fresh database on next use', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const cache = await Cache.open({ name, factory });
    await cache.put('k', 'v1', 'x');
    const first = rawConn(cache);

    await rawDelete(factory, name); // rejects if our connection kept it blocked
    expect(rawConn(cache)).toBeNull();

    expect(await cache.get('k')).toBeUndefined(); // the database is new and empty
    expect(cache.mode).toBe('idb');
    expect(rawConn(cache)).not.toBe(first);
    expect(await cache.put('k', 'v2', 'y')).toBe(true);
    expect(await cache.get('k')).toMatchObject({ version: 'v2', value: 'y' });
    cache.close();
  });

  it('a connection the browser closes (terminated) is reopened on next use', async () => {
    const factory = fakeFactory();
    const cache = await Cache.open({ name: freshName(), factory });
    await cache.put('k', 'v1', 'x');
    const first = rawConn(cache)!;

    forceCloseDatabase(first as any);
    expect(rawConn(cache)).toBeNull();

    expect(await cache.get('k')).toMatchObject({ version: 'v1', value: 'x' });
    expect(cache.mode).toBe('idb');
    const second = rawConn(cache);
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    cache.close();
  });

  it('concurrent operations after a drop share one reopen', async () => {
    const factory = fakeFactory();
    const name = freshName();
    const cache = await Cache.open({ name, factory });
    await cache.put('a', 'v', 1);
    await cache.put('b', 'v', 2);
    forceCloseDatabase(rawConn(cache) as any);

    const open = vi.spyOn(factory, 'open');
    const [a, b] = await Promise.all([cache.get<number>('a'), cache.get<number>('b')]);
    expect(a?.value).toBe(1);
    expect(b?.value).toBe(2);
    expect(open).toHaveBeenCalledTimes(1);
    cache.close();
  });

  it('close() drops the connection; the next use reopens', async () => {
    const cache = await Cache.open({ name: freshName(), factory: fakeFactory() });
    await cache.put('k', 'v', 1);
    cache.close();
    expect(rawConn(cache)).toBeNull();
    expect((await cache.get<number>('k'))?.value).toBe(1);
    expect(cache.mode).toBe('idb');
    cache.close();
  });
});

describe('an open blocked by another tab', () => {
  it('gives up at once and works in memory, instead of waiting for the timeout', async () => {
    const factory = new FakeIDBFactory();
    const name = 'blocked-test';
    // Another tab holds version 1 open and ignores versionchange (an old build's code).
    const held = await new Promise<IDBDatabase>((ok) => {
      const r = factory.open(name, 1);
      r.onupgradeneeded = () => r.result.createObjectStore('entries', { keyPath: 'key' });
      r.onsuccess = () => ok(r.result);
    });
    // This build asks for a newer schema: the open is blocked for as long as that tab lives.
    const newer = Object.create(factory, {
      open: { value: (n: string, v?: number) => factory.open(n, (v ?? 1) + 1) },
    }) as IDBFactory;
    // A timeout far beyond the test's own: only giving up on 'blocked' lets this resolve in time.
    const cache = await Cache.open({ name, factory: newer, openTimeoutMs: 600_000 });
    expect(cache.mode).toBe('memory');
    await cache.put('k', 'v1', 1);
    expect((await cache.get('k'))?.value).toBe(1);
    held.close();
  });
});
