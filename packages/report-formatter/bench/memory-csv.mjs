// A mem-monitor CSV of `count` samples every 0.5 s from `startMs`, for the benchmarks.
import { formatMemoryCsvRow, memoryCsvHeader } from '@rota-perf/core';

export function memoryCsv(startMs, count) {
  let csv = memoryCsvHeader();
  for (let i = 0; i < count; i++) {
    csv += formatMemoryCsvRow({
      timestamp: new Date(startMs + i * 500).toISOString(),
      elapsedSeconds: i / 2,
      pid: 1,
      name: 'node',
      rssBytes: 100e6 + (i % 1000) * 1000,
      vmsBytes: 1e9,
      cpuPercent: i % 100,
      matchedCount: 1,
    });
  }
  return csv;
}
