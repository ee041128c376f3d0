import { describe, expect, it } from 'vitest';
import { metricSource, reportSourceLine, shortSourceLabel, sourceLabel } from '../../../src/data/sources';
import { loadDataset } from '../helpers';

const d = await loadDataset();

describe('sourceLabel', () => {
  it('cites a known source with publisher, title, date and part', () => {
    expect(sourceLabel(d, { doc: 'lf2024', part: 'Bilaga 4' })).toBe(
      'Sveriges läkarförbund, "Kartläggning: Regionernas arbete med fast läkarkontakt" (mars/april 2024), Bilaga 4',
    );
  });

  it('falls back to the id and part for an unknown source', () => {
    expect(sourceLabel(d, { doc: 'x', part: 'p' })).toBe('x, p');
  });

  it('gives the panel a short form: publisher, year and part', () => {
    expect(shortSourceLabel(d, { doc: 'lf2025', part: 'Tabell' })).toBe('Sveriges läkarförbund 2025, Tabell');
    expect(shortSourceLabel(d, { doc: 'x', part: 'p' })).toBe('x, p');
  });
});

describe('reportSourceLine', () => {
  it('drops the report\u2019s own "Källa:", so the panel does not say it twice', () => {
    for (const line of [d.namedGpShare.sourceLine, d.doctorGap.sourceLine]) {
      expect(line).toMatch(/^Källa: /);
      expect(reportSourceLine(line)).not.toMatch(/källa/i);
      expect(line.endsWith(reportSourceLine(line))).toBe(true);
    }
    expect(reportSourceLine('Uträkningen är Läkarförbundets.')).toBe('Uträkningen är Läkarförbundets.');
  });
});

describe('metricSource: what the embed and the image cite for each metric', () => {
  it('cites the survey for decisions, the share’s and the gap’s own tables otherwise', () => {
    const survey = d.surveys.at(-1)!;
    expect(metricSource(d, 'decision', survey)).toBe(survey.source);
    expect(metricSource(d, 'decision', null)).toBeNull();
    expect(metricSource(d, 'share', survey)).toBe(d.namedGpShare.source);
    expect(metricSource(d, 'gap', null)).toBe(d.doctorGap.source);
  });
});
