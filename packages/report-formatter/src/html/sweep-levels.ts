// What the sweep and adaptive sections share about levels: the verdict on the ceiling (what
// held the first failing level back) and each level's Little's-law, generator and result cells.
import type { SweepLevelJson, SweepResultsJson } from '@rota-perf/core';
import { ceilingVerdict, generatorCell, lowestFailure, vuCell } from '../sweep-verdict.js';
import { type HtmlCell, num, para } from './markup.js';

/** The headers of levelOutcomeCells. */
export const LEVEL_OUTCOME_HEADERS = [
  'VUs busy/need/max',
  'Gen CPU',
  'Loop lag (ms)',
  'Start lag (ms)',
  'Result',
  'Reason',
] as const;

/** What the level health columns mean. */
export const LEVEL_HEALTH_NOTE =
  "VUs busy/need/max: VUs busy on average, VUs the target needs at the measured mean latency (rate × latency, Little's law) and the pool (maxVUs). Gen CPU, loop lag and start lag (p95): the load generator's own CPU share of one core, event-loop delay and how late iterations started (node-runner; n/a with the real k6).";

/**
 * A level's last columns: its VUs and generator figures (older files without them read n/a),
 * then whether it passed and why not.
 */
export function levelOutcomeCells(
  l: Partial<SweepLevelJson> & Pick<SweepLevelJson, 'passed' | 'reason'>,
): (HtmlCell | string)[] {
  return [
    num(vuCell(l.concurrency, l.required_concurrency, l.max_vus)),
    num(generatorCell(l.generator_cpu_percent, '%')),
    num(generatorCell(l.event_loop_lag_ms, 'ms')),
    num(generatorCell(l.start_lag_ms, 'ms')),
    l.passed ? 'PASS' : 'FAIL',
    l.reason ?? '',
  ];
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
