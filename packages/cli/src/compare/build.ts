// Builds comparison.json from two sides: matches rows by kind and name, tests each metric with
// Mann–Whitney U over the rows' per-second (or per-iteration) values, adjusts each metric's
// p-values with Holm across the rows, draws the verdicts and holds every row to its budgets.
// Latencies are judged relative to the run (core compare/run-shift.ts): the baseline's values
// are scaled by the drift of the row's peers before the test, so a machine that ran the second
// run 15 % slower throughout does not make every endpoint "slower".
//
// The gate: a budget is exceeded only when its change is past the limit AND that metric's
// adjusted p-value is below alpha (a significant change). Exit code 99 then, else 0.
import {
  type BudgetCheck,
  type CeilingComparison,
  type ChangeRule,
  COMPARISON_VERSION,
  type ComparisonJson,
  type ComparisonRow,
  type ComparisonSide,
  EXIT_CODES,
  holmAdjust,
  isSignificant,
  LEVEL_CAUSE_LABEL,
  type MetricChange,
  MIN_PEERS,
  mannWhitneyU,
  PEER_RATIO,
  peerShifts,
  runShift,
  verdictOf,
} from '@rota-perf/core';
import { type BudgetSet, budgetsFor } from './budgets.js';
import type { CompareSide } from './inputs.js';
import { dbBenchRows, type RowSamples, seriesRows } from './rows.js';

const METRICS = ['p50', 'p95', 'p99', 'rps', 'errorRate'] as const;
type Metric = (typeof METRICS)[number];

const LATENCIES: readonly Metric[] = ['p50', 'p95', 'p99'];

/**
 * The values one metric's test compares, on one side of a row; `scale` (the peers' drift, on
 * the baseline side) multiplies the latencies.
 */
function testValues(row: RowSamples, metric: Metric, scale = 1): number[] {
  if (row.kind === 'db_bench_case') {
    // Every figure of a case derives from its latencies: one test of the iterations serves all.
    return metric === 'errorRate' ? [] : row.iterations.map((v) => v * scale);
  }
  const seconds = row.seconds;
  switch (metric) {
    case 'rps':
      return seconds.map((s) => s.requests);
    case 'errorRate':
      return seconds.filter((s) => s.requests > 0).map((s) => s.failed / s.requests);
    default:
      return seconds.flatMap((s) => (s[metric] === null ? [] : [(s[metric] as number) * scale]));
  }
}

/** Values a row's latency verdict rests on (seconds with requests, or iterations). */
function sampleCount(row: RowSamples): number {
  return row.kind === 'db_bench_case'
    ? row.iterations.length
    : row.seconds.filter((s) => s.requests > 0).length;
}

function sideOf(side: CompareSide): ComparisonSide {
  const r = side.record;
  return {
    folder: side.folder,
    run_id: r?.run_id ?? null,
    command: r?.command ?? null,
    script: r?.script ?? null,
    target_url: r?.target?.url ?? null,
    started_at: r?.started_at ?? null,
  };
}

function rowsOf(side: CompareSide): RowSamples[] {
  const fromSeries =
    side.record !== null && side.series !== null ? seriesRows(side.record, side.series) : [];
  return [...fromSeries, ...(side.dbBench ? dbBenchRows(side.dbBench) : [])];
}

/** One metric on both sides; `scale` is the peers' drift the latencies are judged against. */
function change(
  baseline: number | null,
  candidate: number | null,
  p: number | null,
  rule: ChangeRule,
  scale = 1,
): MetricChange {
  const both = baseline !== null && candidate !== null;
  const relative = (b: number) => (both && b !== 0 ? candidate / b - 1 : null);
  return {
    baseline,
    candidate,
    absolute_change: both ? candidate - baseline : null,
    relative_change: both ? relative(baseline) : null,
    relative_to_run: both ? relative(baseline * scale) : null,
    p_value: p,
    significant: isSignificant(p, rule),
  };
}

function budgetChecks(row: Omit<ComparisonRow, 'budgets'>, set: BudgetSet): BudgetCheck[] {
  const limits = budgetsFor(set, row.name);
  const checks: BudgetCheck[] = [];
  const judged = row.verdict !== 'not_enough_data';
  const add = (
    budget: BudgetCheck['budget'],
    metric: MetricChange,
    value: number | null,
    over: (v: number, limit: number) => boolean,
  ) => {
    const limit = limits[budget];
    if (limit === null) return;
    const significant = judged && metric.significant;
    checks.push({
      budget,
      limit,
      change: value,
      significant,
      exceeded: significant && value !== null && over(value, limit),
    });
  };
  add('max_p95_increase', row.p95_ms, row.p95_ms.relative_to_run, (v, l) => v > l);
  if (row.kind !== 'db_bench_case') {
    add('max_error_rate_increase', row.error_rate, row.error_rate.absolute_change, (v, l) => v > l);
  }
  add('max_rps_decrease', row.rps, row.rps.relative_change, (v, l) => -v > l);
  return checks;
}

function ceilingOf(baseline: CompareSide, candidate: CompareSide): CeilingComparison[] {
  if (baseline.sweep === null || candidate.sweep === null) return [];
  const b = baseline.sweep.results;
  const c = candidate.sweep.results;
  const figure = (v: number | null) => (v === null ? 'none' : `${v} RPS`);
  const bounds = [
    b.ceiling_is_lower_bound
      ? `the baseline's is a lower bound (${b.limited_by ? LEVEL_CAUSE_LABEL[b.limited_by] : 'no level failed'})`
      : null,
    c.ceiling_is_lower_bound
      ? `the candidate's is a lower bound (${c.limited_by ? LEVEL_CAUSE_LABEL[c.limited_by] : 'no level failed'})`
      : null,
  ].filter((s) => s !== null);
  const note = `highest passing target ${figure(b.highest_passing_target)} → ${figure(c.highest_passing_target)}${
    bounds.length > 0 ? `; ${bounds.join('; ')}` : '; both are measured ceilings'
  }`;
  return [
    {
      file: candidate.sweep.file,
      baseline: b.highest_passing_target,
      candidate: c.highest_passing_target,
      baseline_lower_bound: b.ceiling_is_lower_bound,
      candidate_lower_bound: c.ceiling_is_lower_bound,
      note,
    },
  ];
}

/** Says which run is compared of a level an adaptive side ran more than once (rows.ts). */
function repeatedLevelNotes(baseline: RowSamples, candidate: RowSamples): string[] {
  const sides = { baseline, candidate };
  return Object.entries(sides).flatMap(([side, { name, levelRuns }]) =>
    levelRuns.length > 1
      ? [
          `${name}: the ${side} ran this level ${levelRuns.length} times (${levelRuns.join(', ')}); its first run is compared`,
        ]
      : [],
  );
}

/** What `compare` decided, ready to be written as comparison.json. */
export function buildComparison(
  baseline: CompareSide,
  candidate: CompareSide,
  rule: ChangeRule,
  budgets: BudgetSet,
  notes: string[] = [],
): ComparisonJson {
  const key = (r: RowSamples) => `${r.kind}\u0000${r.name}`;
  const baseRows = new Map(rowsOf(baseline).map((r) => [key(r), r]));
  const candRows = rowsOf(candidate);
  const pairs = candRows.flatMap((c) => {
    const b = baseRows.get(key(c));
    return b ? [{ b, c }] : [];
  });
  const paired = new Set(pairs.map(({ c }) => key(c)));
  for (const c of candRows)
    if (!paired.has(key(c))) notes.push(`${c.name}: only in the candidate, not compared`);
  for (const b of baseRows.values()) {
    if (!candRows.some((c) => key(c) === key(b)))
      notes.push(`${b.name}: only in the baseline, not compared`);
  }
  for (const { b, c } of pairs) notes.push(...repeatedLevelNotes(b, c));
  const medians = pairs.map(({ b, c }) => ({
    kind: c.kind,
    baselineP50: b.p50,
    candidateP50: c.p50,
  }));
  const shifts = rule.relativeToRun ? peerShifts(medians) : pairs.map(() => null);
  // Latency tests are relative to the run; RPS and error rates stay raw (their budgets are).
  const scaleOf = (i: number, m: Metric) => (LATENCIES.includes(m) ? (shifts[i] ?? 1) : 1);
  // One family per metric: Holm across the rows of this comparison.
  const adjusted = Object.fromEntries(
    METRICS.map((m) => {
      const raw = pairs.map(({ b, c }, i) => {
        const [x, y] = [testValues(b, m, scaleOf(i, m)), testValues(c, m)];
        return x.length === 0 || y.length === 0 ? null : mannWhitneyU(x, y).pValue;
      });
      return [m, holmAdjust(raw)];
    }),
  ) as Record<Metric, (number | null)[]>;

  const rows: ComparisonRow[] = pairs.map(({ b, c }, i) => {
    const at = (m: Metric) => adjusted[m][i] ?? null;
    const samples = { baseline: sampleCount(b), candidate: sampleCount(c) };
    const peer = shifts[i] ?? null;
    const shift = peer ?? 1;
    const p50 = change(b.p50, c.p50, at('p50'), rule, shift);
    const row = {
      kind: c.kind,
      name: c.name,
      samples,
      peer_shift: peer === null ? null : peer - 1,
      p50_ms: p50,
      p95_ms: change(b.p95, c.p95, at('p95'), rule, shift),
      p99_ms: change(b.p99, c.p99, at('p99'), rule, shift),
      rps: change(b.rps, c.rps, at('rps'), rule),
      error_rate: change(b.errorRate, c.errorRate, at('errorRate'), rule),
      verdict: verdictOf(
        {
          baselineSamples: samples.baseline,
          candidateSamples: samples.candidate,
          medianChangeRelativeToRun: p50.relative_to_run,
          adjustedP: p50.p_value,
        },
        rule,
      ),
      ...(c.kind === 'db_bench_case'
        ? {}
        : {
            series: {
              baseline: b.seconds.map((s) => ({ t: s.t, rps: s.requests, p95_ms: s.p95 ?? 0 })),
              candidate: c.seconds.map((s) => ({ t: s.t, rps: s.requests, p95_ms: s.p95 ?? 0 })),
            },
          }),
    };
    return { ...row, budgets: budgetChecks(row, budgets) };
  });
  const exceeded = rows.reduce((n, r) => n + r.budgets.filter((c) => c.exceeded).length, 0);
  return {
    version: COMPARISON_VERSION,
    created_at: new Date().toISOString(),
    baseline: sideOf(baseline),
    candidate: sideOf(candidate),
    settings: {
      test: 'mann-whitney-u',
      correction: 'holm',
      alpha: rule.alpha,
      min_relative_change: rule.minRelativeChange,
      min_samples: rule.minSamples,
      relative_to_run: rule.relativeToRun,
      peer_ratio: PEER_RATIO,
      min_peers: MIN_PEERS,
    },
    budgets: { default: budgets.default, overrides: budgets.overrides },
    rows,
    run_shift: {
      endpoint: runShift(medians, 'endpoint'),
      db_bench_case: runShift(medians, 'db_bench_case'),
    },
    ceilings: ceilingOf(baseline, candidate),
    exceeded,
    exit_code: exceeded > 0 ? EXIT_CODES.thresholds : EXIT_CODES.ok,
    notes,
  };
}
