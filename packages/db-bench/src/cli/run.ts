// The db-bench command: options -> target database -> context -> cases -> table and JSON.
// It never exits the process: Ctrl-C aborts `signal`, the run stops between calls, writes what
// it measured and throws InterruptedError (105) once its database is released.
import {
  type CommandDef,
  type CommandIo,
  type DbBenchCaseResult,
  formatNumber,
  InterruptedError,
  UsageError,
} from '@rota-perf/core';
import { assertWritable, writeJsonAtomically } from '@rota-perf/core/node';
import {
  CALIBRATION_EMPTY,
  CALIBRATION_QUERY,
  defineCalibrationCases,
} from '../harness/calibration.js';
import { runBenchmark } from '../harness/run-benchmark.js';
import { selectCases } from '../harness/select-cases.js';
import { defineRotaCases, ROTA_CASES } from '../rota/cases.js';
import { prepareContext, type RotaContext } from '../rota/context.js';
import { DB_BENCH_OPTIONS, type DbBenchOptions, readDbBenchOptions } from './args.js';
import { formatDbBenchTable } from './console-table.js';
import { describeEnvironment } from './environment.js';
import { CASE_SAMPLE_INTERVAL_MS, createCaseExplainer } from './explain.js';
import { formatExplainLines } from './explain-lines.js';
import { createProgressBar } from './progress-bar.js';
import { buildDbBenchJson } from './results-json.js';
import { openTarget } from './target.js';

/** The db-bench command (`db-bench`, `rota-perf db-bench`). */
export const dbBenchCommand: CommandDef = {
  name: 'db-bench',
  summary: 'benchmark the Rota repository queries against PostgreSQL',
  description: `Times every Rota repository method (docs/rota-api.md §4) against PostgreSQL. Cases that write
run inside a transaction that is rolled back. ROTA_PERF_DEBUG=1 prints stack traces.`,
  options: DB_BENCH_OPTIONS,
  async run(args, io, signal) {
    const options = readDbBenchOptions(args, io.env);
    const wanted = selectCases(ROTA_CASES, options);
    if (options.filter !== null && wanted.length === 0) {
      const hint = options.includeWrites ? '' : ' (write cases need --include-writes)';
      throw new UsageError(`--filter '${options.filter}' matches no case${hint}`);
    }
    if (options.jsonPath !== null) await assertWritable('--json', options.jsonPath, false);
    await benchmark(options, io, signal);
    return 0;
  },
};

async function benchmark(
  options: DbBenchOptions,
  io: CommandIo,
  signal: AbortSignal,
): Promise<void> {
  const startedAt = new Date();
  const status = (line: string) => {
    if (io.progress?.isTTY) io.err(line);
  };
  const explainer = options.explain ? createCaseExplainer(signal) : null;
  const target = await openTarget(options, status, signal, explainer?.observe);
  try {
    const { client } = target.connection;
    const environment = await describeEnvironment(target.connection, options, target, startedAt);
    const context = await prepareContext(target.connection, {
      email: options.userEmail,
      password: options.userPassword,
    });
    // Open every pooled connection the clients will use, so no timed call pays for a login.
    await Promise.all(Array.from({ length: options.concurrency }, () => client`select 1`));
    await explainer?.attach(target.connection, target.url);
    const bar = createProgressBar(io.progress ?? { write: () => undefined });
    const run = {
      signal,
      iterations: options.iterations,
      warmup: options.warmup,
      concurrency: options.concurrency,
      includeWrites: options.includeWrites,
      onProgress: bar.onProgress,
    };
    // Always serial: with parallel clients an empty call would also time the other clients.
    const calibration = await runBenchmark(
      defineCalibrationCases(() => client`select 1`),
      {
        ...run,
        concurrency: 1,
      },
    );
    const report = await runBenchmark(defineRotaCases(target.connection, context), {
      ...run,
      filter: options.filter ?? undefined,
      context: { ...context },
      aroundMeasure: explainer?.aroundMeasure,
    });
    bar.clear();
    io.out(formatDbBenchTable(report.results, report.aggregate, report.skipped).trimEnd());
    io.out(formatCalibration(calibration.results).trimEnd());
    const explained = explainer?.explained ?? new Map();
    if (explained.size > 0) io.out(`${formatExplainLines(explained, CASE_SAMPLE_INTERVAL_MS)}\n`);
    if (options.jsonPath !== null) {
      const document = {
        cases: buildDbBenchJson(report.results, explained),
        skipped: report.skipped,
        aggregate: report.aggregate,
        calibration: buildDbBenchJson(calibration.results, new Map(), false),
        context: contextForJson(context),
        environment: { ...environment, finished_at: new Date().toISOString() },
      };
      const written = await writeJsonAtomically(options.jsonPath, document);
      io.out(`Raw results written to ${written}${signal.aborted ? ' (partial: interrupted)' : ''}`);
    }
  } finally {
    await explainer?.close();
    await target.release();
  }
  if (signal.aborted)
    throw new InterruptedError('interrupted; the cases measured so far are above');
}

// The harness's own cost per call (empty function) and the floor of any query (SELECT 1).
function formatCalibration(results: readonly DbBenchCaseResult[]): string {
  const find = (name: string) => results.find((r) => r.name === name);
  const empty = find(CALIBRATION_EMPTY);
  const query = find(CALIBRATION_QUERY);
  const parts = [
    empty ? `empty function mean ${micro(empty.mean_ms)} (harness cost per call)` : null,
    query ? `SELECT 1 mean ${micro(query.mean_ms)}, p95 ${micro(query.p95_ms)}` : null,
  ].filter((p) => p !== null);
  return `\nCalibration: ${parts.join('; ')}\n`;
}

const micro = (ms: number) => `${formatNumber(ms * 1000, 2)} µs`;

// What the cases ran against (so a result can be reproduced); never the password.
function contextForJson(context: RotaContext) {
  const { password: _password, ...rest } = context;
  return rest;
}
