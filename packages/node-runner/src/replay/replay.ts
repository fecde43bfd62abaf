// The end of a test from recorded samples: the script is loaded (its options, thresholds and
// custom metrics), every sample of k6 `--out json` NDJSON files is pushed through the same
// registry and sinks a live run uses, then the thresholds are evaluated and handleSummary runs
// exactly as at the end of a run. This is how several instances of one run (execution
// segments, k6-operator pods) become one results file: one threshold definition, one
// handleSummary, percentiles from all the samples.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseK6Time } from '@rota-perf/core/series';
import type { EngineResult } from '../engine/engine.js';
import { closeRun } from '../engine/finish.js';
import { closeVus, openRun } from '../engine/open.js';
import { EXIT, RunnerError } from '../errors.js';
import type { Contains, MetricRegistry } from '../metrics/registry.js';
import type { MetricType } from '../metrics/sinks.js';

/** Options of a replay. */
export interface ReplayOptions {
  /** `__ENV` entries of the script (the run's variables, RESULTS_DIR, RUN_ID). */
  env?: Record<string, string>;
  /** Directory for relative paths (the script, handleSummary's files). */
  cwd?: string;
  /** Also write the `--summary-export` JSON here. */
  summaryExport?: string;
  /**
   * The test's duration (counters' rates); default: from the first to the last sample of all
   * the files.
   */
  testRunDurationMs?: number;
  /** The run's setup() data, passed to handleSummary as `setup_data`, when known. */
  setupData?: unknown;
  signal?: AbortSignal;
}

const TYPES = new Set<MetricType>(['counter', 'gauge', 'rate', 'trend']);
const CONTAINS = new Set<Contains>(['default', 'time', 'data']);

/** What the files held. */
interface Replayed {
  samples: number;
  firstMs: number;
  lastMs: number;
}

async function pushFile(
  registry: MetricRegistry,
  file: string,
  into: Replayed,
  signal: AbortSignal | undefined,
): Promise<void> {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (signal?.aborted) throw new RunnerError('interrupted', EXIT.externalAbort);
    if (line.trim() === '') continue;
    let entry: { type?: string; metric?: string; data?: Record<string, unknown> };
    try {
      entry = JSON.parse(line);
    } catch {
      throw new RunnerError(
        `${file}:${n}: not a JSON line (expected k6 --out json NDJSON)`,
        EXIT.invalidConfig,
      );
    }
    const data = entry.data ?? {};
    if (entry.type === 'Metric') {
      const type = data.type as MetricType;
      const contains = data.contains as Contains;
      if (!TYPES.has(type) || !CONTAINS.has(contains))
        throw new RunnerError(`${file}:${n}: unknown metric type or contains`, EXIT.invalidConfig);
      registry.define(String(data.name ?? entry.metric), type, contains);
      continue;
    }
    if (entry.type !== 'Point' || typeof entry.metric !== 'string') continue;
    const metric = registry.metrics.get(entry.metric);
    const timeMs = parseK6Time(String(data.time));
    if (!metric || !Number.isFinite(timeMs) || typeof data.value !== 'number')
      throw new RunnerError(
        `${file}:${n}: a sample of an undeclared metric or without time and value`,
        EXIT.invalidConfig,
      );
    registry.push(metric, data.value, (data.tags ?? {}) as Record<string, string>);
    into.samples++;
    if (timeMs < into.firstMs) into.firstMs = timeMs;
    if (timeMs > into.lastMs) into.lastMs = timeMs;
  }
}

/**
 * Loads the script, replays the NDJSON files' samples into its metrics and ends the test:
 * thresholds, summary data, handleSummary (its files written as in a run), --summary-export.
 * The exit code is k6's: 99 when a threshold is crossed. In this thread: call it in a process
 * of its own (`replayProcess`), as the script's module hooks and globals stay there.
 */
export async function replaySamples(
  scriptPath: string,
  files: readonly string[],
  opts: ReplayOptions = {},
): Promise<EngineResult> {
  const open = await openRun(scriptPath, {
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.cwd ? { cwd: opts.cwd } : {}),
    quiet: true,
  });
  try {
    const replayed: Replayed = { samples: 0, firstMs: Infinity, lastMs: -Infinity };
    for (const file of files) await pushFile(open.rt.registry, file, replayed, opts.signal);
    const duration =
      opts.testRunDurationMs ?? (replayed.samples > 0 ? replayed.lastMs - replayed.firstMs : 0);
    const setupJson = opts.setupData === undefined ? undefined : JSON.stringify(opts.setupData);
    return await closeRun(
      open,
      {
        setup: { defined: setupJson !== undefined, json: setupJson },
        tallies: [],
        testRunDurationMs: duration,
        exitCode: EXIT.ok,
        runTeardown: false,
      },
      { quiet: true, ...(opts.summaryExport ? { summaryExport: opts.summaryExport } : {}) },
    );
  } finally {
    closeVus(open);
  }
}
