// What the page embeds per chart, and the canvas it draws into.
import { escapeHtml } from './markup.js';

/** One chart of the page: the canvas id, a heading and the Chart.js configuration. */
export interface ChartSpec {
  id: string;
  title: string;
  config: Record<string, unknown>;
}

/** Chart height in px (horizontal bars grow with their row count). */
export function chartHeight(spec: ChartSpec): number {
  const data = spec.config.data as { labels?: unknown[] };
  const rows = data.labels?.length ?? 0;
  const horizontal = (spec.config.options as { indexAxis?: string }).indexAxis === 'y';
  return horizontal ? Math.max(220, 60 + rows * 34) : 340;
}

/** The canvas of a chart, sized for it (nothing when there is no chart). */
export function canvasOf(spec: ChartSpec | undefined): string {
  if (!spec) return '';
  return `<div class="chart" style="height:${chartHeight(spec)}px"><canvas id="${spec.id}" role="img" aria-label="${escapeHtml(spec.title)}"></canvas></div>`;
}
