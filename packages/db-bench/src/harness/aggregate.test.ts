import { describe, expect, it } from 'vitest';
import { buildDbBenchJson } from '../cli/results-json.js';
import { aggregateDbBench } from './aggregate.js';
import { summariseCase } from './statistics.js';

const fast = summariseCase({
  name: 'TrailsRepository.list_showcase',
  durationsMs: Array.from({ length: 50 }, (_, i) => 0.2 + i * 0.01),
  rowsProcessed: 300,
  concurrency: 1,
  wallSeconds: 0,
});
const slow = summariseCase({
  name: 'UsersRepository.GetUserByEmail',
  durationsMs: [3, 5, 4, 6, 2],
  rowsProcessed: 5,
  concurrency: 1,
  wallSeconds: 0,
});

describe('aggregateDbBench', () => {
  it('sums iterations, time and rows across cases', () => {
    const a = aggregateDbBench([fast, slow]);
    const seconds = fast.total_time + slow.total_time;
    expect(a.executed_iterations).toBe(55);
    expect(a.total_runtime_seconds).toBeCloseTo(seconds, 12);
    expect(a.ops_per_second).toBeCloseTo(55 / seconds, 9);
    expect(a.ops_per_minute).toBeCloseTo((55 / seconds) * 60, 9);
    expect(a.rows_per_second).toBeCloseTo((300 + 5) / seconds, 9);
  });

  it('gives 0 ratios when no time passed', () => {
    expect(aggregateDbBench([])).toEqual({
      executed_iterations: 0,
      total_runtime_seconds: 0,
      ops_per_second: 0,
      ops_per_minute: 0,
      rows_per_second: 0,
    });
  });
});

describe('buildDbBenchJson', () => {
  it('keeps the original 8 keys first and in order, then the additions', () => {
    const json = buildDbBenchJson([fast, { ...slow, p99_ms: Number.NaN }]);
    const original =
      'name iterations total_time mean_ms ops_per_second ops_per_minute rows_per_second';
    expect(Object.keys(json[0] as object).slice(0, 8)).toEqual([
      ...original.split(' '),
      'rows_processed',
    ]);
    expect(json[0]?.p95_ms).toBe(fast.p95_ms);
    expect(json[1]?.p99_ms).toBeNull();
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
