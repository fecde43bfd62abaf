// The write probe's console text (docs/rota-api.md §5.5): the original's lines, missing figures as n/a.
import type { WriteProbeResult } from '@rota-perf/core';
import { formatCount, formatNumber, formatPercent } from '@rota-perf/core';
import { createPainter } from './color.js';
import type { FormatOptions } from './load-format.js';

/** Options of formatWriteSummary. */
export interface WriteFormatOptions extends FormatOptions {
  /** The heading: the original's `Progress Write` unless another plateau script says its own. */
  title?: string;
}

/** The console summary of a plateau probe (the original's lines, missing figures as n/a). */
export function formatWriteSummary(r: WriteProbeResult, options: WriteFormatOptions = {}): string {
  const paint = createPainter(options.color ?? false);
  const heading = `========== ${options.title ?? 'Progress Write'} ==========`;
  const tolerance = `(tolerance ${formatPercent(r.failureTolerance)})`;
  const status = r.passed
    ? paint('green', `Status: PASS ${tolerance}`)
    : paint(
        'red',
        `Status: FAIL (${(r.totalRequests ?? 0) > 0 ? 'above tolerance' : 'no requests measured'}) ${tolerance}`,
      );
  return `${[
    paint('bold', heading),
    `Target RPS: ${r.targetRps}`,
    `Warmup: ${r.warmupDuration}, Test: ${r.testDuration}, Cooldown: ${r.cooldownDuration}`,
    `Observed RPS: ${formatNumber(r.observedRps)}`,
    `Plateau RPS (test window): ${formatNumber(r.observedRpsPlateau)}`,
    `Latency: p95 ${formatNumber(r.p95Ms)} ms, p99 ${formatNumber(r.p99Ms)} ms`,
    `Failures: ${formatCount(r.totalFailures)}/${formatCount(r.totalRequests)} (${formatPercent(r.failureRate)})`,
    status,
    paint('bold', '='.repeat(heading.length)),
  ].join('\n')}\n`;
}
