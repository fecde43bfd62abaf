// Starting test children and waiting for their output lines.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const started: ChildProcess[] = [];

/** A fresh token to put in a child's command line so a --pattern matches only that child. */
export function uniqueMarker(): string {
  return `mm-marker-${randomUUID()}`;
}

/** Starts node on a test-support script with the given arguments. */
export function startScript(script: 'allocator.mjs' | 'tree.mjs', args: string[]): ChildProcess {
  const file = fileURLToPath(new URL(`./${script}`, import.meta.url));
  const child = spawn(process.execPath, [file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  return child;
}

/** Resolves with the first stdout line of the child that starts with the prefix. */
export function waitForLine(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith(prefix));
      if (line !== undefined) {
        child.stdout?.off('data', onData);
        resolve(line);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before "${prefix}"`)));
  });
}

/** Resolves when the child has exited. */
export function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Kills every child started by these helpers (afterEach). */
export function killStarted(): void {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
