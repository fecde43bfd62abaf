// What a sweep's ceiling means, as the console summary and the HTML report both say it: what
// held back the first failing level (with that level's own reason, which carries the numbers
// and the advice), or why there is no upper bound. Also each level's Little's-law and
// generator cells. Reads the results file's fields, so older files without them still read.
import {
  CEILING_LIMIT_TEXT,
  formatNumber,
  LEVEL_CAUSE_LABEL,
  type LevelCause,
} from '@rota-perf/core';

/** The sweep as the verdict needs it (SweepResult and the results JSON both map to it). */
export interface VerdictInput {
  /** Absent in files written before the level causes existed. */
  limitedBy: LevelCause | null | undefined;
  generatorSaturated: boolean;
  lowerBound: boolean;
  /** The lowest failing level, if any. */
  firstFailure: { targetRps: number; reason: string | null } | null;
}

/** One line of the verdict and how it reads: fine, a caveat, or a problem. */
export interface VerdictLine {
  text: string;
  tone: 'note' | 'warn';
}

/** The lines that say what the ceiling is worth. */
export function ceilingVerdict(input: VerdictInput): VerdictLine[] {
  const { limitedBy, firstFailure } = input;
  if (limitedBy && firstFailure) {
    // Only a system failure makes the ceiling the system's plain answer.
    const tone = limitedBy === 'system_failing' ? 'note' : 'warn';
    const lines: VerdictLine[] = [
      {
        text: `Limited by: ${LEVEL_CAUSE_LABEL[limitedBy]} at ${formatNumber(firstFailure.targetRps, 0)} RPS. ${CEILING_LIMIT_TEXT[limitedBy]}`,
        tone,
      },
    ];
    if (firstFailure.reason) {
      lines.push({
        text: `${formatNumber(firstFailure.targetRps, 0)} RPS: ${firstFailure.reason}`,
        tone,
      });
    }
    return lines;
  }
  if (input.generatorSaturated) {
    return [
      {
        text: 'The load generator saturated: the figure above is a floor, not the ceiling of the system under test.',
        tone: 'warn',
      },
    ];
  }
  if (input.lowerBound) {
    return [
      { text: 'Every level passed: the ceiling lies above the highest level tried.', tone: 'warn' },
    ];
  }
  return [];
}

/** A level's VU figures as `busy/needed/max` (whole VUs; n/a when unknown). */
export function vuCell(
  concurrency: number | null | undefined,
  required: number | null | undefined,
  maxVUs: number | null | undefined,
): string {
  const whole = (n: number | null | undefined) => formatNumber(n ?? null, 0);
  return `${whole(concurrency)}/${whole(required)}/${whole(maxVUs)}`;
}

/** A generator figure: n/a when the engine does not measure it (the real k6). */
export function generatorCell(value: number | null | undefined, unit: '%' | 'ms'): string {
  if (value === null || value === undefined) return 'n/a';
  return unit === '%' ? `${formatNumber(value, 0)}%` : formatNumber(value, 1);
}

/** The lowest failing level of a list (by target), as the verdict reads it. */
export function lowestFailure<T extends { passed: boolean; reason: string | null }>(
  levels: readonly T[],
  target: (level: T) => number,
): { targetRps: number; reason: string | null } | null {
  let found: T | undefined;
  for (const l of levels) {
    if (!l.passed && (found === undefined || target(l) < target(found))) found = l;
  }
  return found === undefined ? null : { targetRps: target(found), reason: found.reason };
}
