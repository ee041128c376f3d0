import { describe, expect, it } from 'vitest';
import { readVisitRecord } from '../../../../src/features/visits/visits';

describe('readVisitRecord', () => {
  it('reads a record as stored', () => {
    const r = { version: 'abc123', fingerprints: { 'SE-AB': '0badf00d' } };
    expect(readVisitRecord(r)).toEqual(r);
  });

  it.each([
    ['no fingerprints', { version: 'abc123' }],
    ['fingerprints not strings', { version: 'abc123', fingerprints: { 'SE-AB': 1 } }],
    ['no version', { fingerprints: {} }],
    ['null', null],
    ['a string', 'nope'],
    ['nothing', undefined],
  ])('treats %s as no record (a first visit)', (_name, stored) => {
    expect(readVisitRecord(stored)).toBeUndefined();
  });
});
