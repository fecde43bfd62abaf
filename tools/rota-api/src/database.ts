import { routeTagger } from '@rota-perf/pg-insights';
import * as rotaDb from '@rota-perf/rota-db';

/** The fixture presets of rota-db. */
export type FixturePreset = rotaDb.FixturePreset;

/** A database ready for the API, and how to release it. */
export interface PreparedDatabase {
  url: string;
  /** Stops the embedded cluster (no-op for an external database). */
  stop(): Promise<void>;
}

/** The API's data access: rota-db repositories over one pool. */
export interface ApiDatabase {
  repos: rotaDb.Repositories;
  /**
   * Repositories over the same pool whose statements carry `route`'s tag (see pg-insights'
   * tagStatement), built once per route; `repos` when tagging is off.
   */
  reposFor(route: string): rotaDb.Repositories;
  /** Closes the pool (waits up to 5 s for running queries). */
  close(): Promise<void>;
}

/**
 * Session settings for the API's pool, as URL query parameters (postgres.js sends unknown ones
 * as startup parameters). `TimeZone=UTC`: timestamps print as `+00:00`, like the original's
 * UTC sessions. `plan_cache_mode=force_generic_plan`: the repositories' prepared statements
 * are planned once per connection; with the default (`auto`) PostgreSQL re-plans some of them
 * on every call and planning costs more than running them (docs/benchmarks.md, section rota-api).
 * Settings already in the URL win.
 */
export function withSessionSettings(url: string): string {
  const parsed = new URL(url);
  for (const [name, value] of [
    ['TimeZone', 'UTC'],
    ['plan_cache_mode', 'force_generic_plan'],
    ['application_name', 'rota-api'],
  ] as const) {
    if (!parsed.searchParams.has(name)) parsed.searchParams.set(name, value);
  }
  return parsed.toString();
}

/**
 * Opens the pool and the repositories the routes use (built once: their statements are
 * prepared). With `tagStatements`, each route's statements say which route sent them, so a
 * server's statement statistics can be read per endpoint.
 */
export async function openApiDatabase(
  url: string,
  max: number,
  tagStatements = true,
): Promise<ApiDatabase> {
  rotaDb.parseDatabaseUrl(url);
  const connection = await rotaDb.connect(withSessionSettings(url), { max });
  const repos = rotaDb.createRepositories(connection.db);
  const perRoute = new Map<string, rotaDb.Repositories>();
  const reposFor = (route: string) => {
    let tagged = perRoute.get(route);
    if (tagged === undefined) {
      tagged = rotaDb.createRepositories(connection.withStatementRewrite(routeTagger(route)));
      perRoute.set(route, tagged);
    }
    return tagged;
  };
  return { repos, reposFor: tagStatements ? reposFor : () => repos, close: connection.close };
}

/** Migrates, seeds lookups and (when `fixture` is given) loads a content fixture. */
export async function prepareSchema(url: string, fixture?: FixturePreset): Promise<void> {
  await rotaDb.migrate(url);
  const connection = await rotaDb.connect(url, { max: 1 });
  try {
    await rotaDb.seedLookups(connection.db);
    // Idempotent: a fixture already present is not written again. seedFixture ANALYZEs what
    // it loads, which matters here: the API's pool plans each prepared statement once per
    // connection (plan_cache_mode=force_generic_plan), and a plan made before autovacuum's
    // first ANALYZE of freshly loaded tables would stay a bad one.
    if (fixture) await rotaDb.seedFixture(connection.db, fixture);
  } finally {
    await connection.close();
  }
}

/** Starts an embedded PostgreSQL, migrates it and seeds it. */
export async function startPreparedDatabase(fixture?: FixturePreset): Promise<PreparedDatabase> {
  // Statement statistics on: a load run reads them per endpoint (pg_stat_statements).
  const embedded = await rotaDb.startEmbeddedDatabase({
    settings: rotaDb.STATEMENT_STATISTICS_SETTINGS,
  });
  try {
    await prepareSchema(embedded.url, fixture);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url, stop: () => embedded.stop() };
}
