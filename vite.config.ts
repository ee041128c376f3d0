import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { dataPlugin } from './src/build/dataPlugin.ts';
import { cspPlugin } from './src/build/cspPlugin.ts';

export default defineConfig({
  plugins: [svelte({ compilerOptions: { runes: true } }), dataPlugin(), cspPlugin()],
  build: {
    target: 'es2022',
    // MapLibre's own chunk is ~800 KB unminified; it is loaded lazily, after the text.
    chunkSizeWarningLimit: 1200,
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
