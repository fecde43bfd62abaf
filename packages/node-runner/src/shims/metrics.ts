// The `k6/metrics` module: custom Counter, Gauge, Rate and Trend metrics.
import type { Metric, Tags } from '../metrics/registry.js';
import type { MetricType } from '../metrics/sinks.js';
import { getRuntime, sampleTags } from '../runtime/state.js';
import { contextOfModule } from '../runtime/vu-context.js';
import { logLine } from '../util/logfmt.js';

// This module is instantiated per VU (`metrics.js?vu=N`): samples get that VU's context.
const currentContext = contextOfModule(import.meta.url);

class CustomMetric {
  readonly name: string;
  private readonly metric: Metric;
  constructor(name: string, type: MetricType, isTime: boolean) {
    this.name = name;
    this.metric = getRuntime().registry.define(name, type, isTime ? 'time' : 'default');
  }
  add(value: unknown, tags?: Record<string, unknown>): boolean {
    const n = typeof value === 'boolean' ? Number(value) : Number(value);
    if (value === null || value === undefined || Number.isNaN(n)) {
      logLine(
        'warning',
        `'${String(value)}' is an invalid value for metric '${this.name}', a number or a boolean value is expected`,
      );
      return false;
    }
    const ctx = currentContext();
    if (ctx?.cancelled) return false;
    const extra: Tags = {};
    for (const [k, v] of Object.entries(tags ?? {})) extra[k] = String(v);
    getRuntime().registry.push(this.metric, n, sampleTags(ctx, extra));
    return true;
  }
}

/** A cumulative sum. */
export class Counter extends CustomMetric {
  constructor(name: string) {
    super(name, 'counter', false);
  }
}

/** The last, min and max value. */
export class Gauge extends CustomMetric {
  constructor(name: string) {
    super(name, 'gauge', false);
  }
}

/** The share of non-zero values. */
export class Rate extends CustomMetric {
  constructor(name: string) {
    super(name, 'rate', false);
  }
}

/** Statistics (avg, min, med, max, percentiles); `isTime` marks milliseconds. */
export class Trend extends CustomMetric {
  constructor(name: string, isTime = false) {
    super(name, 'trend', isTime);
  }
}

export default { Counter, Gauge, Rate, Trend };
