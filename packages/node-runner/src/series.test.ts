import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunSeries } from '@rota-perf/core';
import type { FinishedSecond } from '@rota-perf/core/series';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Test support is not published: imported by path, as cli's e2e tests do.
import { seriesMetricTotals as seriesTotals } from '../../core/src/test-support/series.js';
import type { RunOptions, RunResult } from './run.js';
import type { RunPlan } from './series/plan.js';
import {
  fixturesDir,
  freePort,
  packageRoot,
  readJson,
  readSummary,
  removeTempDirs,
  runBin,
  signalAfter,
  startGoldenServer,
  tempDir,
} from './test-support/harness.js';
import { schemaErrors } from './test-support/schema.js';

// The per-second series against a real loopback server: its totals are the summary's, to the
// request, and it is written however the run ends.

type Run = (script: string, opts: RunOptions) => Promise<RunResult>;
let run: Run;
let server: Awaited<ReturnType<typeof startGoldenServer>>;
let closedPort: number;
beforeAll(async () => {
  ({ run } = (await import(resolve(packageRoot, 'dist/index.js'))) as { run: Run });
  server = await startGoldenServer();
  closedPort = await freePort();
});
afterAll(() => {
  removeTempDirs();
  server?.stop();
});

const fixture = (name: string) => resolve(fixturesDir, name);

/** The same totals from handleSummary data. */
function summaryTotals(data: { metrics: Record<string, { values: Record<string, number> }> }) {
  const v = (metric: string, key: string) => data.metrics[metric]?.values[key] ?? 0;
  return {
    http_reqs: v('http_reqs', 'count'),
    http_req_failed: v('http_req_failed', 'passes'),
    iterations: v('iterations', 'count'),
    dropped_iterations: v('dropped_iterations', 'count'),
    data_sent: v('data_sent', 'count'),
    data_received: v('data_received', 'count'),
    checks_passed: v('checks', 'passes'),
    checks_failed: v('checks', 'fails'),
  };
}

describe('--series FILE (k6-node run)', () => {
  let series: RunSeries;
  let summary: Parameters<typeof summaryTotals>[0];
  let code: number | null;
  beforeAll(async () => {
    const cwd = tempDir();
    const env = ['-e', `BASE=${server.base}`, '-e', `CLOSED=${closedPort}`];
    const r = await runBin(
      ['run', '-q', ...env, '--series', 'out/series.json', fixture('series.js')],
      {
        cwd,
        timeoutMs: 40_000,
      },
    );
    code = r.code;
    series = readJson(join(cwd, 'out/series.json'));
    summary = readSummary(cwd);
  }, 45_000);

  it('totals equal the summary totals exactly', () => {
    expect(code).toBe(0);
    const totals = seriesTotals(series);
    expect(totals).toEqual(summaryTotals(summary));
    // Every kind of row was exercised.
    expect(totals.dropped_iterations).toBeGreaterThan(0);
    expect(totals.http_req_failed).toBeGreaterThan(0);
    expect(totals.checks_failed).toBeGreaterThan(0);
  });

  it('is a valid RunSeries: one row per second, scenario and request name', () => {
    expect(schemaErrors('performance_series.json', series)).toEqual([]);
    expect(series.engine).toBe('node-runner');
    const keys = series.requests.map((r) => `${r.t} ${r.scenario} ${r.name}`);
    expect(new Set(keys).size).toBe(keys.length);
    const ts = series.requests.map((r) => r.t);
    expect(ts).toEqual([...ts].sort((a, b) => a - b));
    // setup() and teardown() requests count too (no scenario), as in the summary.
    const byName = (name: string) => series.requests.filter((r) => r.name === name);
    expect(byName('setup-echo').map((r) => [r.t, r.scenario, r.requests])).toEqual([[0, '', 1]]);
    expect(byName('teardown-echo').map((r) => [r.scenario, r.requests])).toEqual([['', 1]]);
  });

  it('status codes, k6 error codes, latency per bucket', () => {
    const loop = series.requests.filter((r) => r.scenario === 'loop');
    const refused = loop.filter((r) => r.name === 'refused');
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.status).toEqual({ '0': r.requests });
      expect(r.error_codes).toEqual({ '1212': r.requests });
      expect(r.failed).toBe(r.requests);
    }
    const unnamed = loop.filter((r) => r.name === `${server.base}/status?code=503`);
    expect(unnamed.length).toBeGreaterThan(0);
    for (const r of unnamed) expect(r.error_codes).toEqual({ '1503': r.requests });
    for (const r of series.requests.filter((x) => x.name === 'slow')) {
      expect(r.duration_ms.count).toBe(r.requests);
      expect(r.duration_ms.min).toBeGreaterThanOrEqual(140);
      expect(r.duration_ms.p95).toBeLessThanOrEqual(r.duration_ms.max);
    }
  });

  it('target rate of the arrival-rate scenario, VUs and generator health once a second', () => {
    const arrivals = series.scenarios.filter((s) => s.scenario === 'arrivals');
    // 10 → 30/s over the first second (20 at its middle), then 30/s.
    expect(arrivals.filter((s) => s.t <= 1).map((s) => [s.t, s.target_rate])).toEqual([
      [0, 20],
      [1, 30],
    ]);
    expect(
      series.scenarios
        .filter((s) => s.scenario === 'loop')
        .every((s) => s.target_rate === undefined),
    ).toBe(true);
    expect(series.seconds.length).toBeGreaterThanOrEqual(2);
    for (const s of series.seconds) {
      // Two VUs per scenario, initialised before the start.
      expect(s.vus_max).toBe(4);
      expect(s.vus).toBeLessThanOrEqual(4);
      expect(s.generator_cpu_percent).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('run(): the live interface', () => {
  it('onPlan once, onSecond in order in the calling process, the same rows as the file', async () => {
    const cwd = tempDir();
    const plans: RunPlan[] = [];
    const seconds: FinishedSecond[] = [];
    const r = await run(fixture('series.js'), {
      cwd,
      quiet: true,
      env: { BASE: server.base, CLOSED: String(closedPort) },
      seriesFile: 'series.json',
      outputs: ['json=samples.ndjson'],
      onPlan: (plan) => plans.push(plan),
      onSecond: (second) => seconds.push(second),
    });
    expect(r.exitCode).toBe(0);
    expect(plans).toEqual([
      {
        maxDurationSeconds: 32.5,
        scenarios: [
          {
            name: 'arrivals',
            executor: 'ramping-arrival-rate',
            startSeconds: 0,
            durationSeconds: 2,
          },
          { name: 'loop', executor: 'constant-vus', startSeconds: 0.5, durationSeconds: 2 },
        ],
      },
    ]);
    expect(seconds.map((s) => s.t)).toEqual(seconds.map((_, i) => i));
    const file: RunSeries = readJson(join(cwd, 'series.json'));
    expect(seconds.flatMap((s) => s.requests)).toEqual(file.requests);
    expect(seconds.flatMap((s) => s.scenarios)).toEqual(file.scenarios);
    expect(seconds.flatMap((s) => (s.second ? [s.second] : []))).toEqual(file.seconds);
    expect(seriesTotals(file)).toEqual(summaryTotals(r.summaryData as never));
    // The outputs of run() go where cwd says: every request is a line of the NDJSON.
    const ndjson = readFileSync(join(cwd, 'samples.ndjson'), 'utf8').trimEnd().split('\n');
    const httpReqs = ndjson.filter((l) => l.startsWith('{"metric":"http_reqs","type":"Point"'));
    expect(httpReqs.length).toBe(seriesTotals(file).http_reqs);
  }, 40_000);

  it('seconds arrive while the test runs, not only at its end', async () => {
    const controller = new AbortController();
    const arrivals: number[] = [];
    const started = Date.now();
    const cwd = tempDir();
    const r = await run(fixture('interrupt.js'), {
      cwd,
      quiet: true,
      env: { BASE: server.base },
      signal: controller.signal,
      seriesFile: 'series.json',
      onSecond: () => {
        arrivals.push(Date.now() - started);
        if (arrivals.length === 3) controller.abort();
      },
    });
    expect(r.exitCode).toBe(105);
    // The first three seconds came one by one, a second or so apart, before the abort.
    expect(arrivals.length).toBeGreaterThanOrEqual(3);
    expect((arrivals[2] ?? 0) - (arrivals[0] ?? 0)).toBeGreaterThan(1200);
    // Interrupted: the file holds what was measured, and it still adds up to the summary.
    const file: RunSeries = readJson(join(cwd, 'series.json'));
    expect(file.requests.length).toBeGreaterThan(0);
    expect(seriesTotals(file)).toEqual(summaryTotals(r.summaryData as never));
  }, 40_000);

  it('an unknown output type rejects with a RunnerError (exit code 255), nothing runs', async () => {
    await expect(run(fixture('series.js'), { outputs: ['statsd'] })).rejects.toMatchObject({
      name: 'RunnerError',
      exitCode: 255,
      message: "invalid output type 'statsd', available types are: csv, json",
    });
  });
});

describe('the series file however the run ends', () => {
  const blocking = fixture('blocking.js');

  it('VU code blocks the engine: written with what was measured before it was stopped', async () => {
    const cwd = tempDir();
    const r = await runBin(
      ['run', '-q', '-e', `BASE=${server.base}`, '--series', 'series.json', blocking],
      { cwd, timeoutMs: 20_000 },
    );
    expect(r.code).toBe(0);
    const file: RunSeries = readJson(join(cwd, 'series.json'));
    const summary = readSummary(cwd);
    const totals = seriesTotals(file);
    // The seconds finished before the engine stopped turning; the summary has the last
    // snapshot (at most a second later).
    expect(totals.http_reqs).toBeGreaterThan(0);
    expect(totals.http_reqs).toBeLessThanOrEqual(summaryTotals(summary).http_reqs);
    expect(schemaErrors('performance_series.json', file)).toEqual([]);
  });

  it('a second SIGTERM exits at once and still writes it', async () => {
    const cwd = tempDir();
    const r = await runBin(
      [
        'run',
        '-q',
        '-e',
        'BLOCK_IN=handleSummary',
        '-e',
        `BASE=${server.base}`,
        '--series',
        'series.json',
        blocking,
      ],
      { cwd, timeoutMs: 20_000, onSpawn: signalAfter('BLOCKING handleSummary', 'SIGTERM', 2, 200) },
    );
    expect(r.code).toBe(105);
    expect(existsSync(join(cwd, 'series.json'))).toBe(true);
    const file: RunSeries = readJson(join(cwd, 'series.json'));
    expect(seriesTotals(file).iterations).toBeGreaterThan(10);
  });
});
