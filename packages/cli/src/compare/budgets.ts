// Regression budgets: `--max-p95-increase 10%`, `--max-error-rate-increase 0.5pp`,
// `--max-rps-decrease 5%`, and a JSON file with defaults and per-row overrides. `none` turns a
// budget off. Values are kept as fractions (10% → 0.1, 0.5pp → 0.005).
import { readFile } from 'node:fs/promises';
import type { BudgetName, ComparisonBudgets } from '@rota-perf/core';
import { ConfigError, firstLine } from '@rota-perf/core';

/** The budgets of a comparison: defaults, and overrides by endpoint/level/case name. */
export interface BudgetSet {
  default: ComparisonBudgets;
  overrides: Record<string, Partial<ComparisonBudgets>>;
}

/** Each budget: its option, its unit and its default. */
export const BUDGET_OPTIONS: Record<
  BudgetName,
  { option: string; unit: '%' | 'pp'; default: string }
> = {
  max_p95_increase: { option: 'max-p95-increase', unit: '%', default: '10%' },
  max_error_rate_increase: { option: 'max-error-rate-increase', unit: 'pp', default: '0.5pp' },
  max_rps_decrease: { option: 'max-rps-decrease', unit: '%', default: '5%' },
};

const NAMES = Object.keys(BUDGET_OPTIONS) as BudgetName[];

/** A budget value (`10%`, `0.5pp`, `none`) as a fraction, or null for none. */
export function parseBudget(name: BudgetName, text: string, where: string): number | null {
  const { unit } = BUDGET_OPTIONS[name];
  const trimmed = text.trim();
  if (trimmed === 'none') return null;
  const match = trimmed.endsWith(unit) ? trimmed.slice(0, -unit.length).trim() : null;
  const value = match === null || match === '' ? Number.NaN : Number(match);
  if (!Number.isFinite(value) || value < 0) {
    const example = BUDGET_OPTIONS[name].default;
    throw new ConfigError(
      where,
      `${where} must be a non-negative number with ${unit} (e.g. ${example}) or none, got "${text}"`,
    );
  }
  return value / 100;
}

function budgetsFrom(
  doc: Record<string, unknown>,
  file: string,
  where: string,
): Partial<ComparisonBudgets> {
  const out: Partial<ComparisonBudgets> = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!NAMES.includes(key as BudgetName)) {
      throw new ConfigError(
        file,
        `${file}: unknown budget "${key}" in ${where} (expected ${NAMES.join(', ')})`,
      );
    }
    if (typeof value !== 'string') {
      throw new ConfigError(
        file,
        `${file}: ${where}.${key} must be a string such as "${BUDGET_OPTIONS[key as BudgetName].default}"`,
      );
    }
    out[key as BudgetName] = parseBudget(key as BudgetName, value, `${file}: ${where}.${key}`);
  }
  return out;
}

/**
 * A budgets file: `{ "max_p95_increase": "10%", …, "endpoints": { "GET /trails/:id":
 * { "max_p95_increase": "25%" } } }` (endpoints, levels and db-bench cases by name).
 */
export async function readBudgetFile(file: string): Promise<BudgetSet> {
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(file, `${file}: not a readable JSON budgets file (${firstLine(error)})`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new ConfigError(file, `${file}: a budgets file is a JSON object`);
  }
  const { endpoints = {}, ...defaults } = doc as Record<string, unknown>;
  if (endpoints === null || typeof endpoints !== 'object' || Array.isArray(endpoints)) {
    throw new ConfigError(file, `${file}: "endpoints" must map names to budgets`);
  }
  const overrides: BudgetSet['overrides'] = {};
  for (const [name, value] of Object.entries(endpoints as Record<string, unknown>)) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ConfigError(file, `${file}: endpoints["${name}"] must be an object of budgets`);
    }
    overrides[name] = budgetsFrom(value as Record<string, unknown>, file, `endpoints["${name}"]`);
  }
  const fromFile = budgetsFrom(defaults, file, 'the top level');
  return { default: { ...defaultBudgets(), ...fromFile }, overrides };
}

/** The documented defaults. */
export function defaultBudgets(): ComparisonBudgets {
  const out = {} as ComparisonBudgets;
  for (const name of NAMES) out[name] = parseBudget(name, BUDGET_OPTIONS[name].default, name);
  return out;
}

/**
 * The budgets in force: the defaults, then the file's, then the command line's (given options
 * win over the file).
 */
export async function resolveBudgets(
  given: Partial<Record<BudgetName, string>>,
  file: string | undefined,
): Promise<BudgetSet> {
  const set =
    file === undefined ? { default: defaultBudgets(), overrides: {} } : await readBudgetFile(file);
  for (const name of NAMES) {
    const text = given[name];
    if (text !== undefined)
      set.default[name] = parseBudget(name, text, `--${BUDGET_OPTIONS[name].option}`);
  }
  return set;
}

/** The budgets of one row. */
export function budgetsFor(set: BudgetSet, name: string): ComparisonBudgets {
  return { ...set.default, ...(set.overrides[name] ?? {}) };
}
