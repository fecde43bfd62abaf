// How a set of instances' segments covers a test: the check `merge` makes before it adds their
// results up (two instances with overlapping segments ran some iterations twice).
import { compare, ONE, ZERO } from './rational.js';
import { type ExecutionSegment, formatSegment } from './segment.js';

/** Overlaps (refuse) and the parts of 0:1 no instance ran (warn), as k6 prints segments. */
export interface SegmentCoverage {
  /** Pairs of segments that share some of the test, e.g. `['0:1/2', '1/3:2/3']`. */
  overlaps: [string, string][];
  /** The parts of the test no segment covers, e.g. `['2/3:1']`. */
  gaps: string[];
}

/** Checks segments (any order) against the whole test 0:1. */
export function segmentCoverage(segments: readonly ExecutionSegment[]): SegmentCoverage {
  const sorted = [...segments].sort((a, b) => compare(a.from, b.from) || compare(a.to, b.to));
  const overlaps: [string, string][] = [];
  const gaps: string[] = [];
  let reached = ZERO;
  let last: ExecutionSegment | null = null;
  for (const s of sorted) {
    if (last !== null && compare(s.from, reached) < 0)
      overlaps.push([formatSegment(last), formatSegment(s)]);
    else if (compare(s.from, reached) > 0) gaps.push(formatSegment({ from: reached, to: s.from }));
    if (compare(s.to, reached) > 0) {
      reached = s.to;
      last = s;
    }
  }
  if (compare(reached, ONE) < 0) gaps.push(formatSegment({ from: reached, to: ONE }));
  return { overlaps, gaps };
}
