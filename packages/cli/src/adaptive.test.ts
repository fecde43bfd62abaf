import type { SweepLevel, SweepLevelJson } from '@rota-perf/core';
import { buildSweepResultsJson } from '@rota-perf/rps-sweeper';
import { describe, expect, it } from 'vitest';
import { formatLevelLine, levelEnv, levelFromJson, searchVariables } from './adaptive.js';

const runner = {
  baseUrl: 'http://127.0.0.1:9',
  env: { TARGET_RPS: '3', MIN_PROBE_RPS: '999' },
  runId: '2026-12-01T06-40-12Z-4f3a',
  tolerance: 0.05,
  p95Ms: null as number | null,
};

describe('one adaptive level as an rps probe run', () => {
  it('pins MIN = MAX = rate with no warm-up or pause, over the user variables', () => {
    const env = levelEnv(runner, 40, 7, '/tmp/x/level-1-40');
    expect(env).toMatchObject({
      TARGET_RPS: '3',
      BASE_URL: 'http://127.0.0.1:9',
      MIN_PROBE_RPS: '40',
      MAX_PROBE_RPS: '40',
      PROBE_WARMUP_DURATION: '0',
      PROBE_STEP_PAUSE: '0',
      PROBE_STEP_DURATION: '7s',
      PROBE_FAILURE_TOLERANCE: '0.05',
      RESULTS_DIR: '/tmp/x/level-1-40',
      // The level's results carry the search's run id; its console summary stays off.
      RUN_ID: '2026-12-01T06-40-12Z-4f3a',
      SUMMARY_STDOUT: 'false',
    });
    expect(env).not.toHaveProperty('PROBE_P95_MS');
    expect(levelEnv({ ...runner, p95Ms: 250 }, 40, 7, '/d').PROBE_P95_MS).toBe('250');
  });

  it('the search as its record shows it: the level variables vary, the rest as the levels get them', () => {
    const settings = { duration: 7, tolerance: 0.05, p95SloMs: 250 };
    const vars = searchVariables(runner.env, settings, 'http://127.0.0.1:9', runner.runId, '/out');
    expect(vars).toMatchObject({
      TARGET_RPS: '3',
      BASE_URL: 'http://127.0.0.1:9',
      MIN_PROBE_RPS: 'per level (adaptive search)',
      MAX_PROBE_RPS: 'per level (adaptive search)',
      PROBE_STEP_DURATION: '7s',
      PROBE_P95_MS: '250',
      RESULTS_DIR: '/out',
      RUN_ID: runner.runId,
      SUMMARY_STDOUT: 'false',
    });
    expect(searchVariables({}, settings, null, runner.runId, '/out')).not.toHaveProperty(
      'BASE_URL',
    );
  });

  it('reads a level back from rps_results.json exactly as the analysis produced it', () => {
    const level: SweepLevel = {
      scenario: 'probe_40',
      targetRps: 40,
      achievedRps: 39.5,
      requests: 276,
      failures: 3,
      failureRate: 3 / 276,
      p95Ms: 120.5,
      p99Ms: 180.25,
      droppedIterations: 1,
      passed: false,
      reason: 'system failing: failure rate above tolerance',
      cause: 'system_failing',
      maxVUs: 200,
      meanLatencyMs: 61.5,
      concurrency: 2.43,
      requiredConcurrency: 2.46,
      generatorCpuPercent: 12.5,
      eventLoopLagMs: 3.25,
      startLagMs: 1.5,
      startSeconds: 0,
    };
    const json = buildSweepResultsJson({
      kind: 'rps_probe',
      minTargetRps: 40,
      maxTargetRps: 40,
      stepRps: 1,
      failureTolerance: 0.01,
      p95SloMs: null,
      levels: [level],
      highestPassingTarget: null,
      unstable: false,
      generatorSaturated: false,
      limitedBy: 'system_failing',
      totalDurationSeconds: 7,
    });
    const back = levelFromJson(JSON.parse(JSON.stringify(json)).scenarios[0]);
    expect(back).toEqual(level);
  });

  it('reads a level from a results file written before the level causes as unmeasured', () => {
    const json = {
      scenario: 'probe_40',
      target_rps: 40,
      observed_rps: 40,
      requests: 280,
      failure_rate: 0,
      failed_requests: 0,
      passed: true,
      p95_ms: 12,
      p99_ms: 20,
      dropped_iterations: 0,
      reason: null,
      start_seconds: 0,
    };
    const level = levelFromJson(json as unknown as SweepLevelJson);
    expect(level).toMatchObject({ cause: null, maxVUs: null, generatorCpuPercent: null });
    expect(Object.values(level)).not.toContain(undefined);
  });
});

describe('the one line per level run', () => {
  const level = (over: Partial<SweepLevel>): SweepLevel => ({
    scenario: 'probe_240',
    targetRps: 240,
    achievedRps: 201.25,
    requests: 1610,
    failures: 0,
    failureRate: 0,
    p95Ms: 262.5,
    p99Ms: 270,
    droppedIterations: 311,
    passed: false,
    reason: 'system slowed until the VU pool ran out: …',
    cause: 'vu_pool_exhausted',
    maxVUs: 50,
    meanLatencyMs: 240,
    concurrency: 48.3,
    requiredConcurrency: 57.6,
    generatorCpuPercent: 21.4,
    eventLoopLagMs: 4.25,
    startLagMs: 1.5,
    ...over,
  });

  it("shows the VUs busy/needed/max and the generator's own figures beside the verdict", () => {
    expect(formatLevelLine(12, 'bisect', level({}))).toBe(
      '[12s] bisect 240 RPS: achieved 201.3 RPS, p95 262.5 ms, VUs 48/58/50 busy/needed/max, generator CPU 21%, start lag p95 1.5 ms, loop lag p95 4.3 ms, FAIL (system slowed until the VU pool ran out: …)',
    );
  });

  it('says n/a for what the engine did not measure (the real k6 has no generator metrics)', () => {
    const line = formatLevelLine(3, 'step', {
      ...level({ generatorCpuPercent: null, eventLoopLagMs: null, startLagMs: null }),
      passed: true,
      reason: null,
      cause: null,
    });
    expect(line).toContain('VUs 48/58/50 busy/needed/max, generator n/a, PASS');
  });
});
