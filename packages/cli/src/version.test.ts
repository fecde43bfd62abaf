// `--version` on every bin of the kit, as users run them (the pnpm shims in node_modules/.bin
// for the packages rota-perf depends on): `<name> <version of its package.json>`, exit 0.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from './test-support/run-cli.js';

const require = createRequire(import.meta.url);
const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')) as { version: string })
    .version;
const SHIMS = fileURLToPath(new URL('../node_modules/.bin/', import.meta.url));

describe('--version', () => {
  it('rota-perf, first or after a command', () => {
    const version = versionOf('@rota-perf/cli');
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' })).toBe(
      `rota-perf ${version}\n`,
    );
    expect(execFileSync(process.execPath, [BIN, 'bench', '--version'], { encoding: 'utf8' })).toBe(
      `rota-perf ${version}\n`,
    );
  });

  it.each([
    ['db-bench', '@rota-perf/db-bench'],
    ['mem-monitor', '@rota-perf/mem-monitor'],
    ['k6-node', '@rota-perf/node-runner'],
  ])('%s', (bin, pkg) => {
    expect(execFileSync(`${SHIMS}${bin}`, ['--version'], { encoding: 'utf8' })).toBe(
      `${bin} ${versionOf(pkg)}\n`,
    );
  });
});
