// Execution segments (`--execution-segment 1/3:2/3`) and sequences (`0,1/3,2/3,1`), read as k6 does.
import {
  compare,
  formatRational,
  ONE,
  parseRational,
  type Rational,
  subtract,
  ZERO,
} from './rational.js';

/** The part (from, to] of a test's work that one instance runs; 0 <= from < to <= 1. */
export interface ExecutionSegment {
  readonly from: Rational;
  readonly to: Rational;
}

/** The whole test: what an instance without a segment runs. */
export const FULL_SEGMENT: ExecutionSegment = { from: ZERO, to: ONE };

/** to - from. */
export function segmentLength(s: ExecutionSegment): Rational {
  return subtract(s.to, s.from);
}

/** `1/3:2/3` (k6's way of printing a segment, whatever form it was given in). */
export function formatSegment(s: ExecutionSegment): string {
  return `${formatRational(s.from)}:${formatRational(s.to)}`;
}

export function sameSegment(a: ExecutionSegment, b: ExecutionSegment): boolean {
  return compare(a.from, b.from) === 0 && compare(a.to, b.to) === 0;
}

/** A segment from its bounds, checked as k6 checks them. */
export function makeSegment(from: Rational, to: Rational): ExecutionSegment {
  if (compare(from, ZERO) < 0)
    throw new Error(`the segment start must be at least 0, got ${formatRational(from)}`);
  if (compare(from, to) >= 0)
    throw new Error(
      `the segment start (${formatRational(from)}) must be less than its end (${formatRational(to)})`,
    );
  if (compare(to, ONE) > 0)
    throw new Error(`the segment end must be at most 1, got ${formatRational(to)}`);
  return { from, to };
}

/**
 * Reads `from:to` (`1/3:2/3`, `0.5:1`, `50%:100%`, mixed forms too); a single value is the
 * end of a segment that starts at 0 (`1/3` is `0:1/3`), and an empty text is the whole test.
 */
export function parseSegment(text: string): ExecutionSegment {
  const colon = text.indexOf(':');
  if (colon < 0) return makeSegment(ZERO, parseRational(text === '' ? '1' : text));
  return makeSegment(parseRational(text.slice(0, colon)), parseRational(text.slice(colon + 1)));
}

/** Reads the points `r1,r2,…,rn` of a sequence: the segments (r1,r2], (r2,r3], … in order. */
export function parseSegmentSequence(text: string): ExecutionSegment[] {
  const points = text.split(',');
  if (points.length < 2)
    throw new Error(
      `a sequence needs at least 2 points, got ${points.length} (expected e.g. 0,1/3,2/3,1)`,
    );
  const bounds = points.map((p) => parseRational(p));
  return bounds.slice(1).map((to, i) => makeSegment(bounds[i] as Rational, to));
}

/**
 * The sequence made to cover 0..1: the given one (or just the segment when there is none),
 * with the missing head and tail added as segments of their own, as k6 fills it.
 */
export function fillSequence(
  sequence: readonly ExecutionSegment[] | undefined,
  segment: ExecutionSegment,
): ExecutionSegment[] {
  const filled = sequence && sequence.length > 0 ? [...sequence] : [segment];
  const first = filled[0] as ExecutionSegment;
  const last = filled[filled.length - 1] as ExecutionSegment;
  if (compare(first.from, ZERO) !== 0) filled.unshift({ from: ZERO, to: first.from });
  if (compare(last.to, ONE) !== 0) filled.push({ from: last.to, to: ONE });
  return filled;
}
