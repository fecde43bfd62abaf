// Entry of the child process `run()` forks: one script per process keeps hooks and globals contained.
import type { OutputSpec } from './outputs/spec.js';
import { exitAfterFlush, runAsProcess } from './process-entry.js';
import type { LiveSeriesOptions } from './supervisor/supervise.js';

const {
  script,
  seriesFile,
  live: wanted,
  ...options
} = JSON.parse(process.argv[2] ?? '{}') as {
  script: string;
  env?: Record<string, string>;
  quiet?: boolean;
  summaryExport?: string;
  cwd?: string;
  outputs?: OutputSpec[];
  seriesFile?: string;
  /** Whether the parent wants the plan and the finished seconds over IPC. */
  live?: { plan: boolean; seconds: boolean };
  executionSegment?: string;
  executionSegmentSequence?: string;
};
// A parent that goes away (even SIGKILLed) closes the IPC channel: stop the test as after
// Ctrl-C instead of loading the target to the end of its schedule.
process.once('disconnect', () => process.emit('SIGTERM'));
const toParent = (message: unknown) => {
  if (process.send && process.connected) process.send(message);
};
// The seconds arrive in one batch a second from the engine thread: one IPC message each.
const live: LiveSeriesOptions = {
  ...(seriesFile ? { seriesFile } : {}),
  ...(wanted?.plan ? { onPlan: (plan) => toParent({ type: 'plan', plan }) } : {}),
  ...(wanted?.seconds ? { onSeconds: (seconds) => toParent({ type: 'seconds', seconds }) } : {}),
};
// The parent's stop request (its signal aborted) comes as a message, not a signal: after a
// terminal's Ctrl-C, which reaches the whole process group, this process already has its own
// SIGINT, and a forwarded one would count as the second (exit at once, no partial results).
const stop = new AbortController();
process.on('message', (message: { type?: string }) => {
  if (message?.type === 'abort') stop.abort();
});
// The parent asks to stop only after 'ready', so an early abort still gets k6's graceful path.
const result = await runAsProcess(
  script,
  options,
  () => toParent({ type: 'ready' }),
  live,
  stop.signal,
);
if (process.send && process.connected) {
  process.send({ type: 'result', exitCode: result.exitCode, summaryData: result.summaryData }, () =>
    exitAfterFlush(result.exitCode),
  );
} else {
  exitAfterFlush(result.exitCode);
}
