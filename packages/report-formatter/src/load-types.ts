// Shapes of the load summary: what summariseLoad takes and returns.
import type { FailedThreshold } from './k6-data.js';

/** An endpoint of the catalogue: tag key, display label and request phase. */
export interface LoadEndpoint {
  key: string;
  label: string;
  /** `main`, `write` or `auth`; decides which phase-failure list a failing endpoint lands in. */
  phase?: string;
}

/** A scenario that sent nothing because the dataset lacked what it needs. */
export interface SkippedScenario {
  key: string;
  label: string;
  missing: string[];
}

/** Options of `summariseLoad`. */
export interface SummariseLoadOptions {
  /** Endpoint catalogue; by default every `endpoint` tag value found in the data (label = key). */
  endpoints?: readonly LoadEndpoint[];
  /** Length of the plateau (TEST_DURATION) in seconds. */
  plateauSeconds?: number;
  /** Warm-up + cool-down + ramp-down seconds. */
  nonSteadySeconds?: number;
  /** Counter of requests sent during the plateau (default `http_reqs{window:plateau}`). */
  plateauRequestsMetric?: string;
  skipped?: readonly SkippedScenario[];
  rateLimitVerificationEnabled?: boolean;
  /** Verification outcome; defaults to `setup_data.rateLimitVerification`. */
  rateLimitVerification?: RateLimitVerification | null;
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
