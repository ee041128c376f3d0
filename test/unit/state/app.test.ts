import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppState } from '../../../src/lib/state/app.svelte';
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

describe('AppState: the URL owns the view', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('changes the view and the address bar together: a push per choice', () => {
    const { loc, writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ metric: 'share' });
    expect(app.view.metric).toBe('share');
    expect(loc.search).toBe('?metric=share');
    expect(writes).toEqual([['push', '/?metric=share']]);
  });

  it('replaces the entry for continuous inputs (the what-if slider)', () => {
    const { writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ metric: 'gap' });
    app.navigate({ target: 1500 }, 'replace');
    app.navigate({ target: 1600 }, 'replace');
    expect(writes).toEqual([
      ['push', '/?metric=gap'],
      ['replace', '/?metric=gap&target=1500'],
      ['replace', '/?metric=gap&target=1600'],
    ]);
  });

  it('writes nothing when the view is what the address bar says', () => {
    const { writes } = fakeBrowser();
    const app = new AppState();
    app.navigate({ metric: 'decision' });
    expect(writes).toEqual([]);
  });

  it('Back (a new address) sets the view from it and writes nothing', () => {
    const { loc, writes } = fakeBrowser();
    const app = new AppState();
    loc.search = '?metric=gap';
    app.readUrl(loc.search);
    expect(writes).toEqual([]);
    expect(app.view.metric).toBe('gap');
  });

  it('once the data are in, the view and the address bar are resolved against them together', async () => {
    const { loc } = fakeBrowser();
    const app = new AppState();
    app.readUrl('?year=1900&metric=share');
    app.setDataset(await loadDataset());
    expect(app.view.metric).toBe('share');
    expect(loc.search).toBe('?metric=share');
    app.navigate({ metric: 'decision', year: 2023 });
    expect(app.classification?.metric).toBe('decision');
    expect(loc.search).toBe('?year=2023');
  });
});
