/**
 * Components that are not needed for the first screen, loaded on demand (and prefetched on the
 * reader's first sign of intent), so the first paint carries only the map view's code.
 */
const once = <T>(load: () => Promise<T>) => {
  let p: Promise<T> | null = null;
  return () => (p ??= load().catch((e) => ((p = null), Promise.reject(e))));
};

export const loadRegionPanel = once(() => import('../components/RegionPanel.svelte'));
export const loadDataTable = once(() => import('../components/DataTable.svelte'));
export const loadChangesView = once(() => import('../components/ChangesView.svelte'));
export const loadCompareView = once(() => import('../components/CompareView.svelte'));
export const loadWhatIf = once(() => import('../components/WhatIf.svelte'));
export const loadVisitNotice = once(() => import('../components/VisitNotice.svelte'));
