/**
 * The update path after a deploy. The service worker no longer takes over open pages by itself
 * (vite.config.ts: `registerType: 'prompt'`): a new one installs beside the old and waits, so a tab
 * running the old code keeps the old precache (its lazily loaded chunks included) and never mixes
 * old code with new data. The reader is told a new version exists, and the new version takes
 * over when they choose to reload: the waiting worker is activated first, then the page reloads
 * under it. What tells the app a new version exists:
 * - a service worker installed while another controls the page (found at registration too);
 * - the server's content manifest names other data than this build's (`virtual:data-files`);
 *   the browser is then asked to look for the new worker at once;
 * - a chunk of this build's code can no longer be loaded (the server has only the new build's).
 */
import { version as buildDataVersion } from 'virtual:data-files';
import { onLoadFailure } from './lazy';
import type { AppState } from './state.svelte';

/** Where service workers are unavailable or refused (a sandboxed frame throws on the property). */
function serviceWorkers(): ServiceWorkerContainer | null {
  try {
    return navigator.serviceWorker ?? null;
  } catch {
    return null;
  }
}

/** Flags `app.updateAvailable` when a worker waits in `registration`, now or once installed. */
export function watchRegistration(app: AppState, registration: ServiceWorkerRegistration): void {
  const sw = serviceWorkers();
  // The first install (no controller yet) is not an update.
  const waiting = () => {
    if (registration.waiting && sw?.controller) app.updateAvailable = true;
  };
  waiting();
  registration.addEventListener('updatefound', () => {
    const worker = registration.installing;
    worker?.addEventListener('statechange', () => {
      if (worker.state === 'installed') waiting();
    });
  });
}

/**
 * Compares the server's data version with this build's; when they differ, a new version is
 * published: the reader is told, and the browser asked to fetch the new service worker now.
 */
export function checkServerVersion(app: AppState, serverVersion: string | null): void {
  if (!serverVersion || serverVersion === buildDataVersion) return;
  app.updateAvailable = true;
  void serviceWorkers()
    ?.getRegistration()
    .then((r) => r?.update())
    .catch(() => undefined);
}

/** Listens for this build's code failing to load; returns the cleanup. */
export function watchCodeLoads(app: AppState): () => void {
  return onLoadFailure(() => (app.updateAvailable = true));
}

/**
 * Moves to the new version: activates the waiting service worker and reloads once it controls
 * the page; without one (no service worker, or it is still installing) a plain reload, which
 * fetches the new index.html (served `no-cache`).
 */
export async function applyUpdate(): Promise<void> {
  const sw = serviceWorkers();
  const registration = await sw?.getRegistration().catch(() => undefined);
  const next = registration?.waiting ?? registration?.installing;
  // Still installing (the reader was quick): wait for it rather than reload into the old version.
  if (next && next.state === 'installing')
    await new Promise<void>((ok) => {
      const done = () => {
        if (next.state !== 'installing') ok();
      };
      next.addEventListener('statechange', done);
    });
  if (!sw || !next || next.state !== 'installed') {
    location.reload();
    return;
  }
  sw.addEventListener('controllerchange', () => location.reload(), { once: true });
  next.postMessage({ type: 'SKIP_WAITING' });
}
