/**
 * Browser tests run against the production build served on localhost:4173, in a real Chromium
 * driven by playwright-core. This setup checks both exist and serves `dist/` for the run.
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';
import { chromiumPath } from './browser';

let server: PreviewServer | undefined;

export async function setup(): Promise<void> {
  const exe = chromiumPath();
  if (!existsSync(exe))
    throw new Error(
      `Chromium not found at ${exe}. The browser tests need it: install Debian's package with ` +
        '`sudo apt-get update && sudo apt-get install -y chromium`, or set CHROME_PATH to a Chromium/Chrome binary.',
    );
  if (!existsSync('dist/index.html'))
    throw new Error('No production build in dist/: run `npm run build` first (npm test does).');
  server = await preview({ preview: { port: 4173, strictPort: true, open: false }, logLevel: 'warn' });
}

export async function teardown(): Promise<void> {
  await server?.close();
}
