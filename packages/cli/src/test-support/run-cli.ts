// Runs the built rota-perf binary as a user would, and collects its output and exit code.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The built command (tests run the artifact users run; turbo builds it before `test`). */
export const BIN = fileURLToPath(new URL('../../dist/bin/rota-perf.js', import.meta.url));

/** Output and exit code of one run. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A line the run printed, and when it arrived. */
export interface TimedLine {
  atMs: number;
  channel: 'stdout' | 'stderr';
  line: string;
}

/** A started run: the child, and a promise of its outcome. */
export interface StartedCli {
  child: ChildProcess;
  done: Promise<CliRun>;
  /** Output so far (both streams). */
  output(): string;
  /** Complete lines so far, with their arrival times. */
  lines: TimedLine[];
}

/**
 * Starts `rota-perf <args>`; env is added to a copy of the test's environment. `detached`: in
 * its own process group, as a terminal's foreground job (`process.kill(-pid, …)` is Ctrl-C).
 */
export function startCli(
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
  detached = false,
): StartedCli {
  if (!existsSync(BIN))
    throw new Error(`${BIN} is missing: build first (pnpm --filter @rota-perf/cli build)`);
  const clean = { ...process.env };
  // The tests pick their own target; a BASE_URL from the caller's shell must not leak in.
  delete clean.BASE_URL;
  delete clean.DATABASE_URL;
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...clean, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached,
    ...(cwd ? { cwd } : {}),
  });
  let stdout = '';
  let stderr = '';
  const lines: TimedLine[] = [];
  const partial = { stdout: '', stderr: '' };
  const collect = (channel: 'stdout' | 'stderr', chunk: string) => {
    const parts = (partial[channel] + chunk).split('\n');
    partial[channel] = parts.pop() ?? '';
    const atMs = Date.now();
    for (const line of parts) lines.push({ atMs, channel, line });
  };
  child.stdout?.on('data', (chunk) => {
    stdout += chunk;
    collect('stdout', String(chunk));
  });
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
    collect('stderr', String(chunk));
  });
  const done = new Promise<CliRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, output: () => stdout + stderr, lines };
}

/** Runs `rota-perf <args>` to the end. */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
  cwd?: string,
): Promise<CliRun> {
  return startCli(args, env, cwd).done;
}

/** Resolves once `pattern` appears in the output (rejects after timeoutMs). */
export function waitForOutput(run: StartedCli, pattern: RegExp, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (pattern.test(run.output())) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > timeoutMs || run.child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`no ${pattern} in output:\n${run.output()}`));
      }
    }, 100);
  });
}
