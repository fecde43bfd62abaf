// The run summary as Markdown (GitHub-flavoured): the HTML header's facts and tables, no
// charts. `compare` appends it to $GITHUB_STEP_SUMMARY.
import type { RunRecord } from '@rota-perf/core';
import { formatDuration } from '@rota-perf/core';
import { runFacts, runTables, type SummaryTable, VERDICT_TEXT } from './run-summary.js';

/** Options of `formatRunMarkdown`. */
export interface RunMarkdownOptions {
  /** Heading text (default: `rota-perf <command> <script>`). */
  title?: string;
  /** Heading level of the title (default 2); the tables are one level below. */
  level?: number;
}

// A cell must stay on its line and not open a new column.
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** A GitHub-flavoured Markdown table. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = header.map((_, i) => (numeric[i] ? '---:' : '---'));
  return [line(header), `|${rule.join('|')}|`, ...rows.map(line)].join('\n');
}

function tableBlock(table: SummaryTable, hashes: string): string {
  const note = table.note ? `\n\n${cell(table.note)}` : '';
  if (table.rows.length === 0) return `${hashes} ${table.title}\n\nnone${note}`;
  const body = markdownTable(table.header, table.rows, table.numeric);
  // The settings list is long and rarely the point of a summary: fold it.
  if (table.title === 'Settings') {
    return `${hashes} ${table.title}\n\n<details><summary>${table.rows.length} variables</summary>\n\n${body}\n\n</details>`;
  }
  return `${hashes} ${table.title}\n\n${body}${note}`;
}

/** The run summary of a run record as Markdown. */
export function formatRunMarkdown(record: RunRecord, options: RunMarkdownOptions = {}): string {
  const level = Math.min(5, Math.max(1, options.level ?? 2));
  const title =
    options.title ?? ['rota-perf', record.command, record.script].filter(Boolean).join(' ');
  const verdict = VERDICT_TEXT[record.verdict].toUpperCase();
  const parts = [`${'#'.repeat(level)} ${cell(title)}: ${verdict}`];
  if (record.interrupted) {
    parts.push(
      `> **Interrupted**: the run was stopped before its end; the figures cover the ${formatDuration(record.duration_seconds)} measured until then.`,
    );
  }
  const facts = runFacts(record).filter(([label]) => label !== 'Verdict');
  parts.push(markdownTable(['Run', ''], facts));
  const sub = '#'.repeat(level + 1);
  for (const table of runTables(record)) parts.push(tableBlock(table, sub));
  if (record.notes.length > 0) {
    parts.push(`${sub} Notes\n\n${record.notes.map((n) => `- ${cell(n)}`).join('\n')}`);
  }
  return `${parts.join('\n\n')}\n`;
}
