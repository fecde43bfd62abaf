import { EXIT, RunnerError } from '../errors.js';
import type { MetricRegistry } from '../metrics/registry.js';
import { parseMetricSelector } from '../metrics/registry.js';
import type { Sink } from '../metrics/sinks.js';
import { assertStatFits, compare, parseThresholdList, type ThresholdExpr } from './parse.js';

/** The thresholds of one metric or sub-metric, bound to its sink. */
export interface ThresholdSet {
  key: string;
  sink: Sink;
  exprs: ThresholdExpr[];
  /** Result of the last evaluation per expression source (true = passed). */
  ok: Map<string, boolean>;
}

/** Binds `options.thresholds` to the registry, creating the sub-metrics thresholds name. */
export function bindThresholds(registry: MetricRegistry, spec: unknown): ThresholdSet[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec !== 'object' || Array.isArray(spec)) {
    throw new RunnerError(
      'invalid options.thresholds: expected an object keyed by metric name',
      EXIT.invalidConfig,
    );
  }
  const sets: ThresholdSet[] = [];
  for (const [key, list] of Object.entries(spec as Record<string, unknown>)) {
    const { name, filter } = parseMetricSelector(key);
    const metric = registry.metrics.get(name);
    if (!metric) {
      throw new RunnerError(
        `invalid threshold defined on ${key}: no metric name "${name}" found (built-in or declared in the init context)`,
        EXIT.invalidConfig,
      );
    }
    const exprs = parseThresholdList(key, list);
    for (const e of exprs) assertStatFits(key, metric.type, e);
    const sink =
      filter.length === 0 ? metric.sink : registry.addSubmetric(metric, key.trim(), filter).sink;
    sets.push({ key: key.trim(), sink, exprs, ok: new Map() });
  }
  return sets;
}

/** Evaluates every threshold; returns the keys that failed and whether an abortOnFail one did. */
export function evaluateThresholds(
  sets: readonly ThresholdSet[],
  durationMs: number,
  elapsedMs: number,
  final: boolean,
): { failed: string[]; abort: boolean } {
  const failed: string[] = [];
  let abort = false;
  for (const set of sets) {
    let setFailed = false;
    for (const e of set.exprs) {
      // k6 treats a metric without samples as passing during the run; at the end it is judged
      // on zero values, except that an empty sub-metric has nothing to fail on.
      if (!final && set.sink.count === 0) continue;
      const actual = set.sink.stat(e.stat, durationMs) ?? 0;
      const ok = compare(actual, e.op, e.value);
      set.ok.set(e.source, ok);
      if (!ok) {
        setFailed = true;
        if (e.abortOnFail && elapsedMs >= e.delayAbortEvalMs) abort = true;
      }
    }
    if (setFailed) failed.push(set.key);
  }
  return { failed, abort };
}
