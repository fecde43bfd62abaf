import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ConfigError } from '../errors.js';
import { assertWritable, checkWritableFolder, fileOptionPath, makeFolder } from './writable.js';

async function tempFolder() {
  const dir = await mkdtemp(join(tmpdir(), 'rota-perf-writable-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('checkWritableFolder', () => {
  it('creates a missing folder and leaves no probe file behind', async () => {
    const dir = join(await tempFolder(), 'a', 'b');
    expect(await checkWritableFolder(dir)).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('answers at once for a folder under /proc (recursive mkdir never returns there)', async () => {
    const started = Date.now();
    expect(await checkWritableFolder('/proc/rota-perf-results/x')).toBe('ENOENT');
    expect(await checkWritableFolder('/proc')).toBe('ENOENT');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('does not create the folder when told not to', async () => {
    const dir = join(await tempFolder(), 'missing');
    expect(await checkWritableFolder(dir, { create: false })).toBe('ENOENT');
  });

  it('a path under a file', async () => {
    const file = join(await tempFolder(), 'plain');
    await writeFile(file, '');
    expect(await checkWritableFolder(join(file, 'x'))).toBe('ENOTDIR');
    await expect(makeFolder(join(file, 'x'))).rejects.toMatchObject({ code: 'ENOTDIR' });
    await expect(makeFolder(file)).rejects.toThrow('is not a folder');
  });
});

describe('assertWritable', () => {
  it('one line naming the option, the path and the folder; exit code 2', async () => {
    const error = await assertWritable('--out', '/proc/results', true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    expect((error as Error).message).toBe(
      '--out /proc/results: cannot write to /proc/results (ENOENT); expected a writable folder',
    );
  });

  it('a folder given for a file', async () => {
    const dir = await tempFolder();
    await expect(assertWritable('--json', dir, false)).rejects.toThrow(
      `--json ${dir} is a folder: expected a file path`,
    );
    await expect(assertWritable('--json', join(dir, 'new', 'r.json'), false)).resolves.toBe(
      undefined,
    );
  });
});

describe('a file option that names a folder', () => {
  it('keeps the trailing slash of a relative or absolute path, and is refused for it', async () => {
    const dir = await tempFolder();
    expect(fileOptionPath(dir, 'out/')).toBe(`${join(dir, 'out')}/`);
    expect(fileOptionPath(dir, 'a/../b.json')).toBe(join(dir, 'b.json'));
    expect(fileOptionPath(dir, '/tmp/x/')).toBe('/tmp/x/');
    const slash = fileOptionPath(dir, 'out/');
    await expect(assertWritable('--json', slash, false)).rejects.toThrow(
      new ConfigError('--json', `--json ${slash} names a folder: expected a file path`),
    );
    // Nothing was created for it.
    expect(await readdir(dir)).toEqual([]);
  });
});
