import { describe, expect, it } from 'vitest';
import { frame, GEOMETRY, regionFrame, toScreen } from '../../../src/map/geometry';
import {
  ANCHOR_CLEARANCE,
  approxTextWidth,
  closeLabels,
  inside,
  layoutLabels,
  mapName,
  overlaps,
  PLACEMENT,
  shownLabels,
  spread,
} from '../../../src/map/labels';
import { REGION_CODES, type RegionCode } from '../../../src/data/schema';
import { loadDataset } from '../helpers';

/** The desktop map at 1440 × 900: the map frame measured in Chromium (608 × 550 CSS pixels). */
const DESKTOP = frame(608, 550);
/** The phone map at 390 × 844. */
const PHONE = frame(358, 473);

async function names(): Promise<Record<RegionCode, string>> {
  const d = await loadDataset();
  return Object.fromEntries(d.regions.map((r) => [r.code, r.name])) as Record<RegionCode, string>;
}

/** Even-odd point in polygon over the rings of a path (M x y, relative l segments, z). */
function inRegion([x, y]: [number, number], d: string): boolean {
  let c = false;
  for (const ring of d.split('z').filter(Boolean)) {
    const m = /^M(-?\d+) (-?\d+)l(.*)$/.exec(ring)!;
    const pts: Array<[number, number]> = [[Number(m[1]), Number(m[2])]];
    const n = m[3]!.split(' ').map(Number);
    for (let i = 0; i < n.length; i += 2) {
      const [px, py] = pts[pts.length - 1]!;
      pts.push([px + n[i]!, py + n[i + 1]!]);
    }
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
      const [xi, yi] = pts[i]!;
      const [xj, yj] = pts[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
  }
  return c;
}

describe('map labels', () => {
  it('places all 21 regions, one label each, by ISO code', async () => {
    const { labels } = layoutLabels(await names(), DESKTOP);
    expect(labels.map((l) => l.code).sort()).toEqual([...REGION_CODES].sort());
    expect(Object.keys(PLACEMENT).sort()).toEqual([...REGION_CODES].sort());
    for (const l of labels) expect(l.code).toMatch(/^SE-[A-Z]{1,2}$/);
  });

  it('at the desktop map no two label boxes overlap, and all lie inside the map', async () => {
    const { labels, fits } = layoutLabels(await names(), DESKTOP);
    for (const a of labels) {
      expect(inside(a.box, DESKTOP.width, DESKTOP.height), a.code).toBe(true);
      for (const b of labels)
        if (a !== b) expect(overlaps(a.box, b.box), `${a.code} × ${b.code}`).toBe(false);
    }
    expect(fits).toBe(true);
  });

  it('keeps every region’s label point clear of ink (where the tooltip points and a colour is read)', async () => {
    const { labels } = layoutLabels(await names(), DESKTOP);
    const close = closeLabels(await names(), regionFrame('SE-K', 608, 550), 'SE-K');
    for (const [f, list] of [
      [DESKTOP, labels],
      [regionFrame('SE-K', 608, 550), close],
    ] as const)
      for (const r of GEOMETRY.regions) {
        const a = toScreen(f, r.at);
        for (const l of list) {
          const b = l.box;
          const m = ANCHOR_CLEARANCE - 0.5;
          const covers =
            a.x > b.x - m && a.x < b.x + b.width + m && a.y > b.y - m && a.y < b.y + b.height + m;
          expect(covers, `${r.code}'s point under ${l.code}'s label`).toBe(false);
        }
      }
  });

  it('no leader line runs through another label', async () => {
    const { labels } = layoutLabels(await names(), DESKTOP);
    for (const l of labels) {
      if (!l.leader) continue;
      const [p, q] = l.leader;
      for (const o of labels) {
        if (o === l) continue;
        // Sample the segment: enough for boxes 13 px tall.
        for (let t = 0; t <= 1; t += 0.02) {
          const x = p.x + (q.x - p.x) * t;
          const y = p.y + (q.y - p.y) * t;
          const hit = x > o.box.x && x < o.box.x + o.box.width && y > o.box.y && y < o.box.y + o.box.height;
          expect(hit, `${l.code}'s leader through ${o.code}`).toBe(false);
        }
      }
    }
  });

  it('names the large regions inside themselves, the small southern ones in the margins with a leader', async () => {
    const { labels } = layoutLabels(await names(), DESKTOP);
    const small = ['SE-K', 'SE-G', 'SE-N', 'SE-H', 'SE-F', 'SE-D', 'SE-U', 'SE-T', 'SE-C', 'SE-AB', 'SE-I'];
    for (const l of labels) {
      const r = GEOMETRY.regions.find((x) => x.code === l.code)!;
      if (small.includes(l.code)) {
        expect(l.side, l.code).not.toBe('inside');
        // The leader points at the region's own label point, stopping just short of it.
        const a = toScreen(DESKTOP, r.at);
        expect(Math.hypot(l.leader![1].x - a.x, l.leader![1].y - a.y)).toBeCloseTo(ANCHOR_CLEARANCE, 6);
      } else {
        expect(l.side, l.code).toBe('inside');
        expect(inRegion(l.at, r.d), `${l.code}'s label centre lies in its region`).toBe(true);
      }
    }
  });

  it('is the same picture at any size: zoomed in, labels only move apart (path units scale with the map)', async () => {
    const n = await names();
    const big = layoutLabels(n, frame(900, 800));
    expect(big.fits).toBe(true);
  });

  it('on a phone the 21 do not fit: only the chosen region is named, inside the map', async () => {
    const layout = layoutLabels(await names(), PHONE);
    expect(layout.fits).toBe(false);
    expect(shownLabels(layout, null, PHONE)).toEqual([]);
    const [k] = shownLabels(layout, 'SE-K', PHONE);
    expect(k!.lines).toEqual(['Blekinge']);
    expect(inside(k!.box, PHONE.width, PHONE.height)).toBe(true);
    expect(shownLabels(layoutLabels(await names(), DESKTOP), null, DESKTOP)).toHaveLength(21);
  });

  it('short map names drop "län"; wrapped names break at their space', async () => {
    expect(mapName('Jönköpings län')).toBe('Jönköping');
    expect(mapName('Örebro län')).toBe('Örebro');
    expect(mapName('Skåne')).toBe('Skåne');
    const { labels } = layoutLabels(await names(), DESKTOP);
    expect(labels.find((l) => l.code === 'SE-O')!.lines).toEqual(['Västra', 'Götaland']);
    expect(approxTextWidth('Blekinge')).toBeGreaterThan(50);
  });

  it('spread keeps neighbours a step apart and inside the range', () => {
    expect(spread([10, 12, 14], 10, 0, 100)).toEqual([10, 20, 30]);
    expect(spread([90, 95, 99], 10, 0, 100)).toEqual([80, 90, 100]);
    expect(spread([-5], 10, 6, 100)).toEqual([6]);
  });

  it('in a region’s close view the names stand on the regions: the chosen one first, none overlapping', async () => {
    const f = regionFrame('SE-K', 608, 550);
    const labels = closeLabels(await names(), f, 'SE-K');
    expect(labels[0]!.code).toBe('SE-K');
    expect(labels.map((l) => l.code)).toEqual(expect.arrayContaining(['SE-M', 'SE-G', 'SE-H']));
    for (const a of labels) {
      expect(inside(a.box, f.width, f.height), a.code).toBe(true);
      expect(a.leader).toBeNull();
      for (const b of labels)
        if (a !== b) expect(overlaps(a.box, b.box), `${a.code} × ${b.code}`).toBe(false);
    }
  });
});
