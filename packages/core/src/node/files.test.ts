import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.js';
import { writeJsonAtomically } from './files.js';

describe('writeJsonAtomically', () => {
  const tempDir = useTempDirs('core-json-');

  it('creates missing folders, writes indented JSON and leaves no temp file', async () => {
    const dir = await tempDir();
    const value = { cases: [{ name: 'x', iterations: 3 }], aggregate: null };
    const written = await writeJsonAtomically(join(dir, 'nested', 'out.json'), value);
    expect(JSON.parse(await readFile(written, 'utf8'))).toEqual(value);
    expect(await readFile(written, 'utf8')).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(await readdir(join(dir, 'nested'))).toEqual(['out.json']);
  });

  it('replaces an existing file whole', async () => {
    const dir = await tempDir();
    const path = join(dir, 'out.json');
    await writeJsonAtomically(path, { long: 'x'.repeat(1000) });
    await writeJsonAtomically(path, { short: 1 });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ short: 1 });
  });
});
