// Public surface of @rota-perf/rps-sweeper. Pure: safe inside k6 bundles (no Node APIs).
export type { AnalyseOptions, SweepConclusion } from './analyse.js';
export { analyseSweep, concludeSweep } from './analyse.js';
export type { ProbeKind } from './config.js';
export { readSweepConfig } from './config.js';
export type { LevelConcurrency, LevelLoad, VuNames } from './diagnose.js';
export {
  concurrencyOf,
  GENERATOR_CPU_SATURATED_PERCENT,
  POOL_EXHAUSTED_SHARE,
  START_LAG_HIGH_MS,
} from './diagnose.js';
export type { JudgeOptions, LevelMeasurement } from './judge.js';
export { ACHIEVED_SHARE, isGeneratorSaturated, judgeLevel } from './judge.js';
export type { LevelRunPhase, RecordedLevel } from './level-names.js';
export { levelRunPhaseName, levelScenarioName, recordedLevelOf } from './level-names.js';
export {
  GENERATOR_METRICS,
  levelMetricNames,
  MAX_LEVELS,
  planSweep,
  SWEEP_SUMMARY_TREND_STATS,
} from './plan.js';
export type {
  ArrivalRateScenario,
  DurationInput,
  PlanField,
  PlannedLevel,
  ScenarioPrefix,
  SweepPlan,
  SweepPlanInput,
  ThresholdRule,
} from './plan-types.js';
export { buildSweepResultsJson } from './results-json.js';
export { DEFAULT_MAX_RUNS, searchCeiling, searchSweep } from './search.js';
export type {
  CeilingSearch,
  RunLevel,
  SearchCeilingOptions,
  SearchPhase,
  SearchRun,
} from './search-types.js';
