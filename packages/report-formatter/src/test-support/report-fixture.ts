// Writes a results folder with every file the HTML report reads: the results files are fixed
// documents (src/test-support/results/, valid against the core's schemas, see fixtures.test.ts),
// the memory CSV is written from hand-made samples.
import { copyFile, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type DbBenchCaseResult,
  formatMemoryCsvRow,
  type MemorySample,
  memoryCsvHeader,
  type SweepLevel,
  type SweepResult,
} from '@rota-perf/core';

/** The fixed results documents. */
export const FIXTURE_RESULTS = fileURLToPath(new URL('./results/', import.meta.url));

/** The run's start, shared by the sweep and the memory samples so that marks line up. */
export const FIXTURE_START_MS = Date.parse('2026-11-26T12:00:00.000Z');

function level(targetRps: number, index: number): SweepLevel {
  const requests = targetRps * 30 - (targetRps > 40 ? 200 : 0);
  const failures = targetRps > 40 ? Math.round(requests * 0.05) : 0;
  const passed = failures / requests <= 0.01;
  return {
    scenario: `probe_${targetRps}`,
    targetRps,
    achievedRps: requests / 30,
    requests,
    failures,
    failureRate: failures / requests,
    p95Ms: 20 + targetRps * 2,
    p99Ms: 40 + targetRps * 3,
    droppedIterations: targetRps > 40 ? 12 : 0,
    passed,
    reason: passed ? null : 'system failing: failure rate above tolerance',
    cause: passed ? null : 'system_failing',
    maxVUs: 200,
    meanLatencyMs: 10 + targetRps,
    concurrency: ((requests / 30) * (10 + targetRps)) / 1000,
    requiredConcurrency: (targetRps * (10 + targetRps)) / 1000,
    generatorCpuPercent: 10 + targetRps * 0.4,
    eventLoopLagMs: 2.5,
    startLagMs: 1.2,
    startSeconds: 10 + index * 35,
  };
}

/** A sweep of five levels (10..50), the last one failing. */
export function fixtureSweep(kind: SweepResult['kind']): SweepResult {
  const levels = [10, 20, 30, 40, 50].map(level);
  return {
    kind,
    minTargetRps: 10,
    maxTargetRps: 50,
    stepRps: 10,
    failureTolerance: 0.01,
    p95SloMs: 500,
    levels,
    highestPassingTarget: 40,
    unstable: false,
    generatorSaturated: false,
    limitedBy: 'system_failing',
    totalDurationSeconds: kind === 'progress_probe' ? null : 185,
    startedAt: new Date(FIXTURE_START_MS).toISOString(),
  };
}

/** Memory samples every 2 s over 200 s, growing linearly. */
export function fixtureMemory(): MemorySample[] {
  return Array.from({ length: 101 }, (_, i) => ({
    timestamp: new Date(FIXTURE_START_MS + i * 2000).toISOString(),
    elapsedSeconds: i * 2,
    pid: 4242,
    name: 'node rota-api',
    rssBytes: 80 * 1024 * 1024 + i * 256 * 1024,
    vmsBytes: 900 * 1024 * 1024,
    cpuPercent: 10 + (i % 10) * 3,
    matchedCount: 1,
  }));
}

/** Two db-bench cases. */
export function fixtureDbBench(): DbBenchCaseResult[] {
  const make = (name: string, meanMs: number, rows: number): DbBenchCaseResult => ({
    name,
    iterations: 50,
    concurrency: 1,
    total_time: (50 * meanMs) / 1000,
    mean_ms: meanMs,
    min_ms: meanMs * 0.5,
    p50_ms: meanMs * 0.9,
    p95_ms: meanMs * 1.6,
    p99_ms: meanMs * 2.1,
    max_ms: meanMs * 2.5,
    stddev_ms: meanMs * 0.3,
    ops_per_second: 1000 / meanMs,
    ops_per_minute: 60_000 / meanMs,
    rows_processed: rows * 50,
    rows_per_second: (rows * 1000) / meanMs,
    samples_ms: [meanMs * 0.9, meanMs, meanMs * 1.1],
  });
  return [
    make('TrailsRepository.list_showcase', 1.2, 6),
    make('UsersRepository.GetUserByEmail', 0.8, 1),
  ];
}

/** A temp folder holding every results file (all layouts) and a memory CSV. */
export async function writeFixtureFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'rota-report-'));
  for (const name of await readdir(FIXTURE_RESULTS)) {
    await copyFile(join(FIXTURE_RESULTS, name), join(folder, name));
  }
  await writeFile(
    join(folder, 'memory.csv'),
    memoryCsvHeader() + fixtureMemory().map(formatMemoryCsvRow).join(''),
  );
  return folder;
}
