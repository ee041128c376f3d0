import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dataPlugin } from './src/build/dataPlugin.ts';
import { cspPlugin } from './src/build/cspPlugin.ts';
import { mapCssPlugin } from './src/build/mapCssPlugin.ts';
import { gzipPlugin } from './src/build/gzipPlugin.ts';
import { sourceMapRefPlugin } from './src/build/sourceMapRefPlugin.ts';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    svelte({ compilerOptions: { runes: true } }),
    dataPlugin(),
    cspPlugin(),
    mapCssPlugin(),
    sourceMapRefPlugin(),
    // Offline after one visit: Workbox precaches the shell (the SVG map's geometry is in it),
    // MapLibre's chunk and worker (.mjs), the data and the map tiles to zoom 5, in the background
    // once the page has loaded. Registered from a script file (no
    // inline script, so the CSP holds).
    VitePWA({
      // A new worker waits instead of taking over open pages (src/app/update.ts): with
      // skipWaiting and clientsClaim it deleted the old precache under tabs still running the old
      // code, whose lazily loaded chunks were then gone from the cache and the server alike.
      registerType: 'prompt',
      // Registered by the app itself (src/app/registerServiceWorker.ts), once the first coloured
      // map is on screen and the page is idle: its precache (2 MB, MapLibre included) then does
      // not compete with the first visit's own loading, and an embed never registers one.
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{html,js,mjs,css,json,csv,svg,woff2,txt,pbf}'],
        // The content manifest is the app's question to the server ("which data version is
        // current?"), so the service worker never answers it: offline, the app's fetch fails and
        // the app says it shows its saved copy. (Served network-first from a runtime cache, it
        // was answered from that cache in an outage, and the app said it was online; with that
        // cache still empty, the rejected respondWith was logged as an error in Firefox.) Map
        // tiles to zoom 5 are precached (44 files, ~35 KB): the national and county views work offline. The 342
        // deeper ones are cached as they are viewed: precaching all 386 made the first visit's
        // install compete with its load (Lighthouse performance 85–90 against 96, 4 runs each).
        // The topology is published for re-use, but the app no longer fetches it.
        globIgnores: [
          'data/manifest.json',
          'geo/sweden.topo.json',
          'geo/sweden-paths.json',
          'geo/tiles/index.json',
          'geo/tiles/regions/{6,7,8}/**',
          // The host's answer for a missing file (deploy/nginx.conf), not a page of the app.
          '404.html',
        ],
        runtimeCaching: [
          {
            // Stale-while-revalidate: a tile changed by a new geometry build is fresh from the
            // next view on.
            urlPattern: ({ url }) => /\/geo\/tiles\/regions\/[678]\//.test(url.pathname),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'map-tiles' },
          },
        ],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes the page at once (there is nothing to mix it with); an update
        // waits for the reader's reload (the worker then gets SKIP_WAITING from the app).
        clientsClaim: true,
        skipWaiting: false,
      },
    }),
    gzipPlugin(),
  ],
  build: {
    target: 'es2022',
    // One stylesheet: MapLibre's CSS (the part the map uses, 1.9 KB gzipped) comes with the page,
    // so the lazily imported map chunk never waits for a stylesheet before it can run.
    cssCodeSplit: false,
    // MapLibre's own chunk is ~1 MB unminified; it is loaded only when a reader reaches for pan
    // or zoom (the SVG map is the map until then).
    chunkSizeWarningLimit: 1200,
    // The page a host answers a missing file with (deploy/nginx.conf): built like index.html, so
    // it carries the policy and the base-relative link back.
    rolldownOptions: { input: { index: 'index.html', notFound: '404.html' } },
  },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
