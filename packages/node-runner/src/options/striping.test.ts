import { describe, expect, it } from 'vitest';
import { parseSegment, parseSegmentSequence } from './segment.js';
import { SegmentSplit, Share, StripedCounter } from './striping.js';

const split = (points: string) => new SegmentSplit(parseSegmentSequence(points));
const share = (points: string, index: number) => new Share(split(points), index);

/** k6's GetStripedOffsets view of a segment: its first element and the gaps after each. */
function stripedOffsets(s: SegmentSplit, index: number): { start: number; offsets: number[] } {
  const owned = s.owned[index] as number[];
  const first = owned[0] as number;
  const gaps = owned.slice(1).map((p, i) => p - (owned[i] as number));
  return { start: first, offsets: [...gaps, first + s.lcd - (owned.at(-1) as number)] };
}

describe('striping (which elements each segment owns)', () => {
  it('gives each third one element of every three', () => {
    const s = split('0,1/3,2/3,1');
    expect(s.lcd).toBe(3);
    expect(s.owned).toEqual([[0], [1], [2]]);
    expect(stripedOffsets(s, 2)).toEqual({ start: 2, offsets: [3] });
  });

  it("reproduces the table in k6's ExecutionTuple documentation (1/2, 1/4, 1/4)", () => {
    const s = split('0,1/2,3/4,1');
    expect(s.lcd).toBe(4);
    // Instance 1: 0 2 4 6 …, instance 2: 1 5 9 …, instance 3: 3 7 11 …
    expect([0, 1, 2, 3, 4, 5].map((n) => s.nth(0, n))).toEqual([0, 2, 4, 6, 8, 10]);
    expect([0, 1, 2].map((n) => s.nth(1, n))).toEqual([1, 5, 9]);
    expect([0, 1, 2].map((n) => s.nth(2, n))).toEqual([3, 7, 11]);
    const scaled = (i: number) => Array.from({ length: 12 }, (_, v) => s.count(i, v + 1));
    expect(scaled(0)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
    expect(scaled(1)).toEqual([0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3]);
    expect(scaled(2)).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3]);
  });

  it('gives the bigger segment the first element and spreads the smaller one (1/4 and 3/4)', () => {
    const s = split('0,1/4,1');
    expect(s.owned).toEqual([[1], [0, 2, 3]]);
    expect(stripedOffsets(s, 0)).toEqual({ start: 1, offsets: [4] });
    expect(stripedOffsets(s, 1)).toEqual({ start: 0, offsets: [2, 1, 1] });
  });

  it('cycles over the common denominator of the lengths (1/2, 1/3, 1/6)', () => {
    const s = split('0,1/2,5/6,1');
    expect(s.lcd).toBe(6);
    expect(s.owned).toEqual([[0, 2, 4], [1, 3], [5]]);
  });

  it('refuses a sequence whose cycle would be astronomically long', () => {
    expect(() => split('0,0.1234567,1')).toThrow(
      'the segments need a common denominator of at most 1000000, got 10000000',
    );
  });
});

describe('Share.scale (k6 ExecutionTuple.ScaleInt64)', () => {
  it('splits 7 VUs of 0:1/4,1/4:1 as 2 and 5, and VU numbers 2,6 and 1,3,4,5,7', () => {
    const small = share('0,1/4,1', 0);
    const big = share('0,1/4,1', 1);
    expect([small.scale(7), big.scale(7)]).toEqual([2, 5]);
    const ids = (s: Share) => {
      const c = new StripedCounter(s);
      return Array.from({ length: s.scale(7) }, () => c.next() + 1);
    };
    expect(ids(small)).toEqual([2, 6]);
    expect(ids(big)).toEqual([1, 3, 4, 5, 7]);
  });

  it('always adds up to the whole, whatever the value', () => {
    const parts = [0, 1, 2, 3].map((i) => share('0,1/7,2/5,0.9,1', i));
    for (let v = 0; v <= 500; v++)
      expect(
        parts.reduce((a, p) => a + p.scale(v), 0),
        `value ${v}`,
      ).toBe(v);
  });

  it('is the identity for an instance that runs the whole test', () => {
    const whole = new Share(new SegmentSplit([parseSegment('0:1')]), 0);
    expect([0, 1, 7, 1000].map((v) => whole.scale(v))).toEqual([0, 1, 7, 1000]);
    expect([0, 1, 2].map((n) => whole.nth(n))).toEqual([0, 1, 2]);
  });
});

describe('Share.forValue (k6 GetNewExecutionTupleFromValue)', () => {
  it('re-cuts thirds along 5 VUs as 2/5, 2/5, 1/5 (the recorded constant-arrival-rate stripes)', () => {
    const cut = [0, 1, 2].map((i) => share('0,1/3,2/3,1', i).forValue(5) as Share);
    expect(cut.map((c) => c.split.toString())).toEqual([
      '0,2/5,4/5,1',
      '0,2/5,4/5,1',
      '0,2/5,4/5,1',
    ]);
    expect(cut.map((c) => c.split.owned[c.index])).toEqual([[0, 3], [1, 4], [2]]);
    expect(stripedOffsets(cut[0]?.split as SegmentSplit, 0)).toEqual({ start: 0, offsets: [3, 2] });
  });

  it('re-cuts thirds along 10 VUs as 4/10, 3/10, 3/10 (the recorded ramping stripes)', () => {
    const cut = [0, 1, 2].map((i) => share('0,1/3,2/3,1', i).forValue(10) as Share);
    expect(cut.map((c) => c.split.owned[c.index])).toEqual([
      [0, 3, 5, 8],
      [1, 4, 7],
      [2, 6, 9],
    ]);
  });

  it('drops an instance with no part of the value (2 VUs over thirds)', () => {
    const cut = [0, 1, 2].map((i) => share('0,1/3,2/3,1', i).forValue(2));
    expect(cut[2]).toBeNull();
    expect(cut.map((c) => c?.split.toString())).toEqual(['0,1/2,1', '0,1/2,1', undefined]);
    expect(cut.map((c) => c?.index)).toEqual([0, 1, undefined]);
  });

  it('keeps the share when the value is a multiple of the cycle, and refuses 0', () => {
    const third = share('0,1/3,2/3,1', 1);
    expect(third.forValue(6)).toBe(third);
    expect(third.forValue(0)).toBeNull();
  });

  it('cuts shared-iterations along 7 VUs of 0:1/4,1/4:1: 20 iterations as 6 and 14', () => {
    const cut = [0, 1].map((i) => share('0,1/4,1', i).forValue(7) as Share);
    expect(cut.map((c) => c.split.owned[c.index])).toEqual([
      [1, 4],
      [0, 2, 3, 5, 6],
    ]);
    expect(cut.map((c) => c.scale(20))).toEqual([6, 14]);
  });
});
