import { type MemorySample, summariseMemory } from '@rota-perf/report-formatter';
import { describe, expect, it } from 'vitest';
import { describeMemorySummary, formatBytes } from './summary-text.js';

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB');
    expect(formatBytes(-2 * 1024 ** 2)).toBe('-2.0 MiB');
  });
});

describe('describeMemorySummary', () => {
  it('shows every figure of the summary', () => {
    const MiB = 1024 ** 2;
    const samples: MemorySample[] = [0, 30, 60].map((t, i) => ({
      timestamp: new Date(t * 1000).toISOString(),
      elapsedSeconds: t,
      pid: 7,
      name: 'node',
      rssBytes: (100 + 10 * i) * MiB,
      vmsBytes: 900 * MiB,
      cpuPercent: 10 * (i + 1),
      matchedCount: 1,
    }));
    const text = describeMemorySummary(summariseMemory(samples));
    expect(text).toMatch(/samples\s+3$/m);
    expect(text).toMatch(/duration\s+60\.0 s/);
    expect(text).toMatch(/peak RSS\s+120\.0 MiB/);
    expect(text).toMatch(/mean RSS\s+110\.0 MiB/);
    // 10 MiB every 30 s.
    expect(text).toMatch(/RSS growth\s+\+20\.0 MiB\/min/);
    expect(text).toMatch(/peak VMS\s+900\.0 MiB/);
    expect(text).toMatch(/mean CPU\s+20\.0 % of one core/);
  });

  it('says n/a when there were no samples', () => {
    expect(describeMemorySummary(summariseMemory([]))).toMatch(/peak RSS\s+n\/a/);
  });
});
