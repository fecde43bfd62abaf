import type { VuState } from '../runtime/state.js';
import { EventLoopTurns, type ExecutorHost, type ScenarioRun, waitUntil } from './host.js';
import { constantSchedule, rampingSchedule } from './schedule.js';

// How late the slot due at the end of the duration may start (timer lateness on a busy machine).
const END_SLACK_MS = 100;

/**
 * constant- and ramping-arrival-rate (open model): iterations start on schedule whether or
 * not earlier ones finished; with no free VU the start is dropped and, below maxVUs, a new VU
 * is initialised in the background, as k6 does (up to the instance's share of maxVUs).
 */
export async function runArrivalRate(run: ScenarioRun, host: ExecutorHost): Promise<void> {
  const cfg = run.cfg;
  // In a segment, the instance starts its stripe of the whole test's slots.
  const slots = run.share.iterationShare;
  const schedule =
    cfg.executor === 'constant-arrival-rate'
      ? constantSchedule(cfg.rate, cfg.timeUnitMs, cfg.durationMs, slots)
      : rampingSchedule(cfg.startRate, cfg.timeUnitMs, cfg.stages, slots);
  const free: VuState[] = [...run.vus];
  const inflight = new Set<Promise<void>>();
  let creating = 0;
  let warned = false;
  // Slots count from the scenario's planned start (see ScenarioRun.start).
  const t0 = run.startedAt || performance.now();

  const start = (vu: VuState) => {
    const p = host.runIteration(run, vu).finally(() => {
      inflight.delete(p);
      free.push(vu);
    });
    inflight.add(p);
  };

  // k6 runs the scenario for its whole duration even when the last slot comes earlier (as an
  // instance's stripe usually does): the instance's test lasts as long as the whole test's.
  const durationMs =
    cfg.executor === 'constant-arrival-rate'
      ? cfg.durationMs
      : cfg.stages.reduce((a, s) => a + s.durationMs, 0);
  const turns = new EventLoopTurns();
  for (let offset = schedule.next(); offset !== null; offset = schedule.next()) {
    // Behind schedule, slots are due at once: still let timers and I/O run now and then.
    if (t0 + offset > performance.now()) turns.waited();
    else if (turns.due()) await turns.turn();
    if (await waitUntil(t0 + offset, host.signal)) break;
    // As k6: once the scenario's duration is over, only the slot due at its very end starts
    // (k6 starts it); a generator that fell behind would otherwise start its whole backlog
    // late and reach the rate it could not hold.
    const now = performance.now();
    if (now > t0 + durationMs && now - (t0 + offset) > END_SLACK_MS) break;
    const vu = free.shift();
    if (vu) {
      host.startLag(run, performance.now() - (t0 + offset));
      start(vu);
      continue;
    }
    host.dropIteration(run);
    if (run.vus.length + creating < run.share.maxVus) {
      creating++;
      host
        .createVu(cfg)
        .then((v) => {
          run.vus.push(v);
          free.push(v);
        })
        .catch(() => {})
        .finally(() => creating--);
    } else if (!warned) {
      warned = true;
      host.warn(
        `Insufficient VUs, reached ${run.vus.length} active VUs and cannot initialize more`,
        {
          executor: cfg.executor,
          scenario: cfg.name,
        },
      );
    }
  }
  await waitUntil(t0 + durationMs, host.signal);
  await run.drain(inflight);
}
