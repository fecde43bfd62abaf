import { RunnerError } from '../errors.js';
import type { ScenarioRun } from '../executors/host.js';
import { emitIterationData } from '../http/metrics.js';
import { getRuntime, type IterationContext, type VuState } from '../runtime/state.js';
import { TestAbortError } from '../runtime/test-abort.js';
import { enter } from '../runtime/vu-context.js';
import { logLine } from '../util/logfmt.js';

// Frames from here on belong to the runner (or Node), not to the script.
const ENGINE_FRAME = /\/node-runner\/dist\/|[( ]node:|at (async )?Promise\.(all|allSettled|race) /;

/** Formats an uncaught script error as k6 logs it: the message and the script's own frames. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const frames: string[] = [];
  for (const line of (err.stack ?? '').split('\n').slice(1)) {
    if (ENGINE_FRAME.test(line)) break;
    frames.push(`\t${line.trim()}`);
  }
  return [`${err.name}: ${err.message}`, ...frames].join('\n');
}

/** Runs one iteration of the scenario's exec function with its async context. */
export async function runIteration(
  run: ScenarioRun,
  vu: VuState,
  onFatal: (err: RunnerError) => void,
): Promise<void> {
  const rt = getRuntime();
  const cfg = run.cfg;
  const iterationInInstance = run.iterationsStarted;
  const ctx: IterationContext = {
    vu,
    scenario: run.info,
    iterationInScenario: vu.iterations++,
    iterationInTest: run.info.nextIterationInTest(),
    iterationInInstance,
    groupPath: '',
    tags: run.tags,
    cancelled: false,
    sent: 0,
    received: 0,
    stage: 'iteration',
  };
  run.active.add(ctx);
  // A module namespace is an exotic object (slow to read): look the function up once per VU.
  vu.exec ??= vu.exports[cfg.exec] as (data: unknown) => unknown;
  const fn = vu.exec;
  const start = performance.now();
  try {
    enter(vu, ctx);
    await fn(vu.setupData);
    if (!ctx.cancelled) run.completed++;
  } catch (err) {
    if (!ctx.cancelled) run.interrupted++;
    if (err instanceof RunnerError) onFatal(err);
    else if (!(err instanceof TestAbortError) && !ctx.cancelled) {
      logLine('error', describeError(err), {
        executor: cfg.executor,
        scenario: cfg.name,
        source: 'stacktrace',
      });
    }
  } finally {
    run.active.delete(ctx);
  }
  // The iteration's own samples carry the scenario's tags and the root group (group() has
  // restored it by now): one shared tags object, nothing built per iteration. An interrupted
  // iteration still reports the bytes its finished requests moved, as k6 does.
  emitIterationData(rt, ctx, run.scenarioTags);
  if (ctx.cancelled) return;
  rt.registry.push(rt.builtins.iteration_duration, performance.now() - start, run.scenarioTags);
  rt.registry.push(rt.builtins.iterations, 1, run.scenarioTags);
  rt.series?.iteration(cfg.name);
}
