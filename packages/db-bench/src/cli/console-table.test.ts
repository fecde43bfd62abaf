import type { DbBenchAggregate, DbBenchCaseResult } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { formatDbBenchSkip, formatDbBenchTable } from './console-table.js';

// Reference formatting written independently of formatNumber.
function fmt(n: number): string {
  if (!Number.isFinite(n)) return 'n/a';
  const [i, f] = n.toFixed(2).split('.');
  return `${(i as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

function caseFrom(name: string, durationsMs: number[], rowsPerCall: number): DbBenchCaseResult {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const total = sorted.reduce((a, b) => a + b, 0) / 1000;
  const at = (q: number) => {
    const pos = (sorted.length - 1) * q;
    const lo = sorted[Math.floor(pos)] as number;
    const hi = sorted[Math.ceil(pos)] as number;
    return lo + (hi - lo) * (pos - Math.floor(pos));
  };
  const ops = sorted.length / total;
  const rows = rowsPerCall * sorted.length;
  return {
    name,
    iterations: sorted.length,
    concurrency: 1,
    total_time: total,
    mean_ms: (total * 1000) / sorted.length,
    min_ms: sorted[0] as number,
    p50_ms: at(0.5),
    p95_ms: at(0.95),
    p99_ms: at(0.99),
    max_ms: sorted[sorted.length - 1] as number,
    stddev_ms: 0,
    ops_per_second: ops,
    ops_per_minute: ops * 60,
    rows_processed: rows,
    rows_per_second: rows / total,
    samples_ms: durationsMs,
  };
}

const fast = caseFrom(
  'TrailsRepository.list_showcase',
  Array.from({ length: 50 }, (_, i) => 0.2 + i * 0.01),
  6,
);
const slow = caseFrom('UsersRepository.GetUserByEmail', [3, 5, 4, 6, 2], 1);

// The Overall block db-bench computes for these two cases, by hand.
const seconds = fast.total_time + slow.total_time;
const overall: DbBenchAggregate = {
  executed_iterations: 55,
  total_runtime_seconds: seconds,
  ops_per_second: 55 / seconds,
  ops_per_minute: (55 / seconds) * 60,
  rows_per_second: (300 + 5) / seconds,
};

describe('formatDbBenchTable', () => {
  it('prints the original columns (70 + 12-wide numbers) plus percentiles, and the Overall block', () => {
    const text = formatDbBenchTable([fast, slow], overall, [
      { name: 'TrailsRepository.get_trail', missing: ['trail_id'] },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe('Skipping TrailsRepository.get_trail (missing: trail_id)');
    const header = ['Ops/s', 'Ops/m', 'Rows/s', 'Mean (ms)', 'p50 (ms)', 'p95 (ms)', 'p99 (ms)'];
    expect(lines[1]).toBe(`${'Query'.padEnd(70)} ${header.map((h) => h.padStart(12)).join(' ')}`);
    expect(lines[1]?.slice(0, 122)).toBe(
      `${'Query'.padEnd(70)} ${header
        .slice(0, 4)
        .map((h) => h.padStart(12))
        .join(' ')}`,
    );
    expect(lines[2]).toBe('-'.repeat(70 + 7 * 13));
    // The figure columns, in the order the table shows them.
    const figures = ['ops_per_second', 'ops_per_minute', 'rows_per_second'] as const;
    const times = ['mean_ms', 'p50_ms', 'p95_ms', 'p99_ms'] as const;
    const row = (c: DbBenchCaseResult) =>
      `${c.name.padEnd(70)} ${[...figures, ...times].map((k) => fmt(c[k]).padStart(12)).join(' ')}`;
    expect(lines[3]).toBe(row(fast));
    expect(lines[4]).toBe(row(slow));
    const a = overall;
    expect(lines.slice(5)).toEqual([
      '',
      'Overall:',
      '  Executed iterations: 55',
      `  Total runtime: ${a.total_runtime_seconds.toFixed(2)}s`,
      `  Aggregate OPS: ${fmt(a.ops_per_second)} req/s (${fmt(a.ops_per_minute)} req/min)`,
      `  Aggregate throughput: ${fmt(a.rows_per_second)} rows/s`,
      '',
    ]);
  });

  it('prints n/a for NaN and Infinity figures', () => {
    const broken = { ...slow, ops_per_second: Number.POSITIVE_INFINITY, mean_ms: Number.NaN };
    const line = formatDbBenchTable([broken], overall).split('\n')[2] as string;
    expect(line.slice(71, 83)).toBe('n/a'.padStart(12));
    expect(line.slice(110, 122)).toBe('n/a'.padStart(12));
  });

  it('says No benchmarks executed. when nothing ran', () => {
    expect(formatDbBenchTable([], overall, [{ name: 'X.y', missing: ['a', 'b'] }])).toBe(
      'Skipping X.y (missing: a, b)\nNo benchmarks executed.\n',
    );
    expect(formatDbBenchSkip({ name: 'n', missing: [] })).toBe('Skipping n (missing: )');
  });
});
