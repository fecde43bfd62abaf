import type { MemorySample } from '@rota-perf/core';
import { summariseMemory } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { formatMemorySummary } from './summary-text.js';

function sample(elapsedSeconds: number, rssBytes: number): MemorySample {
  const timestamp = new Date(1_700_000_000_000 + elapsedSeconds * 1000).toISOString();
  const usage = { rssBytes, vmsBytes: rssBytes * 4, cpuPercent: elapsedSeconds * 10 };
  return { timestamp, elapsedSeconds, pid: 42, name: 'node', matchedCount: 1, ...usage };
}

describe('formatMemorySummary', () => {
  it('prints peak, mean, growth per minute and CPU', () => {
    const text = formatMemorySummary(
      summariseMemory([0, 1, 2, 3].map((t) => sample(t, 1_000_000 + t * 2048))),
    );
    expect(text).toContain('Memory (4 samples over 3.00s):');
    expect(text).toContain(`RSS growth: +${((2048 * 60) / 1024).toFixed(2)} KiB/min`);
    expect(text).toContain(`Mean CPU: ${(15).toFixed(2)}%`);
  });

  it('says so when there are no samples, and n/a growth for a single one', () => {
    expect(formatMemorySummary(summariseMemory([]))).toBe('Memory: no samples\n');
    expect(formatMemorySummary(summariseMemory([sample(0, 5000)]))).toContain('RSS growth: n/a');
  });
});
