export type { EngineOptions, EngineResult } from './engine/engine.js';
export { EXIT } from './errors.js';
export { type RunOptions, type RunResult, run } from './run.js';
export type { SummaryData, SummaryMetric } from './summary/data.js';
