// Entry of the child process `run()` forks: one script per process keeps hooks and globals contained.
import { exitAfterFlush, runAsProcess } from './process-entry.js';

const config = JSON.parse(process.argv[2] ?? '{}') as {
  script: string;
  env?: Record<string, string>;
  quiet?: boolean;
  summaryExport?: string;
  cwd?: string;
};
// The parent forwards Ctrl-C only after this, so an early abort still gets k6's graceful path.
const result = await runAsProcess(config.script, config, () => process.send?.({ type: 'ready' }));
if (process.send) {
  process.send({ type: 'result', exitCode: result.exitCode, summaryData: result.summaryData }, () =>
    exitAfterFlush(result.exitCode),
  );
} else {
  exitAfterFlush(result.exitCode);
}
