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
import { ceilingVerdict, generatorCell, lowestFailure, vuCell } from './sweep-verdict.js';

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
  const verdict = ceilingVerdict({
    limitedBy: result.limitedBy,
    generatorSaturated: result.generatorSaturated,
    lowerBound: isCeilingLowerBound(result),
    firstFailure: lowestFailure(result.levels, (l) => l.targetRps),
  });
  for (const line of verdict)
    lines.push(line.tone === 'warn' ? paint('yellow', line.text) : line.text);
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
      vuCell(l.concurrency, l.requiredConcurrency, l.maxVUs),
      generatorCell(l.generatorCpuPercent, '%'),
      generatorCell(l.eventLoopLagMs, 'ms'),
      generatorCell(l.startLagMs, 'ms'),
      verdict,
      l.reason ?? '',
    ];
  });
  const header = ['', 'Scenario', 'Target', 'Achieved', 'Requests', 'Failed', 'Fail %'];
  header.push('p95 (ms)', 'p99 (ms)', 'Dropped', 'VUs busy/need/max');
  header.push('Gen CPU', 'Loop lag (ms)', 'Start lag (ms)', 'Result', 'Reason');
  const text = table(rows, {
    header,
    separator: '  ',
    align: ['left', 'left', ...Array.from({ length: 12 }, () => 'right' as const), 'left', 'left'],
  });
  // Highlight the highest passing level's whole row.
  lines.push(...text.split('\n').map((l) => (l.startsWith('*') ? paint('bold', l) : l)));
  if (best !== null) lines.push('(* highest passing level)');
  lines.push(
    "VUs busy/need/max: VUs busy on average, VUs the target needs (rate × mean latency, Little's law), maxVUs. Gen CPU, loop lag, start lag: the load generator's own figures (node-runner; n/a with k6).",
  );
  if (result.totalDurationSeconds !== null) {
    lines.push(`Total duration: ${formatNumber(result.totalDurationSeconds)}s`);
  }
  lines.push(paint('bold', '='.repeat(title.length)));
  return `${lines.join('\n')}\n`;
}
