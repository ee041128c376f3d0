/**
 * "Changed since your last visit": a fingerprint of everything the dashboard shows per region,
 * kept in the cache, compared on the next visit.
 */
import * as v from 'valibot';
import type { Dataset, RegionCode } from '../../data/schema';

/** The record of a visit, as stored; checked on every read (a stored value may be anything). */
export const VisitRecord = v.object({
  version: v.string(),
  /** Region code → fingerprint of its answers, share and gap figures. */
  fingerprints: v.record(v.string(), v.string()),
});
export type VisitRecord = v.InferOutput<typeof VisitRecord>;

/**
 * A stored visit record, or undefined where there is none or it is not one (a corrupt entry, a
 * future layout): it is then treated as a first visit, and overwritten.
 */
export function readVisitRecord(stored: unknown): VisitRecord | undefined {
  const r = v.safeParse(VisitRecord, stored);
  return r.success ? r.output : undefined;
}

/** FNV-1a, 32 bit, hex: enough to tell two JSON texts apart, synchronous and tiny. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Fingerprints of each region's data. */
export function fingerprints(d: Dataset): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of d.regions) {
    const parts = {
      answers: d.surveys.map((s) => [s.year, s.answers.find((a) => a.region === r.code)]),
      share: d.namedGpShare.values.find((x) => x.region === r.code),
      gap: d.doctorGap.rows.find((x) => x.region === r.code),
    };
    out[r.code] = fnv1a(JSON.stringify(parts));
  }
  return out;
}

export interface VisitChange {
  fromVersion: string;
  toVersion: string;
  /** Regions whose data differ, in the dataset's order; new surveys count as a change. */
  regions: RegionCode[];
}

/** What changed between the last visit and now; null on a first visit or an unchanged version. */
export function visitChange(prev: VisitRecord | undefined, d: Dataset, version: string): VisitChange | null {
  if (!prev || prev.version === version) return null;
  const now = fingerprints(d);
  const regions = d.regions.map((r) => r.code).filter((c) => prev.fingerprints[c] !== now[c]);
  return { fromVersion: prev.version, toVersion: version, regions };
}
