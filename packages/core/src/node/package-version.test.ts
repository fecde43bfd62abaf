import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageVersionOf } from './package-version.js';

describe('packageVersionOf', () => {
  let dir = '';
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the nearest named package.json above the file, through a bin link', async () => {
    dir = await mkdtemp(join(tmpdir(), 'core-version-'));
    await mkdir(join(dir, 'pkg/dist/bin'), { recursive: true });
    await writeFile(join(dir, 'pkg/package.json'), '{"name":"p","version":"4.5.6"}');
    // A package.json without a name (e.g. `{"type":"module"}` in dist) is not the package's.
    await writeFile(join(dir, 'pkg/dist/package.json'), '{"type":"module"}');
    await writeFile(join(dir, 'pkg/dist/bin/tool.js'), '');
    await symlink(join(dir, 'pkg/dist/bin/tool.js'), join(dir, 'tool'));
    expect(packageVersionOf(join(dir, 'tool'))).toBe('4.5.6');
    expect(packageVersionOf(join(dir, 'missing.js'))).toBeUndefined();
  });
});
