import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/data/schema';
import { REGION_CODES } from '../../../src/data/schema';
import { DECISION_CLASSES } from '../../../src/domain/decision';
import { regionTimeline } from '../../../src/features/panel/panel';
import { deriveSeries } from '../../../src/data/series';
import { loadDataset } from '../helpers';

let d: Dataset;
beforeAll(async () => {
  d = await loadDataset();
});

describe('deriveSeries', () => {
  it('years and reported counts follow the surveys', () => {
    const s = deriveSeries(d);
    expect(s.years).toEqual([2022, 2023, 2024, 2025]);
    expect(s.reported).toEqual([2, 3, 10, 13]);
  });

  it('class counts sum to 21 in every survey', () => {
    const s = deriveSeries(d);
    for (let i = 0; i < s.years.length; i++)
      expect(DECISION_CLASSES.reduce((a, c) => a + s.counts[c][i]!, 0)).toBe(21);
    expect(s.counts.unknown[0]).toBe(19);
    expect(s.counts.decided[0]).toBe(2);
  });

  it.each(REGION_CODES)('%s: the timeline matches regionTimeline', (code) => {
    const s = deriveSeries(d);
    expect(s.timelines[code]).toEqual(
      regionTimeline(d, code).map((e) => ({ cls: e.cls, inferred: e.inferred })),
    );
  });
});
