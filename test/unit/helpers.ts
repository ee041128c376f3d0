/** Shared helpers for the unit tests: the real dataset, in-memory readers and a small CSV parser. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataError, readDataset, type ReadJson } from '../../src/data/validate';
import { fsReader } from '../../src/cli/fsReader';
import type { Dataset } from '../../src/data/schema';
import svDict from '../../src/i18n/sv';
import enDict from '../../src/i18n/en';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { FeatureCollection, Position } from 'geojson';

export const DATA_DIR = 'public/data';

let cached: Promise<Dataset> | undefined;

/** The real dataset, read and validated once per test file. */
export function loadDataset(): Promise<Dataset> {
  cached ??= readDataset(fsReader(DATA_DIR));
  return cached;
}

/** Every file of the real data folder (index.json and the files it lists), as parsed JSON. */
export async function rawFiles(): Promise<Map<string, unknown>> {
  const read = async (p: string) => JSON.parse(await readFile(join(DATA_DIR, p), 'utf8')) as unknown;
  const index = (await read('index.json')) as {
    regions: string;
    context: string;
    namedGpShare: string;
    doctorGap: string;
    surveys: string[];
  };
  const files = new Map<string, unknown>([['index.json', index]]);
  for (const p of [index.regions, index.context, index.namedGpShare, index.doctorGap, ...index.surveys])
    files.set(p, await read(p));
  return files;
}

/** A ReadJson over an in-memory map of path → parsed JSON; a missing path is a DataError, as on disk. */
export function memoryReader(files: Map<string, unknown>): ReadJson {
  return async (path) => {
    if (!files.has(path)) throw new DataError(path, ['cannot read the file (ENOENT)']);
    return structuredClone(files.get(path));
  };
}

/** Runs a promise that must reject with a DataError and returns the error. */
export async function dataError(p: Promise<unknown>): Promise<DataError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DataError) return e;
    throw new Error(`expected a DataError, got ${String(e)}`, { cause: e });
  }
  throw new Error('expected a DataError, but the promise resolved');
}

/**
 * A strict RFC 4180 parser, written independently of src/data/csv.ts: fields may be quoted,
 * quotes inside quoted fields are doubled, records end in CRLF. Throws on malformed input.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  let wasQuoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"') {
      if (field !== '' || wasQuoted) throw new Error(`stray quote at ${i}`);
      quoted = true;
      wasQuoted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      wasQuoted = false;
      i++;
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      wasQuoted = false;
      i += 2;
    } else if (ch === '\n') {
      throw new Error(`bare LF outside quotes at ${i}`);
    } else {
      if (wasQuoted) throw new Error(`text after a closing quote at ${i}`);
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0 || wasQuoted) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Both languages' strings (the app loads English lazily; tests want both at hand). */
export const DICTS = { sv: svDict, en: enDict };

/** The topology's two objects as GeoJSON, as topojson-client decodes them. */
export function decode(t: unknown) {
  const topo = t as Topology<{ regions: GeometryCollection; land: GeometryCollection }>;
  return {
    regions: feature(topo, topo.objects.regions) as FeatureCollection,
    land: feature(topo, topo.objects.land) as FeatureCollection,
  };
}

/** Every ring position of a FeatureCollection's (Multi)Polygons. */
export function positions(fc: FeatureCollection): Position[] {
  const out: Position[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (g.type === 'Polygon') for (const ring of g.coordinates) out.push(...ring);
    else if (g.type === 'MultiPolygon')
      for (const p of g.coordinates) for (const ring of p) out.push(...ring);
  }
  return out;
}
