import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  consoleMessages,
  fixturesDir,
  readSummary,
  removeTempDirs,
  runBin,
  signalAfter,
  tempDir,
} from './test-support/harness.js';

// Script errors k6 reports in its own way: the run goes on (or ends with k6's exit code) and
// the summary is still written.
afterAll(removeTempDirs);

const fixture = (name: string) => resolve(fixturesDir, name);

describe('errors outside the iteration body', () => {
  it('logs a throw in a timer and an unhandled rejection as k6 does, and keeps running', async () => {
    const cwd = tempDir();
    const r = await runBin(['run', '-q', fixture('script-errors.js')], { cwd, timeoutMs: 20_000 });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /level=error msg="Error: thrown in a timer\\n\\tat Timeout\._onTimeout \(file:.*script-errors\.js\?vu=1:\d+:\d+\)" executor=per-vu-iterations scenario=main source=stacktrace\n/,
    );
    expect(r.stderr).toMatch(
      /level=error msg="Uncaught \(in promise\) Error: rejected without a handler\\n\\tat default \(file:.*script-errors\.js\?vu=1:\d+:\d+\)" executor=per-vu-iterations scenario=main\n/,
    );
    expect(r.stderr).toMatch(
      /level=error msg="Uncaught \(in promise\) Error: thrown in an async timer\\n\\tat Timeout\._onTimeout \(file:.*script-errors\.js\?vu=1:\d+:\d+\)" executor=per-vu-iterations scenario=main\n/,
    );
    expect(consoleMessages(r.stderr)).toEqual(['ITERATION_END 0', 'ITERATION_END 1']);
    const data = readSummary(cwd);
    expect(data.metrics.iterations.values.count).toBe(3);
  });

  it('process.exit() in an iteration is a script exception; the run goes on', async () => {
    const r = await runBin(['run', '-q', fixture('script-errors.js')], {
      cwd: tempDir(),
      timeoutMs: 20_000,
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /level=error msg="ReferenceError: process\.exit\(\) is not available to k6 scripts \(k6 has no 'process'\).*" executor=per-vu-iterations scenario=main source=stacktrace/,
    );
  });

  it('process.exit() in init code fails the run with one line (exit 107)', async () => {
    const r = await runBin(['run', '-q', fixture('init-exit.js')], { timeoutMs: 20_000 });
    expect(r.code).toBe(107);
    expect(r.stderr.trim()).toBe(
      "process.exit() is not available to k6 scripts (k6 has no 'process'); end the iteration with throw or fail(), or the test with exec.test.abort()",
    );
  });

  it('Node built-ins and process internals are out of reach (k6 has neither)', async () => {
    const imported = await runBin(['run', '-q', fixture('node-builtin.js')], { timeoutMs: 20_000 });
    expect(imported.code).toBe(107);
    expect(imported.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^k6-node: module 'node:child_process' is a Node built-in, which k6 scripts cannot import/,
      ),
    ]);
    const cwd = tempDir();
    const r = await runBin(['run', '-q', fixture('process-controls.js')], {
      cwd,
      timeoutMs: 20_000,
    });
    // Not SIGKILLed by its own script: both iterations ran and the summary was written.
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/ReferenceError: process\._kill\(\) is not available to k6 scripts/);
    expect(r.stderr).toMatch(/ReferenceError: process\.binding\(\) is not available to k6 scripts/);
    const data = readSummary(cwd);
    expect(data.metrics.iterations.values.count).toBe(2);
  });

  it('an exception in teardown() exits 107 and the summary is still written', async () => {
    const cwd = tempDir();
    const r = await runBin(
      ['run', '-q', '-e', 'THROW_IN_TEARDOWN=1', fixture('script-errors.js')],
      {
        cwd,
        timeoutMs: 20_000,
      },
    );
    expect(r.code).toBe(107);
    expect(r.stderr).toMatch(
      /level=error msg="Error: teardown failed\\n\\tat teardown \(file:.*\)" hint="script exception" source=stacktrace/,
    );
    expect(existsSync(join(cwd, 'summary.json'))).toBe(true);
  });
});

describe('handleSummary outputs the file system refuses', () => {
  // summary-paths.js writes ok.json and the outputs named by BAD_1 and BAD_2 (HOLD: a 60 s run).
  const runSummaryPaths = (vars: string[], options: Parameters<typeof runBin>[1]) =>
    runBin(['run', '-q', ...vars.flatMap((v) => ['-e', v]), fixture('summary-paths.js')], options);

  it('fail at once with one line naming each path; the other outputs are written', async () => {
    const cwd = tempDir();
    const started = Date.now();
    const r = await runSummaryPaths(['BAD_1=/proc/nonexistent/x.json', 'BAD_2=/proc/self/x'], {
      cwd,
      timeoutMs: 15_000,
    });
    expect(r.code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(
        /level=error msg="failed to handle the end-of-test summary: could not write '\/proc\/nonexistent\/x\.json': ENOENT: no such file or directory, mkdir '\/proc\/nonexistent'"$/,
      ),
      expect.stringMatching(
        /level=error msg="failed to handle the end-of-test summary: could not write '\/proc\/self\/x': .*'\/proc\/self\/x\.\d+\.\d+\.tmp'"$/,
      ),
    ]);
    expect(readFileSync(join(cwd, 'ok.json'), 'utf8')).toBe('{"written":true}');
  });

  it('SIGTERM still stops a run whose outputs are under /proc (exit 105, one line each)', async () => {
    const cwd = tempDir();
    const started = Date.now();
    const r = await runSummaryPaths(['HOLD=1', 'BAD_1=/proc/a/b/c.json', 'BAD_2=/proc/self/fd/0'], {
      cwd,
      timeoutMs: 20_000,
      onSpawn: signalAfter('HOLDING', 'SIGTERM'),
    });
    expect(r.code).toBe(105);
    // The test is 60 s long: it ended on the signal.
    expect(Date.now() - started).toBeLessThan(15_000);
    const errors = r.stderr.split('\n').filter((l) => l.includes('level=error'));
    expect(errors).toEqual([
      expect.stringMatching(/could not write '\/proc\/a\/b\/c\.json'/),
      expect.stringMatching(/could not write '\/proc\/self\/fd\/0'/),
    ]);
    expect(readFileSync(join(cwd, 'ok.json'), 'utf8')).toBe('{"written":true}');
  });
});
