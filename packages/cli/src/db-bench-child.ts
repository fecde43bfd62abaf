// db-bench as a child process for the main job: its own Ctrl-C handling exits the process it
// runs in, so running it apart lets the job still write the report after an interrupt.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The db-bench command's entry file in the installed package. */
export function dbBenchBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@rota-perf/db-bench/package.json')), 'dist/bin/db-bench.js');
}

/** Runs db-bench with `args`; Ctrl-C is passed on; resolves to its exit code. */
export function runDbBenchChild(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  signal: AbortSignal,
): Promise<number> {
  const child = spawn(process.execPath, [dbBenchBin(), ...args], { stdio: 'inherit', env });
  const onAbort = () => child.kill('SIGINT');
  signal.addEventListener('abort', onAbort, { once: true });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      signal.removeEventListener('abort', onAbort);
      resolve(code ?? (sig ? 130 : 1));
    });
  });
}
