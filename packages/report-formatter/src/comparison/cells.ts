// The cells every comparison format shares (console, Markdown, JUnit): one wording of a
// change, a verdict and a budget, so the three outputs never disagree.
import type {
  BudgetCheck,
  ChangeVerdict,
  ComparisonJson,
  ComparisonRow,
  MetricChange,
} from '@rota-perf/core';
import { formatNumber, MISSING } from '@rota-perf/core';

/** A verdict in words. */
export const CHANGE_VERDICT_TEXT: Readonly<Record<ChangeVerdict, string>> = {
  faster: 'faster',
  slower: 'slower',
  no_significant_change: 'no significant change',
  not_enough_data: 'not enough data',
};

const KIND_TEXT: Readonly<Record<ComparisonRow['kind'], string>> = {
  endpoint: 'endpoint',
  level: 'level',
  db_bench_case: 'db-bench case',
};

/** The row's kind in words. */
export function kindText(row: ComparisonRow): string {
  return KIND_TEXT[row.kind];
}

function signed(value: number, decimals: number, unit: string): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value, decimals)}${unit}`;
}

/** A relative change: `+12.3%`, with `*` when it is significant. */
export function relativeText(change: MetricChange): string {
  if (change.relative_change === null) return MISSING;
  return `${signed(change.relative_change * 100, 1, '%')}${change.significant ? '*' : ''}`;
}

/** A latency metric: `12.30 → 15.90 ms (+29.3%*)`. */
export function latencyText(change: MetricChange): string {
  const ms = (v: number | null) => formatNumber(v, 2);
  return `${ms(change.baseline)} → ${ms(change.candidate)} ms (${relativeText(change)})`;
}

/** Requests per second: `4.95 → 4.90 (-1.0%)`. */
export function rpsText(change: MetricChange): string {
  return `${formatNumber(change.baseline, 2)} → ${formatNumber(change.candidate, 2)} (${relativeText(change)})`;
}

/** An error rate in percent, with its change in percentage points. */
export function errorRateText(change: MetricChange): string {
  if (change.baseline === null && change.candidate === null) return MISSING;
  const pct = (v: number | null) => (v === null ? MISSING : `${formatNumber(v * 100, 2)}%`);
  const delta =
    change.absolute_change === null
      ? MISSING
      : `${signed(change.absolute_change * 100, 2, 'pp')}${change.significant ? '*' : ''}`;
  return `${pct(change.baseline)} → ${pct(change.candidate)} (${delta})`;
}

const BUDGET_TEXT: Readonly<Record<BudgetCheck['budget'], string>> = {
  max_p95_increase: 'p95 increase',
  max_error_rate_increase: 'error-rate increase',
  max_rps_decrease: 'RPS decrease',
};

/** A budget and its limit: `p95 increase ≤ 10%`. */
export function budgetText(check: BudgetCheck): string {
  const limit =
    check.budget === 'max_error_rate_increase'
      ? `${formatNumber(check.limit * 100, 2)}pp`
      : `${formatNumber(check.limit * 100, 1)}%`;
  return `${BUDGET_TEXT[check.budget]} ≤ ${limit}`;
}

/** What a budget check found, in one sentence. */
export function budgetOutcome(check: BudgetCheck): string {
  const change =
    check.change === null
      ? MISSING
      : check.budget === 'max_error_rate_increase'
        ? signed(check.change * 100, 2, 'pp')
        : signed(check.change * 100, 1, '%');
  if (check.exceeded) return `exceeded: ${change} (significant)`;
  return check.significant ? `held: ${change}` : `held: ${change} (not significant)`;
}

const BUDGET_SHORT: Readonly<Record<BudgetCheck['budget'], string>> = {
  max_p95_increase: 'p95',
  max_error_rate_increase: 'errors',
  max_rps_decrease: 'RPS',
};

/** The budgets a row exceeded, short (`p95 +34.6% > 10.0%`); empty when none. */
export function exceededText(row: ComparisonRow): string {
  return row.budgets
    .filter((c) => c.exceeded)
    .map((c) => {
      const pp = c.budget === 'max_error_rate_increase';
      const change =
        c.change === null ? MISSING : signed(c.change * 100, pp ? 2 : 1, pp ? 'pp' : '%');
      const limit = pp
        ? `${formatNumber(c.limit * 100, 2)}pp`
        : `${formatNumber(c.limit * 100, 1)}%`;
      return `${BUDGET_SHORT[c.budget]} ${change} > ${pp ? '+' : c.budget === 'max_rps_decrease' ? '-' : '+'}${limit}`;
    })
    .join(', ');
}

/** The verdict, with the p50 change it rests on when that is relative to the run. */
export function verdictText(row: ComparisonRow): string {
  const text = CHANGE_VERDICT_TEXT[row.verdict];
  const relative = row.p50_ms.relative_to_run;
  const judged = row.verdict === 'slower' || row.verdict === 'faster';
  return judged && row.peer_shift !== null && relative !== null
    ? `${text} (p50 ${signed(relative * 100, 1, '%')} vs run)`
    : text;
}

/** The table's header and one row of cells per compared row. */
export function comparisonCells(comparison: ComparisonJson): {
  header: string[];
  rows: string[][];
} {
  return {
    header: ['', 'kind', 'p50', 'p95', 'p99', 'RPS', 'error rate', 'verdict', 'budgets'],
    rows: comparison.rows.map((row) => [
      row.name,
      kindText(row),
      latencyText(row.p50_ms),
      latencyText(row.p95_ms),
      latencyText(row.p99_ms),
      rpsText(row.rps),
      errorRateText(row.error_rate),
      verdictText(row),
      row.budgets.some((c) => c.exceeded) ? `exceeded: ${exceededText(row)}` : 'held',
    ]),
  };
}

/** The sentence that explains the marks and the rule. */
export function ruleText(comparison: ComparisonJson): string {
  const s = comparison.settings;
  const rule = `* significant: two-sided Mann–Whitney U over per-second values (db-bench: per-iteration), Holm-adjusted p < ${s.alpha}; a verdict also needs the median to move by at least ${formatNumber(s.min_relative_change * 100, 0)}%. A budget fails only on a significant change past its limit.`;
  return s.relative_to_run ? `${rule} ${runShiftText(comparison)}` : rule;
}

/** How latencies were judged relative to the run, and how far the whole run drifted. */
function runShiftText(comparison: ComparisonJson): string {
  const { endpoint, db_bench_case: cases } = comparison.run_shift;
  const drift = [
    endpoint === null ? null : `the endpoints ${signed(endpoint * 100, 1, '%')}`,
    cases === null ? null : `the db-bench cases ${signed(cases * 100, 1, '%')}`,
  ].filter((d) => d !== null);
  const whole =
    drift.length > 0
      ? ` The whole run moved (median p50 change): ${drift.join(', ')}; two runs cannot tell such a drift of the machine from a change that slows every row alike (--absolute judges raw changes).`
      : '';
  return `Latency tests, verdicts and the p95 budget are relative to the run: each row against the median p50 change of its peers (rows within ×${comparison.settings.peer_ratio} of its median, at least ${comparison.settings.min_peers}; rows without peers are judged raw); the columns show raw changes.${whole}`;
}

/** The one-line conclusion. */
export function conclusionText(comparison: ComparisonJson): string {
  const slower = comparison.rows.filter((r) => r.verdict === 'slower').length;
  const faster = comparison.rows.filter((r) => r.verdict === 'faster').length;
  const verdicts = `${comparison.rows.length} compared: ${slower} slower, ${faster} faster`;
  return comparison.exceeded > 0
    ? `${verdicts}; ${comparison.exceeded} budget(s) exceeded (exit code ${comparison.exit_code})`
    : `${verdicts}; every budget held`;
}
