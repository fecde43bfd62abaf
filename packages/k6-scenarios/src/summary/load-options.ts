// What summariseLoad takes besides the k6 data.
import type { RateLimitVerification, SkippedScenario } from '@rota-perf/core';

/** An endpoint of the catalogue: tag key, display label and request phase. */
export interface LoadEndpoint {
  key: string;
  label: string;
  /** `main`, `write` or `auth`; decides which phase-failure list a failing endpoint lands in. */
  phase?: string;
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
