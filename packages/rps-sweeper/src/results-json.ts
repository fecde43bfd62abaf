// A sweep's results file (rps_results.json, progress_probe_results.json and the sweep part of
// adaptive_probe_results.json): the original's keys first, then the per-level evidence.
import { isCeilingLowerBound, type SweepResult, type SweepResultsJson } from '@rota-perf/core';

/** The results JSON of a sweep (no `total_duration_seconds` for the progress probe, as the original). */
export function buildSweepResultsJson(result: SweepResult): SweepResultsJson {
  return {
    min_target_rps: result.minTargetRps,
    max_target_rps: result.maxTargetRps,
    step_rps: result.stepRps,
    failure_tolerance: result.failureTolerance,
    highest_passing_target: result.highestPassingTarget,
    scenarios: result.levels.map((l) => ({
      scenario: l.scenario,
      target_rps: l.targetRps,
      observed_rps: l.achievedRps,
      requests: l.requests,
      failure_rate: l.failureRate,
      failed_requests: l.failures,
      passed: l.passed,
      p95_ms: l.p95Ms,
      p99_ms: l.p99Ms,
      dropped_iterations: l.droppedIterations,
      reason: l.reason,
      start_seconds: l.startSeconds ?? null,
      cause: l.cause,
      max_vus: l.maxVUs,
      mean_latency_ms: l.meanLatencyMs,
      concurrency: l.concurrency,
      required_concurrency: l.requiredConcurrency,
      generator_cpu_percent: l.generatorCpuPercent,
      event_loop_lag_ms: l.eventLoopLagMs,
      start_lag_ms: l.startLagMs,
    })),
    ...(result.kind === 'progress_probe'
      ? {}
      : { total_duration_seconds: result.totalDurationSeconds }),
    unstable: result.unstable,
    generator_saturated: result.generatorSaturated,
    limited_by: result.limitedBy,
    ceiling_is_lower_bound: isCeilingLowerBound(result),
    p95_slo_ms: result.p95SloMs,
    started_at: result.startedAt ?? null,
  };
}
