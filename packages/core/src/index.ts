// Public surface of @rota-perf/core: k6-safe (no Node imports), usable in k6 bundles, in Node
// and in the browser report. Node-only helpers are in `@rota-perf/core/node`.
export { formatGroupHelp, formatHelp, usageOf } from './command/help.js';
export { HELP_OPTION, parseArgv, VERSION_OPTION } from './command/parse.js';
export type {
  CommandDef,
  CommandGroup,
  CommandIo,
  OptionSpec,
  OptionTable,
  ParsedArgs,
  PositionalSpec,
  ProgressStream,
} from './command/types.js';
export {
  choice,
  envPairs,
  listValue,
  positiveNumber,
  stringValue,
  valueUnlessDefault,
} from './command/values.js';
export {
  holmAdjust,
  type MannWhitneyResult,
  mannWhitneyU,
  twoSidedNormalP,
} from './compare/mann-whitney.js';
export {
  MIN_PEERS,
  PEER_RATIO,
  peerShifts,
  runShift,
  type ShiftInput,
} from './compare/run-shift.js';
export {
  type ChangeRule,
  DEFAULT_CHANGE_RULE,
  isSignificant,
  type VerdictInput,
  verdictOf,
} from './compare/verdict.js';
export { durationSeconds, formatK6Duration, parseK6Duration } from './duration.js';
export type { EnvMap, NumberRule } from './env.js';
export {
  checkNumber,
  describeRule,
  readBoolean,
  readDuration,
  readNumber,
  readRaw,
  readTolerance,
} from './env.js';
// Everything errors.ts exports is public surface, so it is re-exported whole.
export * from './errors.js';
export { EXIT_CODES, type ExitCode } from './exit-codes.js';
export type { FailedThreshold, K6Check, K6Group, K6Metric, K6SummaryData } from './k6-summary.js';
export {
  collectChecks,
  findMetric,
  isSubmetricOnlyThreshold,
  listFailedThresholds,
  listTagValues,
  ratioOrNull,
  readMedian,
  readStat,
  SUBMETRIC_ONLY_THRESHOLDS,
  subMetricName,
  summaryDataOf,
} from './k6-summary.js';
export {
  formatMemoryCsvRow,
  MEMORY_CSV_COLUMNS,
  memoryCsvHeader,
  parseMemoryCsv,
  summariseMemory,
} from './memory-csv.js';
export { readScriptEnv, type ScriptEnv } from './registry/env.js';
export {
  documentedDefault,
  literalDefault,
  namesOf,
  parseScriptName,
  SCRIPT_NAMES,
  type ScriptName,
  type SweepScriptName,
  scriptEntry,
  scriptSchedule,
  scriptVariables,
} from './registry/lookup.js';
export { README_MARKERS, renderScriptDocs, replaceGeneratedSection } from './registry/readme.js';
export { SCRIPTS } from './registry/scripts.js';
export { SHARED_DEFAULTS, SHARED_VARIABLES } from './registry/shared.js';
export type { SweepSetting } from './registry/sweep.js';
export type {
  EndpointsSchedule,
  MaxVusRule,
  PlateauSchedule,
  PlateauVariableNames,
  ScriptEntry,
  ScriptSchedule,
  SweepSchedule,
  VariableDoc,
} from './registry/types.js';
export { REQUEST_NAMES, type RequestKey } from './request-names.js';
export { CEILING_LIMIT_TEXT, isCeilingLowerBound, LEVEL_CAUSE_LABEL } from './results/ceiling.js';
export {
  type BudgetCheck,
  type BudgetName,
  type CeilingComparison,
  type ChangeVerdict,
  COMPARISON_VERSION,
  type ComparisonBudgets,
  type ComparisonJson,
  type ComparisonPoint,
  type ComparisonRow,
  type ComparisonRowKind,
  type ComparisonSettings,
  type ComparisonSide,
  type MetricChange,
} from './results/comparison.js';
export type * from './results/database.js';
export { DB_BENCH_COLUMNS } from './results/db-bench-columns.js';
export {
  MEMORY_CSV_SUFFIX,
  memoryCsvName,
  RECORD_SCHEMA,
  REPORT_FILE,
  RESULT_FILE,
  RESULT_FILES,
  type ResultFileName,
  type ResultFileSpec,
  type ResultLayout,
  resultFileSpec,
  schemaFileOf,
} from './results/files.js';
export type * from './results/layouts.js';
export type * from './results/measurements.js';
export type * from './results/summaries.js';
export {
  createRunId,
  MASKED,
  maskSecrets,
  maskUrlPassword,
  urlWithoutCredentials,
} from './run/run-id.js';
export {
  RUN_RECORD_FILE,
  RUN_RECORD_VERSION,
  type RunCheck,
  type RunInstance,
  type RunPhase,
  type RunRecord,
  type RunThreshold,
  type RunVerdict,
} from './run/run-record.js';
export {
  type K6ScenarioTiming,
  plannedSeconds,
  type ScenarioSchedule,
  scheduleOf,
  targetRateAt,
  targetRates,
} from './run/schedule.js';
export {
  type LatencyStats,
  type RunSeries,
  SERIES_VERSION,
  type SeriesRequestRow,
  type SeriesScenarioRow,
  type SeriesSecondRow,
  seriesFileName,
} from './run/series.js';
export { leastSquaresSlope, mean, quantile, safeRatio, stddev } from './stats.js';
// Likewise every formatter of text/format.ts.
export * from './text/format.js';
export { type Cell, type TableOptions, table, visibleWidth } from './text/table.js';
