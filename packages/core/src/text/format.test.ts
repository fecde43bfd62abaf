import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatMs,
  formatNumber,
  formatPercent,
  MISSING,
} from './format.js';

// Independent reference: group the digits of an integer string with a regex.
function grouped(integer: string): string {
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

describe('formatNumber', () => {
  it('uses fixed decimals and thousands separators', () => {
    const value = 1234567.891;
    const [i, f] = value.toFixed(2).split('.');
    expect(formatNumber(value)).toBe(`${grouped(i as string)}.${f}`);
    expect(formatNumber(999.999, 2)).toBe('1,000.00');
    expect(formatNumber(12, 0)).toBe('12');
    expect(formatNumber(0.5, 3)).toBe('0.500');
  });

  it('keeps the sign of negatives and never prints -0', () => {
    expect(formatNumber(-1234.5, 1)).toBe('-1,234.5');
    expect(formatNumber(-0.001, 2)).toBe('0.00');
    expect(formatNumber(-0, 2)).toBe('0.00');
  });

  it('prints n/a for NaN, Infinity, null and undefined', () => {
    for (const v of [
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      null,
      undefined,
    ]) {
      expect(formatNumber(v)).toBe(MISSING);
    }
    expect(MISSING).toBe('n/a');
  });

  it('prints huge numbers with all their digits instead of exponent notation', () => {
    const huge = 1.5e24;
    const text = formatNumber(huge, 2);
    expect(text).not.toMatch(/e/i);
    const digits = text.replace(/,/g, '').split('.')[0] as string;
    expect(Number(digits)).toBe(huge);
    expect(text).toBe(`${grouped(`15${'0'.repeat(23)}`)}.00`);
    expect(formatNumber(Number.MAX_SAFE_INTEGER, 0)).toBe(grouped(String(Number.MAX_SAFE_INTEGER)));
  });

  it('formats counts as rounded integers', () => {
    expect(formatCount(27603)).toBe('27,603');
    expect(formatCount(2.6)).toBe('3');
    expect(formatCount(null)).toBe(MISSING);
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1,023 B');
    expect(formatBytes(1536)).toBe(`${(1536 / 1024).toFixed(2)} KiB`);
    const gib = 3 * 1024 ** 3 + 512 * 1024 ** 2;
    expect(formatBytes(gib)).toBe(`${(gib / 1024 ** 3).toFixed(2)} GiB`);
    expect(formatBytes(-2 * 1024 * 1024)).toBe('-2.00 MiB');
  });

  it('stays in the largest unit for huge values and prints n/a for non-finite', () => {
    const value = 5000 * 1024 ** 5;
    expect(formatBytes(value)).toBe('5,000.00 PiB');
    expect(formatBytes(Number.NaN)).toBe(MISSING);
    expect(formatBytes(Number.POSITIVE_INFINITY)).toBe(MISSING);
    expect(formatBytes(null)).toBe(MISSING);
  });
});

describe('formatDuration', () => {
  it('picks a unit by magnitude', () => {
    expect(formatDuration(0.85)).toBe('850.00ms');
    expect(formatDuration(0)).toBe('0.00ms');
    expect(formatDuration(12.345)).toBe(`${(12.345).toFixed(2)}s`);
    expect(formatDuration(125)).toBe('2m 05s');
    expect(formatDuration(3600 + 2 * 60 + 3)).toBe('1h 02m 03s');
    expect(formatDuration(-5)).toBe('-5.00s');
  });

  it('prints n/a for non-finite values', () => {
    expect(formatDuration(Number.NaN)).toBe(MISSING);
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe(MISSING);
    expect(formatDuration(undefined)).toBe(MISSING);
  });
});

describe('formatPercent and formatMs', () => {
  it('formats ratios as percentages', () => {
    const ratio = 61 / 27603;
    expect(formatPercent(ratio)).toBe(`${(ratio * 100).toFixed(2)}%`);
    expect(formatPercent(1)).toBe('100.00%');
    expect(formatPercent(0.5, 1)).toBe('50.0%');
    expect(formatPercent(Number.NaN)).toBe(MISSING);
    expect(formatPercent(null)).toBe(MISSING);
  });

  it('formats milliseconds with a unit', () => {
    expect(formatMs(1234.5)).toBe('1,234.50 ms');
    expect(formatMs(Number.NEGATIVE_INFINITY)).toBe(MISSING);
  });
});
