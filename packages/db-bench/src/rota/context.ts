import { UsageError } from '@rota-perf/core';
import {
  type Connection,
  createRepositories,
  hashPassword,
  LOOKUP_CODES,
  type Repositories,
} from '@rota-perf/rota-db';

/** What the cases run against, prepared once like the original (docs/rota-api.md §4.2). */
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

// The original ensures these six tables, not lk_question_type (docs/rota-api.md §4.2 step 1).
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
  connection: Connection,
  user: BenchUser,
): Promise<RotaContext> {
  const repos = createRepositories(connection.db);
  await ensureLookupCodes(connection.client);
  const { userId, username } = await ensureUser(repos, user);
  // An arbitrary trail: a one-row query with no ORDER BY, as the original (§4.2 step 3).
  const trailId = await repos.trails.anyTrailId();
  let sectionId: number | null = null;
  let itemId: number | null = null;
  let formItemId: number | null = null;
  if (trailId !== null) {
    sectionId = await repos.items.firstSectionId(trailId);
    // First item of the trail regardless of sections, unlike the k6 item (§7.8).
    itemId = await repos.items.firstItemIgnoringSections(trailId);
    formItemId = await repos.items.firstFormItem(trailId);
    await repos.userTrails.ensureEnrollment(userId, trailId);
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
  repos: Repositories,
  user: BenchUser,
): Promise<{ userId: number; username: string }> {
  const username = user.email.split('@')[0] ?? user.email;
  // Reused as is: the password is neither checked nor updated (§4.2 step 2).
  const existing = await repos.users.getUserByEmail(user.email);
  if (existing) return { userId: existing.userId, username: existing.username ?? username };
  const created = await repos.users.createUser({
    email: user.email,
    username,
    passwordHash: await hashPassword(user.password),
    nameForCertificate: 'Performance Bench',
    birthday: '1990-01-01',
    sex: 'MC',
    color: 'BR',
    role: 'User',
  });
  if (created) return { userId: created.userId, username };
  const taken = await repos.users.getUserByUsername(username);
  throw new ContextError(
    taken
      ? `username '${username}' (from --user-email ${user.email}) already belongs to ${taken.email}; choose another e-mail`
      : `could not create the user ${user.email}`,
  );
}

/** The context cannot be prepared (e.g. the username is taken): a user-fixable problem. */
export class ContextError extends UsageError {
  constructor(message: string) {
    super(message);
    this.name = 'ContextError';
  }
}
