import type { SweepResult } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { concludeSweep } from './analyse.js';
import { judgeLevel } from './judge.js';
import { buildSweepResultsJson } from './results-json.js';

// Levels judged and concluded by the real rules: [target, requests, failures] over 30 s each.
function sweepOf(rows: [number, number, number][], over: Partial<SweepResult> = {}): SweepResult {
  const levels = rows.map(([targetRps, requests, failures]) => {
    const measured = { scenario: `probe_${targetRps}`, targetRps, durationSeconds: 30 };
    return judgeLevel({ ...measured, requests, failures, p95Ms: 12 }, { tolerance: 0.01 });
  });
  const targets = rows.map((r) => r[0]);
  const range = { minTargetRps: Math.min(...targets), maxTargetRps: Math.max(...targets) };
  const verdict = { failureTolerance: 0.01, p95SloMs: 500, ...concludeSweep(levels) };
  return {
    kind: 'rps_probe',
    ...range,
    stepRps: 10,
    levels,
    ...verdict,
    totalDurationSeconds: 105,
    ...over,
  };
}

describe('buildSweepResultsJson', () => {
  it('keeps the original keys and order, adds the evidence keys', () => {
    const json = buildSweepResultsJson(
      sweepOf([
        [10, 300, 0],
        [20, 600, 0],
        [30, 900, 0],
      ]),
    );
    expect(Object.keys(json)).toEqual([
      'min_target_rps',
      'max_target_rps',
      'step_rps',
      'failure_tolerance',
      'highest_passing_target',
      'scenarios',
      'total_duration_seconds',
      'unstable',
      'generator_saturated',
      'limited_by',
      'ceiling_is_lower_bound',
      'p95_slo_ms',
      'started_at',
    ]);
    expect(Object.keys(json.scenarios[0] as object)).toEqual([
      'scenario',
      'target_rps',
      'observed_rps',
      'requests',
      'failure_rate',
      'failed_requests',
      'passed',
      'p95_ms',
      'p99_ms',
      'dropped_iterations',
      'reason',
      'start_seconds',
      'cause',
      'max_vus',
      'mean_latency_ms',
      'concurrency',
      'required_concurrency',
      'generator_cpu_percent',
      'event_loop_lag_ms',
      'start_lag_ms',
    ]);
    expect(json.scenarios[2]?.observed_rps).toBe(900 / 30);
    expect(json.highest_passing_target).toBe(30);
    // Every level passed: the real ceiling is above the top level.
    expect(json.ceiling_is_lower_bound).toBe(true);
  });

  it('omits total_duration_seconds for the progress probe and flags saturation', () => {
    const result = sweepOf(
      [
        [10, 300, 0],
        [20, 600, 30],
      ],
      {
        kind: 'progress_probe',
        totalDurationSeconds: null,
      },
    );
    const json = buildSweepResultsJson(result);
    expect(json).not.toHaveProperty('total_duration_seconds');
    expect(json.ceiling_is_lower_bound).toBe(false);
    expect(
      buildSweepResultsJson({ ...result, generatorSaturated: true }).ceiling_is_lower_bound,
    ).toBe(true);
  });
});
