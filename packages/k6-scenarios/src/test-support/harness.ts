// Runs a built bundle with node-runner's command against a target, capturing its output.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ScriptName, scriptEntry } from '@rota-perf/core';

const require = createRequire(import.meta.url);
const K6_NODE = join(
  dirname(require.resolve('@rota-perf/node-runner/package.json')),
  'dist/bin/k6-node.js',
);

/** The built bundle of a script (`performance/k6/<name>.test.js` at the repository root). */
export function bundlePath(script: ScriptName): string {
  return fileURLToPath(new URL(`../../../../${scriptEntry(script).bundle}`, import.meta.url));
}

/** What a run printed and returned, and the folder its results landed in. */
export interface ScriptRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  resultsDir: string;
  readJson<T = Record<string, unknown>>(name: string): T;
}

/** Short schedules so each bundle runs in seconds. */
export const SHORT_PERFORMANCE = {
  TARGET_RPS: '4',
  WARMUP_DURATION: '1s',
  TEST_DURATION: '3s',
  COOLDOWN_DURATION: '1s',
  RAMP_DOWN_DURATION: '1s',
  LOGIN_USER_POOL: '2',
};

const resultsDirs: string[] = [];

/** Removes every results folder `runScript` made in this test file (call it in afterAll). */
export function removeResultsDirs(): void {
  for (const dir of resultsDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * Runs `script` with `env` (RESULTS_DIR set to a fresh temp folder, removed by
 * `removeResultsDirs`).
 */
export function runScript(script: ScriptName, env: Record<string, string>): Promise<ScriptRun> {
  const resultsDir = mkdtempSync(join(tmpdir(), `k6-scenarios-${script}-`));
  resultsDirs.push(resultsDir);
  const args = [K6_NODE, 'run', '--quiet', '-e', `RESULTS_DIR=${resultsDir}`];
  for (const [k, v] of Object.entries(env)) args.push('-e', `${k}=${v}`);
  args.push(bundlePath(script));
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: resultsDir, timeout: 120_000, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : 0;
        resolve({
          exitCode: code,
          stdout,
          stderr,
          resultsDir,
          readJson: <T>(name: string) =>
            JSON.parse(readFileSync(join(resultsDir, name), 'utf8')) as T,
        });
      },
    );
  });
}

const LATENCY_METRICS = ['http_req_duration', 'endpoint_duration_ms'];

/**
 * The run passed every threshold except, possibly, the latency ones. Latency thresholds
 * (p95 < 500 ms…) measure the machine, which other test files may be loading; the failure
 * rate thresholds measure correctness and must hold.
 */
export function crossedNonLatencyThresholds(run: ScriptRun): string[] {
  if (run.exitCode === 0) return [];
  const match = /thresholds on metrics '([^']+)' have been crossed/.exec(run.stderr);
  if (run.exitCode !== 99 || !match) return [`exit code ${run.exitCode}`];
  return (match[1] ?? '').split(', ').filter((m) => !LATENCY_METRICS.includes(m));
}
