/**
 * The charts laid out for SVG, from the same specs Chart.js draws in the region panel
 * (chartjs/config.ts). Drawn as SVG they need no chart library on a first visit (Chart.js is
 * 58 KB gzipped) and update with a metric switch as cheaply as text. The overview shows two
 * shapes: stacked columns with a line (regions per decision class and the reported count, per
 * survey) and ranked horizontal bars with a reference line. On paper every chart, the panel's
 * three included, is drawn from here at the page's width (PRINT_WIDTH): a canvas keeps the size
 * it had on screen.
 *
 * Pure layout: numbers in, positioned shapes out; SvgChart.svelte only draws them.
 */
import {
  niceStep,
  type BarsSpec,
  type ChartSpec,
  type ColumnsSpec,
  type PointShape,
  type StepsSpec,
} from '../spec';
import { textOn } from '../../domain/palette';

export interface SvgRect {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
  /** Tooltip text (an SVG `<title>`). */
  title: string;
}
export interface SvgText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
  /** Drawing role, for the stylesheet: tick labels, value labels, axis titles, reference label. */
  role: 'tick' | 'value' | 'title' | 'ref' | 'inside-dark' | 'inside-light';
  /** Rotated a quarter turn anticlockwise about (x, y) (the vertical axis title). */
  rotate?: boolean;
  /** Drawn bold: the chosen region's label. */
  strong?: boolean;
}
export interface SvgLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  role: 'grid' | 'axis' | 'ref' | 'series';
}
export interface SvgPoint {
  cx: number;
  cy: number;
  title: string;
  /** The mark's shape and fill (the steps chart's known, inferred and unknown answers); a plain dot when absent. */
  shape?: PointShape;
  fill?: string;
}
export interface SvgScene {
  width: number;
  height: number;
  /** Grid and axes, under the bars. */
  lines: SvgLine[];
  rects: SvgRect[];
  /** The series line and the reference line, over the bars. */
  overlay: SvgLine[];
  points: SvgPoint[];
  texts: SvgText[];
}

/** Formats an axis tick. */
export type TickFormat = (n: number) => string;

/** Text role for a label drawn on `fill`: the app's one rule for legible text on a colour. */
const insideRole = (fill: string): SvgText['role'] =>
  textOn(fill) === '#ffffff' ? 'inside-light' : 'inside-dark';

/** Approximate width of a label at the overview's 11–12 px system font (no DOM to measure). */
const textWidth = (s: string) => s.length * 6.4;

/**
 * Stacked columns (one per category, one segment per bar dataset) with the line dataset drawn
 * over them. Segments tall enough carry their count.
 */
export function columnsScene(spec: ColumnsSpec, width: number, height: number, tick: TickFormat): SvgScene {
  const labels = spec.categories;
  const bars = spec.stacks;
  const line = spec.line;
  const yMax = spec.yAxis.max;
  const step = spec.yAxis.step;
  const yTitle = spec.yAxis.title;

  const m = { left: yTitle ? 44 : 30, right: 8, top: 8, bottom: 22 };
  const pw = Math.max(10, width - m.left - m.right);
  const ph = Math.max(10, height - m.top - m.bottom);
  const band = pw / Math.max(1, labels.length);
  const bw = band * 0.72;
  const py = (v: number) => m.top + ph * (1 - v / yMax);

  const scene: SvgScene = { width, height, lines: [], rects: [], overlay: [], points: [], texts: [] };
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    scene.lines.push({ x1: m.left, x2: m.left + pw, y1: py(v), y2: py(v), role: v === 0 ? 'axis' : 'grid' });
    scene.texts.push({ x: m.left - 6, y: py(v) + 4, text: tick(v), anchor: 'end', role: 'tick' });
  }
  if (yTitle)
    scene.texts.push({
      x: 12,
      y: m.top + ph / 2,
      text: yTitle,
      anchor: 'middle',
      role: 'title',
      rotate: true,
    });

  labels.forEach((label, i) => {
    const x = m.left + band * i + (band - bw) / 2;
    let acc = 0;
    for (const b of bars) {
      const v = b.values[i] ?? 0;
      if (v <= 0) continue;
      const top = py(acc + v);
      const h = py(acc) - top;
      const fill = b.color;
      scene.rects.push({ x, y: top, w: bw, h, fill, title: `${label}, ${b.label}: ${tick(v)}` });
      // A count sits inside its segment where it fits and the line's point leaves it readable.
      const mid = top + h / 2;
      const lineY = line ? py(line.values[i] ?? -1) : -Infinity;
      if (h >= 15 && Math.abs(mid - lineY) > 11)
        scene.texts.push({
          x: x + bw / 2,
          y: mid + 4,
          text: tick(v),
          anchor: 'middle',
          role: insideRole(fill),
        });
      acc += v;
    }
    scene.texts.push({ x: x + bw / 2, y: m.top + ph + 16, text: label, anchor: 'middle', role: 'tick' });
  });

  if (line) {
    const vs = line.values;
    const at = (i: number) => ({ cx: m.left + band * i + band / 2, cy: py(vs[i]!) });
    for (let i = 1; i < vs.length; i++) {
      const a = at(i - 1);
      const b = at(i);
      scene.overlay.push({ x1: a.cx, y1: a.cy, x2: b.cx, y2: b.cy, role: 'series' });
    }
    vs.forEach((v, i) => scene.points.push({ ...at(i), title: `${labels[i]}, ${line.label}: ${tick(v)}` }));
  }
  return scene;
}

/**
 * Horizontal bars, one per category in the spec's order, each with its value as the table
 * gives it, and the dashed reference line (goal or guideline) with its label.
 */
export function barsScene(spec: BarsSpec, width: number, height: number, tick: TickFormat): SvgScene {
  const labels = spec.bars.map((b) => b.label);
  const values = spec.bars.map((b) => b.value);
  const ref = spec.ref;
  const top = Math.max(...values, ref.value, 1);
  const step = niceStep(spec.max ?? top, 5);
  const xMax = spec.max ?? Math.ceil(top / step) * step;
  const valueText = (i: number) => spec.bars[i]?.text ?? tick(values[i] ?? 0);

  const m = {
    left: Math.min(150, 10 + Math.max(0, ...labels.map(textWidth))),
    right: Math.max(12, ...values.map((_, i) => textWidth(valueText(i)) / 2)),
    top: 18,
    bottom: 22,
  };
  const pw = Math.max(10, width - m.left - m.right);
  const ph = Math.max(10, height - m.top - m.bottom);
  const row = ph / Math.max(1, labels.length);
  const px = (v: number) => m.left + (pw * Math.min(v, xMax)) / xMax;

  const scene: SvgScene = { width, height, lines: [], rects: [], overlay: [], points: [], texts: [] };
  for (let v = 0; v <= xMax + 1e-9; v += step) {
    scene.lines.push({ x1: px(v), x2: px(v), y1: m.top, y2: m.top + ph, role: v === 0 ? 'axis' : 'grid' });
    scene.texts.push({ x: px(v), y: m.top + ph + 15, text: tick(v), anchor: 'middle', role: 'tick' });
  }
  labels.forEach((label, i) => {
    const y = m.top + row * i;
    const h = row * 0.8;
    const w = px(values[i]!) - m.left;
    const text = valueText(i);
    scene.rects.push({
      x: m.left,
      y: y + (row - h) / 2,
      w,
      h,
      fill: spec.bars[i]!.color,
      title: `${label}: ${text}`,
    });
    scene.texts.push({
      x: m.left - 6,
      y: y + row / 2 + 4,
      text: label,
      anchor: 'end',
      role: 'tick',
      strong: spec.bars[i]!.emphasis,
    });
    // The value sits inside the bar's end where it fits, else just past it; of the two, one that
    // the dashed reference line does not cross (a label struck through by the line is unreadable).
    const tw = textWidth(text);
    const rx = px(ref.value);
    const clear = (from: number, to: number) => rx < from - 3 || rx > to + 3;
    const fits = w > tw + 10;
    const insideClear = fits && clear(m.left + w - 5 - tw, m.left + w - 5);
    const outsideClear = clear(m.left + w + 4, m.left + w + 4 + tw);
    const inside = fits && (insideClear || !outsideClear);
    scene.texts.push({
      x: inside ? m.left + w - 5 : m.left + w + 4,
      y: y + row / 2 + 4,
      text,
      anchor: inside ? 'end' : 'start',
      role: inside ? insideRole(spec.bars[i]!.color) : 'value',
    });
  });
  {
    const rx = px(ref.value);
    scene.overlay.push({ x1: rx, x2: rx, y1: m.top - 4, y2: m.top + ph, role: 'ref' });
    const right = rx > m.left + pw / 2;
    scene.texts.push({
      x: right ? rx - 4 : rx + 4,
      y: m.top - 6,
      text: ref.label,
      anchor: right ? 'end' : 'start',
      role: 'ref',
    });
  }
  return scene;
}

/**
 * One point per category on an ordered scale of levels (top to bottom), joined by a line that
 * steps halfway between categories: the region panel's decision class in each survey. The left
 * margin is as wide as the longest level's label, so no label is cut.
 */
export function stepsScene(spec: StepsSpec, width: number, height: number): SvgScene {
  const cats = spec.categories;
  const m = { left: 12 + Math.max(0, ...spec.levels.map(textWidth)), right: 16, top: 10, bottom: 24 };
  const pw = Math.max(10, width - m.left - m.right);
  const ph = Math.max(10, height - m.top - m.bottom);
  const row = ph / Math.max(1, spec.levels.length - 1);
  const band = pw / Math.max(1, cats.length);
  const px = (i: number) => m.left + band * i + band / 2;
  const py = (level: number) => m.top + row * level;

  const scene: SvgScene = { width, height, lines: [], rects: [], overlay: [], points: [], texts: [] };
  spec.levels.forEach((label, l) => {
    scene.lines.push({ x1: m.left, x2: m.left + pw, y1: py(l), y2: py(l), role: 'grid' });
    scene.texts.push({ x: m.left - 8, y: py(l) + 4, text: label, anchor: 'end', role: 'tick' });
  });
  scene.lines.push({ x1: m.left, x2: m.left + pw, y1: m.top + ph, y2: m.top + ph, role: 'axis' });
  cats.forEach((c, i) =>
    scene.texts.push({ x: px(i), y: m.top + ph + 18, text: c, anchor: 'middle', role: 'tick' }),
  );
  const pts = spec.points.map((p, i) => ({ ...p, cx: px(i), cy: py(p.level) }));
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const mid = (a.cx + b.cx) / 2;
    scene.overlay.push(
      { x1: a.cx, y1: a.cy, x2: mid, y2: a.cy, role: 'series' },
      { x1: mid, y1: a.cy, x2: mid, y2: b.cy, role: 'series' },
      { x1: mid, y1: b.cy, x2: b.cx, y2: b.cy, role: 'series' },
    );
  }
  pts.forEach((p, i) =>
    scene.points.push({
      cx: p.cx,
      cy: p.cy,
      shape: p.shape,
      fill: p.color,
      title: `${cats[i]}: ${spec.levels[p.level] ?? ''}`,
    }),
  );
  return scene;
}

/** The scene for a spec: ranked bars, stacked columns or a region's steps. */
export function chartScene(spec: ChartSpec, width: number, height: number, tick: TickFormat): SvgScene {
  switch (spec.kind) {
    case 'bars':
      return barsScene(spec, width, height, tick);
    case 'columns':
      return columnsScene(spec, width, height, tick);
    case 'steps':
      return stepsScene(spec, width, height);
  }
}

/**
 * The width every chart is laid out at on paper, in CSS pixels: an A4 page's 180 mm between the
 * 15 mm margins (global.css's @page). Laid out at the page's own width, the charts' 11.5 px type
 * prints at 8.6 pt, whatever the width of the screen the page was printed from.
 */
export const PRINT_WIDTH = 680;

/**
 * A chart's height on paper: room for every bar's or level's label at print size (a region
 * report's rank charts have a row for each of up to 21 regions).
 */
export function printHeight(spec: ChartSpec): number {
  switch (spec.kind) {
    case 'bars':
      return 46 + 17 * spec.bars.length;
    case 'columns':
      return 260;
    case 'steps':
      return 40 + 24 * Math.max(1, spec.levels.length - 1);
  }
}
