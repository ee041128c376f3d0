/**
 * The IndexedDB cache (through `idb`), in front of the network loaders. Entries are keyed by
 * name and carry the content version they were built from (a hash from /data/manifest.json).
 *
 * It never throws at its callers: where IndexedDB is missing, refuses to open (private modes),
 * hangs, runs out of quota or dies, the cache falls back to memory and the app carries on from
 * the network alone.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * Bumped only when the store layout changes; `upgrade` below migrates from every older version.
 * v1: store `entries` (keyPath `key`).
 */
export const SCHEMA_VERSION = 1;
export const DB_NAME = 'fast-lakarkontakt';

export interface CacheEntry<T = unknown> {
  key: string;
  /** Content version the value was built from. */
  version: string;
  value: T;
  storedAt: number;
}

interface Schema extends DBSchema {
  entries: { key: string; value: CacheEntry };
}

export interface CacheOptions {
  name?: string;
  /** The IndexedDB factory (tests pass fake-indexeddb's); defaults to globalThis.indexedDB. */
  factory?: IDBFactory;
  /** Give up opening after this long (some private modes never answer). */
  openTimeoutMs?: number;
}

/** Where the cache keeps entries right now. */
export type CacheMode = 'idb' | 'memory';

export class Cache {
  private db: IDBPDatabase<Schema> | null = null;
  private readonly memory = new Map<string, CacheEntry>();
  private reopening: Promise<void> | null = null;
  mode: CacheMode = 'memory';

  private constructor(private readonly opts: Required<CacheOptions>) {}

  /** Opens the cache; resolves in memory mode when IndexedDB is unavailable. Never rejects. */
  static async open(opts: CacheOptions = {}): Promise<Cache> {
    const factory = opts.factory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    const c = new Cache({
      name: opts.name ?? DB_NAME,
      factory: factory as IDBFactory,
      openTimeoutMs: opts.openTimeoutMs ?? 3000,
    });
    if (factory) await c.connect();
    return c;
  }

  private async connect(): Promise<void> {
    const { name, factory, openTimeoutMs } = this.opts;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let giveUp: (why: string) => void = () => undefined;
    try {
      const opening = withFactory(factory, () =>
        openDB<Schema>(name, SCHEMA_VERSION, {
          upgrade(db, oldVersion) {
            // One step per schema version, so any older database reaches the current layout.
            if (oldVersion < 1) db.createObjectStore('entries', { keyPath: 'key' });
          },
          // Another tab holds an older version open and does not let go: waiting for it (up to
          // the timeout) put 3 s before the first coloured map. This session goes on in memory.
          blocked: () => giveUp('IndexedDB is blocked by another tab'),
          // Another tab wants to upgrade: let it, and reopen on our next use.
          blocking: () => this.drop(),
          // The browser closed the connection (storage cleared, crash): reopen on next use.
          terminated: () => this.drop(),
        }),
      );
      // If the open finishes after the timeout, close that late connection rather than leak it
      // (it would block other tabs' upgrades). Set up before the race, which may throw.
      let timedOut = false;
      opening.then((db) => timedOut && db.close()).catch(() => undefined);
      const timeout = new Promise<never>((_, reject) => {
        giveUp = (why) => {
          timedOut = true;
          reject(new Error(why));
        };
        timer = setTimeout(() => giveUp('IndexedDB did not open in time'), openTimeoutMs);
      });
      this.db = await Promise.race([opening, timeout]);
      this.mode = 'idb';
      performance.mark?.('cache:open');
    } catch {
      this.db = null;
      this.mode = 'memory';
    } finally {
      clearTimeout(timer);
    }
  }

  private drop(): void {
    this.db?.close();
    this.db = null;
  }

  /** A connection, reopened if it was closed by `blocking`/`terminated`; null in memory mode. */
  private async conn(): Promise<IDBPDatabase<Schema> | null> {
    if (this.mode === 'memory') return null;
    if (!this.db) {
      this.reopening ??= this.connect().finally(() => (this.reopening = null));
      await this.reopening;
    }
    return this.db;
  }

  /** Runs an IndexedDB operation; on failure reopens and retries once, then falls back to memory. */
  private async run<T>(op: (db: IDBPDatabase<Schema>) => Promise<T>, fallback: () => T): Promise<T> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const db = await this.conn();
      if (!db) return fallback();
      try {
        return await op(db);
      } catch (e) {
        const name = (e as DOMException)?.name;
        // InvalidStateError: the connection closed under us. QuotaExceededError: storage is full
        // (another entry may have been evicted meanwhile). Both deserve one more try.
        if (
          attempt === 0 &&
          (name === 'InvalidStateError' ||
            name === 'QuotaExceededError' ||
            name === 'TransactionInactiveError')
        ) {
          this.drop();
          continue;
        }
        break;
      }
    }
    this.drop();
    this.mode = 'memory';
    return fallback();
  }

  /** The entry under `key`, or undefined. */
  async get<T>(key: string): Promise<CacheEntry<T> | undefined> {
    return this.run(
      async (db) => (await db.get('entries', key)) as CacheEntry<T> | undefined,
      () => this.memory.get(key) as CacheEntry<T> | undefined,
    );
  }

  /** Stores a value for a content version. Returns false when it only reached memory. */
  async put<T>(key: string, version: string, value: T): Promise<boolean> {
    const entry: CacheEntry<T> = { key, version, value, storedAt: Date.now() };
    this.memory.set(key, entry);
    return this.run(
      async (db) => {
        await db.put('entries', entry as CacheEntry);
        return true;
      },
      () => false,
    );
  }

  /** Removes an entry (a corrupt one, say). */
  async delete(key: string): Promise<void> {
    this.memory.delete(key);
    await this.run(
      (db) => db.delete('entries', key),
      () => undefined,
    );
  }

  close(): void {
    this.drop();
  }
}

/**
 * idb's openDB reads the global indexedDB synchronously when called; point it at another factory
 * for that call only (tests). In browsers the factory is the global and nothing is swapped.
 */
function withFactory<T>(factory: IDBFactory, fn: () => Promise<T>): Promise<T> {
  const g = globalThis as { indexedDB?: IDBFactory };
  if (g.indexedDB === factory) return fn();
  const saved = g.indexedDB;
  g.indexedDB = factory;
  try {
    return fn();
  } finally {
    g.indexedDB = saved;
  }
}
