// Console text of a memory summary (mem-monitor, and the CLI after a run).
import {
  formatBytes,
  formatDuration,
  formatNumber,
  isPrintable,
  type MemorySummary,
} from '@rota-perf/core';

/** Peak/mean RSS and VMS, RSS growth per minute and mean CPU as indented lines. */
export function formatMemorySummary(summary: MemorySummary): string {
  if (summary.samples === 0) return 'Memory: no samples\n';
  const growth = summary.rssGrowthBytesPerMinute;
  const growthText = isPrintable(growth)
    ? `${growth > 0 ? '+' : ''}${formatBytes(growth)}/min`
    : 'n/a (fewer than 2 samples)';
  const cpu = isPrintable(summary.meanCpuPercent)
    ? `${formatNumber(summary.meanCpuPercent)}%`
    : 'n/a';
  return `${[
    `Memory (${summary.samples} samples over ${formatDuration(summary.durationSeconds)}):`,
    `  Peak RSS: ${formatBytes(summary.peakRssBytes)}`,
    `  Mean RSS: ${formatBytes(summary.meanRssBytes)}`,
    `  Peak VMS: ${formatBytes(summary.peakVmsBytes)}`,
    `  Mean VMS: ${formatBytes(summary.meanVmsBytes)}`,
    `  RSS growth: ${growthText}`,
    `  Mean CPU: ${cpu}`,
  ].join('\n')}\n`;
}
