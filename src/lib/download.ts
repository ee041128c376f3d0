/** Saving generated files (CSV, PNG) through a temporary object URL. */
import type { ViewState } from './state/url';

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

/** File name for the current view's CSV, e.g. `fast-lakarkontakt-decision-2024.csv`. */
export function viewCsvName(v: Pick<ViewState, 'metric' | 'year' | 'target'>): string {
  const part = v.metric === 'decision' ? (v.year ?? 'latest') : v.metric === 'gap' ? v.target : '2023-12-31';
  return `fast-lakarkontakt-${v.metric}-${part}.csv`;
}
