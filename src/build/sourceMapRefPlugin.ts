/**
 * Drops a `sourceMappingURL` comment from a copied script whose map the build does not ship.
 * MapLibre's worker is copied as published (`?url` import) and names
 * `maplibre-gl-worker.mjs.map`: every browser with its developer tools open asked for it, and a
 * host answered with its 404 page (or, with a single-page fallback, with index.html). The file
 * keeps the name hashed from the published bytes: the edit is a function of them, so one name
 * still means one content.
 */
import type { Plugin } from 'vite';

const REF = /\n?\/\/# sourceMappingURL=(\S+)\s*$/;

/** `code` without its trailing source map comment when `shipped(ref)` is false. */
export function dropDanglingSourceMap(code: string, shipped: (ref: string) => boolean): string {
  const ref = REF.exec(code)?.[1];
  return ref && !ref.startsWith('data:') && !shipped(ref) ? code.replace(REF, '\n') : code;
}

export function sourceMapRefPlugin(): Plugin {
  return {
    name: 'fast-lakarkontakt-source-map-refs',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !/\.m?js$/.test(file.fileName)) continue;
        const dir = file.fileName.slice(0, file.fileName.lastIndexOf('/') + 1);
        const code = typeof file.source === 'string' ? file.source : new TextDecoder().decode(file.source);
        const out = dropDanglingSourceMap(code, (ref) => `${dir}${ref}` in bundle);
        if (out !== code) file.source = out;
      }
    },
  };
}
