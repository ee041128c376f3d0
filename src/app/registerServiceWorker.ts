/**
 * Registers the service worker (Workbox, built by vite-plugin-pwa: offline after one visit) once
 * the first coloured map is on screen and the page is idle. Registering at the load event, as the
 * plugin's own script did, started a 2 MB precache while a phone was still drawing the first
 * screen. Not in an embed: a newspaper's reader gets no service worker of ours. Where service
 * workers are unavailable or refused (a sandboxed frame throws on the very property), nothing
 * happens and the app works from the network.
 */
import { afterIdle } from './lazy';

export function registerServiceWorker(
  after: Promise<unknown>,
  embed: boolean,
  onRegistered: (r: ServiceWorkerRegistration) => void = () => undefined,
): void {
  // Framed by another site, ?embed=1 or not: a worker registered from a third-party frame (where
  // storage is not partitioned) would take over the site's own readers' pages.
  if (embed || framedByAnotherOrigin()) return;
  afterIdle(
    after,
    () => {
      try {
        const base = import.meta.env.BASE_URL;
        void navigator.serviceWorker
          ?.register(`${base}sw.js`, { scope: base })
          .then(onRegistered)
          .catch(() => undefined);
      } catch {
        // A sandboxed or otherwise restricted frame: no offline copy, nothing else lost.
      }
    },
    5000,
    1000,
  );
}

/**
 * Whether the page runs in a frame of another origin (or an opaque one: a sandboxed frame). A
 * parent of the same origin is the site itself (the browser tests' harness frames the app).
 */
function framedByAnotherOrigin(): boolean {
  try {
    return window.top !== window.self && window.top?.location.origin !== location.origin;
  } catch {
    // Reading another origin's location throws.
    return true;
  }
}
