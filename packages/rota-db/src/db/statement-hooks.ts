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

/**
 * The client as Drizzle uses it (`unsafe`, `begin`, `savepoint`), with every statement's text
 * passed through `rewrite`. Transactions and savepoints hand out wrapped clients too, so the
 * statements inside them are rewritten as well. Everything else is the client itself.
 */
export function rewritingClient(client: postgres.Sql, rewrite: StatementRewrite): postgres.Sql {
  const wrap = (inner: postgres.Sql): postgres.Sql =>
    new Proxy(inner, {
      get(target, property) {
        if (property === 'unsafe') {
          return (sql: string, ...rest: unknown[]) =>
            (target.unsafe as (...args: unknown[]) => unknown)(rewrite(sql), ...rest);
        }
        if (property === 'begin' || property === 'savepoint') {
          const original = (target as unknown as Record<string, (...args: unknown[]) => unknown>)[
            property
          ] as (...args: unknown[]) => unknown;
          return (...args: unknown[]) => {
            const last = args.length - 1;
            const callback = args[last] as Callback;
            args[last] = (scoped: postgres.Sql) => callback(wrap(scoped));
            return original.apply(target, args);
          };
        }
        return Reflect.get(target, property, target);
      },
    });
  return wrap(client);
}
