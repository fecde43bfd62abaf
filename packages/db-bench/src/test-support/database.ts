import {
  type ConnectedDatabase,
  type Connection,
  startConnectedDatabase,
} from '@rota-perf/rota-db';

/** A PostgreSQL started by the test itself, apart from the command under test. */
export type SeparateDatabase = ConnectedDatabase;

/** Starts an embedded PostgreSQL, migrates it and seeds the small fixture. */
export function startSeparateDatabase(): Promise<SeparateDatabase> {
  return startConnectedDatabase({ max: 3, fixture: 'small' });
}

/** Rows per call each case must report on this database, computed from its contents. */
export async function expectedRowsPerCall(
  client: Connection['client'],
  ctx: { trail_id: number; section_id: number; user_id: number },
): Promise<Record<string, number>> {
  const [c] = await client<Record<string, number>[]>`
    select
      (select count(*)::int from trails) as trails,
      (select count(*)::int from trail_sections where trail_id = ${ctx.trail_id}) as sections,
      (select count(*)::int from trail_items where trail_id = ${ctx.trail_id}) as items,
      (select count(*)::int from trail_items
        where trail_id = ${ctx.trail_id} and section_id = ${ctx.section_id}) as section_items,
      (select count(*)::int from trail_included_items where trail_id = ${ctx.trail_id}) as included,
      (select count(*)::int from trail_requirements where trail_id = ${ctx.trail_id}) as requirements,
      (select count(*)::int from trail_target_audience where trail_id = ${ctx.trail_id}) as audience,
      (select count(*)::int from trail_certificates
        where trail_id = ${ctx.trail_id} and user_id = ${ctx.user_id}) as certificates`;
  if (!c) throw new Error('count query returned nothing');
  const n = (key: string) => c[key] as number;
  return {
    'TrailsRepository.list_showcase': Math.min(6, n('trails')),
    'TrailsRepository.list_all': Math.min(10, n('trails')),
    'TrailsRepository.get_trail': 1,
    'TrailsRepository.list_sections': Math.min(10, n('sections')),
    'TrailsRepository.list_section_items': Math.min(10, n('section_items')),
    'TrailsRepository.list_sections_with_items': n('sections'),
    'TrailsRepository.list_included_items': n('included'),
    'TrailsRepository.list_requirements': n('requirements'),
    'TrailsRepository.list_audience': n('audience'),
    'UserTrailsRepository.count_items_in_trail': 1,
    // Dict keys: 9, or 10 with a certificate (docs/rota-api.md §7.18).
    'UserTrailsRepository.get_progress_for_user': 9 + Math.min(1, n('certificates')),
    'UserTrailsRepository.get_items_progress': n('items'),
    'UserTrailsRepository.get_sections_progress': n('sections'),
    'UserTrailsRepository.get_progress_map_for_user': 1,
    'UsersRepository.GetUserByEmail': 1,
    'UsersRepository.GetUserByUsername': 1,
    'UsersRepository.GetUserById': 1,
    'UsersRepository.ExistsEmail': 1,
    'UsersRepository.ExistsUsername': 1,
    'UserTrailsRepository.ensure_enrollment': 1,
    'UserProgressRepository.upsert_item_progress': 1,
  };
}
