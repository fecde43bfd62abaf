export type { FinishedSecond } from '@rota-perf/core/series';
export { type CliArgs, parseCliArgs, readRunArgs, runCommand } from './command.js';
export type { EngineOptions, EngineResult } from './engine/engine.js';
export { EXIT, RunnerError } from './errors.js';
export type { OutputSpec } from './outputs/spec.js';
export { type RunOptions, type RunResult, run } from './run.js';
export type { RunPlan } from './series/plan.js';
export type { SummaryData, SummaryMetric } from './summary/data.js';
