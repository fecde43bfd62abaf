// cpu_percent of a steady load must read steady at the default 0.5 s interval, and agree with
// the CPU time the process itself reports. The child's own figure (getrusage) is the reference,
// not the nominal 50 %: on a shared 2-core machine the child may get less than it asks for.
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startMonitor } from './monitor.js';
import { killStarted, startScript, uniqueMarker, waitForLine } from './test-support/spawn.js';

afterEach(killStarted);

interface CpuPoint {
  at: number;
  micros: number;
}

/** Collects the child's `cpu <epoch ms> <cpu µs>` lines as they arrive. */
function recordCpu(child: ChildProcess): CpuPoint[] {
  const points: CpuPoint[] = [];
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^cpu (\d+) (\d+)$/.exec(line);
      if (m) points.push({ at: Number(m[1]), micros: Number(m[2]) });
    }
  });
  return points;
}

/** The child's cumulative CPU µs at `at`, interpolated between its reports. */
function cpuAt(points: readonly CpuPoint[], at: number): number {
  const after = points.findIndex((p) => p.at >= at);
  if (after <= 0) throw new Error(`no child CPU report brackets ${at}`);
  const a = points[after - 1] as CpuPoint;
  const b = points[after] as CpuPoint;
  return b.at === a.at
    ? b.micros
    : a.micros + ((b.micros - a.micros) * (at - a.at)) / (b.at - a.at);
}

describe.runIf(process.platform === 'linux')('cpu_percent of a steady load', () => {
  it('reads steady at 0.5 s and matches the CPU time the child reports', async () => {
    // 25 ms busy in every 50 ms: half a core, with no rhythm slower than 50 ms.
    const child = startScript('burner.mjs', [uniqueMarker(), '25', '50']);
    const reports = recordCpu(child);
    await waitForLine(child, 'ready');
    const monitor = startMonitor({
      pid: child.pid as number,
      intervalSeconds: 0.5,
      durationSeconds: 4.2,
    });
    await monitor.done;
    // One more report after the last sample, so it is bracketed.
    await new Promise((r) => setTimeout(r, 400));
    expect(monitor.stopReason).toBe('duration');

    // The first sample is the average since the child started (node's start-up included).
    const samples = monitor.samples.slice(1);
    expect(samples.length).toBeGreaterThanOrEqual(6);
    const cpu = samples.map((s) => s.cpuPercent);
    const seen = cpu.map((c) => c.toFixed(1)).join(', ');

    const times = monitor.samples.map((s) => Date.parse(s.timestamp));
    const first = times[0] as number;
    const last = times[times.length - 1] as number;
    const truth = ((cpuAt(reports, last) - cpuAt(reports, first)) / 1000 / (last - first)) * 100;
    expect(truth, 'the child got some CPU at all').toBeGreaterThan(10);

    // Time-weighted mean of the samples: the same span the child's own figure covers.
    let weighted = 0;
    for (let i = 1; i < times.length; i++) {
      weighted +=
        (monitor.samples[i]?.cpuPercent ?? 0) * ((times[i] as number) - (times[i - 1] as number));
    }
    const mean = weighted / (last - first);
    expect(Math.abs(mean - truth), `mean ${mean} vs child ${truth}: ${seen}`).toBeLessThan(8);

    // Steady: at 100 ticks/s a 0.5 s window is ±2 ticks (±4 points); a sawtooth such as
    // 12, 58, 14, 56 … moves ~45 points per step, far beyond what contention adds.
    for (const c of cpu) {
      expect(Math.abs(c - truth), `sample ${c} vs child ${truth}: ${seen}`).toBeLessThan(
        Math.max(15, truth / 2),
      );
    }
    const steps = cpu.slice(1).map((c, i) => Math.abs(c - (cpu[i] as number)));
    const meanStep = steps.reduce((a, b) => a + b, 0) / steps.length;
    expect(meanStep, `mean step between samples: ${seen}`).toBeLessThan(Math.max(6, truth / 2));
  });
});
