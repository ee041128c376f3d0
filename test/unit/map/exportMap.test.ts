import { describe, expect, it } from 'vitest';
import { IMAGE_WIDTH, mapImageSvg, wrap, xml, type ImageContent } from '../../../src/map/exportMap';
import { approxTextWidth, mapName } from '../../../src/map/labels';
import { mapModel } from '../../../src/map/model';
import { classify } from '../../../src/domain/classify';
import { REGION_CODES } from '../../../src/data/schema';
import { loadDataset } from '../helpers';

const d = await loadDataset();
const c = classify(d, 'share', null, 1100);
const names = Object.fromEntries(d.regions.map((r) => [r.code, r.name]));

/** A measure without a canvas: the labels' estimate, scaled by each font's size. */
const measure = (text: string, font: string) => approxTextWidth(text, Number(/(\d+)px/.exec(font)![1]));

const content: ImageContent = {
  title: 'Andel invånare med fast namngiven läkarkontakt',
  summary: 'En sammanfattning.',
  legendTitle: 'Förklaring',
  legend: c.classes.map((k) => ({ color: k.color, pattern: k.pattern, label: k.id, count: '1' })),
  legendNotes: [],
  source: 'Källa: Sveriges läkarförbund',
  looks: mapModel(c, { selected: null, hovered: null, highlighted: new Set() }),
  mapLabel: 'Karta',
  regionLabels: {},
  names,
  lang: 'sv',
};

/** The image's text elements that name regions: code, the text, and the anchor point. */
function nameMarks(svg: string) {
  return [...svg.matchAll(/<text data-label="(SE-[A-Z]+)"[^>]*>(.*?)<\/text>/g)].map((m) => ({
    code: m[1]!,
    text: [...m[2]!.matchAll(/<tspan x="([\d.]+)" y="([\d.]+)">([^<]*)<\/tspan>/g)]
      .map((t) => t[3])
      .join(' '),
    x: Number(/x="([\d.]+)"/.exec(m[2]!)![1]),
  }));
}

describe('mapImageSvg', () => {
  it('names all 21 regions on the map, as the desktop map does (the image had no names)', () => {
    const { svg } = mapImageSvg(content, measure);
    const marks = nameMarks(svg);
    expect(marks.map((m) => m.code).sort()).toEqual([...REGION_CODES].sort());
    for (const m of marks) expect(m.text).toBe(xml(mapName(names[m.code]!)));
    // Inside the image, and the margin columns have their leaders.
    for (const m of marks) {
      expect(m.x).toBeGreaterThan(0);
      expect(m.x).toBeLessThan(IMAGE_WIDTH);
    }
    expect(svg.match(/<line /g)!.length).toBe(2 * 11);
  });

  it('escapes what it writes: a name with markup stays text', () => {
    const { svg } = mapImageSvg({ ...content, names: { ...names, 'SE-AB': 'Stockholm <&> "x"' } }, measure);
    expect(svg).toContain('Stockholm &#60;&#38;&#62; &#34;x&#34;');
    expect(svg).not.toContain('<&>');
  });

  it('wraps text to the width it is given', () => {
    expect(wrap(measure, 'a b c d', '10px x', 20)).toEqual(['a b', 'c d']);
  });
});
