export { createPainter } from './color.js';
export type { DbBenchJsonCase, DbBenchTotals } from './db-bench.js';
export {
  aggregateDbBench,
  buildDbBenchJson,
  formatDbBenchSkip,
  formatDbBenchTable,
} from './db-bench.js';
export {
  formatBytes,
  formatCount,
  formatDuration,
  formatMs,
  formatNumber,
  formatPercent,
  isPrintable,
  MISSING,
} from './format.js';
export type { FailedThreshold } from './k6-data.js';
export {
  collectChecks,
  findMetric,
  listFailedThresholds,
  listTagValues,
  readMedian,
  readStat,
  subMetricName,
} from './k6-data.js';
export type { FormatOptions, LoadEndpointJson, LoadResultsJson } from './load-format.js';
export { buildLoadResultsJson, formatLoadSummary } from './load-format.js';
export { summariseLoad } from './load-summary.js';
export type {
  LoadEndpoint,
  LoadEndpointSummary,
  LoadSummary,
  PhaseFailure,
  RateLimitVerification,
  SkippedScenario,
  SummariseLoadOptions,
} from './load-types.js';
export {
  formatMemoryCsvRow,
  MEMORY_CSV_COLUMNS,
  memoryCsvHeader,
  parseMemoryCsv,
  summariseMemory,
} from './memory.js';
export { formatMemorySummary } from './memory-format.js';
export { leastSquaresSlope, mean, quantile, safeRatio, stddev } from './stats.js';
export { fromSummaryExport } from './summary-export.js';
export type { SweepLevelJson, SweepResultsJson } from './sweep.js';
export { buildSweepResultsJson, formatSweepSummary, isCeilingLowerBound } from './sweep.js';
export type { Cell, TableOptions } from './table.js';
export { table, visibleWidth } from './table.js';
export type * from './types.js';
export type { WriteProbeConfig, WriteProbeResult, WriteResultsJson } from './write-probe.js';
export { buildWriteResultsJson, formatWriteSummary, summariseWriteProbe } from './write-probe.js';
