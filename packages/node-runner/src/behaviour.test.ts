import { describe, expect, it } from 'vitest';
import {
  consoleMessages,
  fixturePath,
  readSummary,
  runBin,
  tempDir,
  useLoopbackServer,
} from './test-support/harness.js';

// Exit codes and one-line errors as k6 gives them, lifecycle rules and aborts from the script
// (Ctrl-C and run()'s signal: supervision.test.ts).
const server = useLoopbackServer((_req, res) => res.end('ok'));

const fixture = (name: string) => fixturePath(name);
const tmp = () => tempDir();
const noStack = (stderr: string) => expect(stderr).not.toMatch(/^\s+at /m);

describe('errors a user can make', () => {
  it('a function in setup data fails with exit code 255 and one line', async () => {
    const r = await runBin(['run', '-q', fixture('setup-function.js')]);
    expect(r.code).toBe(255);
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/'nested\.fn' is not JSON-serialisable/),
    ]);
  });

  it('an unsupported k6 module fails with one line suggesting the real k6 (exit 107)', async () => {
    const r = await runBin(['run', '-q', fixture('unsupported-module.js')]);
    expect(r.code).toBe(107);
    expect(r.stderr).toMatch(/module 'k6\/ws' is not supported by the Node runner.*real k6/);
    noStack(r.stderr);
  });

  it('synchronous http.get fails with one line naming it (exit 107)', async () => {
    const r = await runBin(['run', '-q', '-e', `BASE=${server.base}`, fixture('sync-http.js')]);
    expect(r.code).toBe(107);
    expect(r.stderr).toMatch(/the synchronous http\.get\(\) .*is not supported by the Node runner/);
    noStack(r.stderr);
  });

  it('a bad threshold expression is named in one line (exit 104)', async () => {
    const r = await runBin(['run', '-q', fixture('bad-threshold.js')]);
    expect(r.code).toBe(104);
    expect(r.stderr.trim()).toMatch(/^invalid threshold "p95<500" on metric 'http_req_duration'/);
  });

  it('a missing script and bad arguments are usage errors (exit 2)', async () => {
    const missing = await runBin(['run', 'no-such-script.js']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/script not found: .*no-such-script\.js/);
    const bad = await runBin(['run', '--bogus', 'x.js']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option "--bogus"/);
  });
});

describe('lifecycle and context', () => {
  it('keeps __VU/__ITER per VU across awaits, applies scenario env/tags, rejects async group, aborts with 108', async () => {
    const cwd = tmp();
    const r = await runBin(['run', '-q', '-e', `BASE=${server.base}`, fixture('lifecycle.js')], {
      cwd,
    });
    expect(r.code).toBe(108);
    expect(r.stderr).toMatch(/level=error msg="test aborted: enough"/);
    const ctx = consoleMessages(r.stderr).filter((m) => m.startsWith('CTX '));
    expect(ctx.length).toBeGreaterThan(3);
    for (const line of ctx) {
      const [, before, after, env] = line.split(' ');
      expect(after).toBe(before);
      expect(env).toBe('from-scenario');
      const [vu, iter, inScenario] = (before as string).split('/');
      expect(iter).toBe(inScenario);
      expect(Number(vu)).toBeGreaterThanOrEqual(1);
    }
    expect(consoleMessages(r.stderr)).toContain(
      'GROUP_ERROR GoError: group() does not support async functions as arguments, please see https://grafana.com/docs/k6/latest/javascript-api/k6/group/#working-with-async-functions',
    );
    const data = readSummary(cwd);
    expect(data.metrics['http_reqs{traffic:read}'].values.count).toBe(
      data.metrics.http_reqs.values.count,
    );
    expect(data.metrics.http_reqs.values.count).toBeLessThan(12);
    expect(data.options.summaryTrendStats).toEqual(['avg', 'p(99)', 'count']);
    expect(Object.keys(data.metrics.http_req_duration.values)).toEqual(['avg', 'p(99)', 'count']);
    expect(data.metrics.http_req_duration.values.count).toBe(data.metrics.http_reqs.values.count);
  });

  it('an abortOnFail threshold ends the run early with exit 99', async () => {
    const cwd = tmp();
    const r = await runBin(
      ['run', '-q', '-e', `BASE=${server.base}`, '-e', 'ABORT_ON_FAIL=1', fixture('interrupt.js')],
      { cwd },
    );
    expect(r.code).toBe(99);
    expect(r.stderr).toMatch(
      /thresholds on metrics 'checks' were crossed; at least one has abortOnFail enabled/,
    );
    const data = readSummary(cwd);
    expect(data.state.testRunDurationMs).toBeLessThan(10_000);
    expect(data.metrics.checks.thresholds['rate>0.99'].ok).toBe(false);
  });
});

describe('many waits and requests at once', () => {
  it('emit no MaxListenersExceededWarning (12 scenarios, 15 requests in flight per iteration)', async () => {
    const r = await runBin(['run', '-q', '-e', `BASE=${server.base}/`, fixture('many-waits.js')]);
    expect(r.code).toBe(0);
    // The fixture collects process 'warning' events inside the runner process.
    expect(consoleMessages(r.stderr)).toEqual(['WARNINGS []']);
    expect(r.stderr).not.toContain('MaxListenersExceededWarning');
  });
});
