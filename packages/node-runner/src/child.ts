// Entry of the child process `run()` forks: one script per process keeps hooks and globals contained.
import { exitAfterFlush, runAsProcess } from './process-entry.js';

const config = JSON.parse(process.argv[2] ?? '{}') as {
  script: string;
  env?: Record<string, string>;
  quiet?: boolean;
  summaryExport?: string;
  cwd?: string;
  executionSegment?: string;
  executionSegmentSequence?: string;
};
// A parent that goes away (even SIGKILLed) closes the IPC channel: stop the test as after
// Ctrl-C instead of loading the target to the end of its schedule.
process.once('disconnect', () => process.emit('SIGTERM'));
// The parent forwards Ctrl-C only after this, so an early abort still gets k6's graceful path.
const result = await runAsProcess(config.script, config, () => process.send?.({ type: 'ready' }));
if (process.send && process.connected) {
  process.send({ type: 'result', exitCode: result.exitCode, summaryData: result.summaryData }, () =>
    exitAfterFlush(result.exitCode),
  );
} else {
  exitAfterFlush(result.exitCode);
}
