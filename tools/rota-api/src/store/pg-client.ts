import postgres from 'postgres';

/** The postgres.js client the SQL store uses. */
export type Sql = postgres.Sql<Record<string, unknown>>;

// PostgreSQL prints timestamptz as `2025-10-27 20:39:49.123456+00` in a UTC session; Python's
// isoformat() writes `2025-10-27T20:39:49.123456+00:00`.
function isoOf(text: string): string {
  return text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
}

/** Opens a pool with ids and NUMERIC as JS numbers and timestamps as ISO strings. */
export function openSql(databaseUrl: string, max = 10): Sql {
  return postgres(databaseUrl, {
    max,
    onnotice: () => {},
    connection: { TimeZone: 'UTC', application_name: 'rota-api' },
    types: {
      bigint: {
        to: 20,
        from: [20],
        serialize: (x: number) => String(x),
        parse: (x: string) => Number(x),
      },
      numeric: {
        to: 1700,
        from: [1700],
        serialize: (x: number) => String(x),
        parse: (x: string) => Number(x),
      },
      timestamptz: { to: 1184, from: [1184], serialize: (x: string) => x, parse: isoOf },
    },
  }) as unknown as Sql;
}

/** Lookup ids by code, loaded once (the API resolves lookups by code, never by id). */
export interface Lookups {
  progress: Record<string, number>;
  enrollment: Record<string, number>;
}

/** Reads the lookup tables the progress queries need. */
export async function loadLookups(sql: Sql): Promise<Lookups> {
  const rows = await sql<Array<{ kind: string; code: string; id: number }>>`
    SELECT 'progress' AS kind, code, id FROM lk_progress_status
    UNION ALL SELECT 'enrollment', code, id FROM lk_enrollment_status`;
  const lookups: Lookups = { progress: {}, enrollment: {} };
  for (const row of rows) lookups[row.kind as keyof Lookups][row.code] = row.id;
  return lookups;
}

/** A lookup id that must exist (seeded); missing seed data is a server error. */
export function lookupId(table: Record<string, number>, code: string): number {
  const id = table[code];
  if (id === undefined) throw new Error(`lookup code ${code} is not seeded`);
  return id;
}
