// `rota-perf db-bench`: db-bench's own command, plus --baseline: after the run, its --json
// results are compared with the baseline's db-bench cases (per-iteration latencies).
import { resolve } from 'node:path';
import { type CommandDef, stringValue, UsageError } from '@rota-perf/core';
import { dbBenchCommand as dbBench } from '@rota-perf/db-bench/rota';
import { BASELINE_OPTIONS, compareAfterRun, pendingComparison } from '../compare/after-run.js';

/** db-bench with --baseline. */
export const dbBenchCommand: CommandDef = {
  ...dbBench,
  description: `${dbBench.description}
With --baseline <folder> (and --json <path>) the cases are then compared with the baseline's
(as rota-perf compare, per-iteration latencies): exit 99 when a budget is exceeded.`,
  options: { ...dbBench.options, ...BASELINE_OPTIONS },
  async run(args, io, signal) {
    const json = stringValue(args, 'json');
    if (stringValue(args, 'baseline') !== undefined && json === undefined) {
      throw new UsageError('--baseline needs --json <path>: the results to compare');
    }
    const baseline = await pendingComparison(args, io);
    const code = await dbBench.run(args, io, signal);
    if (json === undefined) return code;
    return (await compareAfterRun(baseline, io, resolve(io.cwd, json), code)).exitCode;
  },
};
