import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { checkJsonTarget } from './write-json.js';

describe('checkJsonTarget', () => {
  it('accepts a file path in a new folder and refuses a folder or a path under a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'db-bench-json-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    expect(await checkJsonTarget(join(dir, 'new', 'out.json'))).toBeNull();
    expect(await checkJsonTarget(dir)).toBe(`--json ${dir} is a directory, expected a file path`);
    const file = join(dir, 'plain.json');
    await writeFile(file, '{}');
    expect(await checkJsonTarget(join(file, 'x.json'))).toMatch(
      /^--json .*cannot write to .*plain\.json/,
    );
  });
});
