import { describe, expect, it } from 'vitest';
import { peerShifts, runShift, type ShiftInput } from './run-shift.js';

const endpoint = (baselineP50: number, candidateP50: number): ShiftInput => ({
  kind: 'endpoint',
  baselineP50,
  candidateP50,
});

describe('peerShifts', () => {
  it("gives each row its peers' median drift; one slowed row barely moves the others'", () => {
    // Six reads all 20 % slower, one of them 80 % slower (drift + a real regression).
    const rows = [2, 2.2, 1.8, 2.5, 1.6, 2.1].map((b) => endpoint(b, b * 1.2));
    rows.push(endpoint(2, 3.6));
    const shifts = peerShifts(rows);
    for (const s of shifts.slice(0, 6)) expect(s).toBeCloseTo(1.2, 6);
    // The slowed row is measured against the others: 3.6 / (2 × 1.2) = +50 % relative.
    expect(shifts[6]).toBeCloseTo(1.2, 6);
  });

  it('peers lie within a factor of 4 of the row; with fewer than 4 the row is judged raw', () => {
    const rows = [2, 2.2, 1.8, 2.5, 1.6].map((b) => endpoint(b, b * 0.8));
    rows.push(endpoint(230, 225)); // a login: no read is within ×4 of it
    const shifts = peerShifts(rows);
    expect(shifts[5]).toBeNull();
    expect(shifts[0]).toBeCloseTo(0.8, 6);
  });

  it('sweep levels and rows without medians are never shifted; kinds do not mix', () => {
    const rows: ShiftInput[] = [
      ...[1, 1, 1, 1, 1].map((b) => ({
        kind: 'db_bench_case' as const,
        baselineP50: b,
        candidateP50: 2,
      })),
      ...[1, 1, 1, 1].map((b) => ({ kind: 'level' as const, baselineP50: b, candidateP50: 3 })),
      endpoint(1, 1.1),
      { kind: 'endpoint', baselineP50: null, candidateP50: 1 },
    ];
    const shifts = peerShifts(rows);
    for (const s of shifts.slice(0, 5)) expect(s).toBeCloseTo(2, 6);
    expect(shifts.slice(5, 9)).toEqual([null, null, null, null]);
    expect(shifts.slice(9)).toEqual([null, null]);
  });
});

describe('runShift', () => {
  it('is the median change of the rows of one kind', () => {
    const rows = [
      endpoint(1, 1.1),
      endpoint(2, 2.2),
      endpoint(3, 3.3),
      endpoint(4, 8),
      endpoint(5, 4),
    ];
    expect(runShift(rows, 'endpoint')).toBeCloseTo(0.1, 6);
    expect(runShift(rows, 'db_bench_case')).toBeNull();
  });
});
