// The generic timing harness: define cases, run them, reduce the samples to statistics.

export { formatDbBenchSkip, formatDbBenchTable } from './cli/console-table.js';
export { aggregateDbBench, type DbBenchTotals } from './harness/aggregate.js';
export {
  CALIBRATION_EMPTY,
  CALIBRATION_QUERY,
  defineCalibrationCases,
} from './harness/calibration.js';
export { countRows } from './harness/count-rows.js';
export type { BenchCase, CaseOptions, CaseWrapper } from './harness/define-case.js';
export { defineCase } from './harness/define-case.js';
export type { BenchmarkReport, BenchProgress, RunOptions } from './harness/run-benchmark.js';
export { callCaseOnce, runBenchmark } from './harness/run-benchmark.js';
export { matchCaseName, selectCases } from './harness/select-cases.js';
export type { CaseSamples } from './harness/statistics.js';
export { summariseCase } from './harness/statistics.js';
