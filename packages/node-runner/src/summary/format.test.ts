import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatNumber } from './format.js';

// Inputs and outputs are pairs from k6-golden/04 (summary-export values vs the text summary).
describe('summary number formats', () => {
  it('prints durations as k6 (truncated to two decimals of the unit)', () => {
    expect(
      [0.000508, 0.0838361, 0.7359, 1.1661382, 4.359265, 4.309513, 235.23, 0].map(formatDuration),
    ).toEqual(['508ns', '83.83µs', '735.9µs', '1.16ms', '4.35ms', '4.3ms', '235.23ms', '0s']);
    expect(formatDuration(61_500)).toBe('1m1.5s');
  });

  it('prints bytes as go-humanize and plain numbers with up to six decimals', () => {
    expect([850, 2310, 322_359, 1_300].map(formatBytes)).toEqual([
      '850 B',
      '2.3 kB',
      '322 kB',
      '1.3 kB',
    ]);
    expect([10, 1395.4963703837154, 38.2396943].map(formatNumber)).toEqual([
      '10',
      '1395.49637',
      '38.239694',
    ]);
  });
});
