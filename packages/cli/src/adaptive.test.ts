import type { SweepLevel } from '@rota-perf/core';
import { buildSweepResultsJson } from '@rota-perf/rps-sweeper';
import { describe, expect, it } from 'vitest';
import { levelEnv, levelFromJson, searchVariables } from './adaptive.js';

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
      reason: 'failure rate above tolerance',
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
      totalDurationSeconds: 7,
    });
    const back = levelFromJson(JSON.parse(JSON.stringify(json)).scenarios[0]);
    expect(back).toEqual(level);
  });
});
