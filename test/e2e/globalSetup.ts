/**
 * Browser tests run against the production build, in real browsers. This setup checks the build
 * and every selected engine's binaries exist, serves `dist/` through nginx with the shipped
 * configuration (deploy/nginx.conf) on a free port for the Chromium suites (its origin in
 * E2E_BASE; `npm start`'s `vite preview` on 4173 may run meanwhile), and starts a virtual X
 * display for Firefox and WebKit (engines.test.ts).
 */
import { existsSync } from 'node:fs';
import { startNginx } from '../nginx.mjs';
import { chromiumPath } from '../chromium.mjs';
import { missing, selectedEngines } from './engines/drivers';
import { hasXvfb, startDisplay, type Display } from './engines/display';

let server: Awaited<ReturnType<typeof startNginx>> | undefined;
let display: Display | undefined;

export async function setup(): Promise<void> {
  const exe = chromiumPath();
  if (!existsSync(exe))
    throw new Error(
      `Chromium not found at ${exe}. The browser tests need it: install Debian's package with ` +
        '`sudo apt-get update && sudo apt-get install -y chromium`, or set CHROME_PATH to a Chromium/Chrome binary.',
    );
  const engines = selectedEngines();
  const absent = engines.flatMap(missing);
  if (absent.length)
    throw new Error(
      `${absent.join('\n')}\nOn Debian: sudo apt-get install -y chromium firefox-esr webkit2gtk-driver xvfb` +
        ' (or run fewer engines: ENGINES=chromium).',
    );
  if (!existsSync('dist/index.html'))
    throw new Error('No production build in dist/: run `npm run build` first (npm test does).');
  if (engines.some((e) => e !== 'chromium')) {
    if (!hasXvfb())
      throw new Error(
        'Firefox and WebKit need a virtual X display: sudo apt-get install -y xvfb (or ENGINES=chromium).',
      );
    display = await startDisplay();
    // The test workers start after this setup and inherit its environment.
    process.env.DISPLAY = display.name;
  }
  server = await startNginx({ root: 'dist' });
  process.env.E2E_BASE = server.origin;
}

export async function teardown(): Promise<void> {
  await server?.stop();
  display?.stop();
}
