export type { ChartSpec } from './charts.js';
export { buildChartSpecs } from './charts.js';
export type { MemoryInput, ReportInputs, TimelineMark } from './inputs.js';
export { hasAnyResults, REPORT_FILES, readReportInputs } from './inputs.js';
export type { RenderOptions } from './render.js';
export { computeTimelineMarks, renderHtmlReport } from './render.js';
export type { WriteHtmlReportOptions } from './write.js';
export { readChartJsSource, writeHtmlReport } from './write.js';
