/**
 * "Ladda ner bild": the map of the current view with its title, summary, legend, region names and
 * source line,
 * as one standalone SVG (vector, for print and layout) or as a PNG rasterised from that same SVG
 * at 2×. The map in it is the SVG renderer's geometry drawn from the map model, so the image is
 * what the reader sees, whichever renderer is on screen. Layout in CSS pixels.
 */
import type { RegionCode } from '../data/schema';
import type { Pattern } from '../domain/classify';
import { frame, GEOMETRY, hatchUnit, HATCH_PATH, HATCH_WIDTH } from './geometry';
import { COLORS, DIM, type RegionLook } from './model';
import { LABEL_FONT_SIZE, LABEL_LINE_HEIGHT, layoutLabels } from './labels';

export interface ImageLegendItem {
  color: string;
  pattern: Pattern;
  label: string;
  count: string;
}

export interface ImageContent {
  title: string;
  summary: string;
  legendTitle: string;
  legend: ImageLegendItem[];
  /** Lines under the legend explaining the hatches in use. */
  legendNotes: Array<{ pattern: Pattern; text: string }>;
  source: string;
  /** Each region's look (model.ts), as the map shows it. */
  looks: readonly RegionLook[];
  /** The map's accessible name, and each region's (name and value). */
  mapLabel: string;
  regionLabels: Partial<Record<RegionCode, string>>;
  /** Each region's name as the map shows it (labels.ts), in the reader's language. */
  names: Partial<Record<RegionCode, string>>;
  lang: string;
}

/** Width of a text in a CSS font (canvas measureText in the browser, an estimate in tests). */
export type Measure = (text: string, font: string) => number;

/** Composition width in CSS pixels (the PNG is twice that). */
export const IMAGE_WIDTH = 1000;
const PAD = 32;
/** The map's box: Sweden fitted into it as the SVG map fits it into its frame. */
const MAP_BOX = { w: 520, h: 720 };
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
/** The map's names: the on-screen labels' type (LabelMarks.svelte). */
const LABEL_FONT = `600 ${LABEL_FONT_SIZE}px ${FONT}`;
const SERIF = 'Georgia, "Times New Roman", serif';

/** Breaks a text into lines no wider than `width` in `font`. */
export function wrap(measure: Measure, text: string, font: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, font) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Text made safe for XML content and attribute values. */
export function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const f = (n: number) => String(Math.round(n * 100) / 100);

/** The map's hatch (geometry.ts), `unit` user units per hatch unit. */
function hatchDef(id: string, unit: number): string {
  return (
    `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="scale(${f(unit)})">` +
    `<path d="${HATCH_PATH}" stroke="#000" stroke-opacity="0.55" stroke-width="${HATCH_WIDTH}"/></pattern>`
  );
}

/**
 * The composition as a standalone SVG document. Its height follows the text: the summary,
 * legend and source are wrapped with `measure`.
 */
export function mapImageSvg(
  c: ImageContent,
  measure: Measure,
): { svg: string; width: number; height: number } {
  const textWidth = IMAGE_WIDTH - 2 * PAD;
  const fonts = {
    title: `bold 24px ${SERIF}`,
    summary: `18px ${SERIF}`,
    legendTitle: `bold 13px ${FONT}`,
    item: `14px ${FONT}`,
    note: `12px ${FONT}`,
    source: `12px ${FONT}`,
  };
  const titleLines = wrap(measure, c.title, fonts.title, textWidth);
  const summaryLines = wrap(measure, c.summary, fonts.summary, textWidth);
  const sourceLines = wrap(measure, c.source, fonts.source, textWidth);
  const view = frame(MAP_BOX.w, MAP_BOX.h);
  const top = PAD + titleLines.length * 30 + 8 + summaryLines.length * 25 + 16;
  const lx = PAD + MAP_BOX.w + 28;
  const labelWidth = IMAGE_WIDTH - PAD - (lx + 32);
  const items = c.legend.map((it) => ({
    ...it,
    lines: wrap(measure, `${it.label} (${it.count})`, fonts.item, labelWidth),
  }));
  const notes = c.legendNotes.map((n) => ({ ...n, lines: wrap(measure, n.text, fonts.note, labelWidth) }));
  const legendH =
    28 +
    items.reduce((h, it) => h + Math.max(22, it.lines.length * 18) + 8, 0) +
    notes.reduce((h, n) => h + n.lines.length * 16 + 8, 8);
  const bodyH = Math.max(MAP_BOX.h, legendH);
  const height = Math.ceil(top + bodyH + 20 + sourceLines.length * 17 + PAD);

  const out: string[] = [];
  const text = (x: number, y: number, font: string, fill: string, s: string) => {
    const m = /^(bold )?(\d+)px (.*)$/.exec(font)!;
    out.push(
      `<text x="${f(x)}" y="${f(y)}" font-family="${xml(m[3]!)}" font-size="${m[2]}"${m[1] ? ' font-weight="bold"' : ''} fill="${fill}" dominant-baseline="hanging">${xml(s)}</text>`,
    );
  };
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${IMAGE_WIDTH}" height="${height}" viewBox="0 0 ${IMAGE_WIDTH} ${height}" lang="${xml(c.lang)}" role="img" aria-label="${xml(c.title)}">`,
    `<defs>${hatchDef('hatch-map', hatchUnit(view.zoom))}${hatchDef('hatch-key', 1)}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  );
  titleLines.forEach((l, i) => text(PAD, PAD + i * 30, fonts.title, '#1b1b1b', l));
  const sy = PAD + titleLines.length * 30 + 8;
  summaryLines.forEach((l, i) => text(PAD, sy + i * 25, fonts.summary, '#1b1b1b', l));

  // The map: the SVG renderer's geometry at its own framing for the box.
  const byCode = new Map(c.looks.map((l) => [l.code, l]));
  out.push(
    `<svg x="${PAD}" y="${f(top)}" width="${MAP_BOX.w}" height="${MAP_BOX.h}" viewBox="${view.viewBox.map(f).join(' ')}" role="img" aria-label="${xml(c.mapLabel)}">`,
    `<rect x="${f(view.viewBox[0])}" y="${f(view.viewBox[1])}" width="${f(view.viewBox[2])}" height="${f(view.viewBox[3])}" fill="${COLORS.sea}"/>`,
    `<path d="${GEOMETRY.land}" fill="${COLORS.land}"/>`,
  );
  for (const r of GEOMETRY.regions) {
    const look = byCode.get(r.code);
    out.push(
      `<path d="${r.d}" fill="${look?.fill ?? COLORS.noData}"><title>${xml(c.regionLabels[r.code] ?? r.code)}</title></path>`,
    );
  }
  for (const r of GEOMETRY.regions) {
    const look = byCode.get(r.code);
    if (look && look.pattern !== 'none')
      out.push(`<path d="${r.d}" fill="url(#hatch-map)"${look.dim ? ` opacity="${DIM}"` : ''}/>`);
  }
  const border = Math.min(1.5, Math.max(0.6, 0.6 + ((view.zoom - 3) * 0.9) / 4));
  out.push(
    `<g fill="none" stroke="${COLORS.regionBorder}" stroke-width="${f(border / view.scale)}" stroke-linejoin="round">`,
    ...GEOMETRY.regions.map((r) => `<path d="${r.d}"/>`),
    `</g></svg>`,
    `<rect x="${PAD + 0.5}" y="${f(top + 0.5)}" width="${MAP_BOX.w - 1}" height="${MAP_BOX.h - 1}" fill="none" stroke="#cccccc"/>`,
  );

  // The 21 names as the desktop map sets them (labels.ts), laid out in the image's own frame:
  // dark on a white halo, the small southern regions in the margins with leader lines.
  const names = layoutLabels(c.names, view, (t) => measure(t, LABEL_FONT));
  if (names.fits) {
    out.push(`<g aria-hidden="true">`);
    for (const l of names.labels) {
      if (!l.leader) continue;
      const [a, b] = l.leader.map((p) => ({ x: PAD + p.x, y: top + p.y }));
      const line = (stroke: string, width: number, extra = '') =>
        `<line x1="${f(a!.x)}" y1="${f(a!.y)}" x2="${f(b!.x)}" y2="${f(b!.y)}" stroke="${stroke}" stroke-width="${width}"${extra}/>`;
      out.push(line('#ffffff', 2.5, ' stroke-opacity="0.85"'), line('#222222', 0.9));
    }
    for (const l of names.labels) {
      const x = PAD + l.x;
      const y0 = top + l.y - ((l.lines.length - 1) / 2) * LABEL_LINE_HEIGHT;
      const spans = l.lines
        .map((s, i) => `<tspan x="${f(x)}" y="${f(y0 + i * LABEL_LINE_HEIGHT)}">${xml(s)}</tspan>`)
        .join('');
      out.push(
        `<text data-label="${l.code}" font-family="${xml(FONT)}" font-size="${LABEL_FONT_SIZE}" font-weight="600" fill="#111111" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke" text-anchor="${l.align}" dominant-baseline="central">${spans}</text>`,
      );
    }
    out.push(`</g>`);
  }

  text(lx, top, fonts.legendTitle, '#5e5e5e', c.legendTitle.toUpperCase());
  const swatch = (x: number, y: number, color: string, pattern: Pattern) => {
    out.push(`<rect x="${x}" y="${f(y)}" width="22" height="16" fill="${color}"/>`);
    if (pattern !== 'none')
      out.push(`<rect x="${x}" y="${f(y)}" width="22" height="16" fill="url(#hatch-key)"/>`);
    out.push(
      `<rect x="${x + 0.5}" y="${f(y + 0.5)}" width="21" height="15" fill="none" stroke="#000" stroke-opacity="0.35"/>`,
    );
  };
  let y = top + 28;
  for (const it of items) {
    swatch(lx, y, it.color, it.pattern);
    it.lines.forEach((l, i) => text(lx + 32, y + 1 + i * 18, fonts.item, '#1b1b1b', l));
    y += Math.max(22, it.lines.length * 18) + 8;
  }
  y += 8;
  for (const n of notes) {
    swatch(lx, y, n.pattern === 'unknown' ? '#c8c8c8' : '#ffffff', n.pattern);
    n.lines.forEach((l, i) => text(lx + 32, y + 1 + i * 16, fonts.note, '#4a4a4a', l));
    y += n.lines.length * 16 + 8;
  }
  sourceLines.forEach((l, i) => text(PAD, top + bodyH + 20 + i * 17, fonts.source, '#5e5e5e', l));
  out.push('</svg>');
  return { svg: out.join('\n'), width: IMAGE_WIDTH, height };
}

/** Rasterises an SVG document to a PNG at `scale` × its size. */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
