// Builds handleSummary data shaped exactly like k6's (k6-golden/02-summary-data.json): a
// sub-metric exists only when named, `http_req_failed` counts failed requests as `passes`,
// `dropped_iterations` exists only when something was dropped.
import type { K6Metric, K6SummaryData } from '@rota-perf/core';
import { mean, quantile, summaryDataOf } from '@rota-perf/core';

/** What one level did, in raw terms; durations are per-request milliseconds. */
export interface LevelFigures {
  scenario: string;
  requests: number;
  failures: number;
  durationsMs: number[];
  dropped?: number;
  /** Seconds the level ran, for the `rate` values. */
  seconds: number;
  /** Iteration durations, ms (default: the request durations: one request per iteration). */
  iterationsMs?: number[];
  /** node-runner's generator samples during the level; absent = the real k6 (no such metrics). */
  generator?: { cpuPercent: number[]; eventLoopLagMs: number[]; startLagMs: number[] };
}

/** Options: which trend stats to emit, and whether thresholds named the sub-metrics. */
export interface SummaryOptions {
  trendStats?: string[];
  /** false reproduces the original scripts: no threshold names the sub-metrics. */
  named?: boolean;
  testRunDurationMs?: number;
}

const DEFAULT_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)'];

/** handleSummary data for a run whose levels did what `levels` says. */
export function buildSummaryData(
  levels: LevelFigures[],
  options: SummaryOptions = {},
): K6SummaryData {
  const stats = options.trendStats ?? DEFAULT_STATS;
  const metrics: Record<string, K6Metric> = {};
  const all = levels.flatMap((l) => l.durationsMs);
  const totalRequests = levels.reduce((s, l) => s + l.requests, 0);
  const totalFailures = levels.reduce((s, l) => s + l.failures, 0);
  const seconds = levels.reduce((s, l) => s + l.seconds, 0) || 1;
  metrics.http_reqs = counter(totalRequests, seconds);
  metrics.http_req_failed = rate(totalFailures, totalRequests);
  metrics.http_req_duration = trend(all, stats);
  metrics.iterations = counter(totalRequests, seconds);
  const dropped = levels.reduce((s, l) => s + (l.dropped ?? 0), 0);
  if (dropped > 0) metrics.dropped_iterations = counter(dropped, seconds);
  if (options.named !== false) {
    for (const l of levels) {
      const tag = `{scenario:${l.scenario}}`;
      metrics[`http_reqs${tag}`] = named(counter(l.requests, l.seconds), 'count>=0');
      metrics[`http_req_failed${tag}`] = named(rate(l.failures, l.requests), 'rate>=0');
      metrics[`http_req_duration${tag}`] = named(trend(l.durationsMs, stats), 'max>=0');
      const iterationsMs = l.iterationsMs ?? l.durationsMs;
      metrics[`iterations${tag}`] = named(counter(iterationsMs.length, l.seconds), 'count>=0');
      if (iterationsMs.length > 0) {
        metrics[`iteration_duration${tag}`] = named(trend(iterationsMs, stats), 'max>=0');
      }
      // Like k6, a named metric without samples is absent from the data.
      const g = l.generator;
      if (g && g.cpuPercent.length > 0) {
        metrics[`generator_cpu_percent${tag}`] = named(trend(g.cpuPercent, stats), 'max>=0');
        metrics[`generator_event_loop_lag_ms${tag}`] = named(
          trend(g.eventLoopLagMs, stats),
          'max>=0',
        );
      }
      if (g && g.startLagMs.length > 0) {
        metrics[`iteration_start_lag_ms${tag}`] = named(trend(g.startLagMs, stats), 'max>=0');
      }
      if ((l.dropped ?? 0) > 0) {
        metrics[`dropped_iterations${tag}`] = named(counter(l.dropped ?? 0, l.seconds), 'count>=0');
      }
    }
  }
  return summaryDataOf(metrics, options.testRunDurationMs ?? seconds * 1000, stats);
}

/** `count` request durations spread evenly between low and high ms. */
export function spreadDurations(count: number, lowMs: number, highMs: number): number[] {
  if (count <= 1) return count === 1 ? [lowMs] : [];
  return Array.from({ length: count }, (_, i) => lowMs + ((highMs - lowMs) * i) / (count - 1));
}

function counter(count: number, seconds: number): K6Metric {
  return { type: 'counter', contains: 'default', values: { count, rate: count / seconds } };
}

function rate(passes: number, total: number): K6Metric {
  const values = { rate: total === 0 ? 0 : passes / total, passes, fails: total - passes };
  return { type: 'rate', contains: 'default', values };
}

function trend(values: number[], stats: string[]): K6Metric {
  const sorted = [...values].sort((a, b) => a - b);
  const out: Record<string, number> = {};
  for (const stat of stats) {
    const p = /^p\((\d+(?:\.\d+)?)\)$/.exec(stat);
    if (p) out[stat] = quantile(sorted, Number(p[1]) / 100, true) || 0;
    else if (stat === 'avg') out.avg = mean(sorted) || 0;
    else if (stat === 'min') out.min = sorted[0] ?? 0;
    else if (stat === 'max') out.max = sorted[sorted.length - 1] ?? 0;
    else if (stat === 'med') out.med = quantile(sorted, 0.5, true) || 0;
  }
  return { type: 'trend', contains: 'time', values: out };
}

function named(metric: K6Metric, threshold: string): K6Metric {
  return { ...metric, thresholds: { [threshold]: { ok: true } } };
}
