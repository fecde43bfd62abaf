import { EXIT, RunnerError } from '../errors.js';
import type { MetricType } from '../metrics/sinks.js';
import { parseDuration } from '../util/duration.js';

/** One parsed threshold expression such as `p(95)<500`. */
export interface ThresholdExpr {
  source: string;
  stat: string;
  op: '<' | '<=' | '>' | '>=' | '==' | '===' | '!=';
  value: number;
  abortOnFail: boolean;
  delayAbortEvalMs: number;
}

const EXPR =
  /^\s*(avg|min|max|med|count|rate|value|p\(\s*\d+(?:\.\d+)?\s*\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\s*$/i;

const ALLOWED: Record<MetricType, (stat: string) => boolean> = {
  counter: (s) => s === 'count' || s === 'rate',
  gauge: (s) => s === 'value',
  rate: (s) => s === 'rate',
  trend: (s) => ['avg', 'min', 'max', 'med', 'count'].includes(s) || s.startsWith('p('),
};

/** Parses one threshold expression; a bad one raises a one-line error naming it. */
export function parseThresholdExpression(
  metricKey: string,
  source: string,
): Omit<ThresholdExpr, 'abortOnFail' | 'delayAbortEvalMs'> {
  const m = EXPR.exec(source);
  if (!m?.[1] || !m[2] || !m[3]) {
    throw new RunnerError(
      `invalid threshold ${JSON.stringify(source)} on metric '${metricKey}': expected <stat> <op> <number>, e.g. 'p(95)<500', 'rate<0.01', 'count>=0'`,
      EXIT.invalidConfig,
    );
  }
  const stat = m[1].toLowerCase().replace(/\s+/g, '');
  return { source, stat, op: m[2] as ThresholdExpr['op'], value: Number(m[3]) };
}

/** Parses the threshold list of one metric (strings or `{ threshold, abortOnFail, delayAbortEval }`). */
export function parseThresholdList(metricKey: string, spec: unknown): ThresholdExpr[] {
  const list = Array.isArray(spec) ? spec : [spec];
  return list.map((item) => {
    if (typeof item === 'string')
      return {
        ...parseThresholdExpression(metricKey, item),
        abortOnFail: false,
        delayAbortEvalMs: 0,
      };
    if (
      item &&
      typeof item === 'object' &&
      typeof (item as { threshold?: unknown }).threshold === 'string'
    ) {
      const o = item as { threshold: string; abortOnFail?: unknown; delayAbortEval?: unknown };
      return {
        ...parseThresholdExpression(metricKey, o.threshold),
        abortOnFail: o.abortOnFail === true,
        delayAbortEvalMs:
          o.delayAbortEval === undefined
            ? 0
            : parseDuration(o.delayAbortEval, `delayAbortEval of '${metricKey}'`),
      };
    }
    throw new RunnerError(
      `invalid threshold ${JSON.stringify(item)} on metric '${metricKey}': expected a string or { threshold: '...' }`,
      EXIT.invalidConfig,
    );
  });
}

/** Checks that a statistic fits the metric type (`avg` on a Counter is an error in k6 too). */
export function assertStatFits(metricKey: string, type: MetricType, expr: ThresholdExpr): void {
  if (!ALLOWED[type](expr.stat)) {
    throw new RunnerError(
      `invalid threshold ${JSON.stringify(expr.source)} on metric '${metricKey}': '${expr.stat}' is not valid for a ${type} metric`,
      EXIT.invalidConfig,
    );
  }
}

/** Evaluates `actual <op> expected`. */
export function compare(actual: number, op: ThresholdExpr['op'], expected: number): boolean {
  switch (op) {
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '==':
    case '===':
      return actual === expected;
    case '!=':
      return actual !== expected;
  }
}
