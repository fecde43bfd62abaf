// Judging a row relative to its run. Two runs made one after the other on one machine drift
// together: on the reference 2-core VM the median latency of EVERY endpoint moved by 10–23 %
// between back-to-back runs of the same build (docs/benchmarks.md, "compare"). Tested raw, each
// row then carries that drift, and an A/A comparison calls half the endpoints slower. So a row
// is judged against its peers: the other rows of its kind whose baseline median lies within a
// factor of PEER_RATIO of its own (a 230 ms login drifts differently from 2 ms reads), with at
// least MIN_PEERS of them. Their median change is the drift the row is measured against; one
// slowed endpoint among many barely moves it. A change of the whole run cannot be told from the
// machine's drift by two runs: it is reported once, not per row. Pure and k6-safe.
import type { ComparisonRowKind } from '../results/comparison.js';
import { quantile } from '../stats.js';

/** A row's medians on both sides, as the peer search needs them. */
export interface ShiftInput {
  kind: ComparisonRowKind;
  baselineP50: number | null;
  candidateP50: number | null;
}

/** Peers lie within this factor of a row's baseline median. */
export const PEER_RATIO = 4;
/** Fewer peers than this: the row is judged on its raw change. */
export const MIN_PEERS = 4;

// Sweep levels run at different rates by design: their latencies are not peers of each other.
const SHIFTING_KINDS: readonly ComparisonRowKind[] = ['endpoint', 'db_bench_case'];

function logChange(row: ShiftInput): number | null {
  const { baselineP50: b, candidateP50: c } = row;
  return b !== null && c !== null && b > 0 && c > 0 ? Math.log(c / b) : null;
}

/**
 * Per row, the factor its peers' medians moved by (candidate / baseline, 1.1 = 10 % slower), or
 * null when the row has too few peers (or no medians) and is judged on its raw change.
 */
export function peerShifts(rows: readonly ShiftInput[]): (number | null)[] {
  return rows.map((row, i) => {
    const own = row.baselineP50;
    if (!SHIFTING_KINDS.includes(row.kind) || own === null || own <= 0) return null;
    const changes = rows.flatMap((peer, j) => {
      const b = peer.baselineP50;
      const change = logChange(peer);
      const near = b !== null && b * PEER_RATIO >= own && b <= own * PEER_RATIO;
      return j !== i && peer.kind === row.kind && near && change !== null ? [change] : [];
    });
    return changes.length >= MIN_PEERS ? Math.exp(quantile(changes, 0.5)) : null;
  });
}

/** The median change of all rows of `kind` (0.12 = every row about 12 % slower), null if none. */
export function runShift(rows: readonly ShiftInput[], kind: ComparisonRowKind): number | null {
  const changes = rows.flatMap((r) => {
    const change = r.kind === kind ? logChange(r) : null;
    return change === null ? [] : [change];
  });
  return changes.length >= MIN_PEERS ? Math.exp(quantile(changes, 0.5)) - 1 : null;
}
