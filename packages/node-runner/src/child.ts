// Entry of the child process `run()` forks: one script per process keeps hooks and globals contained.
import { exitAfterFlush, runAsProcess } from './process-entry.js';

const config = JSON.parse(process.argv[2] ?? '{}') as {
  script: string;
  env?: Record<string, string>;
  quiet?: boolean;
  summaryExport?: string;
  cwd?: string;
};
const result = await runAsProcess(config.script, config);
if (process.send) {
  process.send({ type: 'result', exitCode: result.exitCode, summaryData: result.summaryData }, () =>
    exitAfterFlush(result.exitCode),
  );
} else {
  exitAfterFlush(result.exitCode);
}
