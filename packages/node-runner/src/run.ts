import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXIT } from './errors.js';
import type { SummaryData } from './summary/data.js';

/** Options of `run()`. */
export interface RunOptions {
  /** Extra `__ENV` entries (like `-e KEY=VALUE`); the process environment is included too. */
  env?: Record<string, string>;
  /** No banner and progress lines. */
  quiet?: boolean;
  /** Also write the older `--summary-export` JSON to this path (relative to cwd). */
  summaryExport?: string;
  /** Directory for relative script and output paths (default: process.cwd()). */
  cwd?: string;
  /** Aborting acts like Ctrl-C: stop scheduling, graceful stop, teardown, handleSummary, exit 105. */
  signal?: AbortSignal;
  /** Run only this part of the test (`--execution-segment`, e.g. `1/3:2/3`). */
  executionSegment?: string;
  /** All the segments the test is split into (`--execution-segment-sequence`, e.g. `0,1/3,2/3,1`). */
  executionSegmentSequence?: string;
}

/** The outcome of a run: k6's exit code and handleSummary data (null if the script never ran). */
export interface RunResult {
  exitCode: number;
  summaryData: SummaryData | null;
}

/**
 * The caller's Node flags minus those that name the code to run: a caller started with
 * `node --input-type=module -e '…'` would otherwise make the child run that code again.
 */
function childExecArgv(execArgv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    if (['-e', '--eval', '-p', '--print', '--input-type'].includes(arg)) i++;
    else if (!/^(--eval|--print|--input-type)=/.test(arg)) out.push(arg);
  }
  return out;
}

/**
 * Runs a k6 script on Node in a child process (module hooks and k6 globals stay out of the
 * caller's process); its stdout/stderr are inherited.
 */
export function run(scriptPath: string, options: RunOptions = {}): Promise<RunResult> {
  const entry = fileURLToPath(new URL('./child.js', import.meta.url));
  const config = {
    script: scriptPath,
    env: options.env ?? {},
    quiet: options.quiet ?? false,
    cwd: options.cwd ?? process.cwd(),
    ...(options.summaryExport ? { summaryExport: options.summaryExport } : {}),
    ...(options.executionSegment !== undefined
      ? { executionSegment: options.executionSegment }
      : {}),
    ...(options.executionSegmentSequence !== undefined
      ? { executionSegmentSequence: options.executionSegmentSequence }
      : {}),
  };
  return new Promise((resolve, reject) => {
    const child = fork(entry, [JSON.stringify(config)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      cwd: config.cwd,
      execArgv: childExecArgv(process.execArgv),
    });
    let summaryData: SummaryData | null = null;
    let reported: number | undefined;
    let ready = false;
    let abortPending = false;
    child.on(
      'message',
      (msg: { type?: string; exitCode?: number; summaryData?: SummaryData | null }) => {
        if (msg?.type === 'ready') {
          ready = true;
          if (abortPending) child.kill('SIGINT');
        }
        if (msg?.type === 'result') {
          summaryData = msg.summaryData ?? null;
          reported = msg.exitCode;
        }
      },
    );
    const onAbort = () => {
      if (ready) child.kill('SIGINT');
      else abortPending = true;
    };
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        exitCode: reported ?? code ?? (sig ? EXIT.externalAbort : EXIT.generic),
        summaryData,
      });
    });
  });
}
