import type { VuState } from '../runtime/state.js';
import { onAbort } from '../util/abort.js';
import { EventLoopTurns, type ExecutorHost, type ScenarioRun, waitUntil } from './host.js';
import { rampingVusAt } from './schedule.js';

/** Runs one VU's closed loop while `more()` allows another iteration. */
async function loop(
  run: ScenarioRun,
  host: ExecutorHost,
  vu: VuState,
  more: () => boolean,
): Promise<void> {
  const turns = new EventLoopTurns();
  while (!host.signal.aborted && more()) {
    await host.runIteration(run, vu);
    if (turns.due()) await turns.turn();
  }
}

/** Resolves true when `p` settles within `ms`, false on timeout or abort. */
function within(p: Promise<unknown>, ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    let off = () => {};
    const timer = setTimeout(() => done(false), Math.max(0, ms));
    const done = (v: boolean) => {
      clearTimeout(timer);
      off();
      resolve(v);
    };
    if (signal?.aborted) return done(false);
    if (signal) off = onAbort(signal, () => done(false));
    p.then(() => done(true));
  });
}

/** Waits for the loops until the deadline, then up to gracefulStop, then interrupts. */
async function finish(
  run: ScenarioRun,
  loops: Promise<void>[],
  deadline: number,
  host: ExecutorHost,
): Promise<void> {
  const all = Promise.allSettled(loops);
  if (await within(all, deadline - performance.now(), host.signal)) return;
  if (!(await within(all, run.cfg.gracefulStopMs))) run.interruptAll();
}

/** constant-vus: `vus` VUs loop for `duration`. */
export async function runConstantVus(run: ScenarioRun, host: ExecutorHost): Promise<void> {
  const end = performance.now() + run.cfg.durationMs;
  const loops = run.vus.map((vu) => loop(run, host, vu, () => performance.now() < end));
  await finish(run, loops, end, host);
}

/** per-vu-iterations: each VU runs `iterations` iterations within maxDuration. */
export async function runPerVuIterations(run: ScenarioRun, host: ExecutorHost): Promise<void> {
  const end = performance.now() + run.cfg.maxDurationMs;
  const loops = run.vus.map((vu) => {
    let left = run.cfg.iterations;
    return loop(run, host, vu, () => performance.now() < end && left-- > 0);
  });
  await finish(run, loops, end, host);
}

/** shared-iterations: `iterations` (the instance's part of them) shared among the VUs within maxDuration. */
export async function runSharedIterations(run: ScenarioRun, host: ExecutorHost): Promise<void> {
  const end = performance.now() + run.cfg.maxDurationMs;
  let left = run.share.iterations;
  const loops = run.vus.map((vu) =>
    loop(run, host, vu, () => performance.now() < end && left-- > 0),
  );
  await finish(run, loops, end, host);
}

/**
 * ramping-vus: VUs follow the stage targets; VUs above the target stop after their iteration.
 * In a segment the instance runs its part of the whole test's target at every moment.
 */
export async function runRampingVus(run: ScenarioRun, host: ExecutorHost): Promise<void> {
  const cfg = run.cfg;
  const t0 = performance.now();
  const total = cfg.stages.reduce((s, st) => s + st.durationMs, 0);
  const end = t0 + total;
  const target = () =>
    run.share.vusOf(rampingVusAt(cfg.startVUs, cfg.stages, performance.now() - t0));
  const loops = new Map<number, Promise<void>>();
  // VU i runs while the target is above i; ramp-down lets the current iteration finish.
  const startLoop = (i: number) => {
    const vu = run.vus[i] as VuState;
    loops.set(
      i,
      loop(run, host, vu, () => performance.now() < end && target() > i).finally(() =>
        loops.delete(i),
      ),
    );
  };
  for (;;) {
    const want = Math.min(target(), run.vus.length);
    for (let i = 0; i < want; i++) if (!loops.has(i)) startLoop(i);
    if (await waitUntil(Math.min(end, performance.now() + 50), host.signal)) break;
    if (performance.now() >= end) break;
  }
  await finish(run, [...loops.values()], performance.now(), host);
}
