import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
export const packageRoot = resolve(here, '../..');
export const repoRoot = resolve(packageRoot, '../..');
/** The k6 recordings, kept in the repository as test data. */
export const goldenDir = resolve(repoRoot, 'test-data/k6-golden');
export const fixturesDir = resolve(here, 'fixtures');

/** The path of a k6 recording (or of the script it was recorded from). */
export const goldenPath = (name: string): string => resolve(goldenDir, name);
/** The text of a k6 recording. */
export const readGolden = (name: string): string => readFileSync(goldenPath(name), 'utf8');
/** A JSON file a run wrote (summary, export), parsed: as loosely typed as JSON.parse's. */
// biome-ignore lint/suspicious/noExplicitAny: the tests index into k6's summary shapes freely.
export const readJson = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));
/** The summary.json that a fixture's handleSummary wrote in `cwd`, parsed. */
// biome-ignore lint/suspicious/noExplicitAny: as readJson's.
export const readSummary = (cwd: string): any => readJson(join(cwd, 'summary.json'));
const bin = resolve(packageRoot, 'dist/bin/k6-node.js');
/** The built package's entry (the programmatic `run()`). */
export const builtEntry = resolve(packageRoot, 'dist/index.js');
/** The path of a test fixture script. */
export const fixturePath = (name: string): string => resolve(fixturesDir, name);
/** The built package's programmatic `run()`, imported as a user would import it. */
export async function loadRun(): Promise<typeof import('../index.js')['run']> {
  return ((await import(builtEntry)) as typeof import('../index.js')).run;
}

/** Output of one runner process. */
export interface RunOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `k6-node run` (the built bin) and collects its output. */
export function runBin(
  args: string[],
  opts: { cwd?: string; timeoutMs?: number; onSpawn?: (c: ChildProcess) => void } = {},
): Promise<RunOutput> {
  if (!existsSync(bin))
    throw new Error(
      `missing ${bin}: build the package first (pnpm --filter @rota-perf/node-runner build)`,
    );
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd ?? packageRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 50_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    opts.onSpawn?.(child);
  });
}

/** `-e NAME=value` for each entry: the script variables of a `run`, as k6 takes them. */
export const envArgs = (env: Record<string, string>): string[] =>
  Object.entries(env).flatMap(([name, value]) => ['-e', `${name}=${value}`]);

/** The flags that make a `run` one instance (`segment`) of a test split as `sequence`. */
export const segmentArgs = (segment: string, sequence: string): string[] => [
  '--execution-segment',
  segment,
  '--execution-segment-sequence',
  sequence,
];

/** Sends `signal` once the runner logged `marker` (plus `delayMs`), `times` times 300 ms apart. */
export function signalAfter(marker: string, signal: NodeJS.Signals, times = 1, delayMs = 0) {
  return (child: ChildProcess) => {
    const onData = (chunk: Buffer) => {
      if (!chunk.toString().includes(marker)) return;
      child.stderr?.off('data', onData);
      for (let i = 0; i < times; i++) setTimeout(() => child.kill(signal), delayMs + i * 300);
    };
    child.stderr?.on('data', onData);
  };
}

/** A port the OS reports free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolvePromise(port));
    });
    s.on('error', reject);
  });
}

/** Starts test-data/k6-golden/server.mjs on a free port in its own process. */
export async function startGoldenServer(): Promise<{ base: string; port: number; stop(): void }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(goldenDir, 'server.mjs')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ok, fail) => {
    child.stdout.once('data', () => ok());
    child.once('exit', (c) => fail(new Error(`golden server exited with ${c}`)));
  });
  return { base: `http://127.0.0.1:${port}`, port, stop: () => child.kill() };
}

/** Starts an in-process HTTP server on 127.0.0.1 (port chosen by the OS). */
export async function startServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<{ base: string; server: Server; close(): Promise<void> }> {
  const server = createServer(handler);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** Lines logged by the script's console (`source=console`), decoded from logfmt. */
export function consoleMessages(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.includes('source=console'))
    .map((l) => JSON.parse(/msg=("(?:[^"\\]|\\.)*")/.exec(l)?.[1] ?? '""') as string);
}

/** One iteration start logged by `03-arrival-schedule.js` (`START <scenario> <ms> vu=N iterScenario=N`). */
export interface ArrivalStart {
  scenario: string;
  at: number;
  vu: number;
  iteration: number;
}

/** The iteration starts `03-arrival-schedule.js` logged (as logfmt on stderr), in time order. */
export function arrivalStarts(stderr: string): ArrivalStart[] {
  return consoleMessages(stderr)
    .map((m) => /^START (\w+) (\d+) vu=(\d+) iterScenario=(\d+)$/.exec(m))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      scenario: m[1] as string,
      at: Number(m[2]),
      vu: Number(m[3]),
      iteration: Number(m[4]),
    }))
    .sort((a, b) => a.at - b.at);
}

const tempDirs: string[] = [];

/** A fresh folder under the OS temp dir, removed by `removeTempDirs` (call it in afterAll). */
export function tempDir(prefix = 'k6node-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Removes every folder `tempDir` made in this test file. */
export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An in-process loopback server, as `startServer` returns it. */
export type LoopbackServer = Awaited<ReturnType<typeof startServer>>;

/**
 * Registers beforeAll/afterAll for a test file that runs scripts against one loopback server:
 * start it with `handler`; at the end, close it and remove the folders `tempDir` made. The
 * returned object is empty until beforeAll has run.
 */
export function useLoopbackServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): LoopbackServer {
  const server = {} as LoopbackServer;
  beforeAll(async () => {
    Object.assign(server, await startServer(handler));
  });
  afterAll(async () => {
    removeTempDirs();
    await server.close?.();
  });
  return server;
}
