import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseMemoryCsv } from '@rota-perf/core';
import { runCaptured } from '@rota-perf/core/node';
import { describe, expect, it } from 'vitest';
import { memMonitorCommand, parseCliArgs } from './cli.js';
import { startScript, uniqueMarker, useScratchDir, waitForLine } from './test-support/spawn.js';

const bin = fileURLToPath(new URL('../dist/bin/mem-monitor.js', import.meta.url));
const dir = useScratchDir('mem-monitor-cli-', 'all');

async function runInProcess(argv: string[]) {
  const { code, out, err } = await runCaptured(memMonitorCommand, argv);
  return { code, out: out.join('\n'), err };
}

/** Runs the built command; `result` resolves with exit code and output. */
function runBin(args: string[]) {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const stderrWaiters: Array<{ text: string; resolve: () => void }> = [];
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const w of stderrWaiters) if (stderr.includes(w.text)) w.resolve();
  });
  const result = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  );
  /** Resolves once stderr contains the text. */
  const stderrContains = (text: string) =>
    new Promise<void>((resolve) => {
      if (stderr.includes(text)) resolve();
      else stderrWaiters.push({ text, resolve });
    });
  return { pid: child.pid as number, result, stderrContains };
}

describe('parseCliArgs', () => {
  it('maps every flag', () => {
    expect(
      parseCliArgs([
        '--pattern',
        'uvicorn app.asgi:app',
        '--interval',
        '0.25',
        '--duration',
        '420',
        '--output',
        'x.csv',
        '--include-children',
        '--follow',
      ]),
    ).toEqual({
      pattern: 'uvicorn app.asgi:app',
      pid: undefined,
      intervalSeconds: 0.25,
      durationSeconds: 420,
      output: 'x.csv',
      includeChildren: true,
      follow: true,
    });
    expect(parseCliArgs(['--pid', '42'])).toMatchObject({ pid: 42, intervalSeconds: undefined });
    expect(parseCliArgs(['--help'])).toBeNull();
  });
});

describe('mem-monitor --help', () => {
  it('prints the usage with every flag and exits 0', async () => {
    const { code, out, err } = await runInProcess(['--help']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    for (const flag of [
      '--pattern',
      '--pid',
      '--interval',
      '--duration',
      '--output',
      '--include-children',
      '--follow',
    ]) {
      expect(out).toContain(flag);
    }
  });
});

describe('mem-monitor bad input', () => {
  it.each([
    [['--pattern', 'x', '--interval', '0'], '--interval 0 is invalid'],
    [['--pattern', 'x', '--interval', 'fast'], '--interval fast is invalid'],
    [['--pattern', 'x', '--duration', '-1'], '--duration -1 is invalid'],
    [['--pattern', '/(/'], '--pattern /(/ is not a valid regex'],
    [['--pattern', 'x', '--pid', '3'], 'both given'],
    [[], 'no target'],
    [['--pid', 'abc'], '--pid abc is invalid'],
    [['--pid', '-5'], '--pid -5 is invalid'],
    [['--pattern'], '--pattern needs a value'],
    [['--pattern', 'x', '--colour'], 'unknown option "--colour"'],
    [
      ['--pattern', 'x', '--output', '/nonexistent-dir/m.csv'],
      '--output /nonexistent-dir/m.csv is not writable (ENOENT)',
    ],
  ])('%j -> one line naming the value, exit 2', async (argv, message) => {
    const { code, err } = await runInProcess(argv);
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).not.toContain('\n');
    expect(err[0]).toContain(message);
  });

  it('the built command exits 2 with one line and no stack trace', async () => {
    expect(existsSync(bin), `${bin} missing: run pnpm --filter @rota-perf/mem-monitor build`).toBe(
      true,
    );
    const { code, stdout, stderr } = await runBin(['--pattern', 'x', '--interval', '0']).result;
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      'mem-monitor: --interval 0 is invalid: expected a number of seconds > 0',
    ]);
  });

  it('a pid that is not running exits 1', async () => {
    const { code, err } = await runInProcess(['--pid', String(2 ** 22 + 7), '--interval', '0.1']);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(`pid ${2 ** 22 + 7} is not running`);
  });
});

describe('mem-monitor, the documented command', () => {
  it('waits for the process, samples it, and on Ctrl-C keeps the CSV and prints the summary', async () => {
    const marker = uniqueMarker();
    const output = join(dir(), 'perf_progress_mem.csv');
    const run = runBin([
      '--pattern',
      `uvicorn app.asgi:app ${marker}`,
      '--interval',
      '0.5',
      '--duration',
      '420',
      '--output',
      output,
    ]);
    // Nothing matches at first; the server appears once the monitor says it is waiting.
    await run.stderrContains('waiting for a process');
    const server = startScript('allocator.mjs', [
      `uvicorn app.asgi:app ${marker}`,
      '1',
      '20',
      '10',
      '30000',
    ]);
    await waitForLine(server, 'step 1');
    await run.stderrContains(`matched pid ${server.pid}`);
    await new Promise((r) => setTimeout(r, 1600));
    process.kill(run.pid, 'SIGINT');
    const { code, stdout, stderr } = await run.result;

    expect(code).toBe(0);
    expect(stderr).toMatch(/waiting for a process whose command line matches/);
    expect(stderr).toContain(`matched pid ${server.pid}`);
    expect(stdout).toMatch(/Memory \(\d+ samples over/);
    const rows = parseMemoryCsv(await readFile(output, 'utf8'));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(stdout).toContain(`Memory (${rows.length} samples`);
    expect(new Set(rows.map((r) => r.pid))).toEqual(new Set([server.pid]));
    expect(rows.every((r) => r.rssBytes > 20 * 1024 * 1024)).toBe(true);
  });
});
