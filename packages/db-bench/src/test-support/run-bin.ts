import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built command, as users run it (tests run after `build`). */
export const BIN_PATH = fileURLToPath(new URL('../../dist/bin/db-bench.js', import.meta.url));

/** What a finished command printed and returned. */
export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built db-bench with arguments and extra environment; bounded by `timeoutMs`. */
export function runBin(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN_PATH, ...args], {
      env: { ...process.env, DATABASE_URL: undefined, DB_BENCH_DEBUG: undefined, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
