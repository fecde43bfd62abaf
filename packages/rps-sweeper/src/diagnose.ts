// Why a level fell short, told apart by Little's law and the load generator's own health.
// Iterations are dropped both when the generator cannot keep up and when the system slows:
// a VU stays busy for the whole request, so a system answering in W seconds at λ iterations/s
// keeps λ·W VUs busy; once that exceeds maxVUs the pool runs dry and the executor drops
// iterations. Only the generator's own figures (CPU, start lag with VUs free) blame it.
import type { LevelCause } from '@rota-perf/core';

/** A mean generator CPU share (% of one core) at or above this is a saturated generator. */
export const GENERATOR_CPU_SATURATED_PERCENT = 90;

/** A p95 iteration start lag (ms) at or above this means the generator fell behind its schedule. */
export const START_LAG_HIGH_MS = 100;

/** The VU pool counts as exhausted when the VUs the target needs reach this share of maxVUs. */
export const POOL_EXHAUSTED_SHARE = 0.9;

/** What a level's diagnosis reads (null: not measured, e.g. the real k6 has no generator metrics). */
export interface LevelLoad {
  targetRps: number;
  durationSeconds: number;
  requests: number | null;
  /** Completed iterations of the level. */
  iterations?: number | null;
  /** Mean iteration duration, ms (the time a VU is busy per iteration). */
  meanIterationMs?: number | null;
  /** Mean request duration, ms (stands in when iterations were not measured). */
  meanRequestMs?: number | null;
  /** p95 request latency, ms (where the pool runs dry first). */
  p95Ms?: number | null;
  maxVUs?: number | null;
  preAllocatedVUs?: number | null;
  droppedIterations?: number | null;
  generatorCpuPercent?: number | null;
  eventLoopLagMs?: number | null;
  startLagMs?: number | null;
}

/** The Little's-law figures of a level. */
export interface LevelConcurrency {
  meanLatencyMs: number | null;
  /** VUs busy on average: achieved iterations/s × mean latency. */
  concurrency: number | null;
  /** VUs the target needs at that latency: target rate × mean latency. */
  requiredConcurrency: number | null;
}

/** The environment variables (or plan fields) that advice names. */
export interface VuNames {
  maxVUs: string;
  preAllocatedVUs: string;
}

/** Little's law over the level: L = λ·W, with W the mean time a VU is busy per iteration. */
export function concurrencyOf(load: LevelLoad): LevelConcurrency {
  const none = { meanLatencyMs: null, concurrency: null, requiredConcurrency: null };
  if (load.durationSeconds <= 0) return none;
  // One probe iteration sends one request: without iteration figures, requests stand in.
  const byIterations = isCount(load.iterations) && isFiniteNumber(load.meanIterationMs);
  const completed = byIterations ? load.iterations : load.requests;
  const latency = byIterations ? load.meanIterationMs : load.meanRequestMs;
  if (!isCount(completed) || !isFiniteNumber(latency)) return none;
  return {
    meanLatencyMs: latency,
    concurrency: (completed / load.durationSeconds) * (latency / 1000),
    requiredConcurrency: load.targetRps * (latency / 1000),
  };
}

/**
 * VUs the target needs at the level's p95 latency: where the pool runs dry first. A queue that
 * builds up during a level leaves the mean latency (taken over the whole level) below what the
 * level ended with, so the mean alone can miss a pool that was full for most of the level.
 */
export function peakConcurrencyOf(load: LevelLoad): number | null {
  return isFiniteNumber(load.p95Ms) ? load.targetRps * (load.p95Ms / 1000) : null;
}

/**
 * The VU pool ran dry: iterations were dropped and the target needs (nearly) all of maxVUs,
 * at the mean latency or at the p95 latency.
 */
export function isPoolExhausted(load: LevelLoad, c: LevelConcurrency): boolean {
  if ((load.droppedIterations ?? 0) <= 0 || !isFiniteNumber(load.maxVUs)) return false;
  const needed = Math.max(c.requiredConcurrency ?? 0, peakConcurrencyOf(load) ?? 0);
  return needed >= POOL_EXHAUSTED_SHARE * load.maxVUs;
}

/**
 * The generator was the limit: its CPU was near a full core, or its iterations started late
 * while VUs were free (a starved generator on a shared core shows the lag, not the CPU). With
 * the pool busy too, a late start blames the generator only when its event loop lagged as
 * much: a system cannot delay the generator's timers, but a generator that handles responses
 * late keeps its VUs busy longer and so fills the pool itself.
 */
export function isGeneratorLimited(load: LevelLoad, c: LevelConcurrency): boolean {
  if (isFiniteNumber(load.generatorCpuPercent)) {
    if (load.generatorCpuPercent >= GENERATOR_CPU_SATURATED_PERCENT) return true;
  }
  if (!isFiniteNumber(load.startLagMs) || load.startLagMs < START_LAG_HIGH_MS) return false;
  const vusFree =
    !isFiniteNumber(load.maxVUs) ||
    c.concurrency === null ||
    c.concurrency < POOL_EXHAUSTED_SHARE * load.maxVUs;
  const loopLagging =
    isFiniteNumber(load.eventLoopLagMs) && load.eventLoopLagMs >= START_LAG_HIGH_MS;
  return vusFree || loopLagging;
}

/** Which rules a failing level broke, as judgeLevel found them. */
export interface BrokenRules {
  /** Failure rate over the tolerance. */
  errors: boolean;
  /** p95 over the SLO. */
  latency: boolean;
  /** Achieved rate below the required share of the target. */
  short: boolean;
  /** Nothing completed. */
  nothing: boolean;
}

/** A failing level's cause and the sentence that supports it with numbers. */
export interface Diagnosis {
  cause: LevelCause;
  /** The evidence and the advice, or '' when the broken rules say it all. */
  evidence: string;
}

/** Decides what held a failing level back (see the README, "Verdict reasons"). */
export function diagnoseLevel(
  load: LevelLoad,
  broken: BrokenRules,
  c: LevelConcurrency,
  names: VuNames,
): Diagnosis {
  // Error answers are the system's own, whoever sent the requests.
  if (broken.errors) return { cause: 'system_failing', evidence: '' };
  // A saturated generator also inflates the latencies it measures: it explains a p95 miss too.
  if (isGeneratorLimited(load, c)) {
    return {
      cause: 'generator_saturated',
      evidence: `${generatorEvidence(load, c)}; the ceiling is a lower bound`,
    };
  }
  if (broken.latency) return { cause: 'system_failing', evidence: '' };
  if (broken.nothing) {
    return {
      cause: 'system_failing',
      evidence: `no answer within the level${dropped(load)}`,
    };
  }
  if (isPoolExhausted(load, c)) {
    return { cause: 'vu_pool_exhausted', evidence: poolEvidence(load, c, names) };
  }
  return {
    cause: 'rate_not_reached',
    evidence: otherEvidence(load, c, names),
  };
}

function poolEvidence(load: LevelLoad, c: LevelConcurrency, names: VuNames): string {
  const max = load.maxVUs ?? 0;
  const required = c.requiredConcurrency ?? 0;
  const compare = (n: number) => (n > max ? '>' : '≈');
  const mean = `required concurrency ${fixed(c.requiredConcurrency)}`;
  const figures =
    required >= POOL_EXHAUSTED_SHARE * max
      ? `${mean} ${compare(required)} maxVUs ${max} (${fixed(load.targetRps)} RPS × ${fixed(c.meanLatencyMs)} ms mean latency)`
      : `${mean} at the mean latency of ${fixed(c.meanLatencyMs)} ms, ${fixed(peakConcurrencyOf(load))} ${compare(peakConcurrencyOf(load) ?? 0)} maxVUs ${max} at the p95 latency of ${fixed(load.p95Ms ?? null)} ms (${fixed(load.targetRps)} RPS)`;
  return `${figures}${dropped(load)}; raise ${names.maxVUs} to find the real failure point`;
}

function generatorEvidence(load: LevelLoad, c: LevelConcurrency): string {
  const parts: string[] = [];
  if (isFiniteNumber(load.generatorCpuPercent)) {
    parts.push(`generator CPU ${whole(load.generatorCpuPercent)}% of a core`);
  }
  if (isFiniteNumber(load.startLagMs)) {
    parts.push(`iteration start lag p95 ${fixed(load.startLagMs)} ms`);
  }
  if (isFiniteNumber(load.eventLoopLagMs)) {
    parts.push(`event-loop lag p95 ${fixed(load.eventLoopLagMs)} ms`);
  }
  return `${parts.join(', ')}${busy(load, c)}`;
}

// Neither the system's rules nor the generator's figures explain the shortfall: say what is known.
function otherEvidence(load: LevelLoad, c: LevelConcurrency, names: VuNames): string {
  const drops = load.droppedIterations ?? 0;
  const measured = isFiniteNumber(load.generatorCpuPercent) || isFiniteNumber(load.startLagMs);
  const health = measured
    ? `; the generator kept up (${generatorEvidence(load, c)})`
    : '; this engine reports no generator health, so the generator cannot be ruled out';
  if (drops > 0) {
    const pre = load.preAllocatedVUs;
    const initialising =
      isFiniteNumber(pre) && c.requiredConcurrency !== null && c.requiredConcurrency > pre;
    const why = initialising
      ? `: more than the ${pre} pre-allocated VUs were needed and the rest were still being initialised; raise ${names.preAllocatedVUs}`
      : ': VUs were briefly all busy (latency spikes)';
    return `${drops} dropped iterations${busy(load, c)}${why}${health}`;
  }
  const completed = load.iterations ?? load.requests ?? 0;
  const missing = Math.max(0, Math.round(load.targetRps * load.durationSeconds - completed));
  return `${missing} scheduled iterations did not complete within the level, none dropped${busy(load, c)}${health}`;
}

function busy(load: LevelLoad, c: LevelConcurrency): string {
  if (c.concurrency === null) return '';
  const pool = isFiniteNumber(load.maxVUs) ? ` of ${load.maxVUs}` : '';
  return ` with ${whole(c.concurrency)}${pool} VUs busy on average`;
}

function dropped(load: LevelLoad): string {
  const n = load.droppedIterations ?? 0;
  return n > 0 ? `, ${n} dropped iterations` : '';
}

function isFiniteNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isCount(value: number | null | undefined): value is number {
  return isFiniteNumber(value) && value > 0;
}

function whole(value: number | null): string {
  return value === null ? 'n/a' : String(Math.round(value));
}

// One decimal below 100 (a trailing .0 dropped), whole numbers above.
function fixed(value: number | null): string {
  if (value === null) return 'n/a';
  return String(Number(value.toFixed(value >= 100 ? 0 : 1)));
}
