// Custom metrics, tagged by endpoint key. Their per-endpoint sub-metrics reach handleSummary
// only because `endpointThresholds` names each one (k6 leaves them out otherwise).
import { SUBMETRIC_ONLY_THRESHOLDS } from '@rota-perf/core';
import { GENERATOR_METRICS } from '@rota-perf/rps-sweeper';
import { Counter, Trend } from 'k6/metrics';

export const endpointDuration = new Trend('endpoint_duration_ms', true);
export const endpointRequests = new Counter('endpoint_requests');
export const endpointFailures = new Counter('endpoint_failures');
export const responseBodyBytes = new Trend('response_body_bytes');

/** Trend statistics every script reports (p(99) and count are not in k6's default set). */
export const SUMMARY_TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'];

/** Never-failing thresholds that make each endpoint's sub-metrics appear in summary data. */
export function endpointThresholds(keys: readonly string[]): Record<string, string[]> {
  const thresholds: Record<string, string[]> = {};
  for (const key of keys) {
    thresholds[`endpoint_duration_ms{endpoint:${key}}`] = [SUBMETRIC_ONLY_THRESHOLDS.trend];
    thresholds[`endpoint_requests{endpoint:${key}}`] = [SUBMETRIC_ONLY_THRESHOLDS.counter];
    thresholds[`endpoint_failures{endpoint:${key}}`] = [SUBMETRIC_ONLY_THRESHOLDS.counter];
    thresholds[`response_body_bytes{endpoint:${key}}`] = [SUBMETRIC_ONLY_THRESHOLDS.trend];
  }
  return thresholds;
}

/**
 * Declares node-runner's generator metrics (CPU, event-loop lag, start lag). The probes name
 * them per level in thresholds; the real k6 rejects a threshold on a metric it does not know,
 * and with them declared it runs, records no samples and leaves them out of the summary (the
 * levels then read them as unmeasured). On node-runner they are its built-in metrics.
 */
export function declareGeneratorMetrics(): Trend[] {
  return GENERATOR_METRICS.map((m) => new Trend(m.name, m.isTime));
}
