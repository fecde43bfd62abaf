import type { DbBenchAggregate, DbBenchCaseResult, DbBenchSkip } from '@rota-perf/core';
import { aggregateDbBench } from './aggregate.js';
import type { BenchCase } from './define-case.js';
import { selectCases } from './select-cases.js';
import { summariseCase } from './statistics.js';

/** What the harness reports while it runs (drives a progress bar). */
export interface BenchProgress {
  caseName: string;
  caseIndex: number;
  caseCount: number;
  phase: 'warmup' | 'measure' | 'done';
  completed: number;
  total: number;
}

/** Options of one benchmark run. */
export interface RunOptions {
  iterations: number;
  warmup?: number;
  /** Parallel clients per case. */
  concurrency?: number;
  includeWrites?: boolean;
  /** Case-name pattern (see matchCaseName). */
  filter?: string | undefined;
  /** Values the cases' `requires` fields are looked up in. */
  context?: Readonly<Record<string, unknown>>;
  onProgress?: (progress: BenchProgress) => void;
  /** Monotonic clock in nanoseconds; replaceable so statistics can be tested exactly. */
  clock?: () => bigint;
  /** Aborted: no further call starts; the cases finished so far are returned. */
  signal?: AbortSignal;
  /**
   * Surrounds each case's measured phase (after its warm-up), outside the timer: it must call
   * `measure` once. For what watches a case while it is timed (e.g. wait sampling).
   */
  aroundMeasure?: (benchCase: BenchCase, measure: () => Promise<void>) => Promise<void>;
}

/** Everything a run produced. */
export interface BenchmarkReport {
  results: DbBenchCaseResult[];
  skipped: DbBenchSkip[];
  aggregate: DbBenchAggregate;
}

/** Runs the cases in order: warm-up calls discarded, then `iterations` timed calls each. */
export async function runBenchmark(
  cases: readonly BenchCase[],
  options: RunOptions,
): Promise<BenchmarkReport> {
  const iterations = requireCount('iterations', options.iterations, 1);
  const warmup = requireCount('warmup', options.warmup ?? 0, 0);
  const concurrency = requireCount('concurrency', options.concurrency ?? 1, 1);
  const clock = options.clock ?? process.hrtime.bigint;
  const context = options.context ?? {};
  const selected = selectCases(cases, options);
  const results: DbBenchCaseResult[] = [];
  const skipped: DbBenchSkip[] = [];

  for (const [caseIndex, benchCase] of selected.entries()) {
    if (options.signal?.aborted) break;
    const missing = benchCase.requires.filter(
      (f) => context[f] === null || context[f] === undefined,
    );
    if (missing.length > 0) {
      skipped.push({ name: benchCase.name, missing });
      continue;
    }
    const report = (phase: BenchProgress['phase'], completed: number, total: number) =>
      options.onProgress?.({
        caseName: benchCase.name,
        caseIndex,
        caseCount: selected.length,
        phase,
        completed,
        total,
      });
    const phaseRun = { benchCase, concurrency, clock, report, signal: options.signal };
    let measured: Awaited<ReturnType<typeof runPhase>> | undefined;
    let wallSeconds = 0;
    const measure = async () => {
      const started = clock();
      measured = await runPhase({ ...phaseRun, phase: 'measure', count: iterations });
      wallSeconds = Number(clock() - started) / 1e9;
    };
    try {
      await runPhase({ ...phaseRun, phase: 'warmup', count: warmup });
      if (options.aroundMeasure) await options.aroundMeasure(benchCase, measure);
      else await measure();
      if (measured === undefined)
        throw caseFailure(benchCase, new Error('aroundMeasure never measured'));
    } catch (error) {
      // A call that failed because the run was interrupted (its database stopped on the same
      // signal) ends the run, not with a case failure: the finished cases are returned.
      if (options.signal?.aborted) break;
      throw error;
    }
    // A case cut short by an interrupt is not a result: its figures would mislead.
    if (options.signal?.aborted) break;
    report('done', iterations, iterations);
    results.push(summariseCase({ name: benchCase.name, concurrency, wallSeconds, ...measured }));
  }
  return { results, skipped, aggregate: aggregateDbBench(results) };
}

interface PhaseRun {
  benchCase: BenchCase;
  phase: 'warmup' | 'measure';
  count: number;
  concurrency: number;
  clock: () => bigint;
  report: (phase: BenchProgress['phase'], completed: number, total: number) => void;
  signal?: AbortSignal | undefined;
}

// `concurrency` workers pull calls from one shared counter until `count` calls have started.
async function runPhase(run: PhaseRun): Promise<{ durationsMs: number[]; rowsProcessed: number }> {
  const { benchCase, count, clock } = run;
  const durationsMs: number[] = [];
  let rowsProcessed = 0;
  let started = 0;
  let completed = 0;
  const record = (ns: number, result: unknown) => {
    durationsMs.push(ns / 1e6);
    rowsProcessed += benchCase.countRows(result);
    completed++;
    run.report(run.phase, completed, count);
  };
  // The plain loop is what the overhead benchmark compares with a bare loop: keep it lean
  // (no wrapper function, no allocation between the two clock reads).
  const stopped = () => run.signal?.aborted === true;
  const plainWorker = async () => {
    while (started < count && !stopped()) {
      started++;
      let result: unknown;
      const t0 = clock();
      try {
        result = await benchCase.run(undefined);
      } catch (error) {
        throw caseFailure(benchCase, error);
      }
      record(Number(clock() - t0), result);
    }
  };
  const wrappedWorker = async () => {
    while (started < count && !stopped()) {
      started++;
      const { ns, result } = await timeWrappedCall(benchCase, clock);
      record(ns, result);
    }
  };
  const worker = benchCase.around === undefined ? plainWorker : wrappedWorker;
  const workers = Math.min(run.concurrency, count);
  await Promise.all(Array.from({ length: workers }, worker));
  return { durationsMs, rowsProcessed };
}

async function timeWrappedCall(
  benchCase: BenchCase,
  clock: () => bigint,
): Promise<{ ns: number; result: unknown }> {
  let ns = -1;
  let result: unknown;
  try {
    await benchCase.around?.(async (scope) => {
      const t0 = clock();
      result = await benchCase.run(scope);
      ns = Number(clock() - t0);
    });
  } catch (error) {
    throw caseFailure(benchCase, error);
  }
  if (ns < 0) {
    throw caseFailure(benchCase, new Error('its around() wrapper never called the timed function'));
  }
  return { ns, result };
}

function caseFailure(benchCase: BenchCase, error: unknown): Error {
  const reason = error instanceof Error ? error.message : String(error);
  return new Error(`case ${benchCase.name} failed: ${reason}`, { cause: error });
}

function requireCount(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
  return value;
}

/** One untimed call of a case, inside its `around` wrapper (to see what a call does). */
export async function callCaseOnce(benchCase: BenchCase): Promise<void> {
  if (benchCase.around === undefined) {
    await benchCase.run(undefined);
    return;
  }
  await benchCase.around(async (scope) => {
    await benchCase.run(scope);
  });
}
