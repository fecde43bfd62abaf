export { type CliArgs, parseCliArgs, readRunArgs, runCommand } from './command.js';
export type { EngineOptions, EngineResult } from './engine/engine.js';
export { EXIT, RunnerError } from './errors.js';
export { type RunOptions, type RunResult, run } from './run.js';
export type { SummaryData, SummaryMetric } from './summary/data.js';
