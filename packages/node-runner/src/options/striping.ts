// How k6 splits countable work (VUs, iterations) among the segments of a sequence: each
// segment owns fixed positions in every cycle of `lcd` consecutive elements, spread out.
import { rational } from './rational.js';
import { type ExecutionSegment, formatSegment, segmentLength } from './segment.js';

// Striping walks one cycle of lcd elements; a sequence of absurdly fine decimals would make
// that cycle (and k6's) astronomically long.
const MAX_LCD = 1_000_000n;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * For each segment, the positions it owns in a cycle of `lcd` elements. Element i of the cycle
 * goes to the first segment, biggest first (ties in sequence order), whose next element is
 * due: a segment of normalised size n (n of every lcd) is due for its k-th element once
 * i >= k·lcd/n. This spreads each segment's elements as evenly as k6 does.
 */
function stripe(segments: readonly ExecutionSegment[]): { lcd: number; owned: number[][] } {
  const lengths = segments.map(segmentLength);
  let lcdBig = 1n;
  for (const l of lengths) lcdBig = (lcdBig / gcd(lcdBig, l.den)) * l.den;
  if (lcdBig > MAX_LCD)
    throw new Error(`the segments need a common denominator of at most ${MAX_LCD}, got ${lcdBig}`);
  const lcd = Number(lcdBig);
  const sizes = lengths.map((l) => Number(l.num * (lcdBig / l.den)));
  const order = sizes.map((_, i) => i).sort((a, b) => (sizes[b] as number) - (sizes[a] as number));
  const taken = sizes.map(() => 0);
  const owned: number[][] = sizes.map(() => []);
  for (let i = 0; i < lcd; i++) {
    for (const s of order) {
      if (i * (sizes[s] as number) >= (taken[s] as number) * lcd) {
        taken[s] = (taken[s] as number) + 1;
        (owned[s] as number[]).push(i);
        break;
      }
    }
  }
  return { lcd, owned };
}

/** A sequence covering 0..1 and the positions each of its segments owns (k6's sequence wrapper). */
export class SegmentSplit {
  readonly lcd: number;
  /** Ascending positions in each cycle of `lcd` elements, per segment. */
  readonly owned: readonly number[][];

  constructor(readonly segments: readonly ExecutionSegment[]) {
    ({ lcd: this.lcd, owned: this.owned } = stripe(segments));
  }

  /** How many of the first `value` elements segment `index` owns. */
  count(index: number, value: number): number {
    const mine = this.owned[index] as number[];
    const rest = value % this.lcd;
    let n = Math.floor(value / this.lcd) * mine.length;
    for (const p of mine) if (p < rest) n++;
    return n;
  }

  /** The test-wide 0-based index of segment `index`'s n-th element (n 0-based). */
  nth(index: number, n: number): number {
    const mine = this.owned[index] as number[];
    return Math.floor(n / mine.length) * this.lcd + (mine[n % mine.length] as number);
  }

  /** `0,1/3,2/3,1`. */
  toString(): string {
    return ['0', ...this.segments.map((s) => formatSegment(s).split(':')[1])].join(',');
  }
}

/**
 * One instance's segment within its sequence (k6's ExecutionTuple): what it owns of any
 * count, and which elements (iterations, VU numbers) of the whole test are its own.
 */
export class Share {
  constructor(
    readonly split: SegmentSplit,
    readonly index: number,
  ) {}

  get segment(): ExecutionSegment {
    return this.split.segments[this.index] as ExecutionSegment;
  }

  /** This instance's part of `value` things; the parts of all instances add up to `value`. */
  scale(value: number): number {
    return this.split.segments.length === 1 ? value : this.split.count(this.index, value);
  }

  /** The test-wide 0-based index of this instance's n-th element. */
  nth(n: number): number {
    return this.split.nth(this.index, n);
  }

  /**
   * The share re-cut for `value` things (k6 cuts an arrival-rate scenario's iterations along
   * its maxVUs, shared-iterations along its VUs): each instance's new segment is as long as
   * its part of `value`, instances with no part drop out. Null when this instance has none.
   */
  forValue(value: number): Share | null {
    if (value < 1) return null;
    if (value % this.split.lcd === 0) return this;
    const segments: ExecutionSegment[] = [];
    let at = 0;
    let mine = -1;
    for (let i = 0; i < this.split.segments.length; i++) {
      const part = this.split.count(i, value);
      if (part === 0) continue;
      if (i === this.index) mine = segments.length;
      segments.push({
        from: rational(BigInt(at), BigInt(value)),
        to: rational(BigInt(at + part), BigInt(value)),
      });
      at += part;
    }
    return mine < 0 ? null : new Share(new SegmentSplit(segments), mine);
  }
}

/** The share of an instance that runs the whole test. */
export const WHOLE_TEST = new Share(
  new SegmentSplit([{ from: rational(0n), to: rational(1n) }]),
  0,
);

/**
 * Numbers the elements an instance takes one after another (k6's SegmentedIndex): the n-th
 * gets n in the instance and its own index in the whole test.
 */
export class StripedCounter {
  private n = 0;
  constructor(private readonly share: Share) {}

  /** The next element's 0-based index in the whole test (its instance index is `taken - 1`). */
  next(): number {
    return this.share.nth(this.n++);
  }

  /** Elements taken so far. */
  get taken(): number {
    return this.n;
  }
}
