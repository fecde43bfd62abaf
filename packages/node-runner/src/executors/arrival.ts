import type { VuState } from '../runtime/state.js';
import { EventLoopTurns, type ExecutorHost, type ScenarioRun, waitUntil } from './host.js';
import { constantSchedule, rampingSchedule } from './schedule.js';

/**
 * constant- and ramping-arrival-rate (open model): iterations start on schedule whether or
 * not earlier ones finished; with no free VU the start is dropped and, below maxVUs, a new VU
 * is initialised in the background, as k6 does.
 */
export async function runArrivalRate(run: ScenarioRun, host: ExecutorHost): Promise<void> {
  const cfg = run.cfg;
  const schedule =
    cfg.executor === 'constant-arrival-rate'
      ? constantSchedule(cfg.rate, cfg.timeUnitMs, cfg.durationMs)
      : rampingSchedule(cfg.startRate, cfg.timeUnitMs, cfg.stages);
  const free: VuState[] = [...run.vus];
  const inflight = new Set<Promise<void>>();
  let creating = 0;
  let warned = false;
  // Anchor the schedule where k6/execution's scenario.startTime was taken.
  const t0 = run.startedAt || performance.now();

  const start = (vu: VuState) => {
    const p = host.runIteration(run, vu).finally(() => {
      inflight.delete(p);
      free.push(vu);
    });
    inflight.add(p);
  };

  const turns = new EventLoopTurns();
  for (let offset = schedule.next(); offset !== null; offset = schedule.next()) {
    // Behind schedule, slots are due at once: still let timers and I/O run now and then.
    if (t0 + offset > performance.now()) turns.waited();
    else if (turns.due()) await turns.turn();
    if (await waitUntil(t0 + offset, host.signal)) break;
    const vu = free.shift();
    if (vu) {
      host.startLag(run, performance.now() - (t0 + offset));
      start(vu);
      continue;
    }
    host.dropIteration(run);
    if (run.vus.length + creating < cfg.maxVUs) {
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
  await run.drain(inflight);
}
