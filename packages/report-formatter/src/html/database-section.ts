// The Database section: what PostgreSQL recorded during the run (database_insights.json) —
// top statements, statements per endpoint, waits — and the flagged plans of db-bench --explain.
import { formatDuration } from '@rota-perf/core';
import { flaggedPlansPart, waitsPart } from './database-plans.js';
import { routeStatementsPart, topStatementsTable } from './database-statements.js';
import { type ReportInputs, resultOf } from './inputs.js';
import { para } from './markup.js';

/** The section's body, or null when the folder holds nothing for it. */
export function databaseSection(inputs: ReportInputs): string | null {
  const insights = resultOf(inputs, 'database')?.doc;
  const plans = flaggedPlansPart(resultOf(inputs, 'db-bench')?.doc.cases ?? []);
  if (!insights && plans === null) return null;
  const parts: string[] = [];
  if (insights) {
    const seconds = (Date.parse(insights.finished_at) - Date.parse(insights.started_at)) / 1000;
    const version = insights.database.server_version ?? 'unknown version';
    parts.push(
      para(
        `PostgreSQL ${version} at ${insights.database.url}${insights.database.embedded ? ' (embedded)' : ''}, over ${formatDuration(seconds)} of the run.`,
        'note',
      ),
    );
    for (const missing of new Set([insights.statements.missing, insights.waits.missing])) {
      if (missing) parts.push(para(missing, 'warn'));
    }
    if (insights.statements.available) {
      const endpoints = resultOf(inputs, 'load')?.doc.endpoints ?? [];
      parts.push(topStatementsTable(insights), routeStatementsPart(insights, endpoints));
    }
    if (insights.waits.summary) parts.push(waitsPart(insights.waits.summary));
  }
  if (plans !== null) parts.push(plans);
  return parts.join('\n');
}
