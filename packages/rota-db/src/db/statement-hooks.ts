// Two ways into the statements Drizzle sends, for the tools that explain a workload:
// observing what the driver sends (postgres.js's `debug` hook: the final text and the
// parameters exactly as bound), and rewriting the text on the way out (a wrapped client, so the
// reference API can tag each statement with the route that caused it).
import type postgres from 'postgres';

/** One statement as the driver sent it. */
export interface SentStatement {
  /** The driver's connection number (statements of one transaction share it). */
  connection: number;
  sql: string;
  /** Parameter values as bound (before serialisation). */
  parameters: readonly unknown[];
  /** Parameter type OIDs the driver sent (0: left to the server). */
  types: readonly number[];
}

/** Receives every statement a connection's pool sends. */
export type StatementObserver = (statement: SentStatement) => void;

/** The `debug` option of postgres.js that reports each statement to `observer`. */
export function debugHook(observer: StatementObserver) {
  return (connection: number, sql: string, parameters: unknown[], types: number[]) =>
    observer({ connection, sql, parameters, types });
}

/** Rewrites a statement's text before it is sent (must keep its meaning and placeholders). */
export type StatementRewrite = (sql: string) => string;

type Callback = (sql: postgres.Sql) => unknown;
type Method = (...args: unknown[]) => unknown;

const TARGET = Symbol('rewritten client');
const REWRITE = Symbol('statement rewrite');

/** A rewriting client: the driver's client as prototype, plus what the shared methods need. */
interface Rewriting {
  [TARGET]: Record<'unsafe' | 'begin' | 'savepoint', Method>;
  [REWRITE]: StatementRewrite;
}

// One function for every rewriting client (the route is data, not a closure): Drizzle calls
// `client.unsafe` for every statement, and a call site that always meets the same function
// stays inlined; a closure per client, or a Proxy, did not (postgres.js's `unsafe` and `Query`
// showed in CPU profiles, with more garbage collection).
function unsafe(this: Rewriting, sql: string, parameters?: unknown, options?: unknown) {
  const text = this[REWRITE](sql);
  // postgres.js takes options as the second argument when there are two and it is no array.
  return options === undefined
    ? this[TARGET].unsafe(text, parameters ?? [])
    : this[TARGET].unsafe(text, parameters, options);
}

// `begin(fn)`, `begin(options, fn)`, `savepoint(fn)`, `savepoint(name, fn)`: the callback is
// last, and gets a rewriting client over the transaction's.
function scoped(method: 'begin' | 'savepoint') {
  return function (this: Rewriting, first: unknown, second?: unknown) {
    const rewrite = this[REWRITE];
    const wrap = (callback: unknown) => (sql: postgres.Sql) =>
      (callback as Callback)(rewritingClient(sql, rewrite));
    return second === undefined
      ? this[TARGET][method](wrap(first))
      : this[TARGET][method](first, wrap(second));
  };
}
const begin = scoped('begin');
const savepoint = scoped('savepoint');

/**
 * The client as Drizzle uses it (`unsafe`, `begin`, `savepoint`), with every statement's text
 * passed through `rewrite`. Transactions and savepoints hand out rewriting clients too, so the
 * statements inside them are rewritten as well. Everything else is the client itself, through
 * the prototype chain.
 */
export function rewritingClient(client: postgres.Sql, rewrite: StatementRewrite): postgres.Sql {
  return Object.create(client, {
    [TARGET]: { value: client },
    [REWRITE]: { value: rewrite },
    unsafe: { value: unsafe },
    begin: { value: begin },
    savepoint: { value: savepoint },
  }) as postgres.Sql;
}
