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
  // New headless runs the full browser, which preloads top-chrome WebUI (the omnibox popup) in a
  // renderer of its own for a new window: in a trace, 1.1–1.5 s of one of the two cores, during
  // the page's load, in about every other context. Every measurement shared the CPU with it.
  '--disable-features=PreloadTopChromeWebUI',
];
