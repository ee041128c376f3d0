/**
 * Writes a gzipped copy (`name.gz`) beside every compressible file of the build, for hosts that
 * serve precompressed files (nginx's `gzip_static`, most CDNs and static hosts): compressed once
 * at level 9 when built, instead of at a low level on every request, and never by a host that
 * forgot to. Runs after every other plugin's `closeBundle`, so the service worker vite-plugin-pwa
 * writes there is compressed too. A file whose gzip is not smaller gets no copy.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin, ResolvedConfig } from 'vite';

/** The kinds of file worth compressing (text, and the uncompressed protobuf of the map tiles). */
export const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.csv',
  '.svg',
  '.txt',
  '.pbf',
  '.webmanifest',
  '.map',
  '.md',
]);

async function* walk(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/** Gzips every compressible file under `dir`; returns how many copies were written. */
export async function gzipTree(dir: string): Promise<number> {
  let written = 0;
  for await (const file of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const raw = await readFile(file);
    const gz = gzipSync(raw, { level: 9 });
    if (gz.length >= raw.length) continue;
    await writeFile(`${file}.gz`, gz);
    written++;
  }
  return written;
}

export function gzipPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'fast-lakarkontakt-gzip',
    apply: 'build',
    enforce: 'post',
    configResolved(c) {
      config = c;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await gzipTree(resolve(config.root, config.build.outDir));
      },
    },
  };
}
