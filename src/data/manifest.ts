/** The content manifest the build writes to /data/manifest.json (see src/build/dataPlugin.ts). */
import * as v from 'valibot';

export const ContentManifest = v.strictObject({
  /** A hash over every file hash: the data version shown to readers. */
  version: v.pipe(v.string(), v.regex(/^[0-9a-f]{6,64}$/)),
  /** Path relative to the site root (e.g. `data/surveys/2024.json`) → content hash. */
  files: v.record(v.string(), v.pipe(v.string(), v.regex(/^[0-9a-f]{6,64}$/))),
});
export type ContentManifest = v.InferOutput<typeof ContentManifest>;
