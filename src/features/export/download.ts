/** Saving generated files (CSV, SVG, PNG) through a temporary object URL. */
import type { Metric } from '../../domain';

/** Offers `data` to the reader as a download named `name`. */
export function downloadBlob(data: Blob, name: string): void {
  const url = URL.createObjectURL(data);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers a text file as a download; CSV gets a byte-order mark so spreadsheet apps read UTF-8. */
export function downloadText(text: string, name: string, type: string): void {
  const bom = type === 'text/csv' ? '\ufeff' : '';
  downloadBlob(new Blob([bom + text], { type: `${type};charset=utf-8` }), name);
}

/**
 * File name for a download of the current view, e.g. `fast-lakarkontakt-decision-2024.csv`:
 * the survey year, the what-if target, or the share's date.
 * @param surveyYear the survey shown (for decisions)
 * @param shareDate the share's reference date (for shares)
 */
export function viewFileName(
  v: { metric: Metric; target: number },
  surveyYear: number,
  shareDate: string,
  ext: 'csv' | 'png' | 'svg',
): string {
  const part = v.metric === 'decision' ? surveyYear : v.metric === 'gap' ? v.target : shareDate;
  return `fast-lakarkontakt-${v.metric}-${part}.${ext}`;
}
