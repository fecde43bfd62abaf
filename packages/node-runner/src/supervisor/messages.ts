// The messages between the supervisor (main thread) and an engine thread.
import type { FinishedSecond } from '@rota-perf/core/series';
import type { EngineOptions, SeriesResume } from '../engine/engine.js';
import type { Phase, Recovery, RunSnapshot } from '../engine/reporter.js';
import type { SummaryData } from '../summary/data.js';

/** What the engine thread is asked to do. */
export interface WorkerInput {
  /** `run`: the whole test; `finish`: teardown and summary of a test another thread started. */
  mode: 'run' | 'finish';
  script: string;
  /** The engine's options; `series` is set by the supervisor when someone wants the seconds. */
  options: Omit<EngineOptions, 'signal' | 'reporter'>;
  /** Whether the process's stdout/stderr are terminals (a worker cannot see it itself). */
  tty: { stdout: boolean; stderr: boolean };
  recovery?: Recovery;
  /** `finish`: where the series of the test stands. */
  series?: SeriesResume;
}

/** Engine thread → supervisor. */
export type FromWorker =
  | { type: 'phase'; phase: Phase }
  | { type: 'setup'; defined: boolean; json: string | undefined }
  | { type: 'snapshot'; snapshot: RunSnapshot }
  | { type: 'seconds'; seconds: FinishedSecond[] }
  | { type: 'result'; exitCode: number; summaryData: SummaryData | null }
  /** The run could not start or failed as a whole: one line, already k6's wording. */
  | { type: 'failed'; message: string; exitCode: number };

/** Supervisor → engine thread: stop as after Ctrl-C. */
export type ToWorker = { type: 'abort' };
