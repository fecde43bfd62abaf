import type { BenchProgress } from '../harness/run-benchmark.js';

/** A stream the bar draws on (process.stderr). */
export interface BarStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

/**
 * A one-line progress bar, redrawn at most every `intervalMs`. Off the TTY it stays quiet
 * so CI logs hold only the results.
 */
export function createProgressBar(stream: BarStream, intervalMs = 100) {
  let last = 0;
  let drawn = false;
  const onProgress = (p: BenchProgress) => {
    if (!stream.isTTY) return;
    const now = Date.now();
    if (p.phase !== 'done' && now - last < intervalMs) return;
    last = now;
    const width = 24;
    const filled = p.total === 0 ? width : Math.round((p.completed / p.total) * width);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`;
    const line = `[${p.caseIndex + 1}/${p.caseCount}] ${bar} ${p.phase} ${p.completed}/${p.total} ${p.caseName}`;
    stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  return { onProgress, clear };
}
