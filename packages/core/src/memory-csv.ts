// mem-monitor's CSV: the one layout its writer and the report's reader share, and the
// end-of-run summary of the samples (the report shows it too, so it lives with the type).
import type { MemorySample, MemorySummary } from './results/measurements.js';
import { leastSquaresSlope, mean } from './stats.js';

/** Column names of a mem-monitor CSV, in order. */
export const MEMORY_CSV_COLUMNS = [
  'timestamp',
  'elapsed_seconds',
  'pid',
  'process_name',
  'rss_bytes',
  'vms_bytes',
  'cpu_percent',
  'matched_count',
] as const;

/** The CSV header line (with its newline). */
export function memoryCsvHeader(): string {
  return `${MEMORY_CSV_COLUMNS.join(',')}\n`;
}

/** One CSV line (with its newline) for a sample. */
export function formatMemoryCsvRow(s: MemorySample): string {
  const name = /[",\n]/.test(s.name) ? `"${s.name.replace(/"/g, '""')}"` : s.name;
  return `${[s.timestamp, s.elapsedSeconds.toFixed(3), s.pid, name, s.rssBytes, s.vmsBytes, s.cpuPercent.toFixed(2), s.matchedCount].join(',')}\n`;
}

function splitCsvLine(line: string): string[] {
  // Fast path: only process names with a comma or quote are quoted.
  if (line.indexOf('"') < 0) return line.split(',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

/** Parses a mem-monitor CSV; throws a one-line error naming the first bad line. */
export function parseMemoryCsv(text: string): MemorySample[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  const header = lines[0] as string;
  if (header.trim() !== MEMORY_CSV_COLUMNS.join(',')) {
    throw new Error(
      `not a mem-monitor CSV: header is "${header}", expected "${MEMORY_CSV_COLUMNS.join(',')}"`,
    );
  }
  return lines.slice(1).map((line, index) => {
    const c = splitCsvLine(line);
    const nums = [c[1], c[2], c[4], c[5], c[6], c[7]].map(Number);
    if (c.length !== MEMORY_CSV_COLUMNS.length || nums.some((n) => !Number.isFinite(n))) {
      throw new Error(`bad mem-monitor CSV row ${index + 2}: "${line}"`);
    }
    const [elapsedSeconds, pid, rssBytes, vmsBytes, cpuPercent, matchedCount] = nums as number[];
    return {
      timestamp: c[0] as string,
      elapsedSeconds: elapsedSeconds as number,
      pid: pid as number,
      name: c[3] as string,
      rssBytes: rssBytes as number,
      vmsBytes: vmsBytes as number,
      cpuPercent: cpuPercent as number,
      matchedCount: matchedCount as number,
    };
  });
}

// Not Math.max(...values): spreading a day of samples (172,800) overflows the call stack.
function maxOrNull(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  return max;
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** Peak/mean RSS and VMS, RSS growth per minute (least squares) and mean CPU of the samples. */
export function summariseMemory(samples: readonly MemorySample[]): MemorySummary {
  const rss = samples.map((s) => s.rssBytes);
  const vms = samples.map((s) => s.vmsBytes);
  const first = samples[0];
  const last = samples[samples.length - 1];
  const slopePerSecond = leastSquaresSlope(
    samples.map((s) => s.elapsedSeconds),
    rss,
  );
  return {
    samples: samples.length,
    durationSeconds: first && last ? last.elapsedSeconds - first.elapsedSeconds : 0,
    peakRssBytes: maxOrNull(rss),
    meanRssBytes: finiteOrNull(mean(rss)),
    peakVmsBytes: maxOrNull(vms),
    meanVmsBytes: finiteOrNull(mean(vms)),
    rssGrowthBytesPerMinute: finiteOrNull(slopePerSecond * 60),
    meanCpuPercent: finiteOrNull(mean(samples.map((s) => s.cpuPercent))),
  };
}
