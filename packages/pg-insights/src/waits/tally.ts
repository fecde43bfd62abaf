// Counting sampled backends by statement and wait event, in bounded memory: a run of any
// length keeps one counter per (statement, event) pair.
import type { StatementWaitsJson, WaitEventCountJson, WaitSummaryJson } from '@rota-perf/core';
import { routeOfStatement, untagStatement } from '../route-tag.js';

/** One active backend seen by one sampling round. */
export interface ActivityRow {
  query_id: string | null;
  query: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
}

/** Not waiting on anything: running (or about to). */
export const ON_CPU = 'CPU';

/** `Lock:transactionid`, or `CPU` when the backend waits on nothing. */
export function eventOf(row: Pick<ActivityRow, 'wait_event_type' | 'wait_event'>): string {
  if (row.wait_event_type === null) return ON_CPU;
  return `${row.wait_event_type}:${row.wait_event ?? '?'}`;
}

// Statements are shown shortened; the full text is in pg_stat_statements.
const QUERY_CHARS = 300;
// Statements counted apart; beyond (texts without query ids, each different) they share one.
const MAX_STATEMENTS = 500;
const OTHERS = 'others';
// Comments in front of a statement say why it is written so; a table needs what it is.
const LEADING_COMMENTS = /^(\s+|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)*/;

/** A statement on one line without leading comments, at most 300 characters. */
export function shortenStatement(query: string): string {
  const flat = query.replace(LEADING_COMMENTS, '').replace(/\s+/g, ' ').trim();
  return flat.length > QUERY_CHARS ? `${flat.slice(0, QUERY_CHARS - 1)}…` : flat;
}

interface StatementTally {
  queryId: string | null;
  query: string;
  route: string | null;
  samples: number;
  waiting: number;
  events: Map<string, number>;
}

const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const sortedEvents = (map: Map<string, number>): WaitEventCountJson[] =>
  [...map]
    .map(([event, samples]) => ({ event, samples }))
    .sort((a, b) => b.samples - a.samples || a.event.localeCompare(b.event));

/** Accumulates sampling rounds; `summary()` is the WaitSummaryJson of what it saw. */
export class WaitTally {
  rounds = 0;
  backendSamples = 0;
  private readonly events = new Map<string, number>();
  private readonly statements = new Map<string, StatementTally>();

  /** Adds one round: the active backends seen at one moment. */
  add(rows: readonly ActivityRow[]): void {
    this.rounds += 1;
    for (const row of rows) {
      this.backendSamples += 1;
      const event = eventOf(row);
      bump(this.events, event);
      // A query id (0 when the server computes none) groups normalised statements; the text
      // is the fallback.
      const text = row.query ?? '';
      const id = row.query_id !== null && row.query_id !== '0' ? row.query_id : null;
      let key = id ?? `text:${text.slice(0, QUERY_CHARS)}`;
      if (!this.statements.has(key) && this.statements.size >= MAX_STATEMENTS - 1) key = OTHERS;
      let tally = this.statements.get(key);
      if (tally === undefined) {
        const others = key === OTHERS;
        tally = {
          queryId: others ? null : id,
          query: others ? '(other statements)' : shortenStatement(untagStatement(text)),
          route: others ? null : routeOfStatement(text),
          samples: 0,
          waiting: 0,
          events: new Map(),
        };
        this.statements.set(key, tally);
      }
      tally.samples += 1;
      if (event !== ON_CPU) tally.waiting += 1;
      bump(tally.events, event);
    }
  }

  /** The summary, statements by samples (most first). */
  summary(intervalMs: number, truncated: boolean): WaitSummaryJson {
    const statements: StatementWaitsJson[] = [...this.statements.values()]
      .map((t) => ({
        query_id: t.queryId,
        query: t.query,
        route: t.route,
        samples: t.samples,
        waiting: t.waiting,
        events: sortedEvents(t.events),
      }))
      .sort((a, b) => b.samples - a.samples || b.waiting - a.waiting);
    return {
      interval_ms: intervalMs,
      rounds: this.rounds,
      backend_samples: this.backendSamples,
      truncated,
      events: sortedEvents(this.events),
      statements,
    };
  }
}
