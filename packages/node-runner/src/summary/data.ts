import type { K6Metric, K6SummaryData } from '@rota-perf/core';
import type { Metric, MetricRegistry } from '../metrics/registry.js';
import type { Sink } from '../metrics/sinks.js';
import type { GroupNode } from '../runtime/groups.js';
import type { ThresholdSet } from '../thresholds/evaluate.js';
import { isTty } from '../util/output.js';

/** One metric in handleSummary data: the core's one definition of k6's layout. */
export type SummaryMetric = K6Metric;

/** The `data` argument of handleSummary, in k6 v0.49's layout (what the k6 scripts read). */
export type SummaryData = K6SummaryData;

/** Inputs for building summary data. */
export interface SummaryInput {
  registry: MetricRegistry;
  thresholds: readonly ThresholdSet[];
  rootGroup: GroupNode;
  trendStats: string[];
  summaryTimeUnit: string;
  testRunDurationMs: number;
  setupData?: { value: unknown };
}

/** Builds k6's summary data: metrics with samples, and the sub-metrics thresholds named. */
export function buildSummaryData(input: SummaryInput): SummaryData {
  const bySink = new Map<Sink, ThresholdSet>();
  for (const t of input.thresholds) bySink.set(t.sink, t);
  const metrics: Record<string, SummaryMetric> = {};
  const add = (key: string, metric: Metric, sink: Sink) => {
    const th = bySink.get(sink);
    if (sink.count === 0 && !th && metric.sink.count === 0) return;
    const entry: SummaryMetric = {
      type: metric.type,
      contains: metric.contains,
      values: sink.values(input.testRunDurationMs, input.trendStats),
    };
    if (th) {
      entry.thresholds = {};
      for (const e of th.exprs) entry.thresholds[e.source] = { ok: th.ok.get(e.source) ?? true };
    }
    metrics[key] = entry;
  };
  for (const metric of input.registry.metrics.values()) {
    add(metric.name, metric, metric.sink);
    for (const sub of metric.submetrics) add(sub.key, metric, sub.sink);
  }
  const data: SummaryData = {
    metrics,
    root_group: input.rootGroup,
    options: {
      summaryTrendStats: input.trendStats,
      summaryTimeUnit: input.summaryTimeUnit,
      noColor: !isTty('stdout'),
    },
    state: {
      isStdOutTTY: isTty('stdout'),
      isStdErrTTY: isTty('stderr'),
      testRunDurationMs: input.testRunDurationMs,
    },
  };
  if (input.setupData) data.setup_data = input.setupData.value;
  return data;
}
