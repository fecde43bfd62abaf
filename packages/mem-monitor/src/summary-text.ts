// Console text of a memory summary. Local stand-in until report-formatter ships
// formatMemorySummary; switch to that one when it lands.
import type { MemorySummary } from '@rota-perf/report-formatter';

/** Bytes in binary units, e.g. `152.3 MiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  return `${sign}${unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${units[unit]}`;
}

const orMissing = (value: number | null, format: (n: number) => string) =>
  value === null ? 'n/a' : format(value);

/** The end-of-run summary as aligned console lines. */
export function describeMemorySummary(summary: MemorySummary): string {
  const growth = (n: number) => `${n >= 0 ? '+' : ''}${formatBytes(n)}/min`;
  const rows: Array<[string, string]> = [
    ['samples', String(summary.samples)],
    ['duration', `${summary.durationSeconds.toFixed(1)} s`],
    ['peak RSS', orMissing(summary.peakRssBytes, formatBytes)],
    ['mean RSS', orMissing(summary.meanRssBytes, formatBytes)],
    ['RSS growth', orMissing(summary.rssGrowthBytesPerMinute, growth)],
    ['peak VMS', orMissing(summary.peakVmsBytes, formatBytes)],
    ['mean CPU', orMissing(summary.meanCpuPercent, (n) => `${n.toFixed(1)} % of one core`)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return [
    'memory summary',
    ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
  ].join('\n');
}
