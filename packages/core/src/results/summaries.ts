// The figures our tools compute, before they are written to a results file: a sweep's levels,
// a load run's summary, the write probe's result, db-bench cases and memory samples. Producers
// (k6-scenarios, rps-sweeper, db-bench, mem-monitor) and formatters (report-formatter) share them.
import type { FailedThreshold } from '../k6-summary.js';
import type { SweepScriptName } from '../registry/lookup.js';

/**
 * What held a failing level back (README of rps-sweeper, "Verdict reasons"):
 * - `system_failing`: errors over the tolerance, or p95 over the SLO;
 * - `vu_pool_exhausted`: the system slowed until achieved rate × mean latency (the VUs it
 *   needs, Little's law) exceeded maxVUs, so iterations were dropped;
 * - `generator_saturated`: the load generator's CPU was near a full core, or its iterations
 *   started late while VUs were free; the only cause that makes the ceiling a lower bound;
 * - `rate_not_reached`: the rate fell short for another reason, stated in `reason`;
 * - `no_data`: the level's figures are missing.
 */
export type LevelCause =
  | 'system_failing'
  | 'vu_pool_exhausted'
  | 'generator_saturated'
  | 'rate_not_reached'
  | 'no_data';

/** The verdict on one arrival-rate level of a sweep or probe. */
export interface SweepLevel {
  /** Scenario name, e.g. `probe_50`. */
  scenario: string;
  targetRps: number;
  /** null when the level's sub-metrics are missing from the data (reported as missing, not 0). */
  achievedRps: number | null;
  requests: number | null;
  failures: number | null;
  failureRate: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  droppedIterations: number;
  passed: boolean;
  /** Why the level failed (null when it passed). */
  reason: string | null;
  /** What held the level back (null when it passed). */
  cause: LevelCause | null;
  /** The level's VU pool (the scenario's maxVUs); null when unknown. */
  maxVUs: number | null;
  /**
   * Mean time a VU was busy per iteration, ms: the mean iteration duration (a probe iteration
   * is one request), else the mean request duration; null when neither was measured.
   */
  meanLatencyMs: number | null;
  /** VUs busy on average (Little's law): achieved iterations/s × mean latency. */
  concurrency: number | null;
  /** VUs the target rate needs at the measured latency: target rate × mean latency. */
  requiredConcurrency: number | null;
  /** node-runner only: the generator process's mean CPU share over the level (100 = one core). */
  generatorCpuPercent: number | null;
  /** node-runner only: p95 of the per-second worst event-loop delay of the generator, ms. */
  eventLoopLagMs: number | null;
  /** node-runner only: p95 of how late iterations started against the schedule, ms. */
  startLagMs: number | null;
  /** When the level started, seconds after the test started (k6 startTime); marks the memory timeline. */
  startSeconds?: number | null;
}

/** A whole sweep: the per-level verdicts and the conclusion drawn from them. */
export interface SweepResult {
  /** The probe script that ran it, or `adaptive` (the CLI's search). */
  kind: SweepScriptName | 'adaptive';
  minTargetRps: number;
  maxTargetRps: number;
  stepRps: number;
  failureTolerance: number;
  p95SloMs: number | null;
  levels: SweepLevel[];
  /** Highest passing level before the first failing one. */
  highestPassingTarget: number | null;
  /** A level passed after an earlier level failed. */
  unstable: boolean;
  /**
   * The load generator, not the system, explains the first failing level (or, with no failing
   * level, saturated at some level): the ceiling is only a lower bound.
   */
  generatorSaturated: boolean;
  /** What held back the first failing level (lowest target); null when none failed. */
  limitedBy: LevelCause | null;
  totalDurationSeconds: number | null;
  /** Wall-clock start of the test run (ISO 8601), to place levels on the memory timeline. */
  startedAt?: string | null;
}

/** A scenario that sent nothing because the dataset lacked what it needs. */
export interface SkippedScenario {
  key: string;
  label: string;
  missing: string[];
}

/** What setup's rate-limit verification found. */
export interface RateLimitVerification {
  limit: number;
  allowedCount: number;
  limitedCount: number;
  firstLimitedAt?: number | null;
  retryAfterSeconds: number | null;
  windowSeconds?: number | null;
  email?: string;
}

/** Per-endpoint figures; null means the sub-metric was absent from the data. */
export interface LoadEndpointSummary {
  key: string;
  label: string;
  phase: string | null;
  requests: number | null;
  requestsPerSecond: number | null;
  avgMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
  failures: number | null;
  failureRate: number | null;
  /** Names of the sub-metrics that were absent. */
  missingMetrics: string[];
}

/** Failures of one endpoint in a phase (the original's `main_phase_failures` entries). */
export interface PhaseFailure {
  endpoint: string;
  label: string;
  phase: string;
  /** Always null: k6 summary data has no per-status breakdown without per-status thresholds. */
  status: number | null;
  count: number;
}

/** The whole load summary; a pure object (JSON-serialisable). */
export interface LoadSummary {
  durationSeconds: number;
  totalRequests: number | null;
  requestsPerSecond: number | null;
  requestsPerMinute: number | null;
  bytesReceived: number | null;
  bytesSent: number | null;
  throughputBytesPerSecond: number | null;
  throughputKibPerSecond: number | null;
  failedRequests: number | null;
  failureRate: number | null;
  checks: { passes: number; fails: number; rate: number | null } | null;
  steadyStateSeconds: number;
  steadyStateRequests: number | null;
  steadyStateRps: number | null;
  nonSteadySeconds: number | null;
  nonSteadySharePercent: number | null;
  rateLimitVerificationEnabled: boolean;
  rateLimitVerification: RateLimitVerification | null;
  mainPhaseFailedRequests: number | null;
  writePhaseFailedRequests: number | null;
  mainPhaseFailures: PhaseFailure[];
  writePhaseFailures: PhaseFailure[];
  failedThresholds: FailedThreshold[];
  /** False when summaryTrendStats lacks p(99): every p99 is then missing. */
  p99Available: boolean;
  endpoints: LoadEndpointSummary[];
  skipped: SkippedScenario[];
}

/** Configuration of the write probe, as the script parsed it. */
export interface WriteProbeConfig {
  targetRps: number;
  /** Raw duration strings as configured (e.g. `30s`), echoed in the output. */
  warmupDuration: string;
  testDuration: string;
  cooldownDuration: string;
  warmupSeconds: number;
  testSeconds: number;
  cooldownSeconds: number;
  failureTolerance: number;
  /** k6 scenario name (default `progress_write`). */
  scenario?: string;
  /** Counter of requests sent during the plateau (default `http_reqs{window:plateau}`). */
  plateauRequestsMetric?: string;
}
/** The figures of a write-probe run; null means the metric was absent from the data. */
export interface WriteProbeResult extends WriteProbeConfig {
  totalRequests: number | null;
  totalFailures: number | null;
  failureRate: number | null;
  observedRps: number | null;
  plateauRequests: number | null;
  observedRpsPlateau: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  /** Failure rate within tolerance and at least one request (the original passed 0/0). */
  passed: boolean;
}
