import { type Connection, LOOKUP_CODES } from '@rota-perf/rota-db';

/** What the cases run against, prepared once like the original (contract §4.2). */
export interface RotaContext {
  trail_id: number | null;
  section_id: number | null;
  item_id: number | null;
  /** Collected like the original; no case uses it. */
  form_item_id: number | null;
  user_id: number;
  email: string;
  username: string;
  password: string;
}

/** The synthetic user the benchmark reads and writes as. */
export interface BenchUser {
  email: string;
  password: string;
}

// The original ensures these six tables, not lk_question_type (contract §4.2 step 1).
const ENSURED_LOOKUPS = [
  'lk_sex',
  'lk_color',
  'lk_role',
  'lk_item_type',
  'lk_enrollment_status',
  'lk_progress_status',
] as const;

type Sql = Connection['client'];

/**
 * Ensures the lookup codes, creates or reuses the synthetic user, picks the trail, section,
 * item and form item with the original's rules and enrols the user (these rows stay).
 */
export async function prepareContext(
  client: Sql,
  user: BenchUser,
  hashPassword: (password: string) => Promise<string>,
): Promise<RotaContext> {
  await ensureLookupCodes(client);
  const { userId, username } = await ensureUser(client, user, hashPassword);
  // No ORDER BY, as the original: an arbitrary trail (contract §4.2 step 3).
  const [trail] = await client<{ id: string }[]>`select id from trails limit 1`;
  const trailId = trail ? Number(trail.id) : null;
  let sectionId: number | null = null;
  let itemId: number | null = null;
  let formItemId: number | null = null;
  if (trailId !== null) {
    const [section] = await client<{ id: string }[]>`
      select id from trail_sections where trail_id = ${trailId} order by order_index, id limit 1`;
    // First item of the trail regardless of sections (unlike the k6 item, contract §7.8).
    const [item] = await client<{ id: string }[]>`
      select id from trail_items where trail_id = ${trailId} order by order_index, id limit 1`;
    const [formItem] = await client<{ id: string }[]>`
      select ti.id from trail_items ti join lk_item_type lt on lt.id = ti.item_type_id
      where ti.trail_id = ${trailId} and lt.code = 'FORM' order by ti.order_index, ti.id limit 1`;
    sectionId = section ? Number(section.id) : null;
    itemId = item ? Number(item.id) : null;
    formItemId = formItem ? Number(formItem.id) : null;
    await ensureEnrollment(client, userId, trailId);
  }
  return {
    trail_id: trailId,
    section_id: sectionId,
    item_id: itemId,
    form_item_id: formItemId,
    user_id: userId,
    email: user.email,
    username,
    password: user.password,
  };
}

async function ensureLookupCodes(client: Sql): Promise<void> {
  for (const table of ENSURED_LOOKUPS) {
    for (const code of LOOKUP_CODES[table]) {
      await client`insert into ${client(table)} (code) values (${code}) on conflict (code) do nothing`;
    }
  }
}

async function ensureUser(
  client: Sql,
  user: BenchUser,
  hashPassword: (password: string) => Promise<string>,
): Promise<{ userId: number; username: string }> {
  const [existing] = await client<{ user_id: string; username: string | null }[]>`
    select user_id, username from users where email = ${user.email} limit 1`;
  const username = user.email.split('@')[0] ?? user.email;
  // Reused as is: the password is neither checked nor updated (contract §4.2 step 2).
  if (existing)
    return { userId: Number(existing.user_id), username: existing.username ?? username };
  const [taken] = await client<{ email: string }[]>`
    select email from users where username = ${username} limit 1`;
  if (taken) {
    throw new ContextError(
      `username '${username}' (from --user-email ${user.email}) already belongs to ${taken.email}; choose another e-mail`,
    );
  }
  const hash = await hashPassword(user.password);
  const [created] = await client<{ user_id: string }[]>`
    insert into users (email, username, password_hash, name_for_certificate, birthday,
                       sex_id, color_id, role_id, created_at)
    values (${user.email}, ${username}, ${hash}, 'Performance Bench', '1990-01-01',
            (select id from lk_sex where code = 'MC'), (select id from lk_color where code = 'BR'),
            (select id from lk_role where code = 'User'), now())
    returning user_id`;
  if (!created) throw new ContextError(`could not create the user ${user.email}`);
  return { userId: Number(created.user_id), username };
}

async function ensureEnrollment(client: Sql, userId: number, trailId: number): Promise<void> {
  await client`
    insert into user_trails (user_id, trail_id, status_id, progress_percent, started_at)
    values (${userId}, ${trailId}, (select id from lk_enrollment_status where code = 'ENROLLED'),
            0, now())
    on conflict (user_id, trail_id) do nothing`;
}

/** The context cannot be prepared (e.g. the username is taken): a user-fixable problem. */
export class ContextError extends Error {
  override readonly name = 'ContextError';
}
