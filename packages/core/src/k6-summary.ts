// What k6 hands to handleSummary (see test-data/k6-golden/02-summary-data.json), and how to
// read it. A metric or statistic that is absent reads as null, never as 0: k6 only
// materialises a sub-metric when a threshold names it, so "absent" means "not measured".

/** One metric as k6 puts it in handleSummary data. */
export interface K6Metric {
  type: 'counter' | 'gauge' | 'rate' | 'trend';
  contains: 'default' | 'time' | 'data';
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

/** A check as listed in root_group / groups. */
export interface K6Check {
  name: string;
  path: string;
  id: string;
  passes: number;
  fails: number;
}

/** A group in root_group. */
export interface K6Group {
  name: string;
  path: string;
  id: string;
  groups: K6Group[];
  checks: K6Check[];
}

/** The `data` argument of k6's handleSummary. */
export interface K6SummaryData {
  metrics: Record<string, K6Metric>;
  root_group: K6Group;
  options: { summaryTrendStats: string[]; summaryTimeUnit: string; noColor: boolean };
  state: { isStdOutTTY: boolean; isStdErrTTY: boolean; testRunDurationMs: number };
  setup_data?: unknown;
}

/** The metric as named (e.g. `http_reqs{scenario:probe_50}`), or undefined when absent. */
export function findMetric(data: K6SummaryData, name: string): K6Metric | undefined {
  // Not Object.hasOwn (ES2022, maybe absent in k6): a real metric is an object with values,
  // which also rules out inherited names such as "constructor".
  const metric: unknown = data.metrics[name];
  return typeof metric === 'object' && metric !== null && 'values' in metric
    ? (metric as K6Metric)
    : undefined;
}

/** A statistic of a metric (`count`, `rate`, `passes`, `p(95)`…), null when absent or not finite. */
export function readStat(data: K6SummaryData, name: string, stat: string): number | null {
  const value = findMetric(data, name)?.values[stat];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The median of a trend: k6 calls it `med`, or `p(50)` when summaryTrendStats asks for it. */
export function readMedian(data: K6SummaryData, name: string): number | null {
  return readStat(data, name, 'med') ?? readStat(data, name, 'p(50)');
}

/** The name of a tag-filtered sub-metric, as k6 writes it: `metric{tag:value}`. */
export function subMetricName(metric: string, tag: string, value: string): string {
  return `${metric}{${tag}:${value}}`;
}

/** The tag values for which `metric{tag:<value>}` exists in the data, in key order. */
export function listTagValues(data: K6SummaryData, metric: string, tag: string): string[] {
  const prefix = `${metric}{${tag}:`;
  return Object.keys(data.metrics)
    .filter((k) => k.startsWith(prefix) && k.endsWith('}'))
    .map((k) => k.slice(prefix.length, -1));
}

/** Every check of the run, from the root group and all nested groups. */
export function collectChecks(group: K6Group): K6Check[] {
  const checks: K6Check[] = Array.isArray(group.checks) ? [...group.checks] : [];
  for (const child of Array.isArray(group.groups) ? group.groups : []) {
    checks.push(...collectChecks(child));
  }
  return checks;
}

/**
 * The never-failing threshold of each metric type. k6 puts a sub-metric in handleSummary data
 * only when a threshold names it, so the scripts name each sub-metric they report with one of
 * these; reports leave them out of their threshold lists (they judge nothing).
 */
export const SUBMETRIC_ONLY_THRESHOLDS = {
  trend: 'max>=0',
  counter: 'count>=0',
  rate: 'rate>=0',
} as const;

const SUBMETRIC_ONLY: ReadonlySet<string> = new Set(Object.values(SUBMETRIC_ONLY_THRESHOLDS));

/** Whether a threshold expression is one of `SUBMETRIC_ONLY_THRESHOLDS` (spaces ignored). */
export function isSubmetricOnlyThreshold(expression: string): boolean {
  return SUBMETRIC_ONLY.has(expression.replace(/\s+/g, ''));
}

/** A threshold that failed: the metric and the condition text. */
export interface FailedThreshold {
  metric: string;
  condition: string;
}

/** The thresholds whose `ok` is false, in metric order. */
export function listFailedThresholds(data: K6SummaryData): FailedThreshold[] {
  const failed: FailedThreshold[] = [];
  for (const [metric, m] of Object.entries(data.metrics)) {
    for (const [condition, t] of Object.entries(m.thresholds ?? {})) {
      if (!t.ok) failed.push({ metric, condition });
    }
  }
  return failed;
}

/** a / b when both are known and b > 0; otherwise null (printed as n/a). */
export function ratioOrNull(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b <= 0) return null;
  const r = a / b;
  return Number.isFinite(r) ? r : null;
}

/**
 * handleSummary data holding only `metrics` (no groups or checks, plain output), as a runner
 * other than k6 or a test builds it.
 */
export function summaryDataOf(
  metrics: Record<string, K6Metric>,
  testRunDurationMs: number,
  summaryTrendStats: string[],
): K6SummaryData {
  // The root group's id is k6's: the MD5 of its empty path.
  const root_group = {
    name: '',
    path: '',
    id: 'd41d8cd98f00b204e9800998ecf8427e',
    groups: [],
    checks: [],
  };
  return {
    metrics,
    root_group,
    options: { summaryTrendStats, summaryTimeUnit: '', noColor: true },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs },
  };
}
