// Node-only entry of report-formatter: the self-contained HTML report and its command.
export type { ChartSpec } from './charts.js';
export { buildChartSpecs } from './charts.js';
export { reportCommand } from './command.js';
export type {
  DbBenchInput,
  MemoryInput,
  ReportInputs,
  ReportResult,
  TimelineMark,
} from './inputs.js';
export { hasAnyResults, readReportInputs, resultOf } from './inputs.js';
export { computeTimelineMarks } from './marks.js';
export type { RenderOptions } from './render.js';
export { renderHtmlReport } from './render.js';
export type { ForeignFile, SeriesInput } from './run-inputs.js';
export { foreignReason } from './run-inputs.js';
export type { Timeline, TimelineLine } from './timeline.js';
export { buildTimeline, MAX_SERIES_POINTS } from './timeline.js';
export type { WriteHtmlReportOptions } from './write.js';
export { readChartJsSource, writeHtmlReport } from './write.js';
