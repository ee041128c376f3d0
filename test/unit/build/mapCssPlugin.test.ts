import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pruneCss, UNUSED_MAPLIBRE } from '../../../src/build/mapCssPlugin';

describe('pruneCss', () => {
  const drop = /\.gone|x-gone/;
  it.each([
    ['a rule whose only selector matches goes', '.gone{color:red}.kept{color:blue}', '.kept{color:blue}'],
    ['matching selectors leave a list', '.gone,.kept{x:1}', '.kept{x:1}'],
    ['commas inside :is() do not split', ':is(.a,.b) .kept{x:1}', ':is(.a,.b) .kept{x:1}'],
    ['a selector with :is(.gone) goes', ':is(.a,.gone){x:1}.k{y:2}', '.k{y:2}'],
    ['a media query left empty goes', '@media(hover:hover){.gone{x:1}}.k{y:2}', '.k{y:2}'],
    ['a media query keeps what is left', '@media screen{.gone{x:1}.k{y:2}}', '@media screen{.k{y:2}}'],
    ['keyframes named by drop go', '@keyframes x-gone{0%{a:1}}.k{y:2}', '.k{y:2}'],
    ['other keyframes stay whole', '@keyframes spin{0%{a:1}to{a:2}}', '@keyframes spin{0%{a:1}to{a:2}}'],
    ['braces inside strings are not rules', '.k{content:"}{"}.gone{x:1}', '.k{content:"}{"}'],
    [
      'quotes inside data URIs are skipped',
      `.k{background:url("data:image/svg+xml,%3Csvg xmlns='http://x'%3E")}.gone{a:1}`,
      `.k{background:url("data:image/svg+xml,%3Csvg xmlns='http://x'%3E")}`,
    ],
  ])('%s', (_, css, want) => expect(pruneCss(css, drop)).toBe(want));
});

describe("MapLibre's stylesheet, pruned", () => {
  const css = readFileSync('node_modules/maplibre-gl/dist/maplibre-gl.css', 'utf8');
  const out = pruneCss(css, UNUSED_MAPLIBRE);

  it('keeps the rules for every part the map creates', () => {
    for (const sel of [
      '.maplibregl-map{',
      '.maplibregl-canvas{',
      '.maplibregl-ctrl-top-right{',
      '.maplibregl-ctrl-zoom-in .maplibregl-ctrl-icon{background-image',
      '.maplibregl-ctrl-zoom-out .maplibregl-ctrl-icon{background-image',
      '.maplibregl-ctrl-attrib-button{',
      '.maplibregl-compact',
      '.maplibregl-cooperative-gesture-screen{',
      '.maplibregl-boxzoom{',
    ])
      expect(out, sel).toContain(sel);
  });

  it('drops controls, popups and markers the dashboard never makes', () => {
    for (const part of [
      'geolocate',
      'compass',
      'fullscreen',
      'popup',
      'marker',
      'user-location',
      'ctrl-logo',
    ])
      expect(out, part).not.toContain(`maplibregl-${part}`);
  });

  it('is a fraction of the original and still balanced', () => {
    expect(out.length).toBeLessThan(css.length * 0.2);
    expect(out.split('{').length).toBe(out.split('}').length);
  });
});
