// The comparison as console text and as GitHub-flavoured Markdown (what compare appends to
// $GITHUB_STEP_SUMMARY).
import type { ComparisonJson } from '@rota-perf/core';
import { table } from '@rota-perf/core';
import { markdownTable } from '../run-markdown.js';
import { comparisonCells, conclusionText, ruleText } from './cells.js';

function sideLine(label: string, side: ComparisonJson['baseline']): string {
  return `${label}: ${side.folder} (run ${side.run_id ?? 'n/a'}, ${side.started_at ?? 'start unknown'})`;
}

/** The console table of a comparison, with its sides, ceilings, notes and conclusion. */
export function formatComparisonText(comparison: ComparisonJson): string {
  const { header, rows } = comparisonCells(comparison);
  const lines = [
    sideLine('baseline ', comparison.baseline),
    sideLine('candidate', comparison.candidate),
    '',
    rows.length > 0 ? table(rows, { header }) : 'no endpoint, level or db-bench case in common',
    '',
    ruleText(comparison),
    ...comparison.ceilings.map((c) => `ceiling (${c.file}): ${c.note}`),
    ...comparison.notes.map((n) => `note: ${n}`),
    conclusionText(comparison),
  ];
  return `${lines.join('\n')}\n`;
}

/** The comparison as Markdown (a level-2 heading, the table, the rule and the conclusion). */
export function formatComparisonMarkdown(
  comparison: ComparisonJson,
  title = 'rota-perf compare',
): string {
  const { header, rows } = comparisonCells(comparison);
  const numeric = header.map((_, i) => i >= 2 && i <= 6);
  const blocks = [
    `## ${title}`,
    `**${conclusionText(comparison)}**`,
    `Baseline \`${comparison.baseline.folder}\` (run \`${comparison.baseline.run_id ?? 'n/a'}\`), candidate \`${comparison.candidate.folder}\` (run \`${comparison.candidate.run_id ?? 'n/a'}\`).`,
    rows.length > 0
      ? markdownTable(header, rows, numeric)
      : 'No endpoint, level or db-bench case in common.',
    ruleText(comparison),
    ...comparison.ceilings.map((c) => `- Ceiling (\`${c.file}\`): ${c.note}`),
    ...comparison.notes.map((n) => `- Note: ${n}`),
  ];
  return `${blocks.join('\n\n')}\n`;
}
