/**
 * How the browser tests and the benchmark start Chromium: the binary ($CHROME_PATH, else
 * Debian's /usr/bin/chromium) and the flags for a quiet headless run in a sandbox-less container,
 * with WebGL2 on SwiftShader.
 */
export function chromiumPath() {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

/**
 * New headless runs the full browser, whose omnibox popup is WebUI, created (and preloaded) in a
 * renderer of its own for a new window: in a trace, 1.1–1.5 s of one of the machine's two cores
 * during the page's load, in about every other new context. Every measurement shared the CPU with
 * it; with these off, a returning visit's load kept 1.17 cores busy instead of 2.08–2.75, and the
 * floor's first coloured map came ~150–200 ms sooner.
 */
const TOP_CHROME_WEBUI = [
  'PreloadTopChromeWebUI',
  'WebUIOmniboxPopup',
  'WebUIOmniboxFullPopup',
  'WebUIOmniboxAimPopup',
];
/**
 * The features Playwright itself launches Chromium without (playwright-core 1.x,
 * chromiumSwitches): a second --disable-features replaces the first rather than adding to it, so
 * they are repeated here.
 */
const PLAYWRIGHT_DISABLED = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  `--disable-features=${[...PLAYWRIGHT_DISABLED, ...TOP_CHROME_WEBUI].join(',')}`,
];
