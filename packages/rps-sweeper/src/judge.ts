// The verdict on one level, shared by the k6 sweep analysis and the adaptive search (whose
// runLevel callbacks measure levels some other way but must judge them by the same rule).
import { LEVEL_CAUSE_LABEL, type SweepLevel } from '@rota-perf/core';
import { concurrencyOf, diagnoseLevel, isGeneratorLimited, type VuNames } from './diagnose.js';

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
  /** Completed iterations; with meanIterationMs, Little's law counts VUs by iterations. */
  iterations?: number | null;
  meanIterationMs?: number | null;
  /** Mean request duration, ms (Little's law falls back to it). */
  meanRequestMs?: number | null;
  /** The level's VU pool and pre-allocation (the scenario's maxVUs, preAllocatedVUs). */
  maxVUs?: number | null;
  preAllocatedVUs?: number | null;
  /** node-runner's generator health over the level (absent with the real k6). */
  generatorCpuPercent?: number | null;
  eventLoopLagMs?: number | null;
  startLagMs?: number | null;
}

/** The pass rule's parameters. */
export interface JudgeOptions {
  /** Highest acceptable failure rate, 0..1. */
  tolerance: number;
  /** Highest acceptable p95 latency in ms; null or absent = no latency rule. */
  p95SloMs?: number | null;
  /** What advice calls the VU settings (default `maxVUs`, `preAllocatedVUs`). */
  names?: Partial<VuNames>;
}

/**
 * Judges one level: it passes when failure rate ≤ tolerance, p95 ≤ SLO (when set) and the
 * achieved rate is at least 95% of the target. A failing level's reason opens with what held
 * it back (its `cause`), lists every rule that failed and gives the numbers behind the cause.
 */
export function judgeLevel(m: LevelMeasurement, options: JudgeOptions): SweepLevel {
  const dropped = m.droppedIterations ?? 0;
  const p99Ms = m.p99Ms ?? null;
  const c = concurrencyOf(m);
  const generator = {
    generatorCpuPercent: m.generatorCpuPercent ?? null,
    eventLoopLagMs: m.eventLoopLagMs ?? null,
    startLagMs: m.startLagMs ?? null,
  };
  const base = {
    scenario: m.scenario,
    targetRps: m.targetRps,
    p95Ms: m.p95Ms,
    p99Ms,
    maxVUs: m.maxVUs ?? null,
    ...c,
    ...generator,
  };
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
      cause: 'no_data',
    };
  }
  const requests = m.requests;
  const achievedRps = m.durationSeconds > 0 ? requests / m.durationSeconds : null;
  // The original clamped failures to requests; a rate above 1 is meaningless.
  const failures = m.failures === null ? null : Math.min(requests, m.failures);
  const failureRate = failures === null || requests === 0 ? null : failures / requests;
  const rules: string[] = [];
  const broken = { errors: false, latency: false, short: false, nothing: requests === 0 };
  if (requests === 0) rules.push('no requests completed');
  else if (failureRate === null) rules.push('no data (failure sub-metric missing)');
  else if (failureRate > options.tolerance) {
    broken.errors = true;
    rules.push(
      `failure rate ${percent(failureRate)} above tolerance ${percent(options.tolerance)}`,
    );
  }
  const slo = options.p95SloMs ?? null;
  if (slo !== null && requests > 0) {
    if (m.p95Ms === null) rules.push('p95 missing (needed for the p95 SLO)');
    else if (m.p95Ms > slo) {
      broken.latency = true;
      rules.push(`p95 ${fixed(m.p95Ms)} ms above SLO ${fixed(slo)} ms`);
    }
  }
  const short = requests > 0 && achievedRps !== null && achievedRps < ACHIEVED_SHARE * m.targetRps;
  broken.short = short;
  if (short) {
    rules.push(
      `achieved ${fixed(achievedRps)} RPS, below ${ACHIEVED_SHARE * 100}% of target ${m.targetRps}`,
    );
  }
  const measured = {
    ...base,
    achievedRps,
    requests,
    failures,
    failureRate,
    droppedIterations: dropped,
  };
  if (rules.length === 0) return { ...measured, passed: true, reason: null, cause: null };
  if (!broken.errors && !broken.latency && !broken.short && !broken.nothing) {
    // Only a figure the rules need is missing: nothing can be said about the cause.
    return { ...measured, passed: false, reason: rules.join('; '), cause: 'no_data' };
  }
  const names = { maxVUs: 'maxVUs', preAllocatedVUs: 'preAllocatedVUs', ...options.names };
  const d = diagnoseLevel({ ...m, droppedIterations: dropped }, broken, c, names);
  const evidence = d.evidence === '' ? '' : `; ${d.evidence}`;
  return {
    ...measured,
    passed: false,
    reason: `${LEVEL_CAUSE_LABEL[d.cause]}: ${rules.join('; ')}${evidence}`,
    cause: d.cause,
  };
}

/**
 * True when the load generator, not the system, limited this level: a failing level whose
 * cause is the generator, or any level whose generator CPU or start lag says it was saturated.
 */
export function isGeneratorSaturated(level: SweepLevel): boolean {
  if (level.cause === 'generator_saturated') return true;
  return isGeneratorLimited(
    {
      targetRps: level.targetRps,
      durationSeconds: 0,
      requests: level.requests,
      maxVUs: level.maxVUs,
      generatorCpuPercent: level.generatorCpuPercent,
      startLagMs: level.startLagMs,
    },
    level,
  );
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(2)}%`;
}

function fixed(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}
