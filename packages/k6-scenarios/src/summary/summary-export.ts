// k6's older `--summary-export` layout (test-data/k6-golden/04-summary-export.json) -> handleSummary data,
// so a file written by `k6 run --summary-export` can be summarised like live data.
import type { K6Check, K6Group, K6Metric, K6SummaryData } from '@rota-perf/core';

type Flat = Record<string, unknown>;

const isObject = (v: unknown): v is Flat =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

// The export drops type and content kind: infer them from the statistics present.
function metricType(values: Flat): K6Metric['type'] {
  if ('count' in values) return 'counter';
  if ('passes' in values || 'fails' in values) return 'rate';
  if ('avg' in values || 'med' in values) return 'trend';
  return 'gauge';
}

function contains(name: string, type: K6Metric['type']): K6Metric['contains'] {
  const base = name.split('{')[0] ?? name;
  if (base === 'data_received' || base === 'data_sent') return 'data';
  const timed = /^(http_req_|iteration_duration|group_duration)/.test(base) || /_ms$/.test(base);
  return type === 'trend' && timed ? 'time' : 'default';
}

function convertMetric(name: string, flat: Flat): K6Metric {
  const values: Record<string, number> = {};
  for (const [k, v] of Object.entries(flat)) {
    if (typeof v === 'number') values[k === 'value' && 'passes' in flat ? 'rate' : k] = v;
  }
  const type = metricType(flat);
  const metric: K6Metric = { type, contains: contains(name, type), values };
  if (isObject(flat.thresholds)) {
    metric.thresholds = {};
    // In the export a threshold's boolean says whether it was crossed: false = ok.
    for (const [cond, crossed] of Object.entries(flat.thresholds)) {
      metric.thresholds[cond] = { ok: crossed !== true };
    }
  }
  return metric;
}

function convertGroup(flat: Flat): K6Group {
  const checks: K6Check[] = [];
  for (const c of Object.values(isObject(flat.checks) ? flat.checks : {})) {
    if (isObject(c)) checks.push(c as unknown as K6Check);
  }
  const groups: K6Group[] = [];
  for (const g of Object.values(isObject(flat.groups) ? flat.groups : {})) {
    if (isObject(g)) groups.push(convertGroup(g));
  }
  return {
    name: String(flat.name ?? ''),
    path: String(flat.path ?? ''),
    id: String(flat.id ?? ''),
    groups,
    checks,
  };
}

/**
 * Converts a `--summary-export` document to handleSummary data. The export has no run
 * duration; it is recovered as `http_reqs.count / http_reqs.rate` (else `iterations`), and is
 * 0 when neither is usable. Throws a one-line error for a document of another shape.
 */
export function fromSummaryExport(doc: unknown): K6SummaryData {
  if (!isObject(doc) || !isObject(doc.metrics)) {
    throw new Error('not a k6 --summary-export document: expected an object with "metrics"');
  }
  const metrics: Record<string, K6Metric> = {};
  for (const [name, flat] of Object.entries(doc.metrics)) {
    if (isObject(flat)) metrics[name] = convertMetric(name, flat);
  }
  let durationMs = 0;
  for (const name of ['http_reqs', 'iterations']) {
    const v = metrics[name]?.values;
    if (durationMs === 0 && v && (v.count ?? 0) > 0 && (v.rate ?? 0) > 0) {
      durationMs = ((v.count as number) / (v.rate as number)) * 1000;
    }
  }
  const trendStats: string[] = [];
  for (const m of Object.values(metrics)) {
    if (m.type === 'trend') {
      for (const k of Object.keys(m.values)) if (trendStats.indexOf(k) < 0) trendStats.push(k);
    }
  }
  return {
    metrics,
    root_group: convertGroup(isObject(doc.root_group) ? doc.root_group : {}),
    options: { summaryTrendStats: trendStats, summaryTimeUnit: '', noColor: true },
    state: { isStdOutTTY: false, isStdErrTTY: false, testRunDurationMs: durationMs },
  };
}
