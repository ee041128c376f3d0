import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/schema';
import { classify } from '../../../src/domain/classify';
import {
  classLabel,
  increaseWords,
  legendNotes,
  regionContext,
  unknownReason,
  valueText,
} from '../../../src/domain/describe';
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

// Issue 20: the default view (2025) shows 11 of 21 regions unknown because the copy of the report
// lost the table's marks: the legend says so in plain words and offers the fullest survey.
describe('legendNotes: why regions are unknown', () => {
  it.each(['sv', 'en'] as const)(
    '%s, 2025 (the default): the lost marks, and 2024 with all 21 known',
    (lang) => {
      const t = DICTS[lang];
      const c = classify(d, 'decision', null, 1100);
      expect(c.classes.find((k) => k.id === 'unknown')!.regions).toHaveLength(11);
      const note = legendNotes(d, c, null, t, lang).find((n) => n.id === 'unknown')!;
      expect(note.text).toContain(t.unknownWhy.lost(11));
      expect(note.text).toMatch(
        lang === 'sv' ? /11 regioner är grå.*bockar och kryss/ : /11 regions are grey.*ticks and crosses/,
      );
      expect(note.text).toContain(t.unknownWhy.fuller(2024, 21, 21));
      expect(note.offer).toBe(2024);
      expect(unknownReason(d, 2025)).toEqual({ lost: 11, notGiven: 0, fuller: { year: 2024, known: 21 } });
    },
  );

  it('2022: the source gives only the clear yeses', () => {
    expect(unknownReason(d, 2022)).toEqual({ lost: 0, notGiven: 19, fuller: { year: 2024, known: 21 } });
    const note = legendNotes(d, classify(d, 'decision', 2022, 1100), 2022, DICTS.sv, 'sv').find(
      (n) => n.id === 'unknown',
    )!;
    expect(note.text).toContain('19 regioner är grå eftersom källan inte anger deras svar.');
  });

  it('2024: nothing unknown, no such note', () => {
    const notes = legendNotes(d, classify(d, 'decision', 2024, 1100), 2024, DICTS.sv, 'sv');
    expect(notes.map((n) => n.id)).not.toContain('unknown');
    expect(unknownReason(d, 2024).fuller).toBeNull();
  });

  it('share: the five that could not report are unknown without a survey to offer', () => {
    const notes = legendNotes(d, classify(d, 'share', null, 1100), null, DICTS.en, 'en');
    expect(notes.map((n) => n.id)).toEqual(['goal', 'unknown']);
    expect(notes[1]!.offer).toBeUndefined();
    // One word for the grey class: the note names it as the legend and table do.
    expect(notes[1]!.text).toBe(
      'Grey and hatched: could not report. The report gives no figure for these 5 regions.',
    );
  });

  it('gap: Gotland, not reported, named as its class is', () => {
    const notes = legendNotes(d, classify(d, 'gap', null, 1100), null, DICTS.sv, 'sv');
    expect(notes.find((n) => n.id === 'unknown')!.text).toBe(
      'Grå och streckad: ej redovisat. Rapporten ger ingen siffra för den regionen.',
    );
  });
});

// Issue 20: "NJA" was never explained in English.
describe('legendNotes: NJA', () => {
  it.each(['sv', 'en'] as const)(
    '%s: the decision legend explains NJA in the report\u2019s terms',
    (lang) => {
      const notes = legendNotes(d, classify(d, 'decision', null, 1100), null, DICTS[lang], lang);
      const nja = notes.find((n) => n.id === 'nja')!;
      expect(DICTS[lang].decisionClasses.on_the_way).toContain('NJA');
      expect(nja.text).toMatch(lang === 'sv' ? /^NJA .*handlingsplan/ : /^NJA .*not decided.*action plan/);
    },
  );
});

// Issue 20: the tooltip gave name and value only.
describe('regionContext: the tooltip\u2019s rank and change', () => {
  it('share: Västra Götaland ranks 1 of 16; a region that could not report has no rank', () => {
    const c = classify(d, 'share', null, 1100);
    expect(regionContext(d, c, 'SE-O', null, DICTS.sv)).toEqual(['Plats 1 av 16 regioner som redovisade']);
    expect(regionContext(d, c, 'SE-BD', null, DICTS.en)).toEqual([]);
  });

  it('gap at 1 100: Jönköping\u2019s +155 % ranks first of 20', () => {
    const c = classify(d, 'gap', null, 1100);
    expect(regionContext(d, c, 'SE-K', null, DICTS.en)).toEqual(['Rank 1 of 20, largest increase first']);
  });

  it.each(['sv', 'en'] as const)(
    '%s, decision: class size and the move since the previous survey',
    (lang) => {
      const t = DICTS[lang];
      const c2024 = classify(d, 'decision', 2024, 1100);
      // Kalmar 2023 → 2024: other target → decided (forward), one of 7 decided.
      expect(regionContext(d, c2024, 'SE-H', 2024, t)).toEqual([
        t.tooltip.inClass(7),
        t.tooltip.up(2023, t.decisionClasses.other_target),
      ]);
      const c2025 = classify(d, 'decision', null, 1100);
      expect(regionContext(d, c2025, 'SE-AB', null, t)).toEqual([t.tooltip.inClass(3), t.tooltip.same(2024)]);
      // Halland's 2025 decision was lost: no class count, and no move can be told.
      expect(regionContext(d, c2025, 'SE-N', null, t)).toEqual([t.tooltip.unknownMove(2024)]);
      // The first survey has nothing before it.
      expect(regionContext(d, classify(d, 'decision', 2022, 1100), 'SE-I', 2022, t)).toEqual([
        t.tooltip.inClass(2),
      ]);
    },
  );
});
