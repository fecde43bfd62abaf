import type { Connection } from '@rota-perf/rota-db';

/** Row count and content checksum of one table. */
export interface TableSnapshot {
  rows: number;
  md5: string;
}

/** Rows to leave out of a table's snapshot: an SQL condition on the table's columns. */
export type Exclusions = Readonly<Record<string, string>>;

/**
 * Counts and checksums every table of schema public: md5 over the text of every row in a
 * stable order, so any changed, added or removed row changes the table's entry.
 */
export async function snapshotTables(
  client: Connection['client'],
  exclude: Exclusions = {},
): Promise<Record<string, TableSnapshot>> {
  const tables = await client<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
  const snapshot: Record<string, TableSnapshot> = {};
  for (const { name } of tables) {
    const where = exclude[name] ? `where not (${exclude[name]})` : '';
    const [row] = await client.unsafe<{ rows: number; md5: string }[]>(
      `select count(*)::int as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))
         as md5 from "${name}" t ${where}`,
    );
    snapshot[name] = { rows: row?.rows ?? -1, md5: row?.md5 ?? '' };
  }
  return snapshot;
}
