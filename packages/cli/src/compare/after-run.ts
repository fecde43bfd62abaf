// `--baseline <folder>` on bench, start and db-bench: run, then compare the new results with the
// baseline's, with compare's budgets and outputs. The exit code: the run's when it failed
// (anything but 0 and 99), else 99 when a threshold was crossed or a budget exceeded, else 0.
import { resolve } from 'node:path';
import {
  type CommandIo,
  EXIT_CODES,
  type OptionTable,
  type ParsedArgs,
  stringValue,
} from '@rota-perf/core';
import { COMPARE_OPTIONS, readBudgets, readChangeRule } from './options.js';
import { runComparison } from './run.js';

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

/** The exit code the command ends with, and whether a comparison was written. */
export interface AfterRun {
  exitCode: number;
  compared: boolean;
}

/** Runs the comparison when --baseline was given. */
export async function compareAfterRun(
  args: ParsedArgs,
  io: CommandIo,
  candidate: string,
  runExitCode: number,
): Promise<AfterRun> {
  const baseline = stringValue(args, 'baseline');
  if (baseline === undefined) return { exitCode: runExitCode, compared: false };
  if (runExitCode !== EXIT_CODES.ok && runExitCode !== EXIT_CODES.thresholds) {
    io.err(`compare: skipped, the run ended with exit code ${runExitCode}`);
    return { exitCode: runExitCode, compared: false };
  }
  io.out(`compare: against the baseline ${resolve(io.cwd, baseline)}`);
  const comparison = await runComparison(
    {
      baseline,
      candidate,
      rule: readChangeRule(args),
      budgets: await readBudgets(args, (p) => resolve(io.cwd, p)),
      allowDifferentTarget: args.values['allow-different-target'] === true,
      markdown: stringValue(args, 'markdown'),
      junit: stringValue(args, 'junit'),
    },
    io,
  );
  return { exitCode: Math.max(runExitCode, comparison.exit_code), compared: true };
}
