import { cpus, platform, release } from 'node:os';
import type { Connection } from '@rota-perf/rota-db';
import type { DbBenchOptions } from './args.js';
import { redact } from './args.js';
import { findPackageVersion } from './package-version.js';

/** Where and how a run happened: recorded in the JSON beside the results. */
export interface RunEnvironment {
  started_at: string;
  finished_at: string | null;
  postgres_version: string;
  postgres_version_full: string;
  node_version: string;
  driver: { name: 'postgres'; version: string | null };
  drizzle_orm_version: string | null;
  database: { kind: 'embedded' | 'external'; url: string };
  /** Fixture the embedded database was seeded with; null for an external database. */
  fixture: string | null;
  platform: string;
  cpus: number;
  options: {
    iterations: number;
    warmup: number;
    include_writes: boolean;
    concurrency: number;
    filter: string | null;
    user_email: string;
    explain: boolean;
  };
}

/** Collects the environment of a run (asks the server for its version). */
export async function describeEnvironment(
  connection: Connection,
  options: DbBenchOptions,
  target: { url: string; embedded: boolean },
  startedAt: Date,
): Promise<RunEnvironment> {
  const [row] = await connection.client<{ short: string; full: string }[]>`
    select current_setting('server_version') as short, version() as full`;
  // The driver and Drizzle belong to rota-db: resolve them from its location.
  const rotaDb = import.meta.resolve('@rota-perf/rota-db');
  return {
    started_at: startedAt.toISOString(),
    finished_at: null,
    postgres_version: row?.short ?? 'unknown',
    postgres_version_full: row?.full ?? 'unknown',
    node_version: process.version,
    driver: { name: 'postgres', version: findPackageVersion('postgres', rotaDb) },
    drizzle_orm_version: findPackageVersion('drizzle-orm', rotaDb),
    database: { kind: target.embedded ? 'embedded' : 'external', url: redact(target.url) },
    fixture: target.embedded ? options.fixture : null,
    platform: `${platform()} ${release()}`,
    cpus: cpus().length,
    options: {
      iterations: options.iterations,
      warmup: options.warmup,
      include_writes: options.includeWrites,
      concurrency: options.concurrency,
      filter: options.filter,
      user_email: options.userEmail,
      explain: options.explain,
    },
  };
}
