import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from './run.js';
import {
  consoleMessages,
  fixturePath,
  loadRun,
  readJson,
  runBin,
  tempDir,
  useLoopbackServer,
} from './test-support/harness.js';

// Executors against a real loopback server, through the programmatic run() (built package).
let run: Awaited<ReturnType<typeof loadRun>>;
const server = useLoopbackServer((req, res) => {
  const ms = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('ms') ?? 0);
  setTimeout(() => res.end('ok'), ms);
});
beforeAll(async () => {
  run = await loadRun();
});

const script = fixturePath('executors.js');
const metric = (r: RunResult, name: string) => r.summaryData?.metrics[name]?.values ?? {};

async function starts(scenarios: string): Promise<{
  result: { code: number | null };
  dropped: number;
  rows: { name: string; vu: number; at: number; scenarioStart: number }[];
}> {
  const cwd = tempDir('k6node-exec-');
  const args = ['run', '-q', '--summary-export', 'export.json', '-e', `BASE=${server.base}`];
  const out = await runBin([...args, '-e', `SCENARIOS=${scenarios}`, script], { cwd });
  const exported = readJson(join(cwd, 'export.json')) as {
    metrics: Record<string, { count?: number }>;
  };
  const rows = consoleMessages(out.stderr)
    .filter((m) => m.startsWith('ITER '))
    .map((m) => {
      const [, name, vu, at, scenarioStart] = m.split(' ');
      return {
        name: name as string,
        vu: Number(vu),
        at: Number(at),
        scenarioStart: Number(scenarioStart),
      };
    });
  return { result: out, rows, dropped: exported.metrics.dropped_iterations?.count ?? 0 };
}

describe('arrival-rate executors', () => {
  it('constant-arrival-rate runs rate × duration iterations, spread evenly over the seconds', async () => {
    const { result, rows, dropped } = await starts('arrival');
    expect(result.code).toBe(0);
    // 50/s for 2 s, the first at 0 and the last at 2 s: 101 starts (a start without a free VU is dropped).
    expect(rows.length + dropped).toBe(101);
    expect(rows.length).toBeGreaterThanOrEqual(85);
    const t0 = Math.min(...rows.map((r) => r.at));
    const firstSecond = rows.filter((r) => r.at - t0 < 1000).length;
    expect(firstSecond).toBeGreaterThanOrEqual(38);
    expect(firstSecond).toBeLessThanOrEqual(62);
  });

  it('counts slots from the planned start even when the start itself is late', async () => {
    const { result, rows } = await starts('blocker,anchored');
    expect(result.code).toBe(0);
    const [blocker] = rows.filter((r) => r.name === 'blocker');
    const anchored = rows.filter((r) => r.name === 'anchored').map((r) => r.at);
    // 10/s from 10 ms: slots at 10, 110, 210 … after the blocker's start. The blocker holds the
    // loop for 80 ms, so the first slot starts late and the second is still due at 110 ms
    // (a schedule counted from the late start would put it at 180 ms or later).
    expect(anchored.length).toBeGreaterThanOrEqual(9);
    expect((anchored[0] ?? 0) - (blocker?.at ?? 0)).toBeGreaterThanOrEqual(75);
    expect((anchored[1] ?? 0) - (blocker?.at ?? 0)).toBeLessThan(150);
  });

  it('drops iterations when no VU is free and maxVUs is reached', async () => {
    const r = await run(script, { quiet: true, env: { BASE: server.base, SCENARIOS: 'dropped' } });
    expect(r.exitCode).toBe(0);
    // One VU busy 400 ms per iteration over a 1 s window at 20/s: at most 3 run, the rest drop.
    const done = metric(r, 'iterations').count ?? 0;
    const dropped = metric(r, 'dropped_iterations').count ?? 0;
    expect(done).toBeLessThanOrEqual(3);
    expect(done + dropped).toBe(21);
  });

  it('initialises more VUs up to maxVUs when the preallocated ones are busy', async () => {
    const r = await run(script, { quiet: true, env: { BASE: server.base, SCENARIOS: 'grow' } });
    expect(r.exitCode).toBe(0);
    expect(metric(r, 'vus_max').value ?? 0).toBeGreaterThan(1);
    expect(metric(r, 'iterations').count ?? 0).toBeGreaterThan(10);
  });
});

describe('VU-based executors', () => {
  it('shared-iterations and per-vu-iterations run exactly their iteration counts; startTime delays a scenario', async () => {
    const { result, rows } = await starts('shared,pervu,late');
    expect(result.code).toBe(0);
    expect(rows.filter((r) => r.name === 'shared').length).toBe(10);
    const pervu = rows.filter((r) => r.name === 'pervu');
    expect(pervu.length).toBe(3 * 4);
    for (const vu of new Set(pervu.map((r) => r.vu)))
      expect(pervu.filter((r) => r.vu === vu).length).toBe(4);
    const [late] = rows.filter((r) => r.name === 'late');
    const t0 = Math.min(...rows.map((r) => r.at));
    expect((late?.at ?? 0) - t0).toBeGreaterThanOrEqual(950);
  });

  it('ramping-vus follows the stages (up to 4 VUs, fewer at the edges)', async () => {
    const { result, rows } = await starts('ramping');
    expect(result.code).toBe(0);
    const t0 = rows[0]?.scenarioStart ?? 0;
    const vusIn = (from: number, to: number) =>
      new Set(rows.filter((r) => r.at - t0 >= from && r.at - t0 < to).map((r) => r.vu)).size;
    expect(vusIn(0, 300)).toBeLessThanOrEqual(2);
    expect(vusIn(1100, 1900)).toBe(4);
    expect(vusIn(2800, 3500)).toBeLessThanOrEqual(1);
  });

  it('interrupts iterations still running after gracefulStop', async () => {
    const r = await run(script, { quiet: true, env: { BASE: server.base, SCENARIOS: 'graceful' } });
    expect(r.exitCode).toBe(0);
    // The only iteration needs 2 s; duration 500 ms + gracefulStop 300 ms cut it off.
    expect(metric(r, 'iterations').count ?? 0).toBe(0);
    expect(r.summaryData?.state.testRunDurationMs ?? 0).toBeLessThan(1500);
  });
});
