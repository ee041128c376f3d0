import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppState, coloursOnly } from '../../../src/lib/state/app.svelte';
import { DEFAULT_VIEW, type ViewState } from '../../../src/lib/state/url';
import { loadDataset } from '../helpers';

// The address bar as the app sees it: a path, a query and a history that records each write.
function fakeBrowser() {
  const loc = { pathname: '/', search: '', hash: '' };
  const writes: Array<[string, string]> = [];
  const set = (url: string) =>
    (loc.search = url.slice(url.indexOf('?') === -1 ? url.length : url.indexOf('?')));
  vi.stubGlobal('location', loc);
  vi.stubGlobal('history', {
    pushState: (_: unknown, __: string, url: string) => (writes.push(['push', url]), set(url)),
    replaceState: (_: unknown, __: string, url: string) => (writes.push(['replace', url]), set(url)),
  });
  return { loc, writes };
}

/**
 * Frames and timers under the test's control, for each test of the calling describe block.
 * Returns `paint()`: runs the waiting frame callbacks, then the tasks they queued.
 */
function fakeFrames(): () => void {
  let frames: Array<() => void> = [];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (cb: () => void) => frames.push(cb));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  return () => {
    frames.splice(0).forEach((f) => f());
    vi.advanceTimersByTime(0);
  };
}

describe('AppState: the URL follows the view after the next paint', () => {
  const paint = fakeFrames();

  it('changes the view at once and the address bar after the frame', () => {
    const { writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ metric: 'share' });
    expect(app.view.metric).toBe('share');
    expect(writes).toEqual([]);
    paint();
    expect(writes).toEqual([['push', '/?metric=share']]);
  });

  it('makes one history entry for changes within one frame, a push if any was one', () => {
    const { writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ metric: 'gap' });
    app.navigate({ target: 1500 }, 'replace');
    paint();
    expect(writes).toEqual([['push', '/?metric=gap&target=1500']]);
    app.navigate({ target: 1600 }, 'replace');
    paint();
    expect(writes.at(-1)).toEqual(['replace', '/?metric=gap&target=1600']);
    expect(writes).toHaveLength(2);
  });

  it('writes nothing when the view comes back to what the address bar says', () => {
    const { writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ metric: 'share' });
    app.navigate({ metric: 'decision' });
    paint();
    expect(writes).toEqual([]);
  });

  it('flushUrl writes at once (a copied link is the view on screen)', () => {
    const { loc, writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ region: 'SE-I' });
    app.flushUrl();
    expect(loc.search).toBe('?region=SE-I');
    paint();
    expect(writes).toHaveLength(1);
  });

  it('drops a waiting write when Back moves the address bar first', () => {
    const { loc, writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ metric: 'share' });
    loc.search = '?metric=gap';
    app.readUrl(loc.search);
    paint();
    expect(writes).toEqual([]);
    expect(app.view.metric).toBe('gap');
  });
});

describe('AppState: a switch reaches the map a frame before the text', () => {
  const paint = fakeFrames();
  beforeEach(() => void fakeBrowser());
  async function loaded() {
    const app = new AppState();
    app.setDataset(await loadDataset());
    paint();
    return app;
  }

  it('colours the map with the new metric first, then moves the view', async () => {
    const app = await loaded();
    app.navigate({ metric: 'share' });
    expect(app.mapClassification?.metric).toBe('share');
    expect(app.view.metric).toBe('decision');
    expect(app.classification?.metric).toBe('decision');
    paint();
    expect(app.view.metric).toBe('share');
    expect(app.classification).toEqual(app.mapClassification);
  });

  it('chains switches made before the frame and ends on the last', async () => {
    const app = await loaded();
    app.navigate({ metric: 'gap' });
    app.navigate({ target: 1500 }, 'replace');
    expect(app.mapClassification?.metric).toBe('gap');
    paint();
    expect(app.view).toMatchObject({ metric: 'gap', target: 1500 });
  });

  it('applies other changes at once, taking a waiting switch along', async () => {
    const app = await loaded();
    app.navigate({ metric: 'share' });
    app.navigate({ region: 'SE-I' });
    expect(app.view).toMatchObject({ metric: 'share', region: 'SE-I' });
    expect(app.mapClassification).toEqual(app.classification);
  });

  it('coloursOnly: metric, year and target on the map view only', () => {
    const v = (p: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, compare: [], ...p });
    const cases: Array<[Partial<ViewState>, Partial<ViewState>, boolean]> = [
      [{}, { metric: 'share' }, true],
      [{}, { year: 2023 }, true],
      [{}, { target: 1500 }, true],
      [{}, {}, false],
      [{}, { region: 'SE-I' }, false],
      [{}, { metric: 'share', region: 'SE-I' }, false],
      [{ view: 'table' }, { view: 'table', metric: 'share' }, false],
      [{ compare: ['SE-I'] }, { compare: ['SE-I'], metric: 'gap' }, true],
      [{ compare: ['SE-I'] }, { compare: ['SE-K'], metric: 'gap' }, false],
    ];
    for (const [a, b, want] of cases) expect(coloursOnly(v(a), v(b)), JSON.stringify([a, b])).toBe(want);
  });
});
