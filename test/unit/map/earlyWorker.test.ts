/**
 * The early worker hand-off: MapLibre's `new Worker(<its script>)` during `withEarlyWorker`
 * gets the worker started at boot; anything else is created as usual, the global is restored,
 * and an early worker nobody took is terminated.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

class FakeWorker {
  static created: FakeWorker[] = [];
  terminated = false;
  constructor(
    public url: string | URL,
    public options?: WorkerOptions,
  ) {
    FakeWorker.created.push(this);
  }
  terminate() {
    this.terminated = true;
  }
}

const original = globalThis.Worker;

/** A fresh copy of the module (its early worker is module state). */
async function load() {
  vi.resetModules();
  return import('../../../src/lib/map/earlyWorker');
}

beforeEach(() => {
  FakeWorker.created = [];
  globalThis.Worker = FakeWorker as unknown as typeof Worker;
});
afterEach(() => {
  globalThis.Worker = original;
});

describe('withEarlyWorker', () => {
  it('hands the worker started early to the first new Worker of the worker script', async () => {
    const m = await load();
    m.startMapWorker();
    m.startMapWorker(); // once only
    expect(FakeWorker.created).toHaveLength(1);
    const early = FakeWorker.created[0]!;
    expect(String(early.url)).toBe(m.MAP_WORKER_URL);
    expect(early.options).toEqual({ type: 'module' });
    const got = m.withEarlyWorker(() => new Worker(m.MAP_WORKER_URL, { type: 'module' }));
    expect(got).toBe(early);
    expect(FakeWorker.created).toHaveLength(1);
    expect(early.terminated).toBe(false);
    expect(globalThis.Worker).toBe(FakeWorker);
  });

  it('creates every other worker as usual, and a second one of the script too', async () => {
    const m = await load();
    m.startMapWorker();
    const [a, b, c] = m.withEarlyWorker(() => [
      new Worker('/other.js'),
      new Worker(m.MAP_WORKER_URL, { type: 'module' }),
      new Worker(m.MAP_WORKER_URL, { type: 'module' }),
    ]);
    expect(a).toBeInstanceOf(FakeWorker);
    expect(String((a as unknown as FakeWorker).url)).toBe('/other.js');
    expect(b).toBe(FakeWorker.created[0]);
    expect(c).not.toBe(b);
    expect(FakeWorker.created).toHaveLength(3);
  });

  it('terminates an early worker nobody took, and restores Worker when start throws', async () => {
    const m = await load();
    m.startMapWorker();
    const early = FakeWorker.created[0]!;
    expect(() =>
      m.withEarlyWorker(() => {
        throw new Error('no map');
      }),
    ).toThrow('no map');
    expect(early.terminated).toBe(true);
    expect(globalThis.Worker).toBe(FakeWorker);
    // Handed out once: a later call creates MapLibre's own.
    const later = m.withEarlyWorker(() => new Worker(m.MAP_WORKER_URL, { type: 'module' }));
    expect(later).not.toBe(early);
  });

  it('without an early worker, only runs start', async () => {
    const m = await load();
    expect(m.withEarlyWorker(() => 42)).toBe(42);
    expect(FakeWorker.created).toHaveLength(0);
  });

  it('starts nothing where workers do not exist', async () => {
    const m = await load();
    globalThis.Worker = undefined as unknown as typeof Worker;
    m.startMapWorker();
    globalThis.Worker = FakeWorker as unknown as typeof Worker;
    expect(m.withEarlyWorker(() => 'own')).toBe('own');
    expect(FakeWorker.created).toHaveLength(0);
  });
});
