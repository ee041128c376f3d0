import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  parseView,
  resolveView,
  serialiseView,
  type ViewState,
  changesYears,
} from '../../../src/app/url';
import { COMPARE_MAX, WHATIF } from '../../../src/domain';

const view = (over: Partial<ViewState>): ViewState => ({ ...DEFAULT_VIEW, compare: [], ...over });

describe('parseView / serialiseView round trip', () => {
  const views: Array<[string, ViewState]> = [
    ['default', view({})],
    ['share metric', view({ metric: 'share' })],
    ['gap metric at 800', view({ metric: 'gap', target: 800 })],
    ['gap metric at 2000', view({ metric: 'gap', target: 2000 })],
    ['gap metric at 1450', view({ metric: 'gap', target: 1450 })],
    ['year 2023', view({ year: 2023 })],
    ['region Gotland', view({ region: 'SE-I' })],
    ['table view', view({ view: 'table' })],
    ['changes with from/to', view({ view: 'changes', from: 2023, to: 2025 })],
    ['only from', view({ view: 'changes', from: 2022 })],
    ['only to', view({ view: 'changes', to: 2024 })],
    ['compare one', view({ view: 'compare', compare: ['SE-AB'] })],
    [
      'compare four, picked order kept',
      view({ view: 'compare', compare: ['SE-Z', 'SE-AB', 'SE-I', 'SE-BD'] }),
    ],
    ['english', view({ lang: 'en' })],
    ['embed', view({ embed: true })],
    [
      'everything',
      view({
        metric: 'gap',
        year: 2024,
        region: 'SE-AC',
        view: 'compare',
        lang: 'en',
        target: 1250,
        compare: ['SE-C', 'SE-D'],
        from: 2022,
        to: 2024,
        embed: true,
      }),
    ],
  ];

  it.each(views)('%s', (_name, v) => {
    const q = serialiseView(v);
    expect(parseView(q)).toEqual(v);
    // Serialising the parsed view gives the same link again.
    expect(serialiseView(parseView(q))).toBe(q);
  });

  it('parses with or without the leading question mark', () => {
    expect(parseView('metric=share&region=SE-I')).toEqual(parseView('?metric=share&region=SE-I'));
    expect(parseView('metric=share').metric).toBe('share');
  });

  it('writes the default view as an empty string', () => {
    expect(serialiseView(DEFAULT_VIEW)).toBe('');
    expect(parseView('')).toEqual(DEFAULT_VIEW);
  });

  it('keeps commas literal in compare', () => {
    expect(serialiseView(view({ compare: ['SE-AB', 'SE-C'] }))).toBe('?compare=SE-AB,SE-C');
  });
});

describe('canonical form', () => {
  it.each([
    ['?lang=en&metric=share', '?metric=share&lang=en'],
    ['?embed=1&view=table&unknown=x', '?view=table&embed=1'],
    // A target is kept by the pure pair; resolveView drops the one equal to the data's guideline.
    ['?metric=decision&view=map&lang=sv&target=1100', '?target=1100'],
    ['?region=se-ab', '?region=SE-AB'],
    ['?region=%20se-i%20', '?region=SE-I'],
    ['?compare=se-c,SE-C,se-d', '?compare=SE-C,SE-D'],
    ['?compare=SE-AB%2CSE-C', '?compare=SE-AB,SE-C'],
    ['?to=2025&from=2023&year=2024', '?year=2024&from=2023&to=2025'],
    ['?target=1500&metric=gap&region=SE-K', '?metric=gap&region=SE-K&target=1500'],
    ['?target=0800', '?target=800'],
    ['?embed=true', ''],
    ['?embed=1&embed=0', '?embed=1'],
    ['?metric=share&metric=gap', '?metric=share'],
    ['?year=2024&region=junk&lang=de', '?year=2024'],
  ])('%s → %s', (messy, canonical) => {
    expect(serialiseView(parseView(messy))).toBe(canonical);
  });
});

describe('junk and hostile input falls back to defaults', () => {
  it.each([
    ['region=<script>alert(1)</script>', 'region', null],
    ['region=SE-XX', 'region', null],
    ['region=SE', 'region', null],
    ['region=', 'region', null],
    ['year=1900', 'year', null],
    ['year=2101', 'year', null],
    ['year=20245', 'year', null],
    ['year=024', 'year', null],
    ['year=2024.0', 'year', null],
    ['year=-2024', 'year', null],
    ['year=%202024', 'year', null],
    ['from=abcd', 'from', null],
    ['to=1999', 'to', null],
    [`metric=${'x'.repeat(5000)}`, 'metric', 'decision'],
    ['metric=SHARE', 'metric', 'decision'],
    ['metric=__proto__', 'metric', 'decision'],
    ['metric=constructor', 'metric', 'decision'],
    ['view=toString', 'view', 'map'],
    ['view=', 'view', 'map'],
    ['lang=EN', 'lang', 'sv'],
    ['lang=fr', 'lang', 'sv'],
    ['target=1234', 'target', null],
    ['target=abc', 'target', null],
    ['target=750', 'target', null],
    ['target=2050', 'target', null],
    ['target=1100.0', 'target', null],
    ['target=1e3', 'target', null],
    ['target=-900', 'target', null],
    ['target=%201200', 'target', null],
    ['embed=yes', 'embed', false],
    ['embed=', 'embed', false],
  ] as const)('?%s → %s = %s', (q, key, expected) => {
    const v = parseView(`?${q}`);
    expect(v[key]).toEqual(expected);
    // Everything else is the default too.
    expect({ ...v, [key]: DEFAULT_VIEW[key] }).toEqual(DEFAULT_VIEW);
  });

  it('ignores over-long values even when they start with a valid one', () => {
    expect(parseView(`?region=SE-AB${' '.repeat(100)}`).region).toBeNull();
    expect(parseView(`?compare=SE-AB,${'SE-C,'.repeat(30)}`).compare).toEqual([]);
  });

  it('accepts every step of the target range and nothing in between', () => {
    for (let t = WHATIF.min; t <= WHATIF.max; t += 10) {
      const expected = (t - WHATIF.min) % WHATIF.step === 0 ? t : null;
      expect(parseView(`?target=${t}`).target).toBe(expected);
    }
  });

  it('accepts the boundary years 2000 and 2100', () => {
    expect(parseView('?year=2000').year).toBe(2000);
    expect(parseView('?year=2100').year).toBe(2100);
    expect(parseView('?year=1999').year).toBeNull();
  });

  it('dedupes, drops invalid codes and keeps at most four regions in compare', () => {
    const v = parseView('?compare=SE-I,SE-I,XX,SE-AB,SE-C,SE-D,SE-E');
    expect(v.compare).toEqual(['SE-I', 'SE-AB', 'SE-C', 'SE-D']);
    expect(v.compare).toHaveLength(COMPARE_MAX);
  });

  it.each([
    ['compare=se-i,se-ab', ['SE-I', 'SE-AB']],
    ['compare=,,SE-Z,,', ['SE-Z']],
    ['compare=SE-Z,<img src=x>,SE-Y', ['SE-Z', 'SE-Y']],
    ['compare=', []],
    ['compare=SE-AB;SE-C', []],
  ] as const)('?%s → %j', (q, expected) => {
    expect(parseView(`?${q}`).compare).toEqual(expected);
  });

  it('accepts lowercase region codes', () => {
    expect(parseView('?region=se-bd').region).toBe('SE-BD');
    expect(parseView('?region=Se-Ac').region).toBe('SE-AC');
  });

  it('never throws on malformed percent-encoding', () => {
    expect(() => parseView('?region=%E0%A4%A&metric=%')).not.toThrow();
    expect(parseView('?region=%E0%A4%A&metric=%')).toEqual(DEFAULT_VIEW);
  });
});

describe('resolveView', () => {
  const years = [2022, 2023, 2024, 2025] as const;

  it.each([
    [{ year: 2023 }, { year: 2023 }],
    [{ year: 2022 }, { year: 2022 }],
    [{ year: 2021 }, { year: null }],
    [{ year: 2026 }, { year: null }],
    [{ year: 2025 }, { year: null }],
    [
      { from: 2022, to: 2024 },
      { from: 2022, to: 2024 },
    ],
    // `from` must come before `to`; an impossible `from` falls back, `to` stands.
    [
      { from: 2024, to: 2024 },
      { from: null, to: 2024 },
    ],
    [
      { from: 2025, to: 2023 },
      { from: null, to: 2023 },
    ],
    // `to` left out means the latest survey, so `from` cannot be the latest either.
    [{ from: 2025 }, { from: null, to: null }],
    [
      { from: 2019, to: 2024 },
      { from: null, to: 2024 },
    ],
    [
      { from: 2023, to: 2030 },
      { from: 2023, to: null },
    ],
    [{ from: 2023 }, { from: 2023, to: null }],
    [{ to: 2025 }, { from: null, to: null }],
    // The first survey has nothing before it to compare with.
    [{ to: 2022 }, { from: null, to: null }],
  ] as Array<[Partial<ViewState>, Partial<ViewState>]>)('%j → %j', (input, expected) => {
    const r = resolveView(view(input), years, 1100);
    expect({ year: r.year, from: r.from, to: r.to }).toEqual({
      year: null,
      from: null,
      to: null,
      ...expected,
    });
  });

  it('leaves the parts that do not depend on the data alone', () => {
    const v = view({
      metric: 'gap',
      region: 'SE-K',
      target: 1500,
      compare: ['SE-AB'],
      lang: 'en',
      embed: true,
    });
    expect(resolveView(v, years, 1100)).toEqual(v);
  });

  it('does not mutate its input', () => {
    const v = view({ year: 2030, from: 2025, to: 2022 });
    const copy = structuredClone(v);
    resolveView(v, years, 1100);
    expect(v).toEqual(copy);
  });

  it("a target equal to the report's guideline is the report's own: left out of the link", () => {
    expect(resolveView(view({ metric: 'gap', target: 1100 }), years, 1100).target).toBeNull();
    expect(resolveView(view({ metric: 'gap', target: 1500 }), years, 1100).target).toBe(1500);
    // The guideline is the data's: another report's would be left out instead.
    expect(resolveView(view({ metric: 'gap', target: 1100 }), years, 1000).target).toBe(1100);
    expect(serialiseView(resolveView(view({ metric: 'gap', target: 1100 }), years, 1100))).toBe(
      '?metric=gap',
    );
  });

  it('picks up a newer survey year as the latest', () => {
    expect(resolveView(view({ year: 2025 }), [...years, 2026], 1100).year).toBe(2025);
    expect(resolveView(view({ year: 2026 }), [...years, 2026], 1100).year).toBeNull();
  });
});

describe('changesYears', () => {
  const years = [2022, 2023, 2024, 2025];
  it.each([
    [
      { from: null, to: null },
      { from: 2024, to: 2025 },
    ],
    [
      { from: null, to: 2024 },
      { from: 2023, to: 2024 },
    ],
    [
      { from: 2022, to: null },
      { from: 2022, to: 2025 },
    ],
    [
      { from: 2022, to: 2023 },
      { from: 2022, to: 2023 },
    ],
  ])('%j → %j', (input, expected) => {
    expect(changesYears(input, years)).toEqual(expected);
  });
});
