/**
 * Loading, beside the app state and out of the layout: the dataset from the cache and the
 * network (DataSource), retries (the retry button, the browser coming back online, a new service
 * worker with a new app), visit tracking ("changed since your last visit") and the service
 * worker's registration. App.svelte only calls `start()` and offers `load` to the retry button.
 */
import { isAbort } from '../data/load';
import { KEYS, type DataSource } from '../data/source';
import { DataError } from '../data/validate';
import { registerServiceWorker } from './registerServiceWorker';
import { fingerprints, readVisitRecord, visitChange, type VisitRecord } from '../features/visits/visits';
import { checkServerVersion, watchCodeLoads, watchRegistration } from './update';
import type { AppState } from './state.svelte';

export interface Loading {
  /** Loads (or reloads) the dataset; a load under way is aborted first. */
  load(): Promise<void>;
  /** Starts loading and listens for what should load again; returns the cleanup. */
  start(): () => void;
}

/** The loading of `app`'s data from `app.source`. */
export function loading(app: AppState): Loading {
  let controller: AbortController | null = null;

  async function load(): Promise<void> {
    controller?.abort();
    const ctrl = (controller = new AbortController());
    const live = () => !ctrl.signal.aborted;
    app.loadError = null;
    const source = app.source;
    try {
      const { online } = await source.dataset(async (u) => {
        // Checked and validated in the task that brought the last file; drawn in a task of its
        // own: two shorter tasks on a phone instead of one long one.
        await new Promise((r) => setTimeout(r));
        if (!live()) return;
        performance.mark(`data:${u.origin}`);
        app.setDataset(u.dataset);
        app.dataVersion = u.version;
        app.dataOrigin = u.origin;
        // Bookkeeping waits until the map is drawn.
        if (u.version && u.origin === 'network') afterMap(() => trackVisit(source, u.version!));
      }, ctrl.signal);
      if (!live()) return;
      app.online = online;
      // The manifest's request is shared with the load: no second request.
      if (online) checkServerVersion(app, (await source.manifest(ctrl.signal))?.version ?? null);
      // A visit served from the cache still records the version seen.
      const shown = app.dataVersion;
      if (shown && app.dataset && app.dataOrigin === 'cache') afterMap(() => trackVisit(source, shown));
    } catch (e) {
      if (isAbort(e) || !live()) return;
      app.online = navigator.onLine;
      app.loadError =
        e instanceof DataError
          ? { file: e.file, message: e.problems.join('; ') }
          : { file: '', message: e instanceof Error ? e.message : String(e) };
    }

    function afterMap(work: () => Promise<void>) {
      void app.mapSettled.then(() => {
        if (live()) void work();
      });
    }
  }

  /** Compares with the last visit's fingerprints, then records this one. */
  async function trackVisit(source: DataSource, version: string): Promise<void> {
    const d = app.dataset;
    if (!d) return;
    const store = await source.store;
    // A corrupt record threw here on every load, before the new one was written: it never healed.
    const prev = readVisitRecord((await store.get<unknown>(KEYS.visit))?.value);
    const change = visitChange(prev, d, version);
    if (change) app.visitChange = change;
    if (!prev || prev.version !== version)
      await store.put<VisitRecord>(KEYS.visit, version, { version, fingerprints: fingerprints(d) });
  }

  function start(): () => void {
    void load();
    registerServiceWorker(app.mapSettled, app.view.embed, (r) => watchRegistration(app, r));
    const stopWatchingCode = watchCodeLoads(app);
    // Without a map on the first screen nothing needs to wait for one; and never wait forever.
    if (app.view.view !== 'map') app.markMapSettled();
    const settleTimer = setTimeout(() => app.markMapSettled(), 4000);
    const onPop = () => app.readUrl(location.search);
    const onOnline = () => {
      if (!app.online || app.loadError) void load();
    };
    window.addEventListener('popstate', onPop);
    window.addEventListener('online', onOnline);
    return () => {
      clearTimeout(settleTimer);
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('online', onOnline);
      stopWatchingCode();
      controller?.abort();
    };
  }

  return { load, start };
}
