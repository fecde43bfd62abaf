// The shape of the script registry.
import type { ResultLayout } from '../results/layout.js';

/** One variable a script reads; `default` and `description` are Markdown (README tables). */
export interface VariableDoc {
  name: string;
  /** The default as documented: a literal in backticks (`` `30s` ``) or a rule in words. */
  default: string;
  /** One line: what the variable changes. */
  description: string;
}

/** One k6 script: where it comes from, what it is built into and writes, what it reads. */
export interface ScriptEntry {
  /** Bundle name, also the `bench` argument: `rps_probe`. */
  name: string;
  /** Other names users may give (`rps-probe`); `<name>.test.js` is always accepted too. */
  aliases: readonly string[];
  /** Its TypeScript entry, relative to packages/k6-scenarios. */
  source: string;
  /** The built bundle, relative to the repository root. */
  bundle: string;
  /** The results file its handleSummary writes into RESULTS_DIR. */
  resultsFile: string;
  /** The layout of that file (its JSON Schema and report section). */
  resultsLayout: ResultLayout;
  /** The heading of its section in the HTML report. */
  reportTitle: string;
  /** One line: what the script measures. */
  summary: string;
  /** The README paragraph about it (Markdown). */
  details: string;
  /** Its own variables (the shared ones are in SHARED_VARIABLES). */
  variables: readonly VariableDoc[];
}
