// Entry of the engine thread: runs (or finishes) one test and reports to the supervisor.
import { parentPort, workerData } from 'node:worker_threads';
import { type EngineOptions, executeScript, finishFromRecovery } from '../engine/engine.js';
import { guardProcess, reportUncaught } from '../engine/uncaught.js';
import { EXIT, RunnerError } from '../errors.js';
import { setTty } from '../util/output.js';
import type { FromWorker, ToWorker, WorkerInput } from './messages.js';

const input = workerData as WorkerInput;
const port = parentPort;
if (!port) throw new Error('k6-node: the engine must run in a worker thread');
const post = (message: FromWorker) => port.postMessage(message);

setTty(input.tty.stdout, input.tty.stderr);
guardProcess();
process.on('uncaughtException', (err) => reportUncaught(err, 'exception'));
process.on('unhandledRejection', (reason) => reportUncaught(reason, 'rejection'));

const abort = new AbortController();
port.on('message', (message: ToWorker) => {
  if (message.type === 'abort') abort.abort();
});
// Messages from the supervisor must not keep a finished engine thread alive.
port.unref();

const options: EngineOptions = {
  ...input.options,
  signal: abort.signal,
  reporter: {
    phase: (phase) => post({ type: 'phase', phase }),
    setupDone: (defined, json) => post({ type: 'setup', defined, json }),
    snapshot: (snapshot) => post({ type: 'snapshot', snapshot }),
    seconds: (seconds) => post({ type: 'seconds', seconds }),
  },
};

try {
  const result =
    input.mode === 'finish' && input.recovery
      ? await finishFromRecovery(input.script, options, input.recovery, input.series)
      : await executeScript(input.script, options);
  post({ type: 'result', exitCode: result.exitCode, summaryData: result.summaryData });
} catch (err) {
  post(
    err instanceof RunnerError
      ? { type: 'failed', message: err.message, exitCode: err.exitCode }
      : {
          type: 'failed',
          message: `k6-node: ${err instanceof Error ? err.message : String(err)}`,
          exitCode: EXIT.generic,
        },
  );
}
