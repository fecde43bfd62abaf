import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { RotaDbError } from '../db/errors.js';
import type { Executor } from '../db/types.js';
import { lkColor, lkRole, lkSex, users } from '../schema/index.js';
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
  const getBy = async (where: ReturnType<typeof eq>): Promise<UserRow | null> => {
    const [row] = await db
      .select(userColumns)
      .from(users)
      .leftJoin(role, eq(role.id, users.roleId))
      .leftJoin(sex, eq(sex.id, users.sexId))
      .leftJoin(color, eq(color.id, users.colorId))
      .where(where)
      .limit(1);
    return row ?? null;
  };
  const exists = async (where: ReturnType<typeof eq>): Promise<boolean> => {
    const rows = await db.select({ userId: users.userId }).from(users).where(where).limit(1);
    return rows.length > 0;
  };

  return {
    /** Case 15: user by exact (case-sensitive) email, with role/sex/color codes. */
    getUserByEmail: (email: string) => getBy(eq(users.email, email)),
    /** Case 16: user by username. */
    getUserByUsername: (username: string) => getBy(eq(users.username, username)),
    /** Case 17: user by id. */
    getUserById: (userId: number) => getBy(eq(users.userId, userId)),
    /** Case 18: whether the email is taken. */
    existsEmail: (email: string) => exists(eq(users.email, email)),
    /** Case 19: whether the username is taken. */
    existsUsername: (username: string) => exists(eq(users.username, username)),

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
      if (id !== undefined) return getBy(eq(users.userId, Number(id)));
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
