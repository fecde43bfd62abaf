// The page header from the run record (verdict first, an interrupted banner), the run summary
// tables, and the list of files that another run wrote.
import type { RunRecord } from '@rota-perf/core';
import { formatDuration } from '@rota-perf/core';
import { runFacts, runTables, type SummaryTable, VERDICT_TEXT } from '../run-summary.js';
import { escapeHtml, htmlTable, para } from './markup.js';
import type { ForeignFile } from './run-inputs.js';

// The settings (every effective variable) belong to the header, folded.
const SETTINGS = 'Settings';

function summaryTable(table: SummaryTable): string {
  const note = table.note ? `\n${para(table.note, 'note')}` : '';
  if (table.rows.length === 0) return para(`${table.title}: none.`, 'note') + note;
  const rows = table.rows.map((r) => r.map((text, i) => ({ text, numeric: table.numeric[i] })));
  const fails = table.rows.map((r) => r.includes('FAIL'));
  const body = htmlTable(table.header, rows, (i) => (fails[i] ? 'failed' : ''));
  // Every effective variable is listed: folded, the page opens on what matters.
  if (table.title === SETTINGS) {
    return `<details><summary>Settings: ${table.rows.length} variables</summary>\n${body}\n</details>`;
  }
  return `<h3>${escapeHtml(table.title)}</h3>\n${body}${note}`;
}

/** The header of a page with a run record. */
export function runHeader(record: RunRecord, title: string, subtitle: string): string {
  const verdict = VERDICT_TEXT[record.verdict];
  const settings = runTables(record).find((t) => t.title === SETTINGS);
  const facts = runFacts(record)
    .filter(([label]) => label !== 'Verdict')
    .map(([label, value]) => `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');
  const banner = record.interrupted
    ? `<div class="banner" role="alert" id="interrupted-banner"><strong>Interrupted.</strong> The run was stopped after ${escapeHtml(formatDuration(record.duration_seconds))}: every figure below covers only what was measured until then.</div>`
    : '';
  return `<header>
<div class="title-row"><h1>${escapeHtml(title)}</h1><div class="verdict verdict-${record.verdict}" id="verdict" data-verdict="${record.verdict}">${escapeHtml(verdict)}</div></div>
<p>${escapeHtml(subtitle)}</p>
${banner}
<dl class="facts">${facts}</dl>
${settings ? summaryTable(settings) : ''}
</header>`;
}

/** The run summary: rate, thresholds, checks, status codes, the record's notes. */
export function runSummarySection(record: RunRecord): string {
  const parts = runTables(record)
    .filter((t) => t.title !== SETTINGS)
    .map(summaryTable);
  for (const note of record.notes) parts.push(para(note, 'note'));
  return parts.join('\n');
}

/** The files of another run, named with the reason; their figures are not on the page. */
export function foreignSection(record: RunRecord | null, foreign: readonly ForeignFile[]): string {
  const run = record ? ` (run ${record.run_id})` : '';
  return [
    para(
      `These files in the folder were not written by this run${run}. They are not part of this report; run the report on a folder holding only their run to see them.`,
      'warn',
    ),
    htmlTable(
      ['File', 'Why it is not this run’s'],
      foreign.map((f) => [f.file, f.reason]),
    ),
  ].join('\n');
}
