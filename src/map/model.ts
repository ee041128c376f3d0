/**
 * The map model: how each of the 21 regions is drawn, from the classification and what the
 * reader points at. Pure. Both renderers draw exactly this (the SVG map as attributes, MapLibre
 * as feature-state); neither computes a colour of its own.
 */
import type { RegionCode } from '../data/schema';
import type { Classification, Pattern } from '../domain/classify';

export const COLORS = {
  /** Drawn by the map frame's CSS background, behind both renderers. */
  sea: '#dde7ef',
  land: '#ebe8e3',
  regionBorder: '#ffffff',
  /** A region before the data has come. */
  noData: '#f2f2f2',
  outline: '#111111',
} as const;

/** How much of a dimmed region's own colour shows (outside a highlighted legend class). */
export const DIM = 0.3;

/** Why a region has an outline, if it has one; one outline look serves all three. */
export type Outline = 'none' | 'selected' | 'hover' | 'highlight';

/** How one region is drawn. */
export interface RegionLook {
  code: RegionCode;
  /** Fill colour, #rrggbb, already dimmed where the region is outside a highlighted class. */
  fill: string;
  /** Hatch over the fill: inferred (over a class colour) or unknown (over grey). */
  pattern: Pattern;
  /** Outside the highlighted legend class: its hatch fades with its colour. */
  dim: boolean;
  outline: Outline;
}

/** What the reader points at or has chosen. */
export interface MapFocus {
  selected: RegionCode | null;
  hovered: RegionCode | null;
  /** Regions of the legend class pointed at or pinned; empty when none. */
  highlighted: ReadonlySet<RegionCode>;
}

/**
 * `color` mixed into `ground` so that `share` of it shows: what a fill of opacity `share` over
 * `ground` looks like, as an opaque colour (the renderers need no opacity for dimming). Colours
 * are `#rrggbb`; anything else is returned unchanged.
 */
export function mix(color: string, ground: string, share: number): string {
  const parse = (hex: string) =>
    /^#[0-9a-f]{6}$/i.test(hex) ? [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) : null;
  const a = parse(color);
  const b = parse(ground);
  if (!a || !b) return color;
  return `#${a
    .map((c, i) =>
      Math.round(c * share + b[i]! * (1 - share))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * Every region's look for a classification (null before the data: no regions to colour, the
 * renderers draw the geometry in COLORS.noData) and what the reader points at. The outline shows
 * the selection first, then the hover, then the highlighted class.
 */
export function mapModel(c: Classification | null, focus: MapFocus): RegionLook[] {
  if (!c) return [];
  const hl = focus.highlighted;
  return Object.values(c.byRegion).map((r) => {
    const dim = hl.size > 0 && !hl.has(r.code);
    const outline: Outline =
      focus.selected === r.code
        ? 'selected'
        : focus.hovered === r.code
          ? 'hover'
          : hl.has(r.code)
            ? 'highlight'
            : 'none';
    return {
      code: r.code,
      // The region is drawn over the context land: mixing with it looks like a faded fill.
      fill: dim ? mix(r.color, COLORS.land, DIM) : r.color,
      pattern: r.pattern,
      dim,
      outline,
    };
  });
}
