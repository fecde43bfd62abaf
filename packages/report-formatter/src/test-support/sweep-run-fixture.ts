// A sweep run as the orchestrator writes it: five constant-rate levels (probe_10 … probe_50,
// 20 s each after 5 s pauses), the series, run.json and this run's rps_results.json whose
// levels the time charts mark.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunSeries } from '@rota-perf/core';
import { SeriesRecorder } from '@rota-perf/core/series';
import { FIXTURE_RESULTS } from './report-fixture.js';
import { fixtureRecord, memoryCsv, RUN_ENDPOINTS, RUN_ID, SETUP_SECONDS } from './run-fixture.js';

/** The levels: target rate and start on the series' clock. */
export const SWEEP_LEVELS = [10, 20, 30, 40, 50].map((rate, i) => ({
  scenario: `probe_${rate}`,
  rate,
  start: 5 + i * 25,
}));
const LEVEL_SECONDS = 20;
const SECONDS = 130;

function sweepSeries(startMs: number): RunSeries {
  const recorder = new SeriesRecorder({ startMs, engine: 'node-runner' });
  for (let t = 0; t < SECONDS; t++) {
    const level = SWEEP_LEVELS.find((l) => t >= l.start && t < l.start + LEVEL_SECONDS);
    if (level) {
      recorder.recordTargetRate(startMs + t * 1000, level.scenario, level.rate);
      for (let i = 0; i < level.rate; i++) {
        const at = startMs + t * 1000 + Math.floor((i * 1000) / level.rate);
        const e = RUN_ENDPOINTS[i % RUN_ENDPOINTS.length] ?? RUN_ENDPOINTS[0];
        // The top level overloads the target: every 20th request fails with a 503.
        const status = level.rate === 50 && i % 20 === 0 ? 503 : 200;
        const ms = (e.baseMs * (1 + level.rate / 25)) | 0;
        recorder.recordRequest(at, level.scenario, e.name, ms, status, status !== 200);
        recorder.recordIteration(at, level.scenario);
      }
    }
    recorder.recordSecond(startMs + t * 1000 + 999, {
      vus: level ? 2 + level.rate / 10 : 0,
      vus_max: 50,
    });
    recorder.advance(startMs + (t + 1) * 1000);
  }
  return recorder.finish();
}

/** A folder holding one sweep run (started 10 minutes ago). */
export async function writeSweepRunFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'rota-report-sweep-'));
  const runStartMs = Math.floor(Date.now() / 1000) * 1000 - 600_000;
  const seriesStartMs = runStartMs + SETUP_SECONDS * 1000;
  const series = sweepSeries(seriesStartMs);
  const record = {
    ...fixtureRecord(runStartMs, series, false),
    script: 'rps',
    verdict: 'passed' as const,
    exit_code: 0,
    thresholds: [],
    phases: [],
    files: {
      results: 'rps_results.json',
      series: 'rps_series.json',
      memory_csv: 'rps_memory.csv',
      report: null,
      ndjson: null,
      others: [],
    },
  };
  await writeFile(join(folder, 'run.json'), JSON.stringify(record));
  await writeFile(join(folder, 'rps_series.json'), JSON.stringify(series));
  const sweep = JSON.parse(await readFile(join(FIXTURE_RESULTS, 'rps_results.json'), 'utf8'));
  sweep.run_id = RUN_ID;
  sweep.started_at = new Date(seriesStartMs).toISOString();
  sweep.scenarios.forEach((l: { start_seconds: number }, i: number) => {
    l.start_seconds = SWEEP_LEVELS[i]?.start ?? 0;
  });
  await writeFile(join(folder, 'rps_results.json'), JSON.stringify(sweep));
  const csv = memoryCsv(runStartMs, SETUP_SECONDS + SECONDS, 2, (i) => ({
    rssMib: 80 + i / 3,
    cpuPercent: 10 + (i % 20),
  }));
  await writeFile(join(folder, 'rps_memory.csv'), csv);
  return folder;
}
