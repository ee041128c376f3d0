/**
 * Components that are not needed for the first screen, loaded on demand and prefetched on the
 * reader's first sign of intent (a pointer over, a finger on or the focus in what opens them),
 * never at idle: on a phone, evaluating them then was a long task in the middle of the first
 * seconds (Lighthouse's mobile profile counted it as blocking time).
 */
const failureListeners = new Set<(e: unknown) => void>();

/**
 * Calls `fn` whenever a component's code fails to load (after a deploy, the server no longer has
 * this build's chunks); returns the cleanup.
 */
export function onLoadFailure(fn: (e: unknown) => void): () => void {
  failureListeners.add(fn);
  return () => failureListeners.delete(fn);
}

const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () =>
    (p ??= load().catch((e) => {
      p = null;
      for (const fn of failureListeners) fn(e);
      return Promise.reject(e);
    }));
};

/** Chart.js and the chart builders: only the region panel draws with Chart.js. */
export const loadCharts = once(() => import('../charts/chartjs'));
const importRegionPanel = once(() => import('../features/panel/RegionPanel.svelte'));
/** The region panel; its charts' code is fetched alongside, so they follow the panel closely. */
export const loadRegionPanel = once(() => {
  void loadCharts().catch(() => undefined);
  return importRegionPanel();
});
export const loadDataTable = once(() => import('../features/table/DataTable.svelte'));
export const loadChangesView = once(() => import('../features/changes/ChangesView.svelte'));
export const loadCompareView = once(() => import('../features/compare/CompareView.svelte'));
export const loadWhatIf = once(() => import('../features/whatif/WhatIf.svelte'));
export const loadVisitNotice = once(() => import('../features/visits/VisitNotice.svelte'));
export const loadUpdateNotice = once(() => import('../features/update/UpdateNotice.svelte'));

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
