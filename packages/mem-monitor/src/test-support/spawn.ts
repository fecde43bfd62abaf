// Starting test children and waiting for their output lines.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

const started: ChildProcess[] = [];

/** A fresh token to put in a child's command line so a --pattern matches only that child. */
export function uniqueMarker(): string {
  return `mm-marker-${randomUUID()}`;
}

/** Starts node on a test-support script with the given arguments. */
export function startScript(
  script: 'allocator.mjs' | 'tree.mjs' | 'burner.mjs',
  args: string[],
): ChildProcess {
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

/**
 * Registers hooks that give the tests a scratch folder (a new one per test with `each`, one
 * for the file with `all`) and, after, kill the children these helpers started and remove the
 * folder. The returned function gives the current folder.
 */
export function useScratchDir(prefix: string, scope: 'each' | 'all'): () => string {
  let dir = '';
  const [before, after] = scope === 'each' ? [beforeEach, afterEach] : [beforeAll, afterAll];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
  });
  after(async () => {
    killStarted();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => dir;
}
