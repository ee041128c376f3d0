/**
 * The app's one piece of shared state, provided through context. The URL owns the view: `view`
 * is parsed from it and every user choice goes back into it (pushState), so links and Back work.
 * Everything else the components need is derived here.
 */
import { getContext, setContext, tick } from 'svelte';
import type { Dataset, RegionCode } from '../data/schema';
import { loadDict, sv, type Dict } from '../i18n';
import { guidelineOf } from '../domain';
import { classifyCached, surveyFor } from '../domain/classify';
import { summarySentence } from '../features/overview/summary';
import { classMoves } from '../features/changes/changes';
import { changesYears, DEFAULT_VIEW, parseView, resolveView, serialiseView, type ViewState } from './url';
import type { Lang } from '../domain';
import { deriveSeries, type Series } from '../data/series';
import type { DataSource } from '../data/source';
import type { VisitChange } from '../features/visits/visits';
import { afterPaint } from '../ui/afterPaint';
import { yearSpan } from '../i18n/format';
import { surveyYears as builtSurveyYears } from 'virtual:data-files';

const KEY = Symbol('app');

/** Where the data on screen came from, for the status line. */
export type DataOrigin = 'network' | 'cache';

export class AppState {
  /** The view as the URL says, resolved against the data once it has loaded. */
  // Replaced whole on every change, never mutated: a raw state, so reading it costs no proxy.
  view = $state.raw<ViewState>({ ...DEFAULT_VIEW, compare: [] });
  /** Immutable once loaded: a raw state, never a deep proxy (Chart.js and MapLibre get plain data). */
  dataset = $state.raw<Dataset | null>(null);
  /** A load failure to show, with the file that failed. */
  loadError = $state.raw<{ file: string; message: string } | null>(null);
  dataVersion = $state<string | null>(null);
  dataOrigin = $state<DataOrigin>('network');
  /** False when the last attempt to reach the server failed (the data shown is the cached copy). */
  online = $state(true);
  /** The decision classes per region and survey, and their national counts (the trend charts). */
  series: Series | null = $derived(this.dataset ? deriveSeries(this.dataset) : null);
  /** The data source (cache + network), created once at start. */
  source!: DataSource;
  /**
   * A newer version of the app is published (src/app/update.ts): its service worker waits, the
   * server's data are newer than this build's, or this build's code is gone from the server.
   */
  updateAvailable = $state(false);
  /** What changed since the reader's last visit, if anything. */
  visitChange = $state.raw<VisitChange | null>(null);
  /** Transient UI state shared by the map, the list and the tooltip; not part of the URL. */
  hovered = $state<RegionCode | null>(null);
  /** Legend class being pointed at or focused, whose regions are highlighted. */
  highlightedClass = $state<string | null>(null);
  /** Legend class pinned with a click or Enter: stays highlighted until unpinned. */
  pinnedClass = $state<string | null>(null);

  /** Loaded interface strings; Swedish is always there, English once asked for. */
  dicts = $state.raw<Partial<Record<Lang, Dict>>>({ sv });
  /** Strings of the view's language (Swedish until another language has loaded). */
  t = $derived(this.dicts[this.view.lang] ?? sv);
  /** The language on screen: the URL's once its strings have loaded (so text, html lang and number formats agree). */
  lang = $derived<Lang>(this.dicts[this.view.lang] ? this.view.lang : 'sv');
  surveyYears = $derived(this.dataset?.surveys.map((s) => s.year) ?? []);
  /**
   * The surveys' span for the title and kicker (first–last): the data's, or until they have
   * come the build's (index.html's title has the same), so a new survey needs no code change.
   */
  surveySpan = $derived(yearSpan(this.surveyYears.length ? this.surveyYears : builtSurveyYears));
  /** The report's guideline, from the data (1 100); null before the data. */
  guideline = $derived(this.dataset ? guidelineOf(this.dataset) : null);
  /** The what-if target on screen: the view's, or the report's guideline. */
  target = $derived(this.view.target ?? this.guideline ?? 0);
  /** The survey the decision metric shows. */
  survey = $derived(this.dataset ? surveyFor(this.dataset, this.view.year) : null);
  classification = $derived(
    this.dataset ? classifyCached(this.dataset, this.view.metric, this.view.year, this.target) : null,
  );
  summary = $derived.by(() => {
    if (!this.dataset) return '';
    if (this.view.view === 'changes') {
      const { from, to } = this.changesYears;
      const moves = classMoves(
        this.dataset,
        this.dataset.regions.map((r) => r.code),
        from,
        to,
      );
      return this.t.summary.changes(moves.up.length, moves.down.length, from, to, moves.unknown.length);
    }
    return summarySentence(this.dataset, this.view.metric, this.view.year, this.target, this.t, this.lang);
  });
  /** The two surveys the changes view compares, defaults resolved. */
  changesYears = $derived(changesYears(this.view, this.surveyYears));
  /** The survey the region panel treats as "now": the changes view's `to`, else the map's year. */
  panelYear = $derived(this.view.view === 'changes' ? this.changesYears.to : (this.survey?.year ?? null));
  regionName = $derived.by(() => {
    // Rebuilt whenever the dataset changes and never mutated, so a plain Map is right here.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const names = new Map(this.dataset?.regions.map((r) => [r.code, r.name]));
    return (code: RegionCode) => names.get(code) ?? code;
  });
  /** Regions in the highlighted legend class. */
  highlightedRegions = $derived.by((): ReadonlySet<RegionCode> => {
    const id = this.highlightedClass ?? this.pinnedClass;
    const c = this.classification?.classes.find((x) => x.id === id);
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- derived and never mutated
    return new Set(c?.regions ?? []);
  });

  private settle: () => void = () => undefined;
  /**
   * Resolves once the first map is coloured (or cannot be drawn): work that can wait, such as
   * loading Chart.js, waits for it so the map gets the main thread first.
   */
  readonly mapSettled: Promise<void> = new Promise((resolve) => (this.settle = resolve));

  /** Called by the map view when the map is first coloured or has failed. */
  markMapSettled(): void {
    this.settle();
  }

  /** Reads the view from a query string (initial load and popstate). */
  readUrl(search: string): void {
    // The address bar moved (Back, Forward): a write still waiting would undo the move.
    this.cancelUrlWrite();
    this.pendingUrl = null;
    const parsed = parseView(search);
    this.view = this.dataset ? resolveView(parsed, this.surveyYears, guidelineOf(this.dataset)) : parsed;
    void this.ensureLang(parsed.lang);
  }

  /** Loads a language's strings if they are not loaded yet. */
  async ensureLang(lang: Lang): Promise<void> {
    if (this.dicts[lang]) return;
    const d = await loadDict(lang);
    this.dicts = { ...this.dicts, [lang]: d };
  }

  /** Sets the dataset and settles the view against it, rewriting the URL to its canonical form. */
  setDataset(d: Dataset): void {
    this.dataset = d;
    this.loadError = null;
    this.view = resolveView(this.view, this.surveyYears, guidelineOf(d));
    this.writeUrl('replace');
  }

  /**
   * Applies a user choice: merges it into the view and pushes a history entry (or replaces the
   * current one, for continuous inputs such as the what-if slider).
   */
  navigate(patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push'): void {
    const merged = { ...this.view, ...patch };
    // A pinned legend class belongs to one map: another metric or survey has other classes.
    if (merged.metric !== this.view.metric || merged.year !== this.view.year) this.pinnedClass = null;
    this.view = this.dataset ? resolveView(merged, this.surveyYears, guidelineOf(this.dataset)) : merged;
    this.writeUrl(mode);
  }

  /** Closes the region panel and gives the focus back to the region's button in the list. */
  async closeRegion(): Promise<void> {
    const code = this.view.region;
    this.navigate({ region: null });
    await tick();
    if (code)
      document.querySelector<HTMLElement>(`[data-region-chooser] button[data-code="${code}"]`)?.focus();
  }

  /** The canonical URL of the current view. */
  href(view: ViewState = this.view): string {
    return location.pathname + serialiseView(view) + location.hash;
  }

  /** How the waiting address-bar write goes in; null when none waits. */
  private pendingUrl: 'push' | 'replace' | null = null;
  private cancelUrlWrite: () => void = () => undefined;

  /**
   * Puts the view into the address bar and history once the frame that shows it has been
   * painted: pushState costs 1.5–2 ms here, a fifth of a switch, and the reader is waiting for
   * the map, not for the address bar. The view itself changed at once and is the only copy;
   * this only records it. Writes within one frame make one history entry, a push if any was one.
   */
  private writeUrl(mode: 'push' | 'replace'): void {
    const waiting = this.pendingUrl !== null;
    this.pendingUrl = this.pendingUrl === 'push' || mode === 'push' ? 'push' : 'replace';
    if (!waiting) this.cancelUrlWrite = afterPaint(() => this.flushUrl());
  }

  /** Writes the waiting view into the address bar. */
  private flushUrl(): void {
    const mode = this.pendingUrl;
    this.pendingUrl = null;
    this.cancelUrlWrite();
    if (!mode) return;
    const url = this.href();
    if (url === location.pathname + location.search + location.hash) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }
}

/** Provides the app state to the component tree. */
export function setAppState(app: AppState): AppState {
  return setContext(KEY, app);
}

/** The app state provided by App.svelte. */
export function getAppState(): AppState {
  return getContext<AppState>(KEY);
}
