/**
 * Issue 20: "1 100" broke across lines ("Beslut om 1 / 100"). Every grouped number a reader sees
 * keeps its groups together with a no-break space: in the dictionaries, from the number formats,
 * and in the data's own words.
 */
import { describe, expect, it } from 'vitest';
import { DICTS, loadDataset } from '../helpers';
import {
  formatNumber,
  formatPct,
  formatSignedPct,
  keepNumbersTogether,
  SPACED_GROUP,
} from '../../../src/i18n/format';
import { spacedNumbers } from '../../../src/data/typography';
import { LANGS } from '../../../src/domain';

/** A plain space (U+0020) between a digit and a group of three: where a line may break a number. */
const spaced = (s: string) => /\d (?=\d{3}(?!\d))/.test(s);

/** Every string of a dictionary, with its path; functions are called with grouped numbers. */
function strings(value: unknown, path: string, arg: string): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const args = Array.from({ length: Math.max(value.length, 1) }, () => arg);
    return strings((value as (...a: string[]) => unknown)(...args), `${path}()`, arg);
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`, arg));
  return [];
}

describe('no-break spaces in grouped numbers', () => {
  it('the check itself: finds "1 100", "10 319 473"; passes "1\\u00a0100", "2023 2027", "1,100"', () => {
    expect(spaced('Beslut om 1 100')).toBe(true);
    expect(spaced('10\u00a0319 473')).toBe(true);
    for (const s of ['Beslut om 1\u00a0100', '2023 2027', '1,100', '17 april 2024', '21 regioner'])
      expect(spaced(s), s).toBe(false);
    expect(keepNumbersTogether('1 100 och 10 319 473')).toBe('1\u00a0100 och 10\u00a0319\u00a0473');
    expect(SPACED_GROUP.global).toBe(true);
  });

  it.each(LANGS)('%s: every dictionary string, functions filled with grouped numbers', (lang) => {
    const all = strings(DICTS[lang], lang, formatNumber(10319473, lang));
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter(([, s]) => spaced(s))).toEqual([]);
  });

  it.each(LANGS)('%s: every formatted number, percentage and signed percentage', (lang) => {
    for (let e = 0; e <= 8; e++)
      for (const m of [1, 1.5, 2.25, 9.99]) {
        const x = m * 10 ** e;
        for (const s of [
          formatNumber(x, lang),
          formatNumber(-x, lang),
          formatNumber(x, lang, 1),
          formatPct(x, lang),
          formatSignedPct(x, lang),
          formatSignedPct(-x, lang),
        ])
          expect(spaced(s) || s.includes(' '), s).toBe(false);
      }
  });

  it('every string of the data (answers, notes, source words)', async () => {
    expect(spacedNumbers(await loadDataset(), '')).toEqual([]);
  });

  it('names where a plain space is in the data', () => {
    const bad = {
      surveys: [{ year: 2024, answers: [{ region: 'SE-H', decision: { asGiven: 'NEJ, 1 750' } }] }],
    };
    expect(spacedNumbers(bad, '')).toEqual([
      'surveys[2024].answers[SE-H].decision.asGiven: plain space inside a number in "…NEJ, 1 750…" (write a no-break space, U+00A0)',
    ]);
  });
});
