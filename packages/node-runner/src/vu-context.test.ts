import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleMessages, fixturesDir, runBin } from './test-support/harness.js';

// Which VU code belongs to, without AsyncLocalStorage: per-VU module instances and bindings.
describe('per-VU modules and globals', () => {
  it('a module the script imports is evaluated per VU; __VU/__ITER/__ENV are right everywhere', async () => {
    const r = await runBin(['run', '-q', resolve(fixturesDir, 'vu-modules.js')]);
    expect(r.code).toBe(0);
    const lines = consoleMessages(r.stderr).sort();
    const expected: string[] = [];
    for (const vu of [1, 2, 3])
      for (const iter of [0, 1])
        expected.push(
          `VU ${vu} ITER ${iter} EXEC ${vu} HELPER ${vu}/${iter}/${iter + 1} GLOBAL ${vu}/${iter}/scenario ENV scenario`,
        );
    expect(lines).toEqual(expected.sort());
  });
});
