// The statement parts of the Database section: the top statements of a load run, and per
// endpoint the statements it caused with their share of its time.
import {
  type DatabaseInsightsJson,
  formatCount,
  formatNumber,
  formatPercent,
  type LoadEndpointJson,
  type RouteStatementsJson,
  type StatementStatJson,
} from '@rota-perf/core';
import { escapeHtml, htmlTable, num, para } from './markup.js';

// Statements are long; the table shows the start, the cell's title the rest.
const STATEMENT_CHARS = 140;
const shortText = (query: string) => {
  const flat = query.replace(/\s+/g, ' ').trim();
  return flat.length > STATEMENT_CHARS ? `${flat.slice(0, STATEMENT_CHARS - 1)}…` : flat;
};
const ms = (n: number) => num(formatNumber(n, n < 10 ? 3 : 1));

/** A route as a shape: `GET /trails/:trailId` and `GET /trails/:id` are the same route. */
export function routeShape(route: string): string {
  return route.replace(/:[A-Za-z_][A-Za-z0-9_]*/g, ':');
}

/** The top statements of the run by total time. */
export function topStatementsTable(doc: DatabaseInsightsJson): string {
  const { statements } = doc;
  if (statements.top.length === 0) return para('No statement ran during the run.', 'note');
  const shown =
    statements.statements_seen > statements.top.length
      ? ` (the ${statements.top.length} slowest in total of ${formatCount(statements.statements_seen)})`
      : '';
  return [
    `<h3>Top statements by total time${escapeHtml(shown)}</h3>`,
    para(
      `All statements together: ${formatNumber(statements.total_ms)} ms of execution in PostgreSQL.`,
      'note',
    ),
    htmlTable(
      ['Statement', 'Route', 'Calls', 'Total (ms)', 'Mean (ms)', 'Rows', 'Hits', 'Reads', 'Share'],
      statements.top.map((s) => [
        shortText(s.query),
        s.route ?? '—',
        num(formatCount(s.calls)),
        ms(s.total_ms),
        ms(s.mean_ms),
        num(formatCount(s.rows)),
        num(formatCount(s.shared_hit_blocks)),
        num(formatCount(s.shared_read_blocks)),
        num(formatPercent(s.share_of_total)),
      ]),
    ),
  ].join('\n');
}

// The endpoint of the load results a route served, if the run measured it.
function endpointOf(route: string, endpoints: readonly LoadEndpointJson[]) {
  const shape = routeShape(route);
  return endpoints.find((e) => routeShape(e.label) === shape && (e.requests ?? 0) > 0);
}

function routeBlock(route: RouteStatementsJson, endpoint: LoadEndpointJson | undefined): string {
  const requests = endpoint?.requests ?? null;
  const endpointMs =
    requests !== null && endpoint?.avg_ms !== null && endpoint?.avg_ms !== undefined
      ? requests * endpoint.avg_ms
      : null;
  const facts = [`${formatCount(route.calls)} statement calls, ${formatNumber(route.total_ms)} ms`];
  if (endpoint && requests !== null && endpointMs !== null) {
    facts.push(
      `${formatNumber(route.total_ms / requests, 3)} ms per request of ${formatNumber(endpoint.avg_ms)} ms mean latency (${formatPercent(route.total_ms / endpointMs)} of the endpoint’s time) over ${formatCount(requests)} requests`,
    );
  }
  const header = ['Statement', 'Calls', 'Mean (ms)', 'Total (ms)', 'Share of route DB time'];
  if (endpointMs !== null) header.push('Share of endpoint time');
  const rows = route.statements.map((s: StatementStatJson) => {
    const row = [
      shortText(s.query),
      num(formatCount(s.calls)),
      ms(s.mean_ms),
      ms(s.total_ms),
      num(formatPercent(s.share_of_total)),
    ];
    if (endpointMs !== null) row.push(num(formatPercent(s.total_ms / endpointMs)));
    return row;
  });
  const label = endpoint && endpoint.label !== route.route ? ` (endpoint ${endpoint.label})` : '';
  return [
    `<h3 class="route" data-route="${escapeHtml(route.route)}">${escapeHtml(route.route + label)}</h3>`,
    para(facts.join('; '), 'note'),
    htmlTable(header, rows),
  ].join('\n');
}

/** Per endpoint (route tag): the statements it caused, routes by statement time. */
export function routeStatementsPart(
  doc: DatabaseInsightsJson,
  endpoints: readonly LoadEndpointJson[],
): string {
  const { routes } = doc.statements;
  if (routes.length === 0) {
    return para(
      'No statement carried a route tag: the API under test does not tag its statements (the reference API does), so statements cannot be told apart by endpoint.',
      'note',
    );
  }
  return [
    '<h3>Statements per endpoint</h3>',
    para(
      'Each endpoint’s statements (tagged with their route by the API), most time first. A statement two endpoints share is listed under each.',
      'note',
    ),
    ...routes.map((r) => routeBlock(r, endpointOf(r.route, endpoints))),
  ].join('\n');
}
