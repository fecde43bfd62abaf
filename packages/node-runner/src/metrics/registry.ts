import { EXIT, RunnerError } from '../errors.js';
import { createSink, type MetricType, type Sink, type SinkState } from './sinks.js';

/** What a metric's values measure (k6 `contains`). */
export type Contains = 'default' | 'time' | 'data';

/** Sample tags: k6 system tags plus custom ones. */
export type Tags = Record<string, string>;

/** Reads one tag of a sample; lets hot paths skip building a tags object per sample. */
export type TagLookup = (key: string) => string | undefined;

/** A sample's tags, as an object or a lookup. */
export type TagSource = Tags | TagLookup;

function matches(filter: [string, string][], tags: TagSource): boolean {
  if (typeof tags === 'function') {
    for (const [k, v] of filter) if (tags(k) !== v) return false;
    return true;
  }
  for (const [k, v] of filter) if (tags[k] !== v) return false;
  return true;
}

/** A tag-filtered view of a metric, e.g. `http_req_duration{scenario:steady}`. */
export interface Submetric {
  key: string;
  filter: [string, string][];
  sink: Sink;
}

/** One registered metric and the sub-metrics thresholds asked for. */
export interface Metric {
  name: string;
  type: MetricType;
  contains: Contains;
  sink: Sink;
  submetrics: Submetric[];
}

/** A metric with its sub-metrics as plain data (see `MetricRegistry.snapshot`). */
export interface MetricState {
  name: string;
  type: MetricType;
  contains: Contains;
  state: SinkState;
  submetrics: { key: string; filter: [string, string][]; state: SinkState }[];
}

/** Parses `name{tag:value,tag2:value2}` into the metric name and its tag filter. */
export function parseMetricSelector(key: string): { name: string; filter: [string, string][] } {
  const m = /^([^{}]+?)\s*(?:\{(.*)\})?$/.exec(key.trim());
  if (!m?.[1])
    throw new RunnerError(
      `invalid metric name ${JSON.stringify(key)} in thresholds`,
      EXIT.invalidConfig,
    );
  const filter: [string, string][] = [];
  if (m[2] !== undefined) {
    for (const part of m[2].split(',')) {
      const idx = part.indexOf(':');
      if (idx <= 0) {
        throw new RunnerError(
          `invalid sub-metric ${JSON.stringify(key)} in thresholds: expected name{tag:value}`,
          EXIT.invalidConfig,
        );
      }
      const unquote = (s: string) => s.trim().replace(/^(["'])(.*)\1$/, '$2');
      filter.push([unquote(part.slice(0, idx)), unquote(part.slice(idx + 1))]);
    }
  }
  return { name: m[1], filter };
}

/** Sees every sample the registry records (the streamed `--out` outputs). */
export interface SampleObserver {
  sample(metric: Metric, value: number, tags: Tags): void;
}

/** Holds every metric of a run; samples flow in through `push`. */
export class MetricRegistry {
  readonly metrics = new Map<string, Metric>();
  /**
   * Receives each sample after the sinks, with its tags as an object: while it is set, hot
   * paths that pass a tag lookup must pass an object instead (emitMetrics does).
   */
  observer: SampleObserver | null = null;

  /** Returns the metric, creating it; a second declaration with another type is an error, as in k6. */
  define(name: string, type: MetricType, contains: Contains = 'default'): Metric {
    const existing = this.metrics.get(name);
    if (existing) {
      if (existing.type !== type) {
        throw new Error(
          `metric '${name}' already exists but with type ${existing.type}, instead of ${type}`,
        );
      }
      return existing;
    }
    const metric: Metric = { name, type, contains, sink: createSink(type), submetrics: [] };
    this.metrics.set(name, metric);
    return metric;
  }

  /** Adds a sub-metric (idempotent); returns it. */
  addSubmetric(metric: Metric, key: string, filter: [string, string][]): Submetric {
    const found = metric.submetrics.find((s) => s.key === key);
    if (found) return found;
    const sub: Submetric = { key, filter, sink: createSink(metric.type) };
    metric.submetrics.push(sub);
    return sub;
  }

  /** Records one sample with its tags. */
  push(metric: Metric, value: number, tags: TagSource): void {
    metric.sink.add(value);
    for (const sub of metric.submetrics) if (matches(sub.filter, tags)) sub.sink.add(value);
    if (this.observer !== null && typeof tags === 'object')
      this.observer.sample(metric, value, tags);
  }

  /** Every metric's accumulated state, to rebuild the registry in another thread. */
  snapshot(): MetricState[] {
    return [...this.metrics.values()].map((m) => ({
      name: m.name,
      type: m.type,
      contains: m.contains,
      state: m.sink.state(),
      submetrics: m.submetrics.map((s) => ({
        key: s.key,
        filter: s.filter,
        state: s.sink.state(),
      })),
    }));
  }

  /** Restores states taken by `snapshot()`, defining the metrics and sub-metrics as needed. */
  restore(states: readonly MetricState[]): void {
    for (const m of states) {
      const metric = this.define(m.name, m.type, m.contains);
      metric.sink.restore(m.state);
      for (const s of m.submetrics)
        this.addSubmetric(metric, s.key, s.filter).sink.restore(s.state);
    }
  }
}
