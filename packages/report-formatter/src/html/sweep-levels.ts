// What the sweep and adaptive sections share about levels: the verdict on the ceiling (what
// held the first failing level back) and each level's Little's-law, generator and result cells.
import type { SweepLevelJson, SweepResultsJson } from '@rota-perf/core';
import { ceilingVerdict, generatorCell, lowestFailure, vuCell } from '../sweep-verdict.js';
import { type HtmlCell, htmlTable, num, para } from './markup.js';

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
export function levelTable<L extends OutcomeLevel & Pick<SweepLevelJson, 'target_rps'>>(
  levels: readonly L[],
  ceiling: number | null,
  columns: readonly string[],
  cellsOf: (level: L) => (HtmlCell | string)[],
): string {
  const table = htmlTable(
    [...columns, ...LEVEL_OUTCOME_HEADERS],
    levels.map((l) => [...cellsOf(l), ...levelOutcomeCells(l)]),
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
