// Live progress from synthetic seconds: the recorder's own FinishedSecond events (as both
// engines deliver them) through the model, the renderers and the display.
import { type RunPhase, scheduleOf } from '@rota-perf/core';
import { type FinishedSecond, SeriesRecorder } from '@rota-perf/core/series';
import { describe, expect, it } from 'vitest';
import { ProgressDisplay, progressMode } from './display.js';
import { ProgressModel, type ProgressPlan } from './model.js';
import { formatClock, renderFrame, renderHeartbeat, renderLevel } from './render.js';

const START = Date.UTC(2026, 11, 1, 6, 0, 0);
const CSI = '\u001b[';
const at = (s: number) => START + s * 1000;

const ramp = (target: number) => ({
  executor: 'ramping-arrival-rate',
  startRate: 0,
  stages: [
    { duration: '10s', target },
    { duration: '20s', target },
  ],
});

const PHASES: RunPhase[] = [
  { name: 'warm-up', start_seconds: 0, end_seconds: 10 },
  { name: 'plateau', start_seconds: 10, end_seconds: 30, target_rps: 30 },
];

function plan(names: string[], levels: ProgressPlan['levels'] = []): ProgressPlan {
  const scenarios: Record<string, ReturnType<typeof ramp>> = {};
  for (const n of names) scenarios[n] = ramp(10);
  return {
    title: 'bench performance',
    totalSeconds: 30,
    schedule: scheduleOf(scenarios),
    phases: PHASES,
    levels,
  };
}

/** Seconds 0..n-1 with `perSecond` requests of each scenario (latency 10 ms, every 10th failing). */
function seconds(names: string[], n: number, perSecond: (name: string, t: number) => number) {
  const out: FinishedSecond[] = [];
  const recorder = new SeriesRecorder({
    startMs: START,
    engine: 'node-runner',
    onSecond: (s) => out.push(s),
  });
  let k = 0;
  for (let t = 0; t < n; t++) {
    for (const name of names) {
      for (let i = 0; i < perSecond(name, t); i++) {
        const failed = ++k % 10 === 0;
        recorder.recordRequest(
          at(t + 0.5),
          name,
          `GET /${name}`,
          10 + i,
          failed ? 503 : 200,
          failed,
        );
      }
    }
    recorder.recordSecond(at(t + 0.9), { vus: 4 + t, vus_max: 20 });
  }
  recorder.finish();
  return out;
}

describe('ProgressModel', () => {
  it('figures of the last finished second, targets from the schedule, running totals', () => {
    const model = new ProgressModel(plan(['a', 'b']));
    expect(model.snapshot(at(3)).elapsed).toBeNull();
    model.start(START);
    const feed = seconds(['a', 'b'], 12, (name) => (name === 'a' ? 10 : 5));
    for (const s of feed) model.addSecond(s);
    const snap = model.snapshot(at(12.5));
    expect(snap.elapsed).toBe(12.5);
    expect(snap.phase).toBe('plateau');
    expect(snap.scenarios.map((s) => [s.name, s.target, s.achieved])).toEqual([
      ['a', 10, 10],
      ['b', 10, 5],
    ]);
    expect(snap.total).toMatchObject({ target: 20, achieved: 15, vus: 15, vusMax: 20 });
    expect(snap.requests).toBe(12 * 15);
    expect(snap.failed).toBe(18);
    expect(snap.statuses).toEqual({ '2xx': 162, '5xx': 18 });
    expect(snap.total.p95).toBeGreaterThanOrEqual(17);
    expect(model.snapshot(at(31)).phase).toBe('finishing');
  });

  it('gives the target of the second the achieved figures come from, not of now', () => {
    const model = new ProgressModel(plan(['a']));
    model.start(START);
    // The warm-up ramps 0 -> 10/s over 10 s; second 4 is the last finished one at 7.5 s.
    for (const s of seconds(['a'], 5, (_, t) => t)) model.addSecond(s);
    const snap = model.snapshot(at(7.5));
    expect(snap.phase).toBe('warm-up');
    expect(snap.scenarios[0]).toMatchObject({ target: 4.5, achieved: 4 });
    const before = new ProgressModel(plan(['a']));
    before.start(START);
    expect(before.snapshot(at(2)).scenarios[0]?.target).toBe(2);
  });

  it('one verdict per sweep level, once its seconds are in', () => {
    const levels = [
      { scenario: 'probe_5', targetRps: 5, startSeconds: 0, durationSeconds: 3 },
      { scenario: 'probe_10', targetRps: 10, startSeconds: 3, durationSeconds: 3 },
    ];
    const model = new ProgressModel(plan(['probe_5', 'probe_10'], levels));
    model.start(START);
    const feed = seconds(['probe_5', 'probe_10'], 8, (name, t) =>
      name === 'probe_5' ? (t < 3 ? 5 : 0) : t >= 3 && t < 6 ? 10 : 0,
    );
    for (const s of feed.slice(0, 3)) model.addSecond(s);
    expect(model.takeFinishedLevels()).toEqual([]);
    model.addSecond(feed[3] as FinishedSecond);
    const [first] = model.takeFinishedLevels();
    expect(first).toMatchObject({
      scenario: 'probe_5',
      index: 1,
      of: 2,
      requests: 15,
      achievedRps: 5,
    });
    expect(model.takeFinishedLevels()).toEqual([]);
    for (const s of feed.slice(4, 6)) model.addSecond(s);
    expect(model.takeFinishedLevels(true).map((l) => [l.scenario, l.requests])).toEqual([
      ['probe_10', 30],
    ]);
  });
});

describe('render', () => {
  const model = new ProgressModel(plan(Array.from({ length: 12 }, (_, i) => `s${i}`)));
  model.start(START);
  for (const s of seconds(
    Array.from({ length: 12 }, (_, i) => `s${i}`),
    11,
    (n) => Number(n.slice(1)) + 1,
  )) {
    model.addSecond(s);
  }
  const snap = model.snapshot(at(11.2));

  it('a frame: header with clock and phase, top scenarios by rate, the rest folded, totals', () => {
    const frame = renderFrame(snap, 100, 5);
    expect(frame[0]).toMatch(/^bench performance · 0:11\/0:30 plateau \[#+-+\] {2}37%$/);
    expect(frame[1]).toMatch(/scenario\s+target\/s\s+achieved\/s\s+p95 ms\s+errors\/s/);
    expect(frame.slice(2, 6).map((l) => l.trim().split(/\s+/)[0])).toEqual([
      's11',
      's10',
      's9',
      's8',
    ]);
    expect(frame[6]).toMatch(/^\s+\+ 8 more\s+80\.0\s+36\.0\s/);
    expect(frame[7]).toMatch(/^\s+total\s+120\.0\s+78\.0\s.*VUs 14\/20$/);
    expect(frame[8]).toMatch(/requests 858 \(2xx 773, 5xx 85\) · failed 85 \(9\.91%\) · dropped 0/);
    for (const line of renderFrame(snap, 30, 5)) expect(line.length).toBeLessThanOrEqual(30);
  });

  it('a heartbeat line and the clock format', () => {
    expect(renderHeartbeat(snap)).toMatch(
      /^\[bench performance\] 0:11\/0:30 plateau · target 120\.0\/s · achieved 78\.0\/s · VUs 14\/20 · p95 \d+\.\d ms · errors \d+\/s · requests 858, failed 85 \(9\.91%\), dropped 0$/,
    );
    expect(formatClock(3725)).toBe('1:02:05');
    // Before the test starts: the setup clock.
    const waiting = new ProgressModel(plan(['a']));
    waiting.launch(at(0));
    expect(renderHeartbeat(waiting.snapshot(at(7)))).toMatch(
      /^\[bench performance\] setting up 0:07 · /,
    );
    expect(formatClock(65)).toBe('1:05');
  });
});

describe('ProgressDisplay', () => {
  function terminal() {
    const written: string[] = [];
    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(`out:${l}`),
      err: (l: string) => lines.push(`err:${l}`),
      progress: { isTTY: true, columns: 100, write: (c: string) => written.push(c) },
    };
    return { io, written, lines };
  }

  it('chooses the block on a terminal, lines in a log, nothing with -q', () => {
    expect(progressMode(false, { progress: { isTTY: true, write: () => true } })).toBe('tty');
    expect(progressMode(false, { progress: { isTTY: false, write: () => true } })).toBe('lines');
    expect(progressMode(false, {})).toBe('lines');
    expect(progressMode(true, { progress: { isTTY: true, write: () => true } })).toBe('off');
  });

  it('redraws in place, prints lines above the block, gives way at the end', () => {
    const { io, written, lines } = terminal();
    let now = at(5);
    const model = new ProgressModel(plan(['a']));
    const display = new ProgressDisplay(model, io, {
      mode: 'tty',
      heartbeatSeconds: 10,
      now: () => now,
    });
    display.start();
    display.testStarted(START);
    for (const s of seconds(['a'], 5, () => 3)) display.addSecond(s);
    // Each frame moves up over the previous one and clears before drawing.
    const frame = written.at(-1) ?? '';
    const height = frame.split('\n').length - 1;
    expect(frame.startsWith(`${CSI}${height}A\r${CSI}J`)).toBe(true);
    expect(frame).toContain('0:05/0:30 warm-up');
    display.println('memory: sampling pid 7');
    expect(lines).toEqual(['out:memory: sampling pid 7']);
    now = at(6);
    display.addSecond({ t: 5, requests: [], scenarios: [], second: null });
    expect(written[written.length - 1]).toContain('0:06/0:30');
    display.stop();
    // Erased, and the last figures stay as one line.
    expect(written.at(-1)).toBe(`${CSI}${height}A\r${CSI}J`);
    expect(lines[1]).toMatch(/^err:\[bench performance\] 0:06\/0:30 warm-up/);
  });

  it('in a log: heartbeat lines only, and level lines as levels finish', () => {
    const written: string[] = [];
    const lines: string[] = [];
    const io = {
      out: (l: string) => lines.push(l),
      err: (l: string) => lines.push(l),
      progress: { isTTY: false, write: (c: string) => written.push(c) },
    };
    const levels = [{ scenario: 'probe_3', targetRps: 3, startSeconds: 0, durationSeconds: 2 }];
    const model = new ProgressModel(plan(['probe_3'], levels));
    const display = new ProgressDisplay(model, io, { mode: 'lines', heartbeatSeconds: 10 });
    display.testStarted(START);
    for (const s of seconds(['probe_3'], 4, (_n, t) => (t < 2 ? 3 : 0))) display.addSecond(s);
    display.stop();
    expect(written).toEqual([]);
    expect(lines).toEqual([
      // Busy VUs peak at 5 (4 + t in the level's seconds 0 and 1); no generator CPU recorded.
      'level 1/1 probe_3: target 3/s, achieved 3.0/s, p95 12.0 ms, failed 0/6 (0.00%), dropped 0, VUs busy ≤ 5',
    ]);
  });

  it("a level's line adds its dropped iterations and the generator's mean CPU over its seconds", () => {
    const levels = [
      { scenario: 'probe_3', targetRps: 3, startSeconds: 0, durationSeconds: 2 },
      { scenario: 'probe_6', targetRps: 6, startSeconds: 2, durationSeconds: 2 },
    ];
    const model = new ProgressModel(plan(['probe_3', 'probe_6'], levels));
    const cpu = [10, 20, 70, 90];
    for (const s of seconds(['probe_3', 'probe_6'], 4, (n, t) =>
      n === 'probe_3' ? (t < 2 ? 3 : 0) : t >= 2 ? 6 : 0,
    )) {
      const t = s.t;
      model.addSecond({
        ...s,
        scenarios:
          t === 3
            ? [
                {
                  t,
                  scenario: 'probe_6',
                  iterations: 6,
                  dropped_iterations: 7,
                  data_received: 0,
                  data_sent: 0,
                  checks_passed: 0,
                  checks_failed: 0,
                },
              ]
            : s.scenarios,
        second: s.second && { ...s.second, generator_cpu_percent: cpu[t] as number },
      });
    }
    const [first, second] = model.takeFinishedLevels(true).map(renderLevel);
    expect(first).toMatch(/, dropped 0, VUs busy ≤ 5, generator CPU 15%$/);
    expect(second).toMatch(/, dropped 7, VUs busy ≤ 7, generator CPU 80%$/);
  });
});
