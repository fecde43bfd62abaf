// Entry of the child process `replay()` forks: the script's hooks and globals stay in it.
import { EXIT, RunnerError } from './errors.js';
import { exitAfterFlush } from './process-entry.js';
import { type ReplayOptions, replaySamples } from './replay/replay.js';

const { script, files, ...options } = JSON.parse(process.argv[2] ?? '{}') as ReplayOptions & {
  script: string;
  files: string[];
};
const stop = new AbortController();
// A parent that goes away closes the IPC channel: stop reading.
process.once('disconnect', () => stop.abort());
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());
let message: unknown;
try {
  const result = await replaySamples(script, files, { ...options, signal: stop.signal });
  message = { type: 'result', exitCode: result.exitCode, summaryData: result.summaryData };
} catch (err) {
  const failure =
    err instanceof RunnerError
      ? err
      : new RunnerError(String((err as Error)?.message ?? err), EXIT.generic);
  message = { type: 'error', message: failure.message.split('\n')[0], exitCode: failure.exitCode };
}
if (process.send && process.connected) process.send(message, () => exitAfterFlush(0));
else exitAfterFlush(0);
