import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findPackageVersion } from './package-version.js';

describe('findPackageVersion', () => {
  it('finds the version of a dependency resolved from a given module', () => {
    // vitest is resolvable from this package; its manifest is the expected answer.
    const require = createRequire(import.meta.url);
    const manifestPath = require.resolve('vitest/package.json');
    const expected = JSON.parse(readFileSync(manifestPath, 'utf8')).version;
    expect(findPackageVersion('vitest', import.meta.url)).toBe(expected);
  });

  it('returns null for a package that is not installed', () => {
    expect(findPackageVersion('no-such-package-rota-perf', import.meta.url)).toBeNull();
  });
});
