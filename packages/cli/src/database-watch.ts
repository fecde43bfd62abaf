// What PostgreSQL records while a run goes on (pg-insights): statement statistics before and
// after, wait events in between, written to database_insights.json for the report's Database
// section. Called by the orchestrator around the engine; nothing here stops a run: what the
// database lacks or refuses is one line each, and the run goes on.
import { join } from 'node:path';
import { firstLine, RESULT_FILE } from '@rota-perf/core';
import { writeJsonAtomically } from '@rota-perf/core/node';

/** Where the target's data lives, as far as the run knows. */
export interface WatchedDatabase {
  /** null: the target's database is unknown (a remote target without --database-url). */
  url: string | null;
  embedded: boolean;
}

/** A watch in progress. */
export interface DatabaseWatch {
  /** One line each for what the database lacked (also in the file): for the run record's notes. */
  readonly notes: readonly string[];
  /** Ends the watch and writes the file; its path, or null when it could not be written. */
  stop(): Promise<string | null>;
}

/** Where to write and whom to tell. */
export interface WatchOptions {
  outDir: string;
  runId?: string | null;
  out(line: string): void;
  err(line: string): void;
}

/** Starts watching `database`; null (after one line) when there is no database to watch. */
export async function watchDatabase(
  database: WatchedDatabase,
  options: WatchOptions,
): Promise<DatabaseWatch | null> {
  if (database.url === null) {
    options.out(
      'database: no figures (the target is remote; --database-url <url> names its database)',
    );
    return null;
  }
  const { startDatabaseInsights } = await import('@rota-perf/pg-insights');
  const insights = await startDatabaseInsights({
    url: database.url,
    embedded: database.embedded,
    runId: options.runId ?? null,
  });
  for (const line of insights.missing) options.err(`rota-perf: database figures: ${line}`);
  return {
    notes: insights.missing.map((line) => `Database figures: ${line}`),
    async stop() {
      try {
        const document = await insights.stop();
        return await writeJsonAtomically(
          join(options.outDir, RESULT_FILE.databaseInsights),
          document,
        );
      } catch (error) {
        options.err(`rota-perf: ${RESULT_FILE.databaseInsights} not written: ${firstLine(error)}`);
        return null;
      }
    },
  };
}
