/**
 * Reading a CSV as spreadsheets save it, for `npm run data:import`: a UTF-8 byte order mark,
 * `;` as the separator (Swedish Excel's default) or `,`, CRLF, LF or CR line ends, quoted cells
 * with line breaks (the verbatim answers) and doubled quotes. What cannot be read is reported
 * with the row it is on, as a spreadsheet numbers rows (the header is row 1).
 */
import { unneutralise } from './csv';

/** One record of the file, with the spreadsheet row number it has. */
export interface CsvRecord {
  /** The spreadsheet's row number: the header is row 1, a cell with line breaks is one row. */
  row: number;
  fields: string[];
}

export interface ReadCsv {
  records: CsvRecord[];
  /** The separator found in the header row. */
  separator: ',' | ';';
  /** Problems that make a row unreadable, e.g. `row 12: a quoted cell is never closed`. */
  problems: string[];
}

/**
 * Splits a CSV text into records. The separator is the header's: `;` when the first line has
 * one outside quotes, else `,`. Fields are read back from the formula neutralisation the CSV
 * writer applies (a single quote before `=`, `+`, `-`, `@`), so a value survives the round trip
 * unchanged. Line breaks inside a quoted cell become `\n` whichever the file used.
 */
export function readCsv(text: string): ReadCsv {
  const src = text.replace(/^\ufeff/, '');
  const firstLine = src.slice(0, src.search(/\r|\n|$/));
  const separator = outsideQuotes(firstLine).includes(';') ? ';' : ',';
  const records: CsvRecord[] = [];
  const problems: string[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let row = 1;
  let i = 0;
  const endField = () => {
    fields.push(unneutralise(field));
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    // A blank line (spreadsheets leave them at the end) is no record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ row, fields });
    fields = [];
    row++;
  };
  while (i < src.length) {
    const ch = src[i]!;
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else if (ch === '\r') {
        field += '\n';
        i += src[i + 1] === '\n' ? 2 : 1;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === '' && !wasQuoted) {
      quoted = wasQuoted = true;
      i++;
    } else if (ch === separator) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else {
      // A quote inside an unquoted cell, or text after a closing quote, is kept as written:
      // spreadsheets write the first, and the second can only be read one way.
      field += ch;
      i++;
    }
  }
  if (quoted) problems.push(`row ${row}: a quoted cell is never closed (a " is missing)`);
  if (field !== '' || fields.length > 0 || wasQuoted) endRecord();
  return { records, separator, problems };
}

/** The line with quoted parts removed, to look for the separator. */
function outsideQuotes(line: string): string {
  return line.replace(/"[^"]*"/g, '');
}
