/**
 * The browser engines the suite knows and which of them a run uses. Plain JavaScript, so the
 * runner behind `npm test` (test/run-all.mjs) reads the same list as the suite (drivers.ts)
 * without a compiler.
 */

/** @typedef {'chromium' | 'firefox' | 'webkit'} EngineName */

/** Every engine, in the order a full run takes them. @type {readonly EngineName[]} */
export const ENGINE_NAMES = ['chromium', 'firefox', 'webkit'];

/** Each engine as the summary of `npm test` names it. @type {Record<EngineName, string>} */
export const ENGINE_LABELS = { chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit' };

/** The engines to run: all three, or those named in $ENGINES (comma-separated). @returns {EngineName[]} */
export function selectedEngines() {
  const wanted = process.env.ENGINES?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!wanted?.length) return [...ENGINE_NAMES];
  const unknown = wanted.filter((w) => !(/** @type {readonly string[]} */ (ENGINE_NAMES).includes(w)));
  if (unknown.length)
    throw new Error(`ENGINES names ${unknown.join(', ')}; known engines: ${ENGINE_NAMES.join(', ')}`);
  return /** @type {EngineName[]} */ (wanted);
}
