// The packages other repositories install: pack each with pnpm (workspace:* becomes a real
// version), install the tarballs with npm into a project outside the workspace, import every
// public entry point as ESM and type-check a file that uses them with the workspace's tsc.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');

// The packages of the issue (core included), plus rota-db: db-bench depends on it, so it ships too.
const PACKAGES = [
  'core',
  'report-formatter',
  'bootstrap-auth',
  'rps-sweeper',
  'node-runner',
  'mem-monitor',
  'rota-db',
  'db-bench',
];

// Public entry points and one export each must have. `bootstrap-auth/k6` imports `k6/http`,
// which exists only inside k6: it is type-checked, not imported.
const RUNTIME_ENTRIES: Record<string, string> = {
  '@rota-perf/bootstrap-auth': 'bootstrap',
  '@rota-perf/bootstrap-auth/node': 'createNodeClient',
  '@rota-perf/rps-sweeper': 'searchCeiling',
  '@rota-perf/core': 'quantile',
  '@rota-perf/core/node': 'runBin',
  '@rota-perf/report-formatter': 'formatNumber',
  '@rota-perf/report-formatter/html': 'writeHtmlReport',
  '@rota-perf/db-bench': 'runBenchmark',
  '@rota-perf/db-bench/rota': 'parseDbBenchArgs',
  '@rota-perf/mem-monitor': 'startMonitor',
  '@rota-perf/node-runner': 'run',
  '@rota-perf/rota-db': 'startEmbeddedDatabase',
};

const TYPED_USE = `import { bootstrap, configFromEnv, type BootstrapConfig } from '@rota-perf/bootstrap-auth';
import { createK6Client } from '@rota-perf/bootstrap-auth/k6';
import { createNodeClient } from '@rota-perf/bootstrap-auth/node';
import { planSweep, searchCeiling, type RunLevel } from '@rota-perf/rps-sweeper';
import { quantile, type SweepLevel } from '@rota-perf/core';
import { runCommandLine } from '@rota-perf/core/node';
import { writeHtmlReport } from '@rota-perf/report-formatter/html';
import { defineCase, runBenchmark } from '@rota-perf/db-bench';
import { dbBenchCommand } from '@rota-perf/db-bench/rota';
import { startMonitor } from '@rota-perf/mem-monitor';
import { run, type RunResult } from '@rota-perf/node-runner';

const median: number = quantile([1, 2, 3], 0.5);
const report: Promise<string> = writeHtmlReport({ folder: 'performance' });
const result: Promise<RunResult> = run('script.js', { quiet: true, env: { A: '1' } });
const level: RunLevel = async (rate): Promise<SweepLevel> => { throw new Error(String(rate)); };
const config: BootstrapConfig | null = null;
const io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l), env: {}, cwd: '.', tty: false };
const code: Promise<number> = runCommandLine(dbBenchCommand, ['--help'], io, new AbortController().signal);
const monitor = () => startMonitor({ pid: process.pid, intervalSeconds: 1 }).stop();
void [bootstrap, configFromEnv, createK6Client, createNodeClient, planSweep, searchCeiling, defineCase, runBenchmark, median, report, result, level, config, code, monitor];
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rota-perf-pack-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('packed packages install and import outside the workspace', () => {
  it('pnpm pack -> npm install -> import every entry point -> tsc', async () => {
    const tarballs = join(dir, 'tarballs');
    const project = join(dir, 'project');
    await mkdir(tarballs);
    await mkdir(project);
    for (const name of PACKAGES) {
      const folder = join(ROOT, 'packages', name);
      expect(existsSync(join(folder, 'dist/index.js')), `${name} is not built`).toBe(true);
      await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: folder });
    }
    const files = (await readdir(tarballs))
      .filter((f) => f.endsWith('.tgz'))
      .map((f) => join(tarballs, f));
    expect(files).toHaveLength(PACKAGES.length);

    await writeFile(
      join(project, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
    );
    // @types/k6 is what a k6 user of bootstrap-auth/k6 has anyway; @types/node for the rest.
    await run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        ...files,
        '@types/node@20',
        '@types/k6@2.3.0',
      ],
      { cwd: project, maxBuffer: 16 * 1024 * 1024 },
    );
    // No workspace:* left behind: every @rota-perf dependency resolved to an installed copy.
    const installed = await readdir(join(project, 'node_modules/@rota-perf'));
    expect(installed.sort()).toEqual([...PACKAGES].sort());

    const imports = `const wanted = ${JSON.stringify(RUNTIME_ENTRIES)};
const missing = [];
for (const [entry, name] of Object.entries(wanted)) {
  const module = await import(entry);
  if (typeof module[name] !== 'function') missing.push(entry + ' ' + name);
}
console.log(JSON.stringify({ missing }));`;
    await writeFile(join(project, 'imports.mjs'), imports);
    const imported = await run(process.execPath, ['imports.mjs'], { cwd: project });
    expect(JSON.parse(imported.stdout)).toEqual({ missing: [] });

    await writeFile(join(project, 'use.ts'), TYPED_USE);
    const compilerOptions = {
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      target: 'ES2022',
      strict: true,
      noEmit: true,
      verbatimModuleSyntax: true,
      // Third-party declarations (drizzle's optional drivers) are not ours to check.
      skipLibCheck: true,
      types: ['node'],
    };
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions, files: ['use.ts'] }),
    );
    const checked = await run(process.execPath, [TSC, '-p', 'tsconfig.json'], {
      cwd: project,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }));
    expect(checked.stdout).toBe('');

    // The type check can fail: a wrong import is reported.
    await writeFile(
      join(project, 'use.ts'),
      `import { noSuchExport } from '@rota-perf/node-runner';\nvoid noSuchExport;\n`,
    );
    const broken = await run(process.execPath, [TSC, '-p', 'tsconfig.json'], { cwd: project }).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? '',
    );
    expect(broken).toContain("has no exported member 'noSuchExport'");
  });
});
