import { describe, expect, it } from 'vitest';
import { distance, nearest } from '../../../src/data/nearest';
import { REGION_CODES, STATUSES } from '../../../src/data/schema';

describe('nearest', () => {
  it('counts edits, ignoring case and accents', () => {
    expect(distance('kitten', 'sitting')).toBe(3);
    expect(distance('Gävleborg', 'gavleborg')).toBe(0);
    expect(distance('', 'abc')).toBe(3);
  });

  it.each([
    ['reportd', STATUSES, 'reported'],
    ['not reported', STATUSES, 'not_reported'],
    ['SE-AX', REGION_CODES, 'SE-AB'],
    ['se-ab', REGION_CODES, 'SE-AB'],
  ])('%j → %j', (word, list, out) => expect(nearest(word, list)).toBe(out));

  it('suggests nothing when nothing is near', () => {
    expect(nearest('xyzzy-plugh', STATUSES)).toBeUndefined();
  });
});
