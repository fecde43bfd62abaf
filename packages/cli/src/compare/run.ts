// One comparison from the command line to its outputs: read both sides (refusing what cannot
// be compared), judge, write comparison.json atomically (the candidate's folder or --out), print
// the table, and write the Markdown (also appended to $GITHUB_STEP_SUMMARY) and JUnit XML.
import { appendFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type ChangeRule, type CommandIo, type ComparisonJson, RESULT_FILE } from '@rota-perf/core';
import { writeFileAtomically, writeJsonAtomically } from '@rota-perf/core/node';
import {
  formatComparisonJunit,
  formatComparisonMarkdown,
  formatComparisonText,
} from '@rota-perf/report-formatter';
import type { BudgetSet } from './budgets.js';
import { buildComparison } from './build.js';
import { checkComparable, readSide } from './inputs.js';

/** What to compare, how, and where the outputs go. */
export interface CompareRequest {
  baseline: string;
  candidate: string;
  rule: ChangeRule;
  budgets: BudgetSet;
  allowDifferentTarget: boolean;
  /** Folder for comparison.json (default: the candidate's folder). */
  out?: string;
  markdown?: string;
  junit?: string;
}

/** Runs a comparison; resolves to it (its exit_code is the command's). */
export async function runComparison(
  request: CompareRequest,
  io: CommandIo,
): Promise<ComparisonJson> {
  const baseline = await readSide(request.baseline, io.cwd);
  const candidate = await readSide(request.candidate, io.cwd);
  const notes = checkComparable(baseline, candidate, request.allowDifferentTarget);
  const comparison = buildComparison(baseline, candidate, request.rule, request.budgets, notes);
  const folder = request.out === undefined ? candidate.folder : resolve(io.cwd, request.out);
  const json = await writeJsonAtomically(join(folder, RESULT_FILE.comparison), comparison);
  for (const line of formatComparisonText(comparison).trimEnd().split('\n')) io.out(line);
  io.out(`comparison: ${json}`);
  const markdown = formatComparisonMarkdown(comparison);
  if (request.markdown !== undefined) {
    io.out(`Markdown:   ${await writeFileAtomically(resolve(io.cwd, request.markdown), markdown)}`);
  }
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (summary) {
    await appendFile(summary, `${markdown}\n`, 'utf8');
    io.out(`Markdown appended to $GITHUB_STEP_SUMMARY (${summary})`);
  }
  if (request.junit !== undefined) {
    const xml = formatComparisonJunit(comparison);
    io.out(`JUnit XML:  ${await writeFileAtomically(resolve(io.cwd, request.junit), xml)}`);
  }
  return comparison;
}
