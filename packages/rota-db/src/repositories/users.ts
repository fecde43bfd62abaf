import { eq, sql } from 'drizzle-orm';
import { alias, type PgColumn } from 'drizzle-orm/pg-core';
import { RotaDbError } from '../db/errors.js';
import type { Executor } from '../db/types.js';
import { lkColor, lkRole, lkSex, users } from '../schema/index.js';
import { lazy } from './prepared.js';
import type { UserRow } from './rows.js';

const role = alias(lkRole, 'r');
const sex = alias(lkSex, 's');
const color = alias(lkColor, 'c');

const userColumns = {
  userId: users.userId,
  email: users.email,
  username: users.username,
  passwordHash: users.passwordHash,
  nameForCertificate: users.nameForCertificate,
  socialName: users.socialName,
  birthday: users.birthday,
  profilePicUrl: users.profilePicUrl,
  bannerPicUrl: users.bannerPicUrl,
  createdAt: users.createdAt,
  roleId: users.roleId,
  sexId: users.sexId,
  colorId: users.colorId,
  role: role.code,
  sex: sex.code,
  color: color.code,
};

/** A new user; sex/color/role are lookup codes resolved by the repository. */
export interface NewUser {
  email: string;
  username: string;
  /** bcrypt hash (see `hashPassword`). */
  passwordHash: string;
  nameForCertificate: string;
  /** ISO date `YYYY-MM-DD`. */
  birthday: string;
  sex: string;
  color: string;
  role: string;
  socialName?: string | null;
}

/** User queries (db-bench cases 15–19, register, login, /me). */
export function createUsersRepository(db: Executor) {
  // Prepared once per repository: /me and every authenticated request read the user by id.
  const byColumn = (column: PgColumn, name: string) => {
    const query = lazy(() =>
      db
        .select(userColumns)
        .from(users)
        .leftJoin(role, eq(role.id, users.roleId))
        .leftJoin(sex, eq(sex.id, users.sexId))
        .leftJoin(color, eq(color.id, users.colorId))
        .where(eq(column, sql.placeholder('value')))
        .limit(1)
        .prepare(name),
    );
    return async (value: string | number): Promise<UserRow | null> => {
      const [row] = await query().execute({ value });
      return row ?? null;
    };
  };
  const existsBy = (column: PgColumn, name: string) => {
    const query = lazy(() =>
      db
        .select({ userId: users.userId })
        .from(users)
        .where(eq(column, sql.placeholder('value')))
        .limit(1)
        .prepare(name),
    );
    return async (value: string): Promise<boolean> => (await query().execute({ value })).length > 0;
  };
  const byEmail = byColumn(users.email, 'users_by_email');
  const byUsername = byColumn(users.username, 'users_by_username');
  const byId = byColumn(users.userId, 'users_by_id');
  const emailTaken = existsBy(users.email, 'users_email_taken');
  const usernameTaken = existsBy(users.username, 'users_username_taken');
  return {
    /** Case 15: user by exact (case-sensitive) email, with role/sex/color codes. */
    getUserByEmail: (email: string) => byEmail(email),
    /** Case 16: user by username. */
    getUserByUsername: (username: string) => byUsername(username),
    /** Case 17: user by id. */
    getUserById: (userId: number) => byId(userId),
    /** Case 18: whether the email is taken. */
    existsEmail: (email: string) => emailTaken(email),
    /** Case 19: whether the username is taken. */
    existsUsername: (username: string) => usernameTaken(username),

    /**
     * Inserts a user, resolving lookup codes in the same statement. Returns null when the email
     * or username is taken (race-safe); throws RotaDbError for an unknown lookup code.
     */
    async createUser(input: NewUser): Promise<UserRow | null> {
      const rows = await db.execute<{ user_id: string }>(sql`
        insert into users (email, username, password_hash, name_for_certificate, birthday,
                           social_name, role_id, sex_id, color_id)
        select ${input.email}, ${input.username}, ${input.passwordHash}, ${input.nameForCertificate},
               ${input.birthday}::date, ${input.socialName ?? null}, r.id, s.id, c.id
        from lk_role r, lk_sex s, lk_color c
        where r.code = ${input.role} and s.code = ${input.sex} and c.code = ${input.color}
        on conflict do nothing
        returning user_id`);
      const id = rows[0]?.user_id;
      if (id !== undefined) return byId(Number(id));
      await assertCodesExist(db, input);
      return null;
    },
  };
}

async function assertCodesExist(db: Executor, input: NewUser): Promise<void> {
  for (const [table, code] of [
    ['lk_role', input.role],
    ['lk_sex', input.sex],
    ['lk_color', input.color],
  ] as const) {
    const found = await db.execute(
      sql`select 1 from ${sql.identifier(table)} where code = ${code}`,
    );
    if (found.length === 0)
      throw new RotaDbError(`Unknown ${table} code "${code}": not in the lookup table`);
  }
}

/** The users repository type. */
export type UsersRepository = ReturnType<typeof createUsersRepository>;
