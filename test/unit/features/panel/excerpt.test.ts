import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../../src/features/panel/excerpt';

const P1 = 'Första stycket är kort.';
const LONG =
  'Vårdcentralerna ska vara navet för invånarnas hälso- och sjukvård, och regionen ska verka systematiskt för att nå målet.';

describe('excerpt', () => {
  it('keeps everything when it fits', () => {
    expect(excerpt([P1, LONG], 1000)).toEqual({ paragraphs: [P1, LONG], truncated: false });
    expect(excerpt([P1, LONG], P1.length + LONG.length)).toEqual({
      paragraphs: [P1, LONG],
      truncated: false,
    });
  });

  it('an empty text is not truncated', () => {
    expect(excerpt([], 10)).toEqual({ paragraphs: [], truncated: false });
  });

  it('cuts the next paragraph at a word boundary with an ellipsis', () => {
    const r = excerpt([P1, LONG], 100);
    expect(r.truncated).toBe(true);
    expect(r.paragraphs[0]).toBe(P1);
    expect(r.paragraphs[1]).toBe('Vårdcentralerna ska vara navet för invånarnas hälso- och sjukvård, och …');
  });

  it('drops trailing punctuation before the ellipsis', () => {
    const limit = P1.length + LONG.indexOf(', och') + 3; // the cut ends in "sjukvård, o"
    const r = excerpt([P1, LONG], limit);
    expect(r.paragraphs[1]).toBe('Vårdcentralerna ska vara navet för invånarnas hälso- och sjukvård …');
  });

  it('leaves out a paragraph when too little room is left for it', () => {
    expect(excerpt([P1, LONG], 60)).toEqual({ paragraphs: [P1], truncated: true });
    expect(excerpt([P1, P1, LONG], 2 * P1.length + 10)).toEqual({ paragraphs: [P1, P1], truncated: true });
  });

  it('always shows something of a first paragraph longer than the limit', () => {
    expect(excerpt([LONG], 10)).toEqual({
      paragraphs: ['Vårdcentralerna ska vara navet för …'],
      truncated: true,
    });
    expect(excerpt([LONG], 0).paragraphs).toHaveLength(1);
  });

  it('cuts a word with no space in it hard', () => {
    expect(excerpt(['x'.repeat(100)], 50)).toEqual({ paragraphs: [`${'x'.repeat(50)} …`], truncated: true });
  });

  it.each([0, 20, 41, 60, 80, 100, 119, 130, 142, 143])(
    'limit %i: whole paragraphs verbatim, then a prefix',
    (limit) => {
      const paras = [P1, LONG];
      const r = excerpt(paras, limit);
      const whole = r.truncated ? r.paragraphs.slice(0, -1) : r.paragraphs;
      whole.forEach((p, i) => expect(p).toBe(paras[i]));
      const last = r.paragraphs.at(-1);
      if (r.truncated && last !== undefined && last !== paras[r.paragraphs.length - 1]) {
        expect(last.endsWith(' …')).toBe(true);
        expect(paras[r.paragraphs.length - 1]!.startsWith(last.slice(0, -2))).toBe(true);
      }
      expect(r.truncated).toBe(limit < P1.length + LONG.length);
    },
  );
});
