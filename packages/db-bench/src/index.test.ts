import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

// Runs ESM code as another package would, against the built exports map.
function runAsConsumer(code: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the public harness (@rota-perf/db-bench)', () => {
  it('lets another package register its own cases and get the statistics', () => {
    const result = runAsConsumer(`
      import { defineCase, runBenchmark } from '@rota-perf/db-bench';
      const cases = [
        defineCase('mine.list', async () => [1, 2, 3]),
        defineCase('mine.needs', async () => 1, { requires: ['token'] }),
      ];
      const report = await runBenchmark(cases, { iterations: 4, warmup: 1 });
      console.log(JSON.stringify(report));`);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.results).toHaveLength(1);
    expect(report.results[0]).toMatchObject({
      name: 'mine.list',
      iterations: 4,
      rows_processed: 12,
    });
    expect(report.skipped).toEqual([{ name: 'mine.needs', missing: ['token'] }]);
    expect(report.aggregate.executed_iterations).toBe(4);
  });
});
