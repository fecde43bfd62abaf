import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test-support/temp-dir.js';
import { packageVersionOf } from './package-version.js';

describe('packageVersionOf', () => {
  const tempDir = useTempDirs('core-version-');

  it('finds the nearest named package.json above the file, through a bin link', async () => {
    const dir = await tempDir();
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
