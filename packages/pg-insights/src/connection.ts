// The one connection pg-insights uses per database (snapshots and wait sampling share it), and
// the marker that keeps its own statements out of what it reports.
import postgres from 'postgres';

/** `application_name` of the insights connection (its sessions are left out of the samples). */
export const INSIGHTS_APPLICATION = 'rota-perf-insights';

/** Ends every statement pg-insights sends (written out in each), so its figures leave them out. */
export const INSIGHTS_MARKER = '/*rota-perf:insights*/';

/** One connection (pool of 1) for pg-insights' own queries; close it with `end()`. */
export function openInsightsClient(url: string): postgres.Sql {
  return postgres(url, {
    max: 1,
    connect_timeout: 10,
    idle_timeout: 0,
    onnotice: () => {},
    // Array types are of no use here, and the driver's type query would show in the figures.
    fetch_types: false,
    connection: { application_name: INSIGHTS_APPLICATION },
  });
}

/** A password-free URL for messages and files. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1***@');
}

/** The first line of an error's message. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
