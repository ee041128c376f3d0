import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppState } from '../../../src/app/state.svelte';
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

describe('AppState: the URL owns the view; the address bar records it once the frame is painted', () => {
  const paint = fakeFrames();

  it('changes the view at once and the address bar after the frame: a push per choice', () => {
    const { loc, writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ metric: 'share' });
    expect(app.view.metric).toBe('share');
    expect(writes).toEqual([]);
    // The view's own link is there at once (what "Kopiera länk" copies).
    expect(app.href()).toBe('/?metric=share');
    paint();
    expect(loc.search).toBe('?metric=share');
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

  it('drops a waiting write when Back moves the address bar first, and takes the view from it', () => {
    const { loc, writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ metric: 'share' });
    loc.search = '?metric=gap';
    app.readUrl(loc.search);
    paint();
    expect(writes).toEqual([]);
    expect(app.view.metric).toBe('gap');
  });

  it('once the data are in, the view and the address bar are resolved against them together', async () => {
    const { loc } = fakeBrowser();
    const app = new AppState();
    app.readUrl('?year=1900&metric=share');
    app.setDataset(await loadDataset());
    paint();
    expect(app.view.metric).toBe('share');
    expect(loc.search).toBe('?metric=share');
    app.navigate({ metric: 'decision', year: 2023 });
    expect(app.classification?.metric).toBe('decision');
    paint();
    expect(loc.search).toBe('?year=2023');
  });
});
