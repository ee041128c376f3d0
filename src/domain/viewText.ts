/** Titles and labels that depend on the whole view. */
import type { Dict } from '../i18n';
import { formatNumber } from '../i18n/format';
import type { Lang, Metric } from './';

/** The title of the map or table for a metric, survey year and what-if target. */
export function viewTitle(v: {
  view: { metric: Metric };
  /** The what-if target on screen (the view's, or the report's guideline). */
  target: number;
  survey: { year: number } | null;
  t: Dict;
  lang: Lang;
}): string {
  const { metric } = v.view;
  const { target } = v;
  if (metric === 'decision') return v.t.metricTitles.decision(v.survey?.year ?? 0);
  if (metric === 'share') return v.t.metricTitles.share;
  return v.t.metricTitles.gap(formatNumber(target, v.lang));
}

/** MapLibre's control labels in the interface language. */
export function mapLocale(t: Dict): Record<string, string> {
  const m = t.mapControls;
  return {
    'NavigationControl.ZoomIn': m.zoomIn,
    'NavigationControl.ZoomOut': m.zoomOut,
    'AttributionControl.ToggleAttribution': m.attribution,
    'Map.Title': m.map,
    'CooperativeGesturesHandler.WindowsHelpText': m.ctrlScroll,
    'CooperativeGesturesHandler.MacHelpText': m.cmdScroll,
    'CooperativeGesturesHandler.MobileHelpText': m.twoFingers,
  };
}
