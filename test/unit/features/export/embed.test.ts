import { describe, expect, it } from 'vitest';
import { embedSrc, embedView, EMBED_HEIGHT, iframeCode } from '../../../../src/features/export/embed';
import { DEFAULT_VIEW, parseView } from '../../../../src/app/url';

const BASE = 'https://example.org/fast-lakarkontakt/';

describe('the iframe code for the current view', () => {
  it('embeds the current view in its canonical form with embed=1', () => {
    expect(embedSrc(BASE, DEFAULT_VIEW)).toBe(`${BASE}?embed=1`);
    expect(embedSrc(BASE, parseView('?lang=en&region=se-i&metric=share'))).toBe(
      `${BASE}?metric=share&region=SE-I&lang=en&embed=1`,
    );
    expect(embedSrc(BASE, parseView('?target=1500&metric=gap&year=2023'))).toBe(
      `${BASE}?metric=gap&year=2023&target=1500&embed=1`,
    );
  });

  it('draws a table, comparison or changes view as the map the embed shows', () => {
    const v = parseView('?view=compare&compare=SE-AB,SE-M&metric=share&from=2022&to=2024');
    expect(embedView(v)).toMatchObject({ view: 'map', compare: [], from: null, to: null, embed: true });
    expect(embedSrc(BASE, v)).toBe(`${BASE}?metric=share&embed=1`);
    // The view itself is left as it was.
    expect(v.view).toBe('compare');
  });

  it('writes a full-width iframe of the embed’s height, named by the view’s title', () => {
    const code = iframeCode(`${BASE}?metric=share&embed=1`, 'Andel med fast läkare, 31 dec. 2023');
    expect(code).toBe(
      [
        '<iframe',
        `  src="${BASE}?metric=share&amp;embed=1"`,
        '  title="Andel med fast läkare, 31 dec. 2023"',
        '  width="100%"',
        `  height="${EMBED_HEIGHT}"`,
        '  style="border:0"',
        '  loading="lazy"',
        '></iframe>',
      ].join('\n'),
    );
    expect(EMBED_HEIGHT).toBe(640);
  });

  it('escapes quotes and angle brackets in the title', () => {
    expect(iframeCode('x', 'A "quoted" <title> & more', 500)).toContain(
      'title="A &quot;quoted&quot; &lt;title&gt; &amp; more"',
    );
    expect(iframeCode('x', 't', 500)).toContain('height="500"');
  });

  it('parses back to the same view, as an embed', () => {
    const v = parseView('?metric=gap&target=1500&region=SE-H&lang=en');
    const src = embedSrc(BASE, v);
    expect(parseView(new URL(src).search)).toEqual({ ...v, embed: true });
  });
});
