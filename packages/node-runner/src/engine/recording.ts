// What a run records besides the summary: the per-second series and the streamed outputs.
// Both see exactly the samples the summary counts, from setup() to the moment the summary
// data is built.
import { SampleOutputs } from '../outputs/outputs.js';
import type { OutputSpec } from '../outputs/spec.js';
import type { Runtime } from '../runtime/state.js';
import { SeriesTap } from '../series/tap.js';
import type { OpenRun } from './open.js';
import type { EngineReporter, RunSnapshot } from './reporter.js';

/** What to record (engine options). */
export interface RecordingOptions {
  /** Record the per-second series (finished seconds go to the reporter). */
  series?: boolean;
  /** Streamed outputs, k6's `--out json=…` / `--out csv=…`. */
  outputs?: OutputSpec[];
}

/**
 * Starts recording before setup(); `resume` continues the output files of an earlier engine
 * thread of the same test (its snapshot says which metrics they already describe).
 */
export function startRecording(
  open: OpenRun,
  opts: RecordingOptions,
  resume?: RunSnapshot['outputs'],
): void {
  const { rt } = open;
  if (opts.series) rt.series = new SeriesTap();
  if (opts.outputs && opts.outputs.length > 0) {
    const outputs = SampleOutputs.open(opts.outputs, open.cwd, open.thresholds, resume);
    rt.outputs = outputs;
    rt.registry.observer = outputs;
  }
}

/** Hands the finished seconds on and writes what the outputs buffer (once a second). */
export function flushRecording(rt: Runtime, reporter: EngineReporter | undefined): void {
  rt.outputs?.flush();
  const seconds = rt.series?.drain();
  if (seconds && seconds.length > 0) reporter?.seconds(seconds);
}

/** The summary data is being built: the last seconds and samples, then nothing more. */
export function finishRecording(rt: Runtime, reporter: EngineReporter | undefined): void {
  const seconds = rt.series?.finish();
  if (seconds && seconds.length > 0) reporter?.seconds(seconds);
  stopOutputs(rt);
}

/** Closes the output files (also when a run fails). */
export function stopOutputs(rt: Runtime): void {
  rt.outputs?.close();
  rt.outputs = null;
  rt.registry.observer = null;
}
