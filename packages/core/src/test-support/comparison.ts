// A comparison.json as `rota-perf compare` writes it: one endpoint slower past its p95 budget,
// one unchanged, one db-bench case, and a sweep ceiling that is a lower bound. The schema test
// checks it and report-formatter's tests render it (by path: test support is not part of the
// published package), so the reports are tested on a document the schema accepts.
import {
  COMPARISON_VERSION,
  type ComparisonJson,
  type ComparisonRow,
  type MetricChange,
} from '../results/comparison.js';

/** One metric; `peerShift` is the drift of the row's peers its change is judged against. */
function metric(baseline: number, candidate: number, p: number, peerShift = 0): MetricChange {
  return {
    baseline,
    candidate,
    absolute_change: candidate - baseline,
    relative_change: (candidate - baseline) / baseline,
    relative_to_run: candidate / (baseline * (1 + peerShift)) - 1,
    p_value: p,
    significant: p < 0.05,
  };
}

const noErrors: MetricChange = {
  baseline: 0,
  candidate: 0,
  absolute_change: 0,
  relative_change: null,
  relative_to_run: null,
  p_value: 1,
  significant: false,
};

function points(p95: number): { t: number; rps: number; p95_ms: number }[] {
  return Array.from({ length: 20 }, (_, t) => ({ t, rps: 5, p95_ms: p95 + (t % 3) }));
}

const slower: ComparisonRow = {
  kind: 'endpoint',
  name: 'GET /trails/:id',
  samples: { baseline: 20, candidate: 20 },
  peer_shift: 0.02,
  p50_ms: metric(10, 13, 1e-6, 0.02),
  p95_ms: metric(20, 26, 1e-5, 0.02),
  p99_ms: metric(30, 36, 0.01, 0.02),
  rps: metric(5, 5, 1),
  error_rate: noErrors,
  verdict: 'slower',
  budgets: [
    { budget: 'max_p95_increase', limit: 0.1, change: 0.3, significant: true, exceeded: true },
    {
      budget: 'max_error_rate_increase',
      limit: 0.005,
      change: 0,
      significant: false,
      exceeded: false,
    },
    { budget: 'max_rps_decrease', limit: 0.05, change: 0, significant: false, exceeded: false },
  ],
  series: { baseline: points(20), candidate: points(26) },
};

const unchanged: ComparisonRow = {
  ...slower,
  name: 'GET /me <&"quoted">',
  peer_shift: 0.02,
  p50_ms: metric(10, 10.2, 0.8, 0.02),
  p95_ms: metric(20, 20.5, 0.9, 0.02),
  p99_ms: metric(30, 30.5, 0.9, 0.02),
  verdict: 'no_significant_change',
  budgets: slower.budgets.map((b) => ({
    ...b,
    change: 0.025,
    significant: false,
    exceeded: false,
  })),
  series: { baseline: points(20), candidate: points(20.5) },
};

const dbCase: ComparisonRow = {
  kind: 'db_bench_case',
  name: 'TrailsRepository.list_showcase',
  samples: { baseline: 200, candidate: 200 },
  peer_shift: null,
  p50_ms: metric(1.2, 1.1, 0.3),
  p95_ms: metric(1.6, 1.5, 0.3),
  p99_ms: metric(2.1, 2.0, 0.3),
  rps: metric(800, 850, 0.3),
  error_rate: {
    ...noErrors,
    baseline: null,
    candidate: null,
    absolute_change: null,
    p_value: null,
  },
  verdict: 'no_significant_change',
  budgets: [
    { budget: 'max_p95_increase', limit: 0.1, change: -0.06, significant: false, exceeded: false },
  ],
};

/** The sample comparison (exit code 99: one budget exceeded). */
export function sampleComparison(): ComparisonJson {
  const side = {
    folder: '/tmp/results/baseline',
    run_id: 'run-a',
    command: 'bench',
    script: 'performance',
    target_url: 'http://127.0.0.1:3000',
    started_at: '2026-01-01T00:00:00.000Z',
  };
  return {
    version: COMPARISON_VERSION,
    created_at: '2026-01-01T01:00:00.000Z',
    baseline: side,
    candidate: { ...side, folder: '/tmp/results/candidate', run_id: 'run-b' },
    settings: {
      test: 'mann-whitney-u',
      correction: 'holm',
      alpha: 0.05,
      min_relative_change: 0.1,
      min_samples: 5,
      relative_to_run: true,
      peer_ratio: 4,
      min_peers: 4,
    },
    budgets: {
      default: { max_p95_increase: 0.1, max_error_rate_increase: 0.005, max_rps_decrease: 0.05 },
      overrides: {},
    },
    rows: [slower, unchanged, dbCase],
    run_shift: { endpoint: 0.02, db_bench_case: null },
    ceilings: [
      {
        file: 'rps_results.json',
        baseline: 200,
        candidate: 180,
        baseline_lower_bound: false,
        candidate_lower_bound: true,
        note: "highest passing target 200 RPS → 180 RPS; the candidate's is a lower bound (load generator saturated)",
      },
    ],
    exceeded: 1,
    exit_code: 99,
    notes: ['GET /trails/showcase: only in the candidate, not compared'],
  };
}
