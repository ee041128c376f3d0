import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/schema';
import { classify } from '../../../src/domain/classify';
import { classLabel, increaseWords, valueText } from '../../../src/domain/describe';
import { DICTS, loadDataset } from '../helpers';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

describe('increaseWords', () => {
  it.each([
    [99, 'sv', '+99\u00a0%'],
    [0.3, 'sv', '+0,3\u00a0%'],
    [0.3, 'en', '+0.3%'],
    [-0.35, 'sv', 'ingen ökning behövs'],
    [0, 'en', 'no increase needed'],
    [-33.4, 'sv', 'ingen ökning (\u221233\u00a0%)'],
  ] as const)('%d in %s: %s', (pct, lang, words) => {
    expect(increaseWords(pct, DICTS[lang], lang)).toBe(words);
  });
});

// Issue 20: at 2 000, Västra Götaland (1 993 per doctor) read "0 %" in the class "under 50 %".
describe('what-if at 2 000: Västra Götaland', () => {
  it.each(['sv', 'en'] as const)('%s: "no increase needed", in the class of that name', (lang) => {
    const t = DICTS[lang];
    const c = classify(d, 'gap', null, 2000);
    const rv = c.byRegion['SE-O'];
    expect(valueText(rv, 'gap', t, lang)).toBe(t.range.noIncrease);
    const cls = c.classes.find((k) => k.id === rv.classId)!;
    expect(classLabel(cls, 'gap', t, lang)).toBe(t.range.noIncrease);
  });
});
