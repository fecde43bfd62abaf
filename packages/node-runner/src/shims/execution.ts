// The `k6/execution` module: who and where the running code is.
import { EXIT } from '../errors.js';
import { getRuntime } from '../runtime/state.js';
import { TestAbortError } from '../runtime/test-abort.js';
import { contextOfModule } from '../runtime/vu-context.js';

// This module is instantiated per VU (`execution.js?vu=N`): it describes that VU.
const currentContext = contextOfModule(import.meta.url);

function ctx() {
  const c = currentContext();
  if (!c) throw new Error('k6/execution is only available while a script runs');
  return c;
}

const execution = {
  get vu() {
    const c = ctx();
    // In a segment the instance numbers its VUs from 1 (`__VU`); idInTest is the test-wide number.
    return {
      idInTest: c.vu.idInTest,
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
      iterationInInstance: c.iterationInInstance ?? 0,
      iterationInTest: c.iterationInTest,
    };
  },
  // Counts of this instance only: in a segmented test each instance reports its own.
  get instance() {
    const rt = getRuntime();
    const counts = rt.instance;
    return {
      currentTestRunDuration: Date.now() - rt.testStartEpoch,
      iterationsCompleted: counts?.iterationsCompleted() ?? 0,
      iterationsInterrupted: counts?.iterationsInterrupted() ?? 0,
      vusActive: counts?.vusActive() ?? 0,
      vusInitialized: counts?.vusInitialized() ?? 0,
    };
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
