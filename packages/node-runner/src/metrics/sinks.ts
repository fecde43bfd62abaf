import type { JsHistogram } from 'hdr-histogram-js';
import * as hdr from 'hdr-histogram-js';

/** k6 metric types. */
export type MetricType = 'counter' | 'gauge' | 'rate' | 'trend';

// HDR histograms take integers: values are stored in millionths so sub-microsecond timings
// keep three significant digits (0.1% relative error, well inside the 1% goal).
const SCALE = 1e6;

/**
 * A sink's accumulated state as plain data (structured-clone safe): what the supervisor keeps
 * so the summary can still be built when the engine thread had to be stopped.
 */
export type SinkState = { count: number } & Record<string, number | number[]>;

/** Accumulates samples of one metric or sub-metric in constant memory. */
export interface Sink {
  add(value: number): void;
  /** The accumulated state (see `SinkState`). */
  state(): SinkState;
  /** Replaces the accumulated state with one taken by `state()` from a sink of the same type. */
  restore(state: SinkState): void;
  /** The k6 summary `values` object; `durationMs` gives counters their per-second rate. */
  values(durationMs: number, trendStats: readonly string[]): Record<string, number>;
  /** One statistic for threshold evaluation (`p(95)`, `rate`, `count` …); undefined if unknown. */
  stat(name: string, durationMs: number): number | undefined;
  readonly count: number;
}

function num(v: number | number[] | undefined): number {
  return typeof v === 'number' ? v : 0;
}

class CounterSink implements Sink {
  count = 0;
  total = 0;
  add(value: number): void {
    this.count++;
    this.total += value;
  }
  state(): SinkState {
    return { count: this.count, total: this.total };
  }
  restore(s: SinkState): void {
    this.count = s.count;
    this.total = num(s.total);
  }
  values(durationMs: number): Record<string, number> {
    return { count: this.total, rate: durationMs > 0 ? this.total / (durationMs / 1000) : 0 };
  }
  stat(name: string, durationMs: number): number | undefined {
    return this.values(durationMs)[name];
  }
}

class GaugeSink implements Sink {
  count = 0;
  last = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  add(value: number): void {
    this.count++;
    this.last = value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }
  state(): SinkState {
    return { count: this.count, last: this.last, min: this.min, max: this.max };
  }
  restore(s: SinkState): void {
    this.count = s.count;
    this.last = num(s.last);
    this.min = num(s.min);
    this.max = num(s.max);
  }
  values(): Record<string, number> {
    return this.count === 0
      ? { value: 0, min: 0, max: 0 }
      : { value: this.last, min: this.min, max: this.max };
  }
  stat(name: string): number | undefined {
    return this.values()[name];
  }
}

class RateSink implements Sink {
  count = 0;
  passes = 0;
  add(value: number): void {
    this.count++;
    if (value !== 0) this.passes++;
  }
  state(): SinkState {
    return { count: this.count, passes: this.passes };
  }
  restore(s: SinkState): void {
    this.count = s.count;
    this.passes = num(s.passes);
  }
  values(): Record<string, number> {
    return {
      rate: this.count ? this.passes / this.count : 0,
      passes: this.passes,
      fails: this.count - this.passes,
    };
  }
  stat(name: string): number | undefined {
    return this.values()[name];
  }
}

class TrendSink implements Sink {
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;
  private readonly histogram = hdr.build({
    numberOfSignificantValueDigits: 3,
    autoResize: true,
  }) as JsHistogram;
  add(value: number): void {
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    // Negative trend values are rare (custom metrics only); min/max/avg stay exact for them.
    this.histogram.recordValue(Math.max(0, Math.round(value * SCALE)));
  }
  /** Non-empty buckets as [value, count, …]: a few hundred numbers, not the whole array. */
  private cached: SinkState | null = null;
  state(): SinkState {
    // Taken every second during a run: an unchanged histogram is not scanned again. A plain
    // scan of the counts is ~20× cheaper than the library's recorded-values iterator.
    if (this.cached?.count === this.count) return this.cached;
    const h = this.histogram;
    const buckets: number[] = [];
    for (let i = 0, n = h.countsArrayLength; i < n; i++) {
      const c = h.getCountAtIndex(i);
      if (c !== 0) buckets.push(h.valueFromIndex(i), c);
    }
    this.cached = { count: this.count, sum: this.sum, min: this.min, max: this.max, buckets };
    return this.cached;
  }
  restore(s: SinkState): void {
    this.count = s.count;
    this.sum = num(s.sum);
    this.min = num(s.min);
    this.max = num(s.max);
    this.cached = null;
    this.histogram.reset();
    const b = Array.isArray(s.buckets) ? s.buckets : [];
    for (let i = 0; i + 1 < b.length; i += 2)
      this.histogram.recordValueWithCount(b[i] as number, b[i + 1] as number);
  }
  private percentile(p: number): number {
    if (this.count === 0) return 0;
    if (p <= 0) return this.min;
    if (p >= 100) return this.max;
    const v = this.histogram.getValueAtPercentile(p) / SCALE;
    // The histogram reports bucket upper bounds; never step outside the observed range.
    return Math.min(this.max, Math.max(this.min, v));
  }
  stat(name: string): number | undefined {
    if (this.count === 0) return 0;
    switch (name) {
      case 'avg':
        return this.sum / this.count;
      case 'min':
        return this.min;
      case 'max':
        return this.max;
      case 'med':
        return this.percentile(50);
      case 'count':
        return this.count;
      default: {
        const m = /^p\((\d+(?:\.\d+)?)\)$/.exec(name);
        return m ? this.percentile(Number(m[1])) : undefined;
      }
    }
  }
  values(_durationMs: number, trendStats: readonly string[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const s of trendStats) out[s] = this.stat(s) ?? 0;
    return out;
  }
}

/** Creates the empty sink for a metric type. */
export function createSink(type: MetricType): Sink {
  switch (type) {
    case 'counter':
      return new CounterSink();
    case 'gauge':
      return new GaugeSink();
    case 'rate':
      return new RateSink();
    case 'trend':
      return new TrendSink();
  }
}
