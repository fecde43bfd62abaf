import type { Contains, Metric, MetricRegistry } from './registry.js';
import type { MetricType } from './sinks.js';

const DEFS: [string, MetricType, Contains][] = [
  ['checks', 'rate', 'default'],
  ['data_received', 'counter', 'data'],
  ['data_sent', 'counter', 'data'],
  ['dropped_iterations', 'counter', 'default'],
  ['group_duration', 'trend', 'time'],
  ['http_req_blocked', 'trend', 'time'],
  ['http_req_connecting', 'trend', 'time'],
  ['http_req_duration', 'trend', 'time'],
  ['http_req_failed', 'rate', 'default'],
  ['http_req_receiving', 'trend', 'time'],
  ['http_req_sending', 'trend', 'time'],
  ['http_req_tls_handshaking', 'trend', 'time'],
  ['http_req_waiting', 'trend', 'time'],
  ['http_reqs', 'counter', 'default'],
  ['iteration_duration', 'trend', 'time'],
  ['iterations', 'counter', 'default'],
  ['vus', 'gauge', 'default'],
  ['vus_max', 'gauge', 'default'],
  // node-runner extensions (the real k6 has no such metrics): the load generator's own health.
  ['generator_cpu_percent', 'trend', 'default'],
  ['generator_event_loop_lag_ms', 'trend', 'time'],
  ['iteration_start_lag_ms', 'trend', 'time'],
];

/** The metrics node-runner emits that k6 does not (see the README, "Generator health"). */
export const NODE_RUNNER_METRICS: readonly string[] = [
  'generator_cpu_percent',
  'generator_event_loop_lag_ms',
  'iteration_start_lag_ms',
];

/** The k6 built-in metrics, looked up once so hot paths skip the map. */
export interface Builtins {
  checks: Metric;
  data_received: Metric;
  data_sent: Metric;
  dropped_iterations: Metric;
  group_duration: Metric;
  http_req_blocked: Metric;
  http_req_connecting: Metric;
  http_req_duration: Metric;
  http_req_failed: Metric;
  http_req_receiving: Metric;
  http_req_sending: Metric;
  http_req_tls_handshaking: Metric;
  http_req_waiting: Metric;
  http_reqs: Metric;
  iteration_duration: Metric;
  iterations: Metric;
  vus: Metric;
  vus_max: Metric;
  generator_cpu_percent: Metric;
  generator_event_loop_lag_ms: Metric;
  iteration_start_lag_ms: Metric;
}

/** Registers k6's built-in metrics (plus the always-present `{expected_response:true}` view). */
export function defineBuiltins(registry: MetricRegistry): Builtins {
  const out: Record<string, Metric> = {};
  for (const [name, type, contains] of DEFS) out[name] = registry.define(name, type, contains);
  const duration = out.http_req_duration as Metric;
  registry.addSubmetric(duration, 'http_req_duration{expected_response:true}', [
    ['expected_response', 'true'],
  ]);
  return out as unknown as Builtins;
}
