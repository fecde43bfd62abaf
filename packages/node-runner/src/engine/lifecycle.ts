import { EXIT, RunnerError } from '../errors.js';
import { emitIterationData } from '../http/metrics.js';
import { getRuntime, type IterationContext, type VuState } from '../runtime/state.js';
import { enter } from '../runtime/vu-context.js';
import { logLine } from '../util/logfmt.js';
import { describeError } from './iteration.js';

/** Runs `setup` or `teardown` (sync or async) inside its `::setup` / `::teardown` group, as k6. */
export async function runLifecycle(
  main: VuState,
  stage: 'setup' | 'teardown',
  data: unknown,
): Promise<{ defined: boolean; result: unknown; failed: boolean }> {
  const fn = main.exports[stage];
  if (typeof fn !== 'function') return { defined: false, result: undefined, failed: false };
  const rt = getRuntime();
  const node = rt.groups.group('', stage);
  const ctx: IterationContext = {
    vu: main,
    scenario: null,
    iterationInScenario: 0,
    iterationInTest: 0,
    groupPath: node.path,
    tags: {},
    cancelled: false,
    sent: 0,
    received: 0,
    stage,
  };
  try {
    enter(main, ctx);
    return { defined: true, result: await fn(data), failed: false };
  } catch (err) {
    if (err instanceof RunnerError) throw err;
    logLine('error', describeError(err), { hint: 'script exception', source: 'stacktrace' });
    if (stage === 'setup') {
      throw new RunnerError(
        `setup() failed: ${err instanceof Error ? err.message : String(err)}`,
        EXIT.scriptException,
      );
    }
    // A failed teardown still lets the summary be written; the caller turns it into exit 107.
    return { defined: true, result: undefined, failed: true };
  } finally {
    // k6 runs setup and teardown like an iteration: their bytes are emitted as they end.
    emitIterationData(rt, ctx, { group: node.path });
  }
}
