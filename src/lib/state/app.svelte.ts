/**
 * The app's one piece of shared state, provided through context. The URL owns the view: `view`
 * is parsed from it and every user choice goes back into it (pushState), so links and Back work.
 * Everything else the components need is derived here.
 */
import { getContext, setContext, tick } from 'svelte';
import type { Dataset, RegionCode } from '../data/schema';
import { loadDict, sv, type Dict } from '../i18n';
import { classifyCached, surveyFor } from '../metrics/classify';
import { summarySentence } from '../summary';
import { classMoves } from '../changes';
import {
  changesYears,
  DEFAULT_VIEW,
  parseView,
  resolveView,
  serialiseView,
  type Lang,
  type ViewState,
} from './url';
import type { Series } from '../series';
import type { DataSource } from '../data/source';
import type { SwedenTopology } from '../geo/topology';
import type { VisitChange } from '../visits';
import { afterPaint } from '../afterPaint';

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
  /** Derived series for the charts, cached per data version. */
  series = $state.raw<Series | null>(null);
  /** The data source (cache + network), created once at start. */
  source!: DataSource;
  /**
   * The topology, asked for at start: the map (drawn from its own tiles) takes the regions' label
   * points from it, and its failure is what an offline first visit looks like.
   */
  topology = $state.raw<Promise<{ topology: SwedenTopology }>>(new Promise(() => undefined));
  /** True when the last request for the geometry failed (it is asked for again on retry). */
  topologyFailed = false;

  /** Asks the data source for the geometry (again). */
  requestTopology(): void {
    this.topologyFailed = false;
    const p = this.source.topology();
    p.catch(() => (this.topologyFailed = true));
    this.topology = p;
  }
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
  /** The survey the decision metric shows. */
  survey = $derived(this.dataset ? surveyFor(this.dataset, this.view.year) : null);
  classification = $derived(
    this.dataset ? classifyCached(this.dataset, this.view.metric, this.view.year, this.view.target) : null,
  );
  /**
   * A view the map shows one frame ahead of everything else: a switch of metric, year or target
   * restyles the map in the very next frame, and the text (legend, summary, list, panel) follows
   * in the frame after. Null when nothing is ahead.
   */
  private ahead = $state.raw<ViewState | null>(null);
  /** The classification the map draws: the view's, or the one a switch is bringing in. */
  mapClassification = $derived(
    this.ahead && this.dataset
      ? classifyCached(this.dataset, this.ahead.metric, this.ahead.year, this.ahead.target)
      : this.classification,
  );
  summary = $derived.by(() => {
    if (!this.dataset) return '';
    if (this.view.view === 'changes' && this.series) {
      const { from, to } = this.changesYears;
      const moves = classMoves(
        this.series,
        this.dataset.regions.map((r) => r.code),
        from,
        to,
      );
      return this.t.summary.changes(moves.up.length, moves.down.length, from, to, moves.unknown.length);
    }
    return summarySentence(
      this.dataset,
      this.view.metric,
      this.view.year,
      this.view.target,
      this.t,
      this.lang,
    );
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
    this.ahead = null;
    const parsed = parseView(search);
    this.view = this.dataset ? resolveView(parsed, this.surveyYears) : parsed;
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
    this.view = resolveView(this.view, this.surveyYears);
    this.writeUrl('replace');
  }

  /**
   * Applies a user choice: merges it into the view and pushes a history entry (or replaces the
   * current one, for continuous inputs such as the what-if slider).
   */
  navigate(patch: Partial<ViewState>, mode: 'push' | 'replace' = 'push'): void {
    const base = this.ahead ?? this.view;
    const merged = { ...base, ...patch };
    // A pinned legend class belongs to one map: another metric or survey has other classes.
    if (merged.metric !== base.metric || merged.year !== base.year) this.pinnedClass = null;
    const next = this.dataset ? resolveView(merged, this.surveyYears) : merged;
    if (this.dataset && coloursOnly(this.view, next)) this.ahead = next;
    else {
      this.ahead = null;
      this.view = next;
    }
    // The view catches up with the map when the address bar does, after the paint (flushUrl).
    this.writeUrl(mode);
  }

  /** Brings everything else up to the view the map is showing ahead (see `mapClassification`). */
  private commitView(): void {
    if (!this.ahead) return;
    this.view = this.ahead;
    this.ahead = null;
  }

  /** Closes the region panel and gives the focus back to the region's button in the list. */
  async closeRegion(): Promise<void> {
    const code = this.view.region;
    this.navigate({ region: null });
    await tick();
    if (code)
      document.querySelector<HTMLElement>(`[data-testid="region-list"] button[data-code="${code}"]`)?.focus();
  }

  /** The canonical URL of the current view. */
  href(view: ViewState = this.view): string {
    return location.pathname + serialiseView(view) + location.hash;
  }

  /** How the next address-bar write goes in, while one waits for the frame to be painted. */
  private pendingUrl: 'push' | 'replace' | null = null;
  private cancelUrlWrite: () => void = () => undefined;

  /**
   * Puts the view into the address bar after the next paint: pushState costs milliseconds, and a
   * switch should restyle the map in the very next frame. Changes within one frame make one
   * history entry, a push if any of them was one.
   */
  private writeUrl(mode: 'push' | 'replace'): void {
    const waiting = this.pendingUrl !== null;
    this.pendingUrl = this.pendingUrl === 'push' || mode === 'push' ? 'push' : 'replace';
    if (!waiting) this.cancelUrlWrite = afterPaint(() => this.flushUrl());
  }

  /** Writes a waiting view change into the address bar and history now. */
  flushUrl(): void {
    this.commitView();
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

/**
 * True when two map views differ only in what colours the map (metric, survey year, what-if
 * target): the one kind of change the map can show a frame ahead of the text.
 */
export function coloursOnly(a: ViewState, b: ViewState): boolean {
  if (a.view !== 'map' || b.view !== 'map') return false;
  let changed = false;
  for (const k of Object.keys(DEFAULT_VIEW) as Array<keyof ViewState>) {
    const same = Array.isArray(a[k]) ? String(a[k]) === String(b[k]) : a[k] === b[k];
    if (same) continue;
    if (k !== 'metric' && k !== 'year' && k !== 'target') return false;
    changed = true;
  }
  return changed;
}

/** Provides the app state to the component tree. */
export function setAppState(app: AppState): AppState {
  return setContext(KEY, app);
}

/** The app state provided by App.svelte. */
export function getAppState(): AppState {
  return getContext<AppState>(KEY);
}
