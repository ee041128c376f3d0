import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../src/data/csvRead';

const fields = (text: string) => readCsv(text).records.map((r) => r.fields);

describe('readCsv: a CSV as spreadsheets save it', () => {
  it('reads RFC 4180 (comma, CRLF, quotes doubled)', () => {
    expect(fields('a,b\r\n"x, ""y""",2\r\n')).toEqual([
      ['a', 'b'],
      ['x, "y"', '2'],
    ]);
    expect(readCsv('a,b\r\n').separator).toBe(',');
  });

  it('drops a UTF-8 byte order mark and takes ; as the separator when the header has one', () => {
    const r = readCsv('\ufeffa;b\r\n1,5;"x;y"\r\n');
    expect(r.separator).toBe(';');
    expect(r.records.map((x) => x.fields)).toEqual([
      ['a', 'b'],
      ['1,5', 'x;y'],
    ]);
  });

  it('takes LF, CR and CRLF line ends, and a missing last one', () => {
    for (const eol of ['\n', '\r', '\r\n'])
      expect(fields(`a,b${eol}1,2${eol}3,4`)).toEqual([
        ['a', 'b'],
        ['1', '2'],
        ['3', '4'],
      ]);
  });

  it('keeps line breaks inside a quoted cell as \\n, and numbers rows as a spreadsheet does', () => {
    const r = readCsv('a,b\r\n"one\r\ntwo\rthree\nfour",x\r\n\r\nlast,y\r\n');
    expect(r.records).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['one\ntwo\nthree\nfour', 'x'] },
      // The blank row 3 is no record but still a row.
      { row: 4, fields: ['last', 'y'] },
    ]);
  });

  it('reads back the formula neutralisation of the writer', () => {
    expect(fields(`"'=1+1",'+x,''-x,'plain,-5,'-5`)).toEqual([['=1+1', '+x', "'-x", "'plain", '-5', "'-5"]]);
  });

  it('says which row has a quote never closed', () => {
    expect(readCsv('a,b\r\n1,2\r\n"open,3\r\n').problems).toEqual([
      'row 3: a quoted cell is never closed (a " is missing)',
    ]);
  });
});
