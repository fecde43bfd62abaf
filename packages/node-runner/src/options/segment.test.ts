import { describe, expect, it } from 'vitest';
import { EXIT, RunnerError } from '../errors.js';
import { resolveShare } from './execution.js';
import { fillSequence, formatSegment, parseSegment, parseSegmentSequence } from './segment.js';

const text = (s: string) => formatSegment(parseSegment(s));

describe('parseSegment', () => {
  it('reads fractions, decimals, percentages and mixed forms as k6 does', () => {
    expect(['0:1/3', '1/3:2/3', '2/3:1'].map(text)).toEqual(['0:1/3', '1/3:2/3', '2/3:1']);
    expect(text('0:0.5')).toBe('0:1/2');
    expect(text('50%:100%')).toBe('1/2:1');
    expect(text('2/4:75%')).toBe('1/2:3/4');
    expect(text('.25:7.5e-1')).toBe('1/4:3/4');
  });

  it('treats a single value as the end of a segment from 0, and nothing as the whole test', () => {
    expect(text('1/3')).toBe('0:1/3');
    expect(text('20%')).toBe('0:1/5');
    expect(text('')).toBe('0:1');
  });

  it('refuses what is not a segment, naming the bad value', () => {
    expect(() => parseSegment('abc')).toThrow(
      "'abc' is not a valid percentage, decimal, fraction or interval value",
    );
    expect(() => parseSegment('12.5%:1')).toThrow("'12.5%' is not a valid percentage");
    expect(() => parseSegment('1/0:1')).toThrow("'1/0' is not a valid");
    expect(() => parseSegment('2/3:1/3')).toThrow(
      'the segment start (2/3) must be less than its end (1/3)',
    );
    expect(() => parseSegment('0:1.5')).toThrow('the segment end must be at most 1, got 3/2');
    expect(() => parseSegment('-1/3:1/2')).toThrow(
      'the segment start must be at least 0, got -1/3',
    );
  });
});

describe('parseSegmentSequence and fillSequence', () => {
  it('reads points into consecutive segments', () => {
    expect(parseSegmentSequence('0,1/3,2/3,1').map(formatSegment)).toEqual([
      '0:1/3',
      '1/3:2/3',
      '2/3:1',
    ]);
    expect(() => parseSegmentSequence('1/2')).toThrow('a sequence needs at least 2 points, got 1');
    expect(() => parseSegmentSequence('0,2/3,1/3,1')).toThrow(
      'the segment start (2/3) must be less than its end (1/3)',
    );
  });

  it('fills the head and tail around a sequence or a lone segment', () => {
    const filled = (seq: string | undefined, seg: string) =>
      fillSequence(seq ? parseSegmentSequence(seq) : undefined, parseSegment(seg)).map(
        formatSegment,
      );
    expect(filled(undefined, '1/3:2/3')).toEqual(['0:1/3', '1/3:2/3', '2/3:1']);
    expect(filled(undefined, '0:1/2')).toEqual(['0:1/2', '1/2:1']);
    expect(filled('1/4,1/2', '1/4:1/2')).toEqual(['0:1/4', '1/4:1/2', '1/2:1']);
  });
});

describe('resolveShare (flags and script options)', () => {
  const fails = (fn: () => unknown): RunnerError => {
    try {
      fn();
    } catch (err) {
      if (err instanceof RunnerError) return err;
    }
    throw new Error('expected a RunnerError');
  };

  it('finds the segment in its sequence; the flags win over options', () => {
    const { share, label } = resolveShare(
      { executionSegment: '1/3:2/3', executionSegmentSequence: '0,1/3,2/3,1' },
      { executionSegment: '0:1/3', executionSegmentSequence: '0,1/2,1' },
    );
    expect([label, share.index, share.split.toString()]).toEqual(['1/3:2/3', 1, '0,1/3,2/3,1']);
    const fromOptions = resolveShare(
      {},
      { executionSegment: '50%:100%', executionSegmentSequence: '0,0.5,1' },
    );
    expect([fromOptions.label, fromOptions.share.index]).toEqual(['1/2:1', 1]);
  });

  it('runs the whole test without a segment', () => {
    const { share, label } = resolveShare({}, {});
    expect([label, share.split.toString(), share.scale(7)]).toEqual(['0:1', '0,1', 7]);
  });

  it('refuses bad values with exit code 104 and one line naming them', () => {
    const bad = fails(() => resolveShare({ executionSegment: '2/3:1/3' }, {}));
    expect(bad.exitCode).toBe(EXIT.invalidConfig);
    expect(bad.exitCode).toBe(104);
    expect(bad.message).toBe(
      'invalid --execution-segment "2/3:1/3": the segment start (2/3) must be less than its end (1/3) (expected from:to within 0..1, e.g. 0:1/3, 1/3:2/3, 0.5:1, 50%:100%)',
    );
    expect(
      fails(() => resolveShare({ executionSegment: '0:1/3', executionSegmentSequence: '0' }, {}))
        .message,
    ).toMatch(/^invalid --execution-segment-sequence "0": a sequence needs at least 2 points/);
    expect(fails(() => resolveShare({}, { executionSegment: 0.5 })).message).toBe(
      'invalid options.executionSegment 0.5: expected a string (e.g. 0:1/3, 1/3:2/3, 0.5:1, 50%:100%)',
    );
    for (const err of [
      fails(() => resolveShare({ executionSegment: 'x' }, {})),
      fails(() => resolveShare({}, { executionSegmentSequence: '0,1/2,1' })),
    ])
      expect(err.message).not.toContain('\n');
  });

  it('refuses a segment that is not one of the sequence, listing those that are', () => {
    expect(
      fails(() =>
        resolveShare({ executionSegment: '1/4:1/2', executionSegmentSequence: '0,1/3,2/3,1' }, {}),
      ).message,
    ).toBe(
      '--execution-segment "1/4:1/2" is not a segment of --execution-segment-sequence "0,1/3,2/3,1" (expected one of 0:1/3, 1/3:2/3, 2/3:1)',
    );
    // As in k6, a sequence alone does not say which of its segments this instance runs.
    expect(fails(() => resolveShare({ executionSegmentSequence: '0,1/2,1' }, {})).message).toBe(
      'the whole test (no --execution-segment) is not a segment of --execution-segment-sequence "0,1/2,1" (expected one of 0:1/2, 1/2:1)',
    );
  });
});
