/**
 * Chart.js with only the parts the dashboard draws registered (bars, lines, points, category and
 * linear scales, tooltips), so the lazily loaded chunk carries nothing unused, and its adapter.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Tooltip,
);

export { Chart };
export { toChartJs } from './config';
