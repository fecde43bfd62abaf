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

/**
 * The client as Drizzle uses it (`unsafe`, `begin`, `savepoint`), with every statement's text
 * passed through `rewrite`. Transactions and savepoints hand out wrapped clients too, so the
 * statements inside them are rewritten as well. Everything else is the client itself, through
 * the prototype chain.
 *
 * Not a Proxy, and no rest arguments: Drizzle reads `client.unsafe` on every statement; a Proxy
 * trap handing out a fresh closure that forwards `...args` showed in the reference API's CPU
 * profile (postgres.js's `unsafe` and `Query` not inlined, twice the garbage collection). Here the
 * three methods are made once per client and keep the driver's arities.
 */
export function rewritingClient(client: postgres.Sql, rewrite: StatementRewrite): postgres.Sql {
  const target = client as unknown as Record<'unsafe' | 'begin' | 'savepoint', Method>;
  // postgres.js takes options as the second argument when there are two and it is no array.
  const unsafe = (sql: string, parameters?: unknown, options?: unknown) =>
    options === undefined
      ? target.unsafe(rewrite(sql), parameters ?? [])
      : target.unsafe(rewrite(sql), parameters, options);
  // `begin(fn)`, `begin(options, fn)`, `savepoint(fn)`, `savepoint(name, fn)`: the callback is last.
  const scoped = (method: 'begin' | 'savepoint') => (first: unknown, second?: unknown) => {
    if (second === undefined) {
      return target[method]((sql: postgres.Sql) =>
        (first as Callback)(rewritingClient(sql, rewrite)),
      );
    }
    return target[method](first, (sql: postgres.Sql) =>
      (second as Callback)(rewritingClient(sql, rewrite)),
    );
  };
  return Object.create(client, {
    unsafe: { value: unsafe },
    begin: { value: scoped('begin') },
    savepoint: { value: scoped('savepoint') },
  }) as postgres.Sql;
}
