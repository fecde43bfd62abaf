// Errors that escape VU code through timers and promises, and the Node process controls a
// k6 script must not reach. Installed in the engine thread.
import { RunnerError } from '../errors.js';
import { tryRuntime } from '../runtime/state.js';
import { contextOfStack } from '../runtime/vu-context.js';
import { type LogFields, logLine } from '../util/logfmt.js';
import { describeError } from './iteration.js';

/**
 * Logs an exception thrown in a timer callback, or a promise rejected with no handler, the way
 * k6's event loop reports them: the stack trace (a rejection prefixed `Uncaught (in promise)`)
 * with the scenario of the iteration that caused it. The run goes on.
 */
export function reportUncaught(err: unknown, kind: 'exception' | 'rejection'): void {
  if (err instanceof RunnerError) {
    // An unsupported API used from a callback ends the run as it would in the iteration.
    tryRuntime()?.abortTest(err.message, err.exitCode);
    return;
  }
  // The handler runs outside the VU's code: the error's own stack names the VU.
  const scenario = contextOfStack(err instanceof Error ? err.stack : undefined)?.scenario;
  const fields: LogFields = scenario
    ? { executor: scenario.executor, scenario: scenario.name }
    : {};
  if (kind === 'exception') {
    logLine('error', describeError(err), { ...fields, source: 'stacktrace' });
  } else {
    logLine('error', `Uncaught (in promise) ${describeError(err)}`, fields);
  }
}

/** The error a script gets for Node's process controls: k6 has no `process` object. */
function refuse(name: string): () => never {
  return () => {
    throw new ReferenceError(
      `${name}() is not available to k6 scripts (k6 has no 'process'); end the iteration with throw or fail(), or the test with exec.test.abort()`,
    );
  };
}

/**
 * Node's ways to end or signal a process, and to load native code or Node's internals, which
 * could do the same (`_kill` is what `kill` calls; `dlopen` and the bindings reach native code).
 */
const PROCESS_CONTROLS = [
  'exit',
  'reallyExit',
  'abort',
  'kill',
  '_kill',
  'dlopen',
  'binding',
  '_linkedBinding',
];

/** Keeps scripts from ending or signalling the runner process behind the engine's back. */
export function guardProcess(): void {
  const p = process as unknown as Record<string, unknown>;
  for (const name of PROCESS_CONTROLS) p[name] = refuse(`process.${name}`);
}
