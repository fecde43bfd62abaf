import { describe, expect, it } from 'vitest';
import * as csv from './memory-csv.js';
import type { MemorySample } from './results/measurements.js';

function sample(elapsedSeconds: number, rssBytes: number, name = 'node'): MemorySample {
  return {
    timestamp: new Date(1_700_000_000_000 + elapsedSeconds * 1000).toISOString(),
    elapsedSeconds,
    pid: 42,
    name,
    rssBytes,
    vmsBytes: rssBytes * 4,
    cpuPercent: elapsedSeconds * 10,
    matchedCount: 1,
  };
}

describe('memory CSV', () => {
  it('round-trips samples, including names that need quoting', () => {
    const samples = [sample(0, 1000), sample(0.5, 2000, 'node "api", v2')];
    const text = csv.memoryCsvHeader() + samples.map(csv.formatMemoryCsvRow).join('');
    expect(text.split('\n')[0]).toBe(csv.MEMORY_CSV_COLUMNS.join(','));
    const parsed = csv.parseMemoryCsv(text);
    expect(parsed).toHaveLength(2);
    expect(parsed[1]?.name).toBe('node "api", v2');
    expect(parsed[1]?.rssBytes).toBe(2000);
    expect(parsed[1]?.cpuPercent).toBe(5);
  });

  it('rejects a foreign header and a bad row with a one-line message', () => {
    expect(() => csv.parseMemoryCsv('a,b\n1,2\n')).toThrow(/not a mem-monitor CSV/);
    const bad = `${csv.memoryCsvHeader()}t,x,1,n,1,1,1,1\n`;
    expect(() => csv.parseMemoryCsv(bad)).toThrow(/bad mem-monitor CSV row 2/);
    expect(csv.parseMemoryCsv('')).toEqual([]);
  });
});

describe('summariseMemory', () => {
  it('derives peak, mean and growth per minute', () => {
    const samples = [0, 1, 2, 3].map((t) => sample(t, 1_000_000 + t * 2048));
    const s = csv.summariseMemory(samples);
    expect(s.samples).toBe(4);
    expect(s.durationSeconds).toBe(3);
    expect(s.peakRssBytes).toBe(1_000_000 + 3 * 2048);
    expect(s.meanRssBytes).toBe(1_000_000 + 1.5 * 2048);
    expect(s.peakVmsBytes).toBe((1_000_000 + 3 * 2048) * 4);
    expect(s.rssGrowthBytesPerMinute).toBeCloseTo(2048 * 60, 6);
    expect(s.meanCpuPercent).toBe(15);
  });

  it('reports missing figures for no samples or a single one', () => {
    const none = csv.summariseMemory([]);
    expect(none.peakRssBytes).toBeNull();
    expect(none.rssGrowthBytesPerMinute).toBeNull();
    expect(none.samples).toBe(0);
    const one = csv.summariseMemory([sample(0, 5000)]);
    expect(one.rssGrowthBytesPerMinute).toBeNull();
  });
});

describe('summariseMemory on long runs', () => {
  it('handles a day of 0.5 s samples without overflowing the stack', () => {
    const n = 172_800;
    const samples = Array.from({ length: n }, (_, i) => sample(i / 2, 1_000_000 + (i % 1000)));
    const s = csv.summariseMemory(samples);
    expect(s.samples).toBe(n);
    expect(s.peakRssBytes).toBe(1_000_000 + 999);
    expect(s.durationSeconds).toBe((n - 1) / 2);
  });
});
