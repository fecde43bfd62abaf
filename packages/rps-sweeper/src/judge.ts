// The verdict on one level, shared by the k6 sweep analysis and the adaptive search (whose
// runLevel callbacks measure levels some other way but must judge them by the same rule).
import type { SweepLevel } from '@rota-perf/core';

/** A level must achieve at least this share of its target rate to pass. */
export const ACHIEVED_SHARE = 0.95;

/** What was measured for one level, before any verdict. */
export interface LevelMeasurement {
  scenario: string;
  targetRps: number;
  /** How long the level's arrival rate was held; achieved RPS = requests / this. */
  durationSeconds: number;
  /** null: the level's figures are missing from the data (not the same as 0). */
  requests: number | null;
  failures: number | null;
  p95Ms: number | null;
  p99Ms?: number | null;
  droppedIterations?: number | null;
}

/** The pass rule's parameters. */
export interface JudgeOptions {
  /** Highest acceptable failure rate, 0..1. */
  tolerance: number;
  /** Highest acceptable p95 latency in ms; null or absent = no latency rule. */
  p95SloMs?: number | null;
}

/**
 * Judges one level: it passes when failure rate ≤ tolerance, p95 ≤ SLO (when set) and the
 * achieved rate is at least 95% of the target. The reason lists every rule that failed, and
 * says when the load generator, not the system under test, was the limit.
 */
export function judgeLevel(m: LevelMeasurement, options: JudgeOptions): SweepLevel {
  const dropped = m.droppedIterations ?? 0;
  const p99Ms = m.p99Ms ?? null;
  const base = { scenario: m.scenario, targetRps: m.targetRps, p95Ms: m.p95Ms, p99Ms };
  if (m.requests === null) {
    return {
      ...base,
      achievedRps: null,
      requests: null,
      failures: null,
      failureRate: null,
      droppedIterations: dropped,
      passed: false,
      reason: 'no data (sub-metric missing)',
    };
  }
  const requests = m.requests;
  const achievedRps = m.durationSeconds > 0 ? requests / m.durationSeconds : null;
  // The original clamped failures to requests; a rate above 1 is meaningless.
  const failures = m.failures === null ? null : Math.min(requests, m.failures);
  const failureRate = failures === null || requests === 0 ? null : failures / requests;
  const reasons: string[] = [];
  if (requests === 0) reasons.push('no requests completed');
  else if (failureRate === null) reasons.push('no data (failure sub-metric missing)');
  else if (failureRate > options.tolerance) {
    reasons.push(
      `failure rate ${percent(failureRate)} above tolerance ${percent(options.tolerance)}`,
    );
  }
  const slo = options.p95SloMs ?? null;
  if (slo !== null && requests > 0) {
    if (m.p95Ms === null) reasons.push('p95 missing (needed for the p95 SLO)');
    else if (m.p95Ms > slo) reasons.push(`p95 ${fixed(m.p95Ms)} ms above SLO ${fixed(slo)} ms`);
  }
  const short = requests > 0 && achievedRps !== null && achievedRps < ACHIEVED_SHARE * m.targetRps;
  if (short) {
    reasons.push(
      `achieved ${fixed(achievedRps)} RPS, below ${ACHIEVED_SHARE * 100}% of target ${m.targetRps}`,
    );
  }
  const passed = reasons.length === 0;
  if (!passed) {
    if (dropped > 0) {
      reasons.push(`load generator saturated (${dropped} dropped iterations)`);
    } else if (short && failureRate !== null && failureRate <= options.tolerance) {
      reasons.push('load generator saturated (rate not reached with failures within tolerance)');
    }
  }
  return {
    ...base,
    achievedRps,
    requests,
    failures,
    failureRate,
    droppedIterations: dropped,
    passed,
    reason: passed ? null : reasons.join('; '),
  };
}

/**
 * True when the load generator could not keep up at this level: it dropped iterations, or it
 * fell short of 95% of the target while the failure rate stayed within tolerance.
 */
export function isGeneratorSaturated(level: SweepLevel, tolerance: number): boolean {
  if (level.droppedIterations > 0) return true;
  if (level.achievedRps === null || level.failureRate === null) return false;
  return level.achievedRps < ACHIEVED_SHARE * level.targetRps && level.failureRate <= tolerance;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}

function fixed(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
