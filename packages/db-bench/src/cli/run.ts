import type { DbBenchCaseResult } from '@rota-perf/report-formatter';
import { buildDbBenchJson, formatDbBenchTable, formatNumber } from '@rota-perf/report-formatter';
import {
  CALIBRATION_EMPTY,
  CALIBRATION_QUERY,
  defineCalibrationCases,
} from '../harness/calibration.js';
import { runBenchmark } from '../harness/run-benchmark.js';
import { selectCases } from '../harness/select-cases.js';
import { defineRotaCases, ROTA_CASES } from '../rota/cases.js';
import { ContextError, prepareContext, type RotaContext } from '../rota/context.js';
import { type DbBenchOptions, HELP_TEXT, parseDbBenchArgs } from './args.js';
import { describeEnvironment } from './environment.js';
import { cleanUpOnInterrupt } from './interrupt.js';
import { type BarStream, createProgressBar } from './progress-bar.js';
import { openTarget } from './target.js';
import { UsageError } from './usage-error.js';
import { checkJsonTarget, writeJsonAtomically } from './write-json.js';

/** Where the command reads its environment and writes its output. */
export interface CommandIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(chunk: string): unknown };
  stderr: BarStream;
}

/** Runs `db-bench` with the given arguments; resolves to the process exit code. */
export async function runDbBenchCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  try {
    const options = parseDbBenchArgs(argv, io.env);
    if (options.help) {
      io.stdout.write(HELP_TEXT);
      return 0;
    }
    const wanted = selectCases(ROTA_CASES, options);
    if (options.filter !== null && wanted.length === 0) {
      const hint = options.includeWrites ? '' : ' (write cases need --include-writes)';
      throw new UsageError(`--filter '${options.filter}' matches no case${hint}`);
    }
    const jsonProblem = options.jsonPath === null ? null : await checkJsonTarget(options.jsonPath);
    if (jsonProblem !== null) throw new UsageError(jsonProblem);
    await benchmark(options, io);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`db-bench: ${message.split('\n')[0]}\n`);
    if (io.env.DB_BENCH_DEBUG && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return error instanceof UsageError || error instanceof ContextError ? 2 : 1;
  }
}

async function benchmark(options: DbBenchOptions, io: CommandIo): Promise<void> {
  const startedAt = new Date();
  const status = (line: string) => {
    if (io.stderr.isTTY) io.stderr.write(`${line}\n`);
  };
  const target = await openTarget(options, status);
  const stopWatching = cleanUpOnInterrupt(() => target.release());
  try {
    const { client } = target.connection;
    const environment = await describeEnvironment(target.connection, options, target, startedAt);
    const context = await prepareContext(target.connection, {
      email: options.userEmail,
      password: options.userPassword,
    });
    // Open every pooled connection the clients will use, so no timed call pays for a login.
    await Promise.all(Array.from({ length: options.concurrency }, () => client`select 1`));
    const bar = createProgressBar(io.stderr);
    const run = {
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
    });
    bar.clear();
    io.stdout.write(formatDbBenchTable(report.results, report.aggregate, report.skipped));
    io.stdout.write(formatCalibration(calibration.results));
    if (options.jsonPath !== null) {
      const document = {
        cases: buildDbBenchJson(report.results),
        skipped: report.skipped,
        aggregate: report.aggregate,
        calibration: buildDbBenchJson(calibration.results),
        context: contextForJson(context),
        environment: { ...environment, finished_at: new Date().toISOString() },
      };
      const written = await writeJsonAtomically(options.jsonPath, document);
      io.stdout.write(`Raw results written to ${written}\n`);
    }
  } finally {
    stopWatching();
    await target.release();
  }
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
