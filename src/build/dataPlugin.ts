/**
 * Vite plugin that publishes what is derived from public/data and public/geo:
 * - `data/dataset.csv`: the tidy CSV, generated from the same files the app loads;
 * - `data/manifest.json`: a content hash per file and for the whole, so the app's cache can tell
 *   when the data changed (see src/data/cache.ts);
 * - the module `virtual:data-files`: the data files index.json lists, so that a first visit can
 *   request them all at once (src/boot.ts) instead of after index.json has come, the survey
 *   years, which also go into index.html's title (a new survey is a data change, not a code one),
 *   and the data version this build was made with (`version`), which tells the app when the
 *   server has a newer build (src/app/update.ts), with each data file's hash (`hashes`), against
 *   which a cached copy is checked before it is drawn (src/data/source.ts).
 * The build fails when the data do not validate, so a broken file never ships.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { datasetCsv } from '../data/csv.ts';
import { readDataset } from '../data/validate.ts';
import { fsReader } from '../cli/fsReader.ts';
import type { ContentManifest } from '../data/manifest';
import { yearSpan } from '../i18n/format.ts';

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.name.endsWith('.json')) out.push(p);
  }
  return out.sort();
}

/** Hashes every JSON file under public/data and public/geo (short SHA-256, hex). */
export async function contentManifest(publicDir: string): Promise<ContentManifest> {
  const files: Record<string, string> = {};
  const all = createHash('sha256');
  for (const sub of ['data', 'geo']) {
    for (const f of await listFiles(join(publicDir, sub))) {
      const rel = relative(publicDir, f).split(sep).join('/');
      const bytes = await readFile(f);
      files[rel] = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
      all.update(rel).update(files[rel]);
    }
  }
  return { version: all.digest('hex').slice(0, 12), files };
}

const FILES_MODULE = 'virtual:data-files';

/** The files public/data/index.json lists, in its order, as paths under data/. */
export async function listedFiles(publicDir: string): Promise<string[]> {
  const index = JSON.parse(await readFile(join(publicDir, 'data', 'index.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  return Object.values(index)
    .flat()
    .filter((f): f is string => typeof f === 'string');
}

/** The survey years of the data, oldest first. */
export async function surveyYears(publicDir: string): Promise<number[]> {
  const dataset = await readDataset(fsReader(join(publicDir, 'data')));
  return dataset.surveys.map((s) => s.year);
}

/** Where index.html names the surveys' span, filled in from the data at build time. */
export const YEARS_PLACEHOLDER = '%SURVEY_YEARS%';

/**
 * The plugin. `dir` is the public folder whose data/ it reads; by default the build's own
 * `publicDir`, so a build of other data (e.g. the browser test of a new survey) is only a build
 * with another public folder.
 */
export function dataPlugin(dir?: string): Plugin {
  let publicDir = dir ?? 'public';
  const build = async () => {
    const dataset = await readDataset(fsReader(join(publicDir, 'data')));
    return { csv: datasetCsv(dataset), manifest: JSON.stringify(await contentManifest(publicDir)) };
  };
  return {
    name: 'fast-lakarkontakt-data',
    configResolved(config) {
      if (dir === undefined && config.publicDir) publicDir = config.publicDir;
    },
    resolveId(id) {
      return id === FILES_MODULE ? `\0${FILES_MODULE}` : null;
    },
    async load(id) {
      if (id !== `\0${FILES_MODULE}`) return null;
      const { version, files } = await contentManifest(publicDir);
      const hashes = Object.fromEntries(Object.entries(files).filter(([f]) => f.startsWith('data/')));
      return (
        `export default ${JSON.stringify(await listedFiles(publicDir))};\n` +
        `export const surveyYears = ${JSON.stringify(await surveyYears(publicDir))};\n` +
        `export const version = ${JSON.stringify(version)};\n` +
        `export const hashes = ${JSON.stringify(hashes)};`
      );
    },
    transformIndexHtml: {
      order: 'pre',
      handler: async (html) => html.replaceAll(YEARS_PLACEHOLDER, yearSpan(await surveyYears(publicDir))),
    },
    async generateBundle() {
      const { csv, manifest } = await build();
      this.emitFile({ type: 'asset', fileName: 'data/dataset.csv', source: csv });
      this.emitFile({ type: 'asset', fileName: 'data/manifest.json', source: manifest });
    },
    configureServer(server: ViteDevServer) {
      server.middlewares.use(async (req, res, next) => {
        const url = (req.url ?? '').split('?')[0];
        if (url !== '/data/dataset.csv' && url !== '/data/manifest.json') return next();
        try {
          const { csv, manifest } = await build();
          res.setHeader(
            'Content-Type',
            url.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json',
          );
          res.setHeader('Cache-Control', 'no-cache');
          res.end(url.endsWith('.csv') ? csv : manifest);
        } catch (e) {
          res.statusCode = 500;
          res.end(String(e));
        }
      });
    },
  };
}
