// Sweep/probe output: console text and rps_results.json / progress_probe_results.json
// (contract §5.3, §5.4) with the per-level evidence and the saturation verdict added.
import { createPainter } from './color.js';
import { formatCount, formatNumber, formatPercent } from './format.js';
import type { FormatOptions } from './load-format.js';
import { table } from './table.js';
import type { SweepResult } from './types.js';

const TITLES: Record<SweepResult['kind'], string> = {
  rps_probe: 'RPS Probe Summary',
  progress_probe: 'Progress Probe',
  adaptive: 'Adaptive RPS Sweep',
};

/** True when the reported ceiling is only a floor: saturated generator, or nothing failed. */
export function isCeilingLowerBound(result: SweepResult): boolean {
  if (result.generatorSaturated) return true;
  const top = result.levels.reduce((m, l) => Math.max(m, l.targetRps), Number.NEGATIVE_INFINITY);
  return (
    result.levels.length > 0 &&
    result.levels.every((l) => l.passed) &&
    result.highestPassingTarget === top
  );
}

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

/** One level in the results JSON: the original 7 keys, then the added evidence. */
export interface SweepLevelJson {
  scenario: string;
  target_rps: number;
  observed_rps: number | null;
  requests: number | null;
  failure_rate: number | null;
  failed_requests: number | null;
  passed: boolean;
  p95_ms: number | null;
  p99_ms: number | null;
  dropped_iterations: number;
  reason: string | null;
  start_seconds: number | null;
}

/** `rps_results.json` / `progress_probe_results.json`. */
export interface SweepResultsJson {
  min_target_rps: number;
  max_target_rps: number;
  step_rps: number;
  failure_tolerance: number;
  highest_passing_target: number | null;
  scenarios: SweepLevelJson[];
  total_duration_seconds?: number | null;
  unstable: boolean;
  generator_saturated: boolean;
  ceiling_is_lower_bound: boolean;
  p95_slo_ms: number | null;
  started_at: string | null;
}

/** The results JSON of a sweep (no `total_duration_seconds` for the progress probe, as the original). */
export function buildSweepResultsJson(result: SweepResult): SweepResultsJson {
  return {
    min_target_rps: result.minTargetRps,
    max_target_rps: result.maxTargetRps,
    step_rps: result.stepRps,
    failure_tolerance: result.failureTolerance,
    highest_passing_target: result.highestPassingTarget,
    scenarios: result.levels.map((l) => ({
      scenario: l.scenario,
      target_rps: l.targetRps,
      observed_rps: l.achievedRps,
      requests: l.requests,
      failure_rate: l.failureRate,
      failed_requests: l.failures,
      passed: l.passed,
      p95_ms: l.p95Ms,
      p99_ms: l.p99Ms,
      dropped_iterations: l.droppedIterations,
      reason: l.reason,
      start_seconds: l.startSeconds ?? null,
    })),
    ...(result.kind === 'progress_probe'
      ? {}
      : { total_duration_seconds: result.totalDurationSeconds }),
    unstable: result.unstable,
    generator_saturated: result.generatorSaturated,
    ceiling_is_lower_bound: isCeilingLowerBound(result),
    p95_slo_ms: result.p95SloMs,
    started_at: result.startedAt ?? null,
  };
}
