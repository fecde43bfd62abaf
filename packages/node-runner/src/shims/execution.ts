// The `k6/execution` module: who and where the running code is.
import { EXIT } from '../errors.js';
import { currentContext, getRuntime } from '../runtime/state.js';

/** Thrown by `test.abort()` to end the calling iteration; the engine does not log it as an error. */
export class TestAbortError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'TestAbortError';
  }
}

function ctx() {
  const c = currentContext();
  if (!c) throw new Error('k6/execution is only available while a script runs');
  return c;
}

const execution = {
  get vu() {
    const c = ctx();
    return {
      idInTest: c.vu.id,
      idInInstance: c.vu.id,
      iterationInInstance: c.vu.iterations,
      iterationInScenario: c.iterationInScenario,
      tags: c.tags,
    };
  },
  get scenario() {
    const c = ctx();
    const s = c.scenario;
    if (!s)
      throw new Error('getting scenario information outside of the VU context is not supported');
    return {
      name: s.name,
      executor: s.executor,
      startTime: s.startTime,
      progress: s.progress(),
      iterationInInstance: c.iterationInTest,
      iterationInTest: c.iterationInTest,
    };
  },
  get instance() {
    return { currentTestRunDuration: Date.now() - getRuntime().testStartEpoch };
  },
  get test() {
    return {
      abort(reason?: string): never {
        const text = reason ? `test aborted: ${reason}` : 'test aborted';
        getRuntime().abortTest(text, EXIT.scriptAborted);
        throw new TestAbortError(text);
      },
      get options() {
        return {};
      },
    };
  },
};

export default execution;
