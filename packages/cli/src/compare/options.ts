// The options `compare` shares with `bench`, `start` and `db-bench --baseline`: budgets, the
// change rule, and where the comparison's outputs go.

import { resolve } from 'node:path';
import {
  type ChangeRule,
  ConfigError,
  DEFAULT_CHANGE_RULE,
  type OptionTable,
  type ParsedArgs,
  stringValue,
} from '@rota-perf/core';
import { BUDGET_OPTIONS, type BudgetSet, resolveBudgets } from './budgets.js';
import type { CompareRequest } from './run.js';

/** Budgets, rule and outputs of a comparison. */
export const COMPARE_OPTIONS: OptionTable = {
  'max-p95-increase': {
    type: 'string',
    value: '<pct>',
    description: `budget: largest allowed significant p95 increase per endpoint (default ${BUDGET_OPTIONS.max_p95_increase.default}; none: off)`,
  },
  'max-error-rate-increase': {
    type: 'string',
    value: '<pp>',
    description: `budget: largest allowed significant error-rate increase, percentage points (default ${BUDGET_OPTIONS.max_error_rate_increase.default})`,
  },
  'max-rps-decrease': {
    type: 'string',
    value: '<pct>',
    description: `budget: largest allowed significant decrease of achieved RPS (default ${BUDGET_OPTIONS.max_rps_decrease.default})`,
  },
  budgets: {
    type: 'string',
    value: '<file.json>',
    description:
      'budgets file: {"max_p95_increase":"10%",…,"endpoints":{"GET /trails/:id":{"max_p95_increase":"25%"}}}; options given on the command line win',
  },
  'min-change': {
    type: 'string',
    value: '<pct>',
    default: `${DEFAULT_CHANGE_RULE.minRelativeChange * 100}%`,
    description: 'practical floor: a smaller change of the median is "no significant change"',
  },
  absolute: {
    type: 'boolean',
    description:
      "judge raw changes: by default each row's latencies are judged against the drift of its peers (rows within ×4 of its median), so a machine that ran one run slower throughout does not flag every row",
  },
  'allow-different-target': {
    type: 'boolean',
    description: 'compare runs against different targets (refused otherwise)',
  },
  markdown: {
    type: 'string',
    value: '<file>',
    description: 'also write the comparison as Markdown',
  },
  junit: {
    type: 'string',
    value: '<file>',
    description: 'also write JUnit XML: one test case per endpoint budget',
  },
};

/** Reads the change rule (the practical floor) from the options. */
export function readChangeRule(args: ParsedArgs): ChangeRule {
  const text = stringValue(args, 'min-change');
  const relativeToRun = args.values.absolute !== true;
  if (text === undefined) return { ...DEFAULT_CHANGE_RULE, relativeToRun };
  const value = text.endsWith('%') ? Number(text.slice(0, -1)) : Number.NaN;
  if (!Number.isFinite(value) || value < 0 || text.trim() === '%') {
    throw new ConfigError(
      '--min-change',
      `--min-change must be a percentage such as 10%, got "${text}"`,
    );
  }
  return { ...DEFAULT_CHANGE_RULE, minRelativeChange: value / 100, relativeToRun };
}

/** Reads the budgets in force: defaults, the budgets file, then the options given. */
export function readBudgets(
  args: ParsedArgs,
  cwdResolve: (p: string) => string,
): Promise<BudgetSet> {
  const given: Record<string, string> = {};
  for (const [name, spec] of Object.entries(BUDGET_OPTIONS)) {
    const text = stringValue(args, spec.option);
    if (text !== undefined) given[name] = text;
  }
  const file = stringValue(args, 'budgets');
  return resolveBudgets(given, file === undefined ? undefined : cwdResolve(file));
}

/** A comparison's request from the options (the sides, and --out when the command has one). */
export async function compareRequestOf(
  args: ParsedArgs,
  cwd: string,
  sides: { baseline: string; candidate: string; out?: string },
): Promise<CompareRequest> {
  return {
    ...sides,
    rule: readChangeRule(args),
    budgets: await readBudgets(args, (p) => resolve(cwd, p)),
    allowDifferentTarget: args.values['allow-different-target'] === true,
    markdown: stringValue(args, 'markdown'),
    junit: stringValue(args, 'junit'),
  };
}
