import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseMemoryCsv } from '@rota-perf/core';
import { describe, expect, it } from 'vitest';
import { startMonitor } from './monitor.js';
import {
  startScript,
  uniqueMarker,
  useScratchDir,
  waitForExit,
  waitForLine,
} from './test-support/spawn.js';
import type { MonitorEvent } from './types.js';

const MiB = 1024 * 1024;
const dir = useScratchDir('mem-monitor-', 'each');

describe('startMonitor on a child that allocates in steps', () => {
  it('follows the steps, finds the peak, writes a parseable CSV and stops when it exits', async () => {
    const steps = 4;
    const stepMiB = 50;
    const child = startScript('allocator.mjs', [
      uniqueMarker(),
      String(steps),
      String(stepMiB),
      '500',
      '800',
    ]);
    await waitForLine(child, 'ready');
    const output = join(dir(), 'steps.csv');
    const events: MonitorEvent[] = [];
    const monitor = startMonitor({
      pid: child.pid as number,
      intervalSeconds: 0.1,
      durationSeconds: 20,
      output,
      onEvent: (e) => events.push(e),
    });
    const summary = await monitor.done;

    expect(monitor.stopReason).toBe('exited');
    expect(events.map((e) => e.kind)).toContain('exited');
    // Ended by the exit (about 4 x 0.5 s + 0.8 s), far before the 20 s duration.
    expect(summary.durationSeconds).toBeLessThan(15);
    const rss = monitor.samples.map((s) => s.rssBytes);
    const baseline = rss[0] as number;
    const stepBytes = stepMiB * MiB;
    // Every level 0..steps appears: some sample sits within a third of a step of it.
    for (let level = 0; level <= steps; level++) {
      const near = rss.some((r) => Math.abs(r - baseline - level * stepBytes) < stepBytes / 3);
      expect(near, `a sample near baseline + ${level} x ${stepMiB} MiB`).toBe(true);
    }
    const expectedPeak = baseline + steps * stepBytes;
    expect(summary.peakRssBytes).toBeGreaterThan(expectedPeak - stepBytes / 4);
    expect(summary.peakRssBytes).toBeLessThan(expectedPeak + stepBytes / 2);
    expect(summary.rssGrowthBytesPerMinute).toBeGreaterThan(0);
    for (const s of monitor.samples) {
      expect(s.pid).toBe(child.pid);
      expect(s.matchedCount).toBe(1);
      expect(s.vmsBytes).toBeGreaterThanOrEqual(s.rssBytes);
    }
    // The CSV holds exactly the samples, in order.
    const parsed = parseMemoryCsv(await readFile(output, 'utf8'));
    expect(parsed.map((s) => [s.pid, s.rssBytes, s.vmsBytes])).toEqual(
      monitor.samples.map((s) => [s.pid, s.rssBytes, s.vmsBytes]),
    );
    expect(parsed.map((s) => s.elapsedSeconds)).toEqual(
      monitor.samples.map((s) => Number(s.elapsedSeconds.toFixed(3))),
    );
  });
});

describe('startMonitor by pattern', () => {
  it('waits while nothing matches, then samples the process that appears', async () => {
    const marker = uniqueMarker();
    const events: MonitorEvent[] = [];
    const monitor = startMonitor({
      pattern: marker,
      intervalSeconds: 0.1,
      durationSeconds: 20,
      onEvent: (e) => events.push(e),
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(monitor.samples).toHaveLength(0);
    // Throttled: one message, not one per 0.1 s poll.
    expect(events.filter((e) => e.kind === 'waiting')).toHaveLength(1);
    const child = startScript('allocator.mjs', [marker, '1', '10', '100', '5000']);
    await waitForLine(child, 'step 1');
    await new Promise((r) => setTimeout(r, 400));
    const summary = await monitor.stop();

    expect(monitor.stopReason).toBe('stopped');
    expect(summary.samples).toBeGreaterThan(0);
    expect(new Set(monitor.samples.map((s) => s.pid))).toEqual(new Set([child.pid]));
    const matched = events.find((e) => e.kind === 'matched');
    expect(matched?.pids).toEqual([child.pid]);
    expect(matched?.message).toContain(`pid ${child.pid}`);
    expect(matched?.message).toContain(marker);
  });

  it('accepts /regex/flags and sums several top-level matches', async () => {
    const marker = uniqueMarker();
    const a = startScript('allocator.mjs', [`${marker}-A`, '1', '30', '10', '8000']);
    const b = startScript('allocator.mjs', [`${marker}-B`, '1', '30', '10', '8000']);
    await Promise.all([waitForLine(a, 'step 1'), waitForLine(b, 'step 1')]);
    const events: MonitorEvent[] = [];
    const monitor = startMonitor({
      pattern: `/${marker.toUpperCase()}-[AB]/i`,
      intervalSeconds: 0.1,
      durationSeconds: 0.6,
      onEvent: (e) => events.push(e),
    });
    await monitor.done;

    expect(monitor.stopReason).toBe('duration');
    const pids = [a.pid as number, b.pid as number].sort((x, y) => x - y);
    expect(events.find((e) => e.kind === 'matched')?.pids).toEqual(pids);
    const last = monitor.samples.at(-1);
    expect(last?.matchedCount).toBe(2);
    expect(last?.pid).toBe(pids[0]);
    // Two processes holding 30 MiB each on top of their own baselines.
    expect(last?.rssBytes).toBeGreaterThan(2 * 30 * MiB);
  });

  it('with follow, waits for the next match after the process exits', async () => {
    const marker = uniqueMarker();
    const first = startScript('allocator.mjs', [marker, '0', '1', '10', '300']);
    await waitForLine(first, 'ready');
    const events: MonitorEvent[] = [];
    const monitor = startMonitor({
      pattern: marker,
      intervalSeconds: 0.1,
      durationSeconds: 20,
      follow: true,
      onEvent: (e) => events.push(e),
    });
    await waitForExit(first);
    await new Promise((r) => setTimeout(r, 300));
    const second = startScript('allocator.mjs', [marker, '0', '1', '10', '3000']);
    await waitForLine(second, 'ready');
    await new Promise((r) => setTimeout(r, 500));
    await monitor.stop();

    expect(events.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['matched', 'exited', 'waiting']),
    );
    const pids = new Set(monitor.samples.map((s) => s.pid));
    expect(pids).toEqual(new Set([first.pid, second.pid]));
  });
});

describe('startMonitor with includeChildren', () => {
  it('sums the process tree; without it only the matched parent is counted', async () => {
    const marker = uniqueMarker();
    const tree = startScript('tree.mjs', [marker, '2', '40', '15000']);
    const childPids = (await waitForLine(tree, 'children')).slice('children '.length).split(',');
    // tree.mjs prints the pids only once both children have allocated.
    const sampleOnce = async (includeChildren: boolean) => {
      const monitor = startMonitor({
        pattern: marker,
        includeChildren,
        intervalSeconds: 0.1,
        durationSeconds: 0.35,
      });
      await monitor.done;
      return monitor.samples.at(-1);
    };
    const alone = await sampleOnce(false);
    const withChildren = await sampleOnce(true);
    // The grandchildren would outlive a SIGKILLed parent until their hold ends.
    for (const pid of childPids) process.kill(Number(pid), 'SIGKILL');

    expect(childPids).toHaveLength(2);
    expect(alone?.matchedCount).toBe(1);
    expect(withChildren?.matchedCount).toBe(3);
    expect(withChildren?.pid).toBe(tree.pid);
    // Each child holds 40 MiB on top of its own node baseline.
    expect((withChildren?.rssBytes ?? 0) - (alone?.rssBytes ?? 0)).toBeGreaterThan(2 * 40 * MiB);
  });
});

describe('startMonitor by pid that is not running', () => {
  it('stops at once with reason not-found and no samples', async () => {
    const child = startScript('allocator.mjs', [uniqueMarker(), '0', '1', '10', '0']);
    await waitForExit(child);
    const monitor = startMonitor({
      pid: child.pid as number,
      intervalSeconds: 0.1,
      durationSeconds: 5,
    });
    const summary = await monitor.done;
    expect(monitor.stopReason).toBe('not-found');
    expect(summary.samples).toBe(0);
  });
});
