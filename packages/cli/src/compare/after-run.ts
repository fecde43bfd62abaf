// `--baseline <folder>` on bench, start and db-bench: run, then compare the new results with the
// baseline's, with compare's budgets and outputs. Options and the baseline are read before the
// run, so a typo fails in a second, not after the run. The exit code: the run's when it failed
// (anything but 0 and 99), else 99 when a threshold was crossed or a budget exceeded, else 0.
import { resolve } from 'node:path';
import {
  type CommandIo,
  EXIT_CODES,
  type OptionTable,
  type ParsedArgs,
  stringValue,
} from '@rota-perf/core';
import { readSide } from './inputs.js';
import { COMPARE_OPTIONS, compareRequestOf } from './options.js';
import { type CompareRequest, runComparison } from './run.js';

/** The options a run command gains: --baseline and compare's own. */
export const BASELINE_OPTIONS: OptionTable = {
  baseline: {
    type: 'string',
    value: '<folder>',
    description:
      'after the run, compare it with this results folder (rota-perf compare; its budget options apply): exit 99 when a budget is exceeded',
  },
  ...COMPARE_OPTIONS,
};

/** A comparison to make once the run has written its results. */
export type PendingComparison = Omit<CompareRequest, 'candidate'>;

/** Reads --baseline and compare's options, checking the baseline folder (null without one). */
export async function pendingComparison(
  args: ParsedArgs,
  io: CommandIo,
): Promise<PendingComparison | null> {
  const baseline = stringValue(args, 'baseline');
  if (baseline === undefined) return null;
  await readSide(baseline, io.cwd);
  const { candidate: _none, ...pending } = await compareRequestOf(args, io.cwd, {
    baseline: resolve(io.cwd, baseline),
    candidate: '',
  });
  return pending;
}

/** The exit code the command ends with, and whether a comparison was written. */
export interface AfterRun {
  exitCode: number;
  compared: boolean;
}

/** Compares the run's results with the baseline, when there is one and the run did not fail. */
export async function compareAfterRun(
  pending: PendingComparison | null,
  io: CommandIo,
  candidate: string,
  runExitCode: number,
): Promise<AfterRun> {
  if (pending === null) return { exitCode: runExitCode, compared: false };
  if (runExitCode !== EXIT_CODES.ok && runExitCode !== EXIT_CODES.thresholds) {
    io.err(`compare: skipped, the run ended with exit code ${runExitCode}`);
    return { exitCode: runExitCode, compared: false };
  }
  io.out(`compare: against the baseline ${pending.baseline}`);
  const comparison = await runComparison({ ...pending, candidate }, io);
  return { exitCode: Math.max(runExitCode, comparison.exit_code), compared: true };
}
