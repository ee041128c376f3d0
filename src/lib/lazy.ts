/**
 * Components that are not needed for the first screen, loaded on demand (and prefetched on the
 * reader's first sign of intent), so the first paint carries only the map view's code.
 */
const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load().catch((e) => ((p = null), Promise.reject(e))));
};

/** Chart.js and the chart builders: only the region panel draws with Chart.js. */
export const loadCharts = once(() => import('./charts/chart'));
const importRegionPanel = once(() => import('../components/RegionPanel.svelte'));
/** The region panel; its charts' code is fetched alongside, so they follow the panel closely. */
export const loadRegionPanel = once(() => {
  void loadCharts().catch(() => undefined);
  return importRegionPanel();
});
/**
 * The region panel's own code (~5 KB), without Chart.js: fetched once the map is drawn, so a
 * first tap on a region (no hover to prefetch on, on a phone) does not wait for a round trip.
 */
export const prefetchRegionPanel = importRegionPanel;
export const loadDataTable = once(() => import('../components/DataTable.svelte'));
export const loadChangesView = once(() => import('../components/ChangesView.svelte'));
export const loadCompareView = once(() => import('../components/CompareView.svelte'));
export const loadWhatIf = once(() => import('../components/WhatIf.svelte'));
export const loadVisitNotice = once(() => import('../components/VisitNotice.svelte'));

/**
 * Calls `fn` once `after` has settled and the page is idle (at the latest `timeout` ms later).
 * Where the browser has no idle callbacks, `fallbackMs` after `after` instead.
 */
export function afterIdle(
  after: Promise<unknown>,
  fn: () => void,
  timeout: number,
  fallbackMs: number,
): void {
  const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, fallbackMs));
  void after.then(() => idle(fn, { timeout }));
}

/**
 * Fetches the given lazy parts once the map is drawn and the page is idle: the controls one
 * click away (the what-if slider of the doctor-gap metric) are then there when clicked, and
 * their late arrival never lands in the middle of a restyle.
 */
export function prefetchWhenIdle(after: Promise<void>, ...loaders: Array<() => Promise<unknown>>): void {
  afterIdle(after, () => loaders.forEach((load) => void load().catch(() => undefined)), 3000, 200);
}
