/**
 * Built from public/data by src/build/dataPlugin.ts: the data files index.json lists, and the
 * survey years they hold (for the page's title and kicker before the data have come).
 */
declare module 'virtual:data-files' {
  const files: string[];
  export default files;
  export const surveyYears: number[];
  /** The content version of the data this build was made with (data/manifest.json's). */
  export const version: string;
  /** Each data file's hash, by path relative to the site root (`data/regions.json`), as in the manifest. */
  export const hashes: Record<string, string>;
}
