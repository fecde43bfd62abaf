// Sweep/probe console text (docs/rota-api.md §5.3, §5.4): the range, the verdict with its caveats, and
// one row per level.

import {
  formatCount,
  formatNumber,
  formatPercent,
  isCeilingLowerBound,
  type SweepResult,
  table,
} from '@rota-perf/core';
import { createPainter } from './color.js';
import type { FormatOptions } from './load-format.js';

const TITLES: Record<SweepResult['kind'], string> = {
  rps_probe: 'RPS Probe Summary',
  progress_probe: 'Progress Probe',
  adaptive: 'Adaptive RPS Sweep',
};

/** The console summary of a sweep: range, verdict, then one aligned row per level. */
export function formatSweepSummary(result: SweepResult, options: FormatOptions = {}): string {
  const paint = createPainter(options.color ?? false);
  const title = `========== ${TITLES[result.kind]} ==========`;
  const lines = [paint('bold', title)];
  lines.push(
    `Target range: ${result.minTargetRps}-${result.maxTargetRps} RPS (step ${result.stepRps})`,
  );
  lines.push(`Failure tolerance: ${formatPercent(result.failureTolerance)}`);
  if (result.p95SloMs !== null) lines.push(`p95 SLO: ${formatNumber(result.p95SloMs, 0)} ms`);
  const best = result.highestPassingTarget;
  lines.push(
    best === null
      ? paint('red', 'Highest passing target: none (all targets failed)')
      : paint('green', `Highest passing target: ${best} RPS`),
  );
  if (result.generatorSaturated) {
    lines.push(
      paint(
        'yellow',
        'The load generator saturated (dropped iterations or too few VUs): the figure above is a floor, not the ceiling of the system under test.',
      ),
    );
  } else if (isCeilingLowerBound(result)) {
    lines.push(
      paint('yellow', 'Every level passed: the ceiling lies above the highest level tried.'),
    );
  }
  if (result.unstable) {
    lines.push(paint('yellow', 'Unstable: a level passed after an earlier level had failed.'));
  }
  lines.push('', 'Per-target breakdown:');
  const rows = result.levels.map((l) => {
    const mark = l.targetRps === best && l.passed ? '*' : ' ';
    const verdict = l.passed ? paint('green', 'PASS') : paint('red', 'FAIL');
    return [
      mark,
      l.scenario,
      formatNumber(l.targetRps, 0),
      l.achievedRps,
      l.requests === null ? 'missing' : formatCount(l.requests),
      l.failures === null ? 'missing' : formatCount(l.failures),
      formatPercent(l.failureRate),
      l.p95Ms,
      l.p99Ms,
      formatCount(l.droppedIterations),
      verdict,
      l.reason ?? '',
    ];
  });
  const header = ['', 'Scenario', 'Target', 'Achieved', 'Requests', 'Failed', 'Fail %'];
  header.push('p95 (ms)', 'p99 (ms)', 'Dropped', 'Result', 'Reason');
  const text = table(rows, {
    header,
    separator: '  ',
    align: ['left', 'left', ...Array.from({ length: 8 }, () => 'right' as const), 'left', 'left'],
  });
  // Highlight the highest passing level's whole row.
  lines.push(...text.split('\n').map((l) => (l.startsWith('*') ? paint('bold', l) : l)));
  if (best !== null) lines.push('(* highest passing level)');
  if (result.totalDurationSeconds !== null) {
    lines.push(`Total duration: ${formatNumber(result.totalDurationSeconds)}s`);
  }
  lines.push(paint('bold', '='.repeat(title.length)));
  return `${lines.join('\n')}\n`;
}
