// Shared look of the report's charts: colours, dataset and axis builders.

/** Series colours, picked by index. */
export const COLOURS = [
  '#2563eb',
  '#f59e0b',
  '#dc2626',
  '#059669',
  '#7c3aed',
  '#0891b2',
  '#db2777',
  '#65a30d',
  '#ea580c',
  '#475569',
];

/** Options every chart shares. */
export function baseOptions(extra: Record<string, unknown> = {}): Record<string, unknown> {
  // No animation: the page is often printed or screenshotted straight after load.
  return { animation: false, responsive: true, maintainAspectRatio: false, ...extra };
}

/** A bar dataset. */
export function bars(label: string, data: (number | null)[], colour: number) {
  return { label, data, backgroundColor: COLOURS[colour % COLOURS.length] };
}

/** How a line dataset looks. */
export interface LineStyle {
  yAxisID?: string;
  dashed?: boolean;
  pointRadius?: number;
}

/** A line dataset on the given axis. */
export function line(label: string, data: unknown[], colour: number, style: LineStyle = {}) {
  const c = COLOURS[colour % COLOURS.length];
  return {
    label,
    data,
    yAxisID: style.yAxisID ?? 'y',
    borderColor: c,
    backgroundColor: c,
    borderDash: style.dashed ? [6, 4] : [],
    spanGaps: false,
    pointRadius: style.pointRadius ?? 3,
  };
}

/** A linear y axis with a title. */
export function axis(title: string, position: 'left' | 'right', grid = true) {
  return {
    type: 'linear',
    position,
    beginAtZero: true,
    title: { display: true, text: title },
    grid: { drawOnChartArea: grid },
  };
}

/** A horizontal reference line (a tolerance, an SLO) as a dataset, so the legend names it. */
export function referenceLine(
  label: string,
  value: number,
  count: number,
  yAxisID: string,
  colour = '#991b1b',
) {
  return {
    label,
    data: new Array<number>(count).fill(value),
    yAxisID,
    borderColor: colour,
    backgroundColor: colour,
    borderDash: [2, 3],
    borderWidth: 1.5,
    pointRadius: 0,
    reference: true,
  };
}
