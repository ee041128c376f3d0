/**
 * Colours. Categorical classes use the Okabe–Ito palette (safe for the common colour-vision
 * deficiencies); sequential scales use ColorBrewer schemes marked colour-blind safe. Unknown is a
 * neutral grey that is always drawn with a hatch, so it never reads as a value.
 */
export const OKABE_ITO = {
  blue: '#0072B2',
  bluishGreen: '#009E73',
  skyBlue: '#56B4E9',
  reddishPurple: '#CC79A7',
  yellow: '#F0E442',
  orange: '#E69F00',
  vermillion: '#D55E00',
} as const;

/** Neutral grey for unknown and not reported. */
export const UNKNOWN_GREY = '#c8c8c8';

/** ColorBrewer YlGnBu, 5 classes (colour-blind safe): more named doctors, darker. */
export const YLGNBU_5 = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;

/** ColorBrewer YlOrRd, 5 classes (colour-blind safe): a bigger gap, darker. */
export const YLORRD_5 = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

/** Relative luminance (WCAG) of a #rrggbb colour, to pick legible text on a swatch. */
export function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const lin = c.map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
  return 0.2126 * lin[0]! + 0.7152 * lin[1]! + 0.0722 * lin[2]!;
}

/** Black or white, whichever reads better on the given background. */
export function textOn(hex: string): '#000000' | '#ffffff' {
  return luminance(hex) > 0.179 ? '#000000' : '#ffffff';
}
