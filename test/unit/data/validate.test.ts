import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { fsReader } from '../../../src/cli/fsReader';
import { REGION_CODES, Survey } from '../../../src/data/schema';
import { checkDataset, DataError, formatIssues, parseFile, readDataset } from '../../../src/data/validate';
import { DATA_DIR, dataError, loadDataset, memoryReader, rawFiles } from '../helpers';

/* eslint-disable @typescript-eslint/no-explicit-any -- the mutations poke at raw JSON on purpose */

let base: Map<string, unknown>;
beforeAll(async () => {
  base = await rawFiles();
});

/** A copy of the real files with one file changed by `mutate`. */
function withChange(file: string, mutate: (json: any, files: Map<string, unknown>) => void) {
  const files = new Map([...base].map(([k, x]) => [k, structuredClone(x)]));
  if (!files.has(file)) throw new Error(`no file ${file}`);
  mutate(files.get(file), files);
  return files;
}

const answerIndex = (survey: any, code: string) =>
  (survey.answers as Array<{ region: string }>).findIndex((a) => a.region === code);

describe('the real dataset', () => {
  it('validates and has every part', async () => {
    const d = await loadDataset();
    expect(d.regions).toHaveLength(21);
    expect(new Set(d.regions.map((r) => r.code))).toEqual(new Set(REGION_CODES));
    expect(d.surveys.map((s) => s.year)).toEqual([2022, 2023, 2024, 2025]);
    for (const s of d.surveys) expect(s.answers).toHaveLength(21);
    expect(d.namedGpShare.values).toHaveLength(21);
    expect(d.doctorGap.rows).toHaveLength(21);
  });

  it('validates through an in-memory reader too', async () => {
    const d = await readDataset(memoryReader(base));
    expect(d.surveys).toHaveLength(4);
  });

  it('passes the cross-file checks on its own', async () => {
    const d = await loadDataset();
    expect(() => checkDataset(d)).not.toThrow();
  });
});

describe('invalid data is rejected with a DataError naming the file and the path', () => {
  it.each([
    [
      'a region missing from a survey',
      'surveys/2024.json',
      (s: any) => s.answers.splice(answerIndex(s, 'SE-K'), 1),
      /^answers: expected one answer for each of the 21 regions$/,
    ],
    [
      'a region answering twice',
      'surveys/2023.json',
      (s: any) => (s.answers[answerIndex(s, 'SE-C')].region = 'SE-AB'),
      /^answers: each region must answer exactly once$/,
    ],
    [
      'an unknown region code',
      'surveys/2025.json',
      (s: any) => (s.answers[3].region = 'SE-XX'),
      /^answers\[3\]\.region: expected an ISO 3166-2 region code, got "SE-XX"$/,
    ],
    [
      'an unknown decision value',
      'surveys/2023.json',
      (s: any) => (s.answers[0].decision.value = 'maybe'),
      /^answers\[0\]\.decision\.value: /,
    ],
    [
      'an inferred cell without a note',
      'surveys/2024.json',
      (s: any) => {
        const a = s.answers[answerIndex(s, 'SE-AB')];
        a.decision.status = 'inferred';
        delete a.decision.note;
      },
      /^answers\[\d+\]\.decision: an inferred value needs a note saying why$/,
    ],
    [
      'a lost value that is not unknown',
      'surveys/2025.json',
      (s: any) => (s.answers[answerIndex(s, 'SE-E')].decision.value = 'yes'),
      /^answers\[\d+\]\.decision: a value that is not legible or not reported must be "unknown"$/,
    ],
    [
      'an unexpected field (strict objects)',
      'surveys/2022.json',
      (s: any) => (s.answers[0].comment = 'hi'),
      /^answers\[0\]\.comment: /,
    ],
    [
      'a decided count above 21',
      'surveys/2025.json',
      (s: any) => (s.decidedCount.value = 22),
      /^decidedCount\.value: /,
    ],
    [
      'fieldwork ending before it starts',
      'surveys/2024.json',
      (s: any) => (s.fieldwork.from = '2024-05'),
      /fieldwork\.from must not be after fieldwork\.to/,
    ],
    [
      'a malformed fieldwork month',
      'surveys/2024.json',
      (s: any) => (s.fieldwork.to = '2024-13'),
      /^fieldwork\.to: expected YYYY-MM$/,
    ],
    [
      'a share above 100',
      'named-gp-share.json',
      (s: any) => (s.values[0].value = 101),
      /^values\[0\]\.value: a share is at most 100, got 101$/,
    ],
    [
      'a negative share',
      'named-gp-share.json',
      (s: any) => (s.values[1].value = -1),
      /^values\[1\]\.value: /,
    ],
    [
      'a share value on a not reported region',
      'named-gp-share.json',
      (s: any) => (s.values.find((x: any) => x.region === 'SE-Z').value = 40),
      /value is null exactly when not reported/,
    ],
    [
      'a share list missing a region',
      'named-gp-share.json',
      (s: any) => s.values.pop(),
      /^values: expected a value or a not_reported entry for each of the 21 regions$/,
    ],
    [
      'a reported gap row without figures',
      'doctor-gap.json',
      (g: any) => (g.rows.find((r: any) => r.region === 'SE-K').doctors = null),
      /a reported row needs all five figures/,
    ],
    [
      'a fractional population',
      'doctor-gap.json',
      (g: any) => (g.national.population = 10319473.5),
      /^national\.population: /,
    ],
    [
      'a duplicated region',
      'regions.json',
      (r: any) => (r[1].code = r[0].code),
      /region codes must be unique/,
    ],
    ['an empty region name', 'regions.json', (r: any) => (r[2].name = ''), /^\[2\]\.name: /],
  ] as Array<[string, string, (json: any) => void, RegExp]>)(
    '%s (%s)',
    async (_name, file, mutate, problem) => {
      const e = await dataError(readDataset(memoryReader(withChange(file, mutate))));
      expect(e).toBeInstanceOf(Error);
      expect(e.name).toBe('DataError');
      expect(e.file).toBe(file);
      expect(
        e.problems.some((p) => problem.test(p)),
        e.problems.join('\n'),
      ).toBe(true);
      expect(e.message.startsWith(`${file}: `)).toBe(true);
    },
  );

  it('lists every problem in a file, not just the first', async () => {
    const files = withChange('named-gp-share.json', (s) => {
      s.values[0].value = 101;
      s.values[2].value = 150;
    });
    const e = await dataError(readDataset(memoryReader(files)));
    expect(e.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^values\[0\]\.value/),
        expect.stringMatching(/^values\[2\]\.value/),
      ]),
    );
  });

  it('rejects an index that points outside the data folder', async () => {
    const files = withChange('index.json', (i) => (i.regions = '../secret.json'));
    const e = await dataError(readDataset(memoryReader(files)));
    expect(e.file).toBe('index.json');
    expect(e.problems.join()).toMatch(/^regions: expected a relative path to a \.json file/);
  });

  it('rejects an index without surveys', async () => {
    const e = await dataError(readDataset(memoryReader(withChange('index.json', (i) => (i.surveys = [])))));
    expect(e.file).toBe('index.json');
    expect(e.problems.join()).toMatch(/^surveys: /);
  });

  it('names a missing file', async () => {
    const files = withChange('index.json', (i) => i.surveys.push('surveys/2026.json'));
    const e = await dataError(readDataset(memoryReader(files)));
    expect(e.file).toBe('surveys/2026.json');
  });

  it('rejects a source doc id that is not in context.json, naming the survey file and path', async () => {
    const files = withChange('surveys/2024.json', (s) => {
      s.answers[answerIndex(s, 'SE-AB')].answerText.source.doc = 'lf2099';
    });
    const e = await dataError(readDataset(memoryReader(files)));
    expect(e.file).toBe('surveys/2024.json');
    expect(e.problems).toEqual([
      'answers[0].answerText.source: source.doc "lf2099" is not a source id of the context file',
    ]);
  });

  it.each([
    ['named-gp-share.json', (s: any) => (s.source.doc = 'nope')],
    ['doctor-gap.json', (s: any) => (s.source.doc = 'nope')],
  ] as Array<[string, (json: any) => void]>)('rejects an unknown source doc in %s', async (file, mutate) => {
    const e = await dataError(readDataset(memoryReader(withChange(file, mutate))));
    expect(e.file).toBe(file);
    expect(e.problems.join()).toMatch(/source\.doc "nope" is not a source id of the context file/);
  });

  it.each([
    [2024, 'SE-I', 'planGoalYear'],
    [2024, 'SE-U', 'targetYear'],
    [2024, 'SE-K', 'actionPlan'],
    [2023, 'SE-H', 'otherTarget'],
    [2025, 'SE-G', 'decision'],
  ] as const)('rejects %i %s %s citing an unknown source', async (year, code, field) => {
    const files = withChange(`surveys/${year}.json`, (s) => {
      s.answers[answerIndex(s, code)][field].source.doc = 'zz';
    });
    const e = await dataError(readDataset(memoryReader(files)));
    expect(e.file).toBe(`surveys/${year}.json`);
    expect(e.problems.join()).toMatch(
      new RegExp(`\\.${field}\\.source: source\\.doc "zz" is not a source id`),
    );
  });

  it('rejects a decided count citing an unknown source', async () => {
    const files = withChange('surveys/2025.json', (s) => (s.decidedCount.source.doc = 'xx'));
    const e = await dataError(readDataset(memoryReader(files)));
    expect(e.file).toBe('surveys/2025.json');
    expect(e.problems).toEqual([
      'decidedCount.source: source.doc "xx" is not a source id of the context file',
    ]);
  });

  it('rejects a source cited "via" an unknown source', async () => {
    const files = withChange('context.json', (c) => (c.sources.at(-1).via = 'ghost'));
    const e = await dataError(readDataset(memoryReader(files)));
    expect(e.file).toBe('context.json');
    expect(e.problems.join()).toMatch(/via "ghost" is unknown/);
  });

  it('names the right survey file when the index lists surveys out of order', async () => {
    const files = withChange('surveys/2023.json', (s) => (s.source.doc = 'bad'));
    (files.get('index.json') as any).surveys.reverse();
    const e = await dataError(readDataset(memoryReader(files)));
    expect(e.file).toBe('surveys/2023.json');
    expect(e.problems).toEqual(['source: source.doc "bad" is not a source id of the context file']);
  });

  it('rejects two survey files with the same year', async () => {
    const files = withChange('index.json', (i, all) => {
      i.surveys.push('surveys/2024-copy.json');
      all.set('surveys/2024-copy.json', structuredClone(all.get('surveys/2024.json')));
    });
    const e = await dataError(readDataset(memoryReader(files)));
    expect(e.file).toBe('index.json');
    expect(e.problems).toEqual(['surveys: two files hold the survey year 2024']);
  });
});

describe('files on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fl-data-'));
    await cp(DATA_DIR, dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('turns malformed JSON into a DataError naming the file', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'fl-bad-'));
    try {
      await cp(DATA_DIR, bad, { recursive: true });
      await writeFile(join(bad, 'surveys/2023.json'), '{"year": 2023,', 'utf8');
      const e = await dataError(readDataset(fsReader(bad)));
      expect(e.file).toBe('surveys/2023.json');
      expect(e.problems).toHaveLength(1);
      expect(e.problems[0]).toMatch(/^not valid JSON \(/);
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });

  it('turns a missing file into a DataError naming the file', async () => {
    const e = await dataError(fsReader(dir)('nope.json'));
    expect(e.file).toBe('nope.json');
    expect(e.problems).toEqual(['cannot read the file (ENOENT)']);
  });

  it('picks up a new survey file listed in index.json with no code change', async () => {
    const s2025 = JSON.parse(await readFile(join(dir, 'surveys/2025.json'), 'utf8'));
    await writeFile(join(dir, 'surveys/2026.json'), JSON.stringify({ ...s2025, year: 2026 }), 'utf8');
    const index = JSON.parse(await readFile(join(dir, 'index.json'), 'utf8'));
    // Listed first, to show the order of the index does not matter.
    index.surveys = ['surveys/2026.json', ...index.surveys];
    await writeFile(join(dir, 'index.json'), JSON.stringify(index), 'utf8');

    const d = await readDataset(fsReader(dir));
    expect(d.surveys).toHaveLength(5);
    expect(d.surveys.map((s) => s.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
    expect(d.surveys[4]!.decidedCount.value).toBe(13);
  });
});

describe('parseFile and formatIssues', () => {
  it('returns the parsed value for valid input', async () => {
    const s = base.get('surveys/2022.json');
    expect(parseFile(Survey, s, 'surveys/2022.json').year).toBe(2022);
  });

  it('formats paths with dots and brackets, and (file) for the root', () => {
    const r = v.safeParse(v.object({ a: v.array(v.object({ b: v.number() })) }), {
      a: [{ b: 1 }, { b: 'x' }],
    });
    expect(r.success).toBe(false);
    expect(formatIssues(r.issues!)).toEqual([expect.stringMatching(/^a\[1\]\.b: /)]);
    const root = v.safeParse(v.number(), 'x');
    expect(formatIssues(root.issues!)[0]).toMatch(/^\(file\): /);
  });

  it('DataError carries file and problems', () => {
    const e = new DataError('x.json', ['a: one', 'b: two']);
    expect(e.message).toBe('x.json: a: one; b: two');
    expect(e.file).toBe('x.json');
    expect(e.problems).toEqual(['a: one', 'b: two']);
  });
});
