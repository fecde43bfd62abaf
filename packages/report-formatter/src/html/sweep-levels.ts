// What the sweep and adaptive sections share about levels: the verdict on the ceiling (what
// held the first failing level back), the level columns they pick from, and each level's
// Little's-law, generator and result cells.
import {
  formatCount,
  formatNumber,
  formatPercent,
  type SweepLevelJson,
  type SweepResultsJson,
} from '@rota-perf/core';
import { ceilingVerdict, generatorCell, lowestFailure, vuCell } from '../sweep-verdict.js';
import { type HtmlCell, htmlTable, num, para } from './markup.js';

/** A count the level lacks is `missing` (the metric was not in the summary), not `n/a`. */
const counted = (n: number | null | undefined) =>
  n === null || n === undefined ? 'missing' : formatCount(n);

/** A level column: its header and its cell. */
type LevelColumn = readonly [header: string, cell: (l: SweepLevelJson) => HtmlCell | string];

/** The columns a level table picks from, each defined once for the sweep and adaptive tables. */
const LEVEL_COLUMNS = {
  scenario: ['Scenario', (l) => l.scenario],
  target: ['Target', (l) => num(formatNumber(l.target_rps, 0))],
  achieved: ['Achieved', (l) => num(formatNumber(l.observed_rps))],
  requests: ['Requests', (l) => num(counted(l.requests))],
  failed: ['Failed', (l) => num(counted(l.failed_requests))],
  failRate: ['Fail %', (l) => num(formatPercent(l.failure_rate))],
  // Older files may lack the percentiles and the dropped count.
  p95: ['p95 (ms)', (l) => num(formatNumber(l.p95_ms ?? null))],
  p99: ['p99 (ms)', (l) => num(formatNumber(l.p99_ms ?? null))],
  dropped: ['Dropped', (l) => num(formatCount(l.dropped_iterations ?? null))],
} as const satisfies Record<string, LevelColumn>;

/** The name of a level column. */
export type LevelColumnName = keyof typeof LEVEL_COLUMNS;

/** The headers of levelOutcomeCells. */
const LEVEL_OUTCOME_HEADERS = [
  'VUs busy/need/max',
  'Gen CPU',
  'Loop lag (ms)',
  'Start lag (ms)',
  'Result',
  'Reason',
] as const;

/** What the level health columns mean. */
const LEVEL_HEALTH_NOTE =
  "VUs busy/need/max: VUs busy on average, VUs the target needs at the measured mean latency (rate × latency, Little's law) and the pool (maxVUs). Gen CPU, loop lag and start lag (p95): the load generator's own CPU share of one core, event-loop delay and how late iterations started (node-runner; n/a with the real k6).";

/** A level as the outcome columns read it (older files lack the VU and generator figures). */
type OutcomeLevel = Partial<SweepLevelJson> & Pick<SweepLevelJson, 'passed' | 'reason'>;

/**
 * A level's last columns: its VUs and generator figures (older files without them read n/a),
 * then whether it passed and why not.
 */
function levelOutcomeCells(l: OutcomeLevel): (HtmlCell | string)[] {
  return [
    num(vuCell(l.concurrency, l.required_concurrency, l.max_vus)),
    num(generatorCell(l.generator_cpu_percent, '%')),
    num(generatorCell(l.event_loop_lag_ms, 'ms')),
    num(generatorCell(l.start_lag_ms, 'ms')),
    l.passed ? 'PASS' : 'FAIL',
    l.reason ?? '',
  ];
}

/**
 * A table of levels and the note on its health columns: the caller's columns, then each level's
 * outcome columns; the ceiling's passing rows are marked `best`, failing rows `failed`.
 */
export function levelTable(
  levels: readonly SweepLevelJson[],
  ceiling: number | null,
  columns: readonly LevelColumnName[],
): string {
  const picked = columns.map((name) => LEVEL_COLUMNS[name]);
  const table = htmlTable(
    [...picked.map(([header]) => header), ...LEVEL_OUTCOME_HEADERS],
    levels.map((l) => [...picked.map(([, cell]) => cell(l)), ...levelOutcomeCells(l)]),
    (row) => {
      const l = levels[row];
      if (!l) return '';
      if (l.passed && l.target_rps === ceiling) return 'best';
      return l.passed ? '' : 'failed';
    },
  );
  return `${table}\n${para(LEVEL_HEALTH_NOTE, 'note')}`;
}

/** The paragraphs that say what the ceiling is worth. */
export function verdictParas(sweep: SweepResultsJson): string[] {
  const lines = ceilingVerdict({
    limitedBy: sweep.limited_by,
    generatorSaturated: sweep.generator_saturated,
    lowerBound: sweep.ceiling_is_lower_bound,
    firstFailure: lowestFailure(sweep.scenarios, (l) => l.target_rps),
  });
  return lines.map((l) => para(l.text, l.tone));
}
