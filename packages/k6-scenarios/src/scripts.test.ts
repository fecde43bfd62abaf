// The four bundles, run by node-runner against the reference API on loopback.

import { type StartedRotaApi, startRotaApi } from '@rota-perf/rota-api';
import { connect } from '@rota-perf/rota-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENDPOINTS } from './catalogue.js';
import { planScript } from './plan/script-plan.js';
import {
  crossedNonLatencyThresholds,
  removeResultsDirs,
  runScript,
  SHORT_PERFORMANCE,
} from './test-support/harness.js';
import { schemaErrors } from './test-support/schema.js';

let api: StartedRotaApi;

beforeAll(async () => {
  api = await startRotaApi({ fixture: 'small' });
}, 120_000);

afterAll(async () => {
  removeResultsDirs();
  await api?.stop();
});

interface EndpointJson {
  endpoint: string;
  requests: number | null;
  failures: number | null;
}

describe('performance.test.js', () => {
  it('sends requests to every endpoint with zero failures and writes results.json', async () => {
    const run = await runScript('performance', { BASE_URL: api.url, ...SHORT_PERFORMANCE });
    expect(run.stderr).not.toMatch(/failed: status/);
    expect(crossedNonLatencyThresholds(run), run.stdout + run.stderr).toEqual([]);
    const results = run.readJson<{
      run_id: string | null;
      total_requests: number;
      throughput_bytes_per_second: number;
      steady_state_seconds: number;
      steady_state_requests: number;
      steady_state_rps: number;
      endpoints: EndpointJson[];
      skipped_scenarios: unknown[];
    }>('results.json');
    expect(results.run_id).toBeNull();
    // Steady state = the plateau only: every scenario holds its rate for TEST_DURATION (3 s),
    // so the plateau requests are the planned rate times 3 s (the original's ramp through the
    // "plateau" gave three quarters of that).
    const planned = planScript('performance', SHORT_PERFORMANCE).targetRps as number;
    expect(results.steady_state_seconds).toBe(3);
    expect(results.steady_state_requests / (planned * 3)).toBeGreaterThan(0.9);
    expect(results.steady_state_requests / (planned * 3)).toBeLessThan(1.1);
    expect(results.steady_state_rps).toBeCloseTo(results.steady_state_requests / 3, 6);
    expect(schemaErrors('results.json', results)).toEqual([]);
    const keys = results.endpoints.map((e) => e.endpoint);
    expect(keys).toEqual(ENDPOINTS.map((e) => e.key));
    for (const e of results.endpoints) {
      expect(e.requests, e.endpoint).toBeGreaterThan(0);
      expect(e.failures, e.endpoint).toBe(0);
    }
    expect(results.skipped_scenarios).toEqual([]);
    // The original always printed 0 here: it read a field k6 counters do not have.
    expect(results.throughput_bytes_per_second).toBeGreaterThan(0);
    expect(run.stdout).toContain('GET /trails/:id/sections-with-items');
  }, 120_000);

  it('leaves the write scenarios out when ENABLE_WRITE_SCENARIOS=false', async () => {
    const run = await runScript('performance', {
      BASE_URL: api.url,
      ...SHORT_PERFORMANCE,
      ENABLE_WRITE_SCENARIOS: 'false',
      RUN_ID: '2026-12-01T06-40-12Z-4f3a',
      SUMMARY_STDOUT: 'false',
    });
    expect(crossedNonLatencyThresholds(run), run.stdout + run.stderr).toEqual([]);
    const results = run.readJson<{ run_id: string; endpoints: EndpointJson[] }>('results.json');
    // The run id is stamped into the file; the summary text stays off stdout.
    expect(results.run_id).toBe('2026-12-01T06-40-12Z-4f3a');
    expect(run.stdout).not.toContain('GET /trails/:id/sections-with-items');
    const keys = results.endpoints.map((e) => e.endpoint);
    expect(keys).not.toContain('trail_item_progress');
    expect(keys).not.toContain('trail_form_submission');
    expect(keys).toContain('user_trail_enroll');
  }, 120_000);
});

interface SweepJson {
  highest_passing_target: number | null;
  limited_by: string | null;
  scenarios: {
    scenario: string;
    target_rps: number;
    requests: number | null;
    passed: boolean;
    cause: string | null;
    max_vus: number | null;
    concurrency: number | null;
    required_concurrency: number | null;
    generator_cpu_percent: number | null;
    event_loop_lag_ms: number | null;
    start_lag_ms: number | null;
  }[];
}

describe('probes', () => {
  /** Runs a sweep script against the API; no threshold but latency crossed, a valid results file. */
  async function runSweep(
    script: 'rps_probe' | 'progress_probe',
    resultsFile: string,
    env: Record<string, string>,
  ) {
    const run = await runScript(script, { BASE_URL: api.url, ...env });
    expect(crossedNonLatencyThresholds(run), run.stdout + run.stderr).toEqual([]);
    const results = run.readJson<SweepJson>(resultsFile);
    expect(schemaErrors(resultsFile, results)).toEqual([]);
    return results;
  }

  it('rps_probe analyses every level and finds a highest passing level', async () => {
    const results = await runSweep('rps_probe', 'rps_results.json', {
      MIN_PROBE_RPS: '2',
      MAX_PROBE_RPS: '4',
      PROBE_STEP_RPS: '2',
      PROBE_WARMUP_DURATION: '1s',
      PROBE_STEP_DURATION: '3s',
      PROBE_STEP_PAUSE: '0s',
    });
    expect(results.scenarios.map((s) => s.scenario)).toEqual(['probe_2', 'probe_4']);
    for (const level of results.scenarios) expect(level.requests).toBeGreaterThan(0);
    expect(results.highest_passing_target).toBe(4);
    expect(results.limited_by).toBeNull();
    // Each level has its own Little's-law and generator figures (node-runner's metrics,
    // tagged with the level's scenario; the script declares them for the real k6).
    for (const level of results.scenarios) {
      expect(level.cause).toBeNull();
      expect(level.max_vus).toBe(Number(planScript('rps_probe', {}).computed.MAX_VUS));
      expect(level.concurrency).toBeGreaterThan(0);
      expect(level.required_concurrency).toBeGreaterThan(0);
      expect(level.generator_cpu_percent).toBeGreaterThan(0);
      expect(level.event_loop_lag_ms).not.toBeNull();
      expect(level.start_lag_ms).not.toBeNull();
    }
  }, 120_000);

  it('progress_probe analyses every level of the progress reads', async () => {
    const results = await runSweep('progress_probe', 'progress_probe_results.json', {
      PROGRESS_MIN_RPS: '3',
      PROGRESS_MAX_RPS: '6',
      PROGRESS_STEP_RPS: '3',
      PROGRESS_WARMUP_DURATION: '1s',
      PROGRESS_STEP_DURATION: '3s',
      PROGRESS_STEP_PAUSE: '0s',
    });
    expect(results.scenarios.map((s) => s.scenario)).toEqual(['progress_3', 'progress_6']);
    expect(results.highest_passing_target).toBe(6);
    // As the original: the progress probe's file has no total_duration_seconds.
    expect(results).not.toHaveProperty('total_duration_seconds');
  }, 120_000);

  it('progress_write writes increasing progress that is visible in the database', async () => {
    const email = `writer-${Date.now()}@example.com`;
    const run = await runScript('progress_write', {
      BASE_URL: api.url,
      AUTH_EMAIL: email,
      PROGRESS_WRITE_RPS: '5',
      PROGRESS_WRITE_WARMUP: '1s',
      PROGRESS_WRITE_DURATION: '3s',
      PROGRESS_WRITE_COOLDOWN: '1s',
      PROGRESS_WRITE_RAMP_DOWN: '1s',
    });
    expect(crossedNonLatencyThresholds(run), run.stdout + run.stderr).toEqual([]);
    const results = run.readJson<{
      total_requests: number;
      total_failures: number;
      passed: boolean;
    }>('progress_write_results.json');
    expect(schemaErrors('progress_write_results.json', results)).toEqual([]);
    expect(results.total_requests).toBeGreaterThan(5);
    expect(results.total_failures).toBe(0);
    expect(results.passed).toBe(true);
    const connection = await connect(api.databaseUrl);
    try {
      const rows = await connection.client`
        select p.progress_value from user_item_progress p join users u on u.user_id = p.user_id
        where u.email = ${email}`;
      expect(rows).toHaveLength(1);
      // Each write sends the previous value + 1; the stored value only ever grows.
      expect(Number(rows[0]?.progress_value)).toBeGreaterThanOrEqual(
        30 + results.total_requests - 1,
      );
    } finally {
      await connection.close();
    }
  }, 120_000);
});

describe('bad input and unusable targets', () => {
  it.each([
    ['TARGET_RPS', 'abc'],
    ['TEST_DURATION', '5x'],
  ])(
    'stops at init when %s=%s, naming the variable',
    async (name, value) => {
      const run = await runScript('performance', { BASE_URL: api.url, [name]: value });
      expect(run.exitCode).not.toBe(0);
      expect(run.stderr + run.stdout).toMatch(new RegExp(`${name} must be .*got "${value}"`));
    },
    60_000,
  );

  it('rejects a tolerance outside 0..1', async () => {
    const run = await runScript('progress_write', {
      BASE_URL: api.url,
      PROGRESS_WRITE_FAILURE_TOLERANCE: '2',
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr + run.stdout).toContain(
      'PROGRESS_WRITE_FAILURE_TOLERANCE must be a number between 0 and 1, got "2"',
    );
  }, 60_000);

  it('names BASE_URL when nothing listens there', async () => {
    const run = await runScript('progress_probe', { BASE_URL: 'http://127.0.0.1:9' });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr + run.stdout).toContain('cannot reach BASE_URL http://127.0.0.1:9');
    expect(run.stderr + run.stdout).toContain('nothing is listening there');
  }, 60_000);

  it('fails setup clearly on a wrong password', async () => {
    const email = `pw-${Date.now()}@example.com`;
    const first = await runScript('progress_probe', {
      BASE_URL: api.url,
      AUTH_EMAIL: email,
      PROGRESS_MIN_RPS: '1',
      PROGRESS_MAX_RPS: '1',
      PROGRESS_WARMUP_DURATION: '0s',
      PROGRESS_STEP_DURATION: '1s',
    });
    expect(crossedNonLatencyThresholds(first), first.stderr).toEqual([]);
    const run = await runScript('progress_probe', {
      BASE_URL: api.url,
      AUTH_EMAIL: email,
      AUTH_PASSWORD: 'wrong-password',
    });
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr + run.stdout).toMatch(/409/);
  }, 90_000);
});
