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
  source: string;
  /** The map as drawn (any resolution); fitted into the map box keeping its aspect ratio. */
  map: CanvasImageSource & { width: number; height: number };
}

/** Composition width in CSS pixels (the PNG is `scale` times wider). */
export const IMAGE_WIDTH = 1000;
const PAD = 32;
const MAP_BOX = { w: 560, h: 700 };
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
  t.strokeStyle = kind === 'unknown' ? '#5a5a5a' : 'rgba(0,0,0,0.55)';
  t.lineWidth = 1.5 * scale;
  t.beginPath();
  if (kind === 'unknown') {
    t.moveTo(0, 0);
    t.lineTo(size, size);
  } else {
    t.moveTo(0, size);
    t.lineTo(size, 0);
  }
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
  const legendH = 28 + c.legend.length * 30;
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

  const lx = PAD + mapW + 28;
  ctx.font = `bold 13px ${FONT}`;
  ctx.fillStyle = '#5e5e5e';
  ctx.fillText(c.legendTitle.toUpperCase(), lx, top);
  c.legend.forEach((item, i) => {
    const y = top + 28 + i * 30;
    ctx.fillStyle = item.color;
    ctx.fillRect(lx, y, 22, 16);
    const pat = hatchPattern(ctx, item.pattern, scale);
    if (pat) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = pat;
      ctx.fillRect(lx * scale, y * scale, 22 * scale, 16 * scale);
      ctx.restore();
    }
    ctx.strokeStyle = 'rgba(0,0,0,0.35)';
    ctx.strokeRect(lx + 0.5, y + 0.5, 21, 15);
    ctx.fillStyle = '#1b1b1b';
    ctx.font = `14px ${FONT}`;
    ctx.fillText(item.label, lx + 32, y + 1);
    ctx.fillStyle = '#5e5e5e';
    ctx.font = `12px ${FONT}`;
    ctx.textAlign = 'right';
    ctx.fillText(item.count, IMAGE_WIDTH - PAD, y + 2);
    ctx.textAlign = 'left';
  });

  ctx.fillStyle = '#5e5e5e';
  ctx.font = `12px ${FONT}`;
  sourceLines.forEach((l, i) => ctx.fillText(l, PAD, top + bodyH + 20 + i * 17));

  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
  );
}
