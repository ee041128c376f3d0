/**
 * MapLibre's worker, started as the page boots rather than when the map module has loaded.
 *
 * The browser hands a new worker its script through the page's main thread, and when MapLibre
 * starts its worker (as the map module runs) that thread is busy creating the map: on a returning
 * visit the worker was seen to wait ~250 ms for its script, and to answer its first message only
 * ~200 ms after the map had sent it the geometry. Started at boot (boot.ts does so on returning
 * visits), the same worker has its script loaded and compiled before the map needs it. This
 * module holds only the worker script's URL, so the page's first chunk stays small.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

let early: Worker | null = null;

/** Starts MapLibre's worker now (once), to be handed to MapLibre by `withEarlyWorker`. */
export function startMapWorker(): void {
  if (early || typeof Worker === 'undefined') return;
  try {
    early = new Worker(workerUrl, { type: 'module' });
    performance.mark('map:worker-start');
  } catch {
    // MapLibre will start its own.
    early = null;
  }
}

/**
 * Runs `start`, during which MapLibre creates its worker (`prewarm()` does so synchronously),
 * so that MapLibre's `new Worker(<its worker script>)` returns the worker started early instead
 * of a second one. Every other `new Worker` is left alone, and the global `Worker` is restored
 * before this returns. An early worker MapLibre did not take is terminated.
 */
export function withEarlyWorker<T>(start: () => T): T {
  const w = early;
  if (!w) return start();
  early = null;
  const Native = globalThis.Worker;
  let taken = false;
  // A function called with `new` that returns an object gives that object.
  globalThis.Worker = function (url: string | URL, options?: WorkerOptions) {
    if (!taken && String(url) === workerUrl) {
      taken = true;
      performance.mark('map:worker-handed');
      return w;
    }
    return new Native(url, options);
  } as unknown as typeof Worker;
  try {
    return start();
  } finally {
    globalThis.Worker = Native;
    if (!taken) w.terminate();
  }
}

/** The worker script's URL (for tests). */
export const MAP_WORKER_URL = workerUrl;
