import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ENGINE_STOP_GRACE_MS, guardChild } from '@rota-perf/core/node';
import type { FinishedSecond } from '@rota-perf/core/series';
import { EXIT } from './errors.js';
import { parseOutputSpecs } from './outputs/spec.js';
import type { RunPlan } from './series/plan.js';
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
  /** Called once, when the test starts (after setup()), with its schedule. */
  onPlan?: (plan: RunPlan) => void;
  /**
   * Called once per finished second, in order, in this process (the seconds cross from the
   * engine in one batch a second); the rows are those of the series file.
   */
  onSecond?: (second: FinishedSecond) => void;
  /**
   * Write the per-second series (`RunSeries` of `@rota-perf/core`) here at the end, atomically
   * (relative to cwd); also when the run is interrupted or its engine thread had to be
   * stopped, then with what was measured. Not written when the test never started.
   */
  seriesFile?: string;
  /**
   * k6 `--out` specs: `json=FILE` (NDJSON; `json` alone: stdout) and `csv=FILE`, in k6's
   * layouts. Another type rejects the returned promise with a RunnerError (exit code 255).
   */
  outputs?: string[];
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

/** A message from the child process (child.ts). */
type ChildMessage =
  | { type: 'ready' }
  | { type: 'plan'; plan: RunPlan }
  | { type: 'seconds'; seconds: FinishedSecond[] }
  | { type: 'result'; exitCode: number; summaryData: SummaryData | null };

/**
 * The caller's Node flags minus those that name the code to run: a caller started with
 * `node --input-type=module -e '…'` would otherwise make the child run that code again.
 */
export function childExecArgv(execArgv: readonly string[]): string[] {
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
  let outputs: ReturnType<typeof parseOutputSpecs>;
  try {
    outputs = parseOutputSpecs(options.outputs ?? []);
  } catch (err) {
    return Promise.reject(err);
  }
  const entry = fileURLToPath(new URL('./child.js', import.meta.url));
  const config = {
    script: scriptPath,
    env: options.env ?? {},
    quiet: options.quiet ?? false,
    cwd: options.cwd ?? process.cwd(),
    outputs,
    live: { plan: options.onPlan !== undefined, seconds: options.onSecond !== undefined },
    ...(options.summaryExport ? { summaryExport: options.summaryExport } : {}),
    ...(options.seriesFile ? { seriesFile: options.seriesFile } : {}),
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
    // The child stops with this process, even SIGKILLed: on 'disconnect' it stops the test as
    // after Ctrl-C; the watchdog sends SIGTERM, then SIGKILL to a child stuck past the grace.
    guardChild(child, { stopSignal: 'SIGTERM', killAfterMs: ENGINE_STOP_GRACE_MS });
    let summaryData: SummaryData | null = null;
    let reported: number | undefined;
    let ready = false;
    let abortPending = false;
    child.on('message', (msg: ChildMessage) => {
      switch (msg?.type) {
        case 'ready':
          ready = true;
          if (abortPending) requestStop();
          break;
        case 'plan':
          options.onPlan?.(msg.plan);
          break;
        case 'seconds':
          for (const second of msg.seconds) options.onSecond?.(second);
          break;
        case 'result':
          summaryData = msg.summaryData ?? null;
          reported = msg.exitCode;
          break;
      }
    });
    // A message, not SIGINT: a terminal's Ctrl-C may have reached the child already (see child.ts).
    const requestStop = () => {
      if (child.connected) child.send({ type: 'abort' });
    };
    const onAbort = () => {
      if (ready) requestStop();
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
