import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  builtEntry,
  consoleMessages,
  fixturePath,
  loadRun,
  readSummary,
  runBin,
  signalAfter,
  tempDir,
  useLoopbackServer,
} from './test-support/harness.js';

// How a run is stopped from outside, and still ends as k6 ends it (teardown, handleSummary, the
// exit code): Ctrl-C and run()'s signal; VU code that never returns control, which the
// supervisor stops at k6's deadline; run() in a child process whose parent goes away.
let requests = 0;
const server = useLoopbackServer((_req, res) => {
  requests++;
  res.end('ok');
});

const blocking = fixturePath('blocking.js');
const interrupt = fixturePath('interrupt.js');

describe('a run whose VU code yields', () => {
  it('Ctrl-C stops scheduling, runs teardown and handleSummary, exits 105', async () => {
    const cwd = tempDir();
    const started = Date.now();
    const r = await runBin(['run', '-q', '-e', `BASE=${server.base}`, interrupt], {
      cwd,
      // Interrupt once iterations run (process start-up time varies on a loaded machine).
      onSpawn: signalAfter('RUNNING', 'SIGINT', 1, 500),
    });
    expect(r.code).toBe(105);
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(consoleMessages(r.stderr)).toContain('TEARDOWN_RAN');
    const data = readSummary(cwd);
    expect(data.metrics.iterations.values.count).toBeGreaterThan(0);
    expect(data.state.testRunDurationMs).toBeLessThan(10_000);
  });

  it('run() with an aborted signal behaves like Ctrl-C (teardown, handleSummary data, 105)', async () => {
    const run = await loadRun();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 1000);
    const r = await run(interrupt, {
      quiet: true,
      cwd: tempDir(),
      env: { BASE: server.base },
      signal: controller.signal,
    });
    expect(r.exitCode).toBe(105);
    expect(r.summaryData?.metrics.iterations?.values.count ?? 0).toBeGreaterThanOrEqual(0);
    expect(r.summaryData?.state.testRunDurationMs ?? 99_999).toBeLessThan(25_000);
  });
});

describe('a synchronous loop in VU code', () => {
  it('is stopped at duration + gracefulStop; teardown, handleSummary and exit code as k6', async () => {
    const cwd = tempDir();
    const started = Date.now();
    const r = await runBin(['run', '-e', `BASE=${server.base}`, blocking], {
      cwd,
      timeoutMs: 20_000,
    });
    const elapsed = Date.now() - started;
    expect(r.code).toBe(0);
    // 1.5 s duration + 0.5 s gracefulStop + the supervisor's 2 s grace, plus start-up.
    expect(elapsed).toBeLessThan(12_000);
    expect(consoleMessages(r.stderr)).toContain('BLOCKING iteration');
    expect(consoleMessages(r.stderr)).toContain('TEARDOWN_RAN setup');
    expect(r.stderr).toMatch(
      /level=warning msg="VU code did not return control .*interrupted [12] running iteration/,
    );
    expect(r.stderr).toMatch(/complete and [12] interrupted iterations/);
    const data = readSummary(cwd);
    // VU 1 finished two iterations before it blocked; the samples reached the summary.
    expect(data.metrics.iterations.values.count).toBeGreaterThanOrEqual(2);
    expect(data.metrics.http_reqs.values.count).toBeGreaterThanOrEqual(3);
    expect(data.state.testRunDurationMs).toBeGreaterThanOrEqual(2000);
    expect(data.root_group.groups.map((g: { name: string }) => g.name)).toEqual([
      'setup',
      'teardown',
    ]);
  });

  it('SIGTERM while it blocks: graceful stop, teardown, summary, exit 105', async () => {
    const cwd = tempDir();
    const r = await runBin(['run', '-q', '-e', `BASE=${server.base}`, blocking], {
      cwd,
      timeoutMs: 20_000,
      onSpawn: signalAfter('BLOCKING iteration', 'SIGTERM'),
    });
    expect(r.code).toBe(105);
    expect(consoleMessages(r.stderr)).toContain('TEARDOWN_RAN setup');
    expect(readSummary(cwd).metrics.iterations.values.count).toBeGreaterThanOrEqual(2);
  });

  it('in setup() is stopped after setupTimeout: exit 100 with k6 message', async () => {
    const r = await runBin(['run', '-q', '-e', 'BLOCK_IN=setup', blocking], {
      cwd: tempDir(),
      timeoutMs: 20_000,
    });
    expect(r.code).toBe(100);
    expect(r.stderr).toContain(
      'level=error msg="setup() execution timed out after 1 seconds" hint="You can increase the time limit via the setupTimeout option"',
    );
  });

  it('in init code or setup(): one SIGTERM ends the runner within moments (exit 105)', async () => {
    for (const where of ['init', 'setup']) {
      const started = Date.now();
      const r = await runBin(
        ['run', '-q', '-e', `BLOCK_IN=${where}`, '-e', 'SETUP_TIMEOUT=60s', blocking],
        { cwd: tempDir(), timeoutMs: 20_000, onSpawn: signalAfter(`BLOCKING ${where}`, 'SIGTERM') },
      );
      expect({ where, code: r.code }).toEqual({ where, code: 105 });
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });

  it('in teardown() is stopped after teardownTimeout: summary still written, exit 101', async () => {
    const cwd = tempDir();
    const r = await runBin(
      ['run', '-q', '-e', 'BLOCK_IN=teardown', '-e', `BASE=${server.base}`, blocking],
      {
        cwd,
        timeoutMs: 20_000,
      },
    );
    expect(r.code).toBe(101);
    expect(r.stderr).toContain('msg="teardown() execution timed out after 1 seconds"');
    expect(readSummary(cwd).metrics.iterations.values.count).toBeGreaterThan(10);
  });

  it('in handleSummary(): a second SIGTERM ends the runner at once (exit 105)', async () => {
    const r = await runBin(
      ['run', '-q', '-e', 'BLOCK_IN=handleSummary', '-e', `BASE=${server.base}`, blocking],
      {
        cwd: tempDir(),
        timeoutMs: 20_000,
        onSpawn: signalAfter('BLOCKING handleSummary', 'SIGTERM', 2, 200),
      },
    );
    expect(r.code).toBe(105);
    expect(r.stderr).toContain('k6-node: second SIGTERM, exiting now');
  });
});

describe('run() in a child process', () => {
  it('stops loading the target when its parent goes away (SIGKILL)', async () => {
    const script = fixturePath('interrupt.js');
    const parentScript = join(tempDir(), 'parent.mjs');
    writeFileSync(
      parentScript,
      `const { run } = await import(${JSON.stringify(builtEntry)});
await run(${JSON.stringify(script)}, { quiet: true, env: { BASE: ${JSON.stringify(server.base)} }, cwd: ${JSON.stringify(tempDir())} });\n`,
    );
    const parent = spawn(process.execPath, [parentScript], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((ok) => {
      parent.stderr.on('data', (c: Buffer) => {
        if (c.toString().includes('RUNNING')) ok();
      });
    });
    const before = requests;
    parent.kill('SIGKILL');
    // interrupt.js has gracefulStop 2 s; its iterations take ~50 ms.
    await new Promise((ok) => setTimeout(ok, 4000));
    const afterStop = requests;
    await new Promise((ok) => setTimeout(ok, 2000));
    expect(afterStop).toBeGreaterThan(before);
    expect(requests).toBe(afterStop);
  });

  it('a Ctrl-C to the process group counts once: teardown and handleSummary still run', async () => {
    const script = fixturePath('interrupt.js');
    const cwd = tempDir();
    const parentScript = join(tempDir(), 'group-parent.mjs');
    // The parent turns its SIGINT into run()'s abort, as the CLI does.
    writeFileSync(
      parentScript,
      `const { run } = await import(${JSON.stringify(builtEntry)});
const stop = new AbortController();
process.on('SIGINT', () => stop.abort());
const r = await run(${JSON.stringify(script)}, { quiet: true, signal: stop.signal, env: { BASE: ${JSON.stringify(server.base)} }, cwd: ${JSON.stringify(cwd)} });
process.exitCode = r.exitCode;\n`,
    );
    const parent = spawn(process.execPath, [parentScript], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    const exited = new Promise<number | null>((ok) => parent.on('close', ok));
    await new Promise<void>((ok) => {
      parent.stderr.on('data', (c: Buffer) => {
        stderr += c.toString();
        if (stderr.includes('RUNNING')) ok();
      });
    });
    // What a terminal does on Ctrl-C: the parent and its child both get SIGINT.
    process.kill(-(parent.pid as number), 'SIGINT');
    expect(await exited).toBe(105);
    expect(stderr).not.toContain('Aborting k6 in response to signal');
    expect(consoleMessages(stderr)).toContain('TEARDOWN_RAN');
    expect(readSummary(cwd).metrics.iterations.values.count).toBeGreaterThan(0);
  });

  it('is gone within seconds when its parent is SIGKILLed while a phase blocks it', async () => {
    const parentScript = join(tempDir(), 'blocked-parent.mjs');
    writeFileSync(
      parentScript,
      `const { run } = await import(${JSON.stringify(builtEntry)});
await run(${JSON.stringify(blocking)}, { quiet: true, env: { BASE: ${JSON.stringify(server.base)}, BLOCK_IN: 'handleSummary' }, cwd: ${JSON.stringify(tempDir())} });\n`,
    );
    const parent = spawn(process.execPath, [parentScript], { stdio: ['ignore', 'ignore', 'pipe'] });
    await new Promise<void>((ok) => {
      parent.stderr.on('data', (c: Buffer) => {
        if (c.toString().includes('BLOCKING handleSummary')) ok();
      });
    });
    const child = childrenOf(parent.pid as number).find((p) => p.cmdline.includes('child.js'));
    expect(child).toBeDefined();
    parent.kill('SIGKILL');
    // The 'disconnect' is a first Ctrl-C, which leaves handleSummary its 2 minutes; the
    // watchdog's stop signal (within a second) is the second, which ends the process.
    const deadline = Date.now() + 4000;
    while (isRunning(child?.pid as number) && Date.now() < deadline)
      await new Promise((ok) => setTimeout(ok, 100));
    expect(isRunning(child?.pid as number)).toBe(false);
  });
});

/** The processes whose parent is `pid`, with their command lines. */
function childrenOf(pid: number): { pid: number; cmdline: string }[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replace(/\0/g, ' ');
        return ppid === pid ? [{ pid: Number(name), cmdline }] : [];
      } catch {
        return [];
      }
    });
}

/** Whether `pid` runs (a zombie waiting for the container's init to reap it does not). */
function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}
