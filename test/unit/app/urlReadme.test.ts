/**
 * The README's "URL parameters" table is the URL contract as journalists and embedders read it.
 * It must not drift from src/app/url.ts: every parameter the parser reads has a row (and no row
 * names one it does not), and every example link is exactly the link the dashboard itself writes
 * for that view, so a reader who copies one gets the view the table promises.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_VIEW, parseView, resolveView, serialiseView, type ViewState } from '../../../src/app/url';
import { LANGS, METRICS, VIEWS, guidelineOf } from '../../../src/domain';
import { loadDataset } from '../helpers';

const README = 'README.md';
const HEADING = '## URL parameters';

interface Row {
  /** 1-based line in README.md, for messages. */
  line: number;
  name: string;
  values: string[];
  defaults: string[];
  examples: string[];
}

/** The texts of a Markdown cell's code spans. */
const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/**
 * The rows of the table under the README's "URL parameters" heading, columns found by their
 * header. Throws, naming the line, on anything that is not the expected shape.
 */
function urlTable(markdown: string): Row[] {
  const lines = markdown.split('\n');
  const start = lines.indexOf(HEADING);
  if (start === -1) throw new Error(`${README} has no "${HEADING}" section`);
  const rows: Row[] = [];
  let columns: Record<'parameter' | 'values' | 'default' | 'example', number> | undefined;
  for (let i = start + 1; i < lines.length && !lines[i]!.startsWith('## '); i++) {
    const text = lines[i]!;
    if (!text.startsWith('|')) continue;
    const cells = text
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (!columns) {
      const at = (header: string) => {
        const index = cells.findIndex((c) => c.toLowerCase() === header);
        if (index === -1) throw new Error(`${README}:${i + 1}: the table has no "${header}" column`);
        return index;
      };
      columns = {
        parameter: at('parameter'),
        values: at('values'),
        default: at('default'),
        example: at('example'),
      };
      continue;
    }
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue;
    const names = codeSpans(cells[columns.parameter] ?? '');
    if (names.length !== 1)
      throw new Error(`${README}:${i + 1}: a row names one parameter in code, got ${JSON.stringify(names)}`);
    rows.push({
      line: i + 1,
      name: names[0]!,
      values: codeSpans(cells[columns.values] ?? ''),
      defaults: codeSpans(cells[columns.default] ?? ''),
      examples: codeSpans(cells[columns.example] ?? ''),
    });
  }
  if (!rows.length) throw new Error(`${README}: no table rows under "${HEADING}"`);
  return rows;
}

/**
 * A view with every field away from its default. Typed as a literal, so a field added to
 * ViewState fails the type check here until it is added, and then its parameter must have a row.
 */
const EVERYTHING: ViewState = {
  metric: 'gap',
  year: 2023,
  region: 'SE-AC',
  view: 'compare',
  lang: 'en',
  target: 1250,
  compare: ['SE-C', 'SE-D'],
  from: 2022,
  to: 2024,
  embed: true,
};

/**
 * The parameter names the URL code knows: those parseView asks URLSearchParams for (on an empty
 * query and on every given link, so a read that depends on another value is seen too) and those
 * serialiseView writes for a view with everything set.
 */
function parameterNames(links: readonly string[]): string[] {
  const spies = (['get', 'getAll', 'has'] as const).map((m) => vi.spyOn(URLSearchParams.prototype, m));
  try {
    for (const link of ['', ...links]) parseView(link);
    const read = spies.flatMap((s) => s.mock.calls.map(([name]) => name));
    const written = [...new URLSearchParams(serialiseView(EVERYTHING)).keys()];
    return [...new Set([...read, ...written])].sort();
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

const readme = readFileSync(README, 'utf8');
const rows = urlTable(readme);
const examples = rows.flatMap((row) => row.examples.map((link) => ({ ...row, link })));

describe(`${README}: the URL parameters table`, () => {
  it('has one row for every parameter the URL code knows, and none for one it does not', () => {
    const parsed = parameterNames(examples.map((e) => e.link));
    expect(parsed.length).toBeGreaterThan(0);
    const listed = rows.map((r) => r.name);
    expect(
      listed.filter((n, i) => listed.indexOf(n) !== i),
      'parameters listed twice',
    ).toEqual([]);
    expect([...listed].sort()).toEqual(parsed);
  });

  it.each(rows)('the $name row (line $line) gives an example link', ({ examples }) => {
    expect(examples.length).toBeGreaterThan(0);
  });

  it.each(examples)(
    '$link (line $line) uses $name and is the link the dashboard writes for its view',
    async ({ link, name }) => {
      expect(new URLSearchParams(link).has(name), `the example does not set ${name}`).toBe(true);
      // Canonical: parameters in the serialiser's order, defaults left out, values as written.
      expect(serialiseView(parseView(link))).toBe(link);
      // And nothing the data settles away (a year that is no survey, the report's own guideline).
      const d = await loadDataset();
      const years = d.surveys.map((s) => s.year);
      expect(serialiseView(resolveView(parseView(link), years, guidelineOf(d)))).toBe(link);
    },
  );

  it.each([
    ['metric', METRICS],
    ['view', VIEWS],
    ['lang', LANGS],
  ] as const)('lists every value of %s and its default', (name, allowed) => {
    const row = rows.find((r) => r.name === name);
    expect(row, `no ${name} row`).toBeDefined();
    expect(row!.values).toEqual([...allowed]);
    expect(row!.defaults).toEqual([DEFAULT_VIEW[name]]);
  });

  it('is followed by every region code with its name, as the data has them', async () => {
    const section = readme.slice(readme.indexOf(HEADING)).split('\n## ')[0]!.replace(/\s+/g, ' ');
    const missing = (await loadDataset()).regions
      .map((r) => `\`${r.code}\` ${r.name}`)
      .filter((entry) => !section.includes(entry));
    expect(missing).toEqual([]);
  });
});
