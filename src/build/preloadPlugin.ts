/**
 * Hints the browser, from the HTML, to fetch the lazily imported map chunk early at low
 * priority: it downloads (and compiles) alongside the text-first main chunk instead of after
 * it, but runs only when the map asks for it, so the text still paints first.
 */
import type { Plugin } from 'vite';

export function preloadMapPlugin(chunkName = 'regionMap'): Plugin {
  return {
    name: 'fast-lakarkontakt-preload-map',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.name === chunkName);
        if (!chunk) return [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
