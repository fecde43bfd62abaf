// rota-perf compare <baseline> <candidate>: is the candidate run faster, slower or the same,
// per endpoint, sweep level and db-bench case, and does it stay within the budgets?
import { type CommandDef, type OptionTable, RESULT_FILE, stringValue } from '@rota-perf/core';
import { COMPARE_OPTIONS, compareRequestOf } from '../compare/options.js';
import { runComparison } from '../compare/run.js';

const OPTIONS: OptionTable = {
  ...COMPARE_OPTIONS,
  out: {
    type: 'string',
    short: 'o',
    value: '<folder>',
    description: `where ${RESULT_FILE.comparison} goes (default: the candidate's folder)`,
  },
};

/** The compare command. */
export const compareCommand: CommandDef = {
  name: 'compare',
  summary: 'compare two runs: faster/slower per endpoint, regression budgets (exit 99)',
  description: `Compares a candidate run with a baseline (results folders, their run.json, or
${RESULT_FILE.dbBench}) of the same script and target: per endpoint over the plateau, per sweep
level and per db-bench case, the change of p50/p95/p99, achieved RPS and error rate. Each row is
judged faster, slower or "no significant change" by a two-sided Mann–Whitney U test over the
per-second values (per-iteration latencies for db-bench), Holm-adjusted across the rows, and
only when the median moved by at least --min-change. Latencies are judged relative to the run:
against the median drift of the row's peers (rows within ×4 of its median), so two runs on a
machine whose speed drifted between them are not "slower" everywhere; the drift of the whole
run is printed once (--absolute judges raw changes). Writes ${RESULT_FILE.comparison} (atomically)
into the candidate's folder or --out; $GITHUB_STEP_SUMMARY gets the Markdown when set.
Exit code: 99 when a budget is exceeded by a significant change, 0 otherwise, 2 on bad usage or
when the runs cannot be compared (different scripts or targets, missing or corrupt files, an
unknown version).`,
  options: OPTIONS,
  positionals: [
    { name: '<baseline>', required: true },
    { name: '<candidate>', required: true },
  ],
  async run(args, io) {
    const [baseline, candidate] = args.positionals as [string, string];
    const out = stringValue(args, 'out');
    const request = await compareRequestOf(args, io.cwd, { baseline, candidate, out });
    const comparison = await runComparison(request, io);
    return comparison.exit_code;
  },
};
