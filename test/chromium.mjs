/**
 * How the browser tests and the benchmark start Chromium: the binary ($CHROME_PATH, else
 * Debian's /usr/bin/chromium) and the flags for a quiet headless run in a sandbox-less container,
 * with WebGL2 on SwiftShader.
 */
export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];
