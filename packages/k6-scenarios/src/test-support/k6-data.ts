// Test data builders: the k6 recordings (test-data/k6-golden at the repository root), and
// hand-built summary data.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type K6Metric, type K6SummaryData, mean, quantile, summaryDataOf } from '@rota-perf/core';

/** A file of the k6 recordings kept in the repository. */
export function goldenFile(name: string): string {
  return fileURLToPath(new URL(`../../../../test-data/k6-golden/${name}`, import.meta.url));
}

/** The real k6 v0.49 handleSummary data recorded in 02-summary-data.json. */
export function loadGoldenSummary(): K6SummaryData {
  return JSON.parse(readFileSync(goldenFile('02-summary-data.json'), 'utf8')) as K6SummaryData;
}

/** A minimal summary data object with the given metrics. */
export function buildSummary(
  metrics: Record<string, K6Metric>,
  testRunDurationMs: number,
  summaryTrendStats = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'count'],
): K6SummaryData {
  return summaryDataOf(metrics, testRunDurationMs, summaryTrendStats);
}

/** A counter metric. */
export function counter(count: number, seconds: number): K6Metric {
  return { type: 'counter', contains: 'default', values: { count, rate: count / seconds } };
}

/** A time trend from raw samples (the values k6 would compute, via the shared stats). */
export function trend(samples: number[]): K6Metric {
  const s = [...samples].sort((a, b) => a - b);
  const q = (p: number) => quantile(s, p, true);
  return {
    type: 'trend',
    contains: 'time',
    values: {
      avg: mean(s),
      min: s[0] as number,
      med: q(0.5),
      max: s[s.length - 1] as number,
      'p(90)': q(0.9),
      'p(95)': q(0.95),
      'p(99)': q(0.99),
      count: s.length,
    },
  };
}

/** A rate metric (k6 counts "true" samples as passes). */
export function rate(passes: number, fails: number): K6Metric {
  const total = passes + fails;
  return {
    type: 'rate',
    contains: 'default',
    values: { rate: total ? passes / total : 0, passes, fails },
  };
}
