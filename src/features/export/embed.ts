/**
 * "Bädda in": the iframe code that embeds the current view in another site. Pure, so the code a
 * reader copies is unit-tested; the dialog (EmbedCode.svelte) only shows it.
 */
import { serialiseView, type ViewState } from '../../app/url';

/**
 * The iframe's height in CSS pixels: the embed's summary, map, legend and source line fit in it
 * in a frame 600 px wide or wider, in both languages and every metric (a browser test measures
 * it). Narrower frames (a phone's column) stack the legend under the map and scroll.
 */
export const EMBED_HEIGHT = 640;

/** The narrowest frame EMBED_HEIGHT is measured for. */
export const EMBED_MIN_WIDTH = 600;

/**
 * The view an embed of `v` shows: the same metric, survey, what-if target, language and chosen
 * region, as a map (an embed draws the map, its legend and the summary, never a table, a
 * comparison or the changes between surveys, so their parameters are left out of its link).
 */
export function embedView(v: ViewState): ViewState {
  return { ...v, view: 'map', compare: [], from: null, to: null, embed: true };
}

/** The embed's address: the dashboard's own (`base`, origin and path) with the view's canonical query. */
export function embedSrc(base: string, v: ViewState): string {
  return base + serialiseView(embedView(v));
}

/** Text for a double-quoted HTML attribute. */
const attr = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The HTML a site pastes to embed a view: full width, EMBED_HEIGHT tall, no border, loaded when
 * scrolled near, named by the view's title for screen readers.
 */
export function iframeCode(src: string, title: string, height: number = EMBED_HEIGHT): string {
  return [
    '<iframe',
    `  src="${attr(src)}"`,
    `  title="${attr(title)}"`,
    '  width="100%"',
    `  height="${height}"`,
    '  style="border:0"',
    '  loading="lazy"',
    '></iframe>',
  ].join('\n');
}
