/**
 * "Ladda ner bild (PNG)": the current map with its title, summary, legend and source line,
 * composed on a 2D canvas at 2× for print. Layout in CSS pixels; the canvas is `scale` times that.
 */
import type { Pattern } from './metrics/classify';

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
  /** The map as drawn (any resolution); fitted into the map box keeping its aspect ratio. */
  map: CanvasImageSource & { width: number; height: number };
}

/** Composition width in CSS pixels (the PNG is `scale` times wider). */
export const IMAGE_WIDTH = 1000;
const PAD = 32;
const MAP_BOX = { w: 520, h: 720 };
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const SERIF = 'Georgia, "Times New Roman", serif';

/** Breaks a text into lines no wider than `width` with the context's current font. */
export function wrap(
  ctx: Pick<CanvasRenderingContext2D, 'measureText'>,
  text: string,
  width: number,
): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function hatchPattern(ctx: CanvasRenderingContext2D, kind: Pattern, scale: number): CanvasPattern | null {
  if (kind === 'none') return null;
  const size = Math.round(7 * scale);
  const tile = document.createElement('canvas');
  tile.width = tile.height = size;
  const t = tile.getContext('2d')!;
  // The map's one hatch (patterns.ts); the fill under it tells unknown (grey) from inferred.
  t.strokeStyle = 'rgba(0,0,0,0.55)';
  t.lineWidth = 1.5 * scale;
  t.beginPath();
  t.moveTo(0, size);
  t.lineTo(size, 0);
  t.stroke();
  return ctx.createPattern(tile, 'repeat');
}

/** Draws the composition and returns it as a PNG blob. */
export async function composeImage(c: ImageContent, scale = 2): Promise<Blob> {
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `18px ${SERIF}`;
  const textWidth = IMAGE_WIDTH - 2 * PAD;
  const summaryLines = wrap(measure, c.summary, textWidth);
  measure.font = `12px ${FONT}`;
  const sourceLines = wrap(measure, c.source, textWidth);

  const fit = Math.min(MAP_BOX.w / c.map.width, MAP_BOX.h / c.map.height);
  const mapW = Math.round(c.map.width * fit);
  const mapH = Math.round(c.map.height * fit);
  const top = PAD + 34 + summaryLines.length * 25 + 16;
  const lx = PAD + mapW + 28;
  const labelWidth = IMAGE_WIDTH - PAD - (lx + 32);
  measure.font = `14px ${FONT}`;
  const items = c.legend.map((item) => ({
    ...item,
    lines: wrap(measure, `${item.label} (${item.count})`, labelWidth),
  }));
  measure.font = `12px ${FONT}`;
  const notes = c.legendNotes.map((n) => ({ ...n, lines: wrap(measure, n.text, labelWidth) }));
  const legendH =
    28 +
    items.reduce((h, it) => h + Math.max(22, it.lines.length * 18) + 8, 0) +
    notes.reduce((h, n) => h + n.lines.length * 16 + 8, 8);
  const bodyH = Math.max(mapH, legendH);
  const height = top + bodyH + 20 + sourceLines.length * 17 + PAD;

  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_WIDTH * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(scale, scale);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, IMAGE_WIDTH, height);
  ctx.fillStyle = '#1b1b1b';
  ctx.textBaseline = 'top';

  ctx.font = `bold 24px ${SERIF}`;
  ctx.fillText(c.title, PAD, PAD);
  ctx.font = `18px ${SERIF}`;
  summaryLines.forEach((l, i) => ctx.fillText(l, PAD, PAD + 38 + i * 25));

  ctx.drawImage(c.map, PAD, top, mapW, mapH);
  ctx.strokeStyle = '#cccccc';
  ctx.strokeRect(PAD + 0.5, top + 0.5, mapW - 1, mapH - 1);

  ctx.font = `bold 13px ${FONT}`;
  ctx.fillStyle = '#5e5e5e';
  ctx.fillText(c.legendTitle.toUpperCase(), lx, top);
  const swatch = (x: number, y: number, color: string, pattern: Pattern) => {
    ctx.fillStyle = color;
    ctx.fillRect(x, y, 22, 16);
    const pat = hatchPattern(ctx, pattern, scale);
    if (pat) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = pat;
      ctx.fillRect(x * scale, y * scale, 22 * scale, 16 * scale);
      ctx.restore();
    }
    ctx.strokeStyle = 'rgba(0,0,0,0.35)';
    ctx.strokeRect(x + 0.5, y + 0.5, 21, 15);
  };
  let y = top + 28;
  for (const item of items) {
    swatch(lx, y, item.color, item.pattern);
    ctx.fillStyle = '#1b1b1b';
    ctx.font = `14px ${FONT}`;
    item.lines.forEach((l, i) => ctx.fillText(l, lx + 32, y + 1 + i * 18));
    y += Math.max(22, item.lines.length * 18) + 8;
  }
  y += 8;
  ctx.font = `12px ${FONT}`;
  for (const n of notes) {
    swatch(lx, y, n.pattern === 'unknown' ? '#c8c8c8' : '#ffffff', n.pattern);
    ctx.fillStyle = '#4a4a4a';
    n.lines.forEach((l, i) => ctx.fillText(l, lx + 32, y + 1 + i * 16));
    y += n.lines.length * 16 + 8;
  }

  ctx.fillStyle = '#5e5e5e';
  ctx.font = `12px ${FONT}`;
  sourceLines.forEach((l, i) => ctx.fillText(l, PAD, top + bodyH + 20 + i * 17));

  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
  );
}
