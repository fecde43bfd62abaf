import type { Sql } from './pg-client.js';
import type { NewUser, UserRecord } from './types.js';

type UserRow = {
  user_id: number;
  email: string;
  username: string;
  password_hash: string;
  profile_pic_url: string | null;
  banner_pic_url: string | null;
  role: string;
  sex: string;
  color: string;
};

function toUser(row: UserRow): UserRecord {
  return {
    userId: row.user_id,
    email: row.email,
    username: row.username,
    passwordHash: row.password_hash,
    profilePicUrl: row.profile_pic_url,
    bannerPicUrl: row.banner_pic_url,
    role: row.role,
    sex: row.sex,
    color: row.color,
  };
}

/** User queries (contract §1.2, §1.3, §1.8). */
export function userQueries(sql: Sql) {
  const select = (where: ReturnType<Sql>) => sql<UserRow[]>`
    SELECT u.user_id, u.email, u.username, u.password_hash, u.profile_pic_url, u.banner_pic_url,
           r.code AS role, s.code AS sex, c.code AS color
    FROM users u
    LEFT JOIN lk_role r ON r.id = u.role_id
    LEFT JOIN lk_sex s ON s.id = u.sex_id
    LEFT JOIN lk_color c ON c.id = u.color_id
    WHERE ${where}
    LIMIT 1`;
  return {
    async findUserByEmail(email: string) {
      const [row] = await select(sql`u.email = ${email}`);
      return row ? toUser(row) : null;
    },
    async findUserById(userId: number) {
      const [row] = await select(sql`u.user_id = ${userId}`);
      return row ? toUser(row) : null;
    },
    async userExists(email: string, username: string) {
      const rows =
        await sql`SELECT 1 FROM users WHERE email = ${email} OR username = ${username} LIMIT 1`;
      return rows.length > 0;
    },
    async createUser(user: NewUser): Promise<UserRecord | 'duplicate'> {
      // ON CONFLICT covers the race between the existence check and the insert.
      const [row] = await sql<Array<{ user_id: number }>>`
        INSERT INTO users (email, password_hash, name_for_certificate, username, social_name,
                           birthday, role_id, sex_id, color_id)
        VALUES (${user.email}, ${user.passwordHash}, ${user.nameForCertificate}, ${user.username},
                ${user.socialName}, ${user.birthday}::date,
                (SELECT id FROM lk_role WHERE code = ${user.role}),
                (SELECT id FROM lk_sex WHERE code = ${user.sex}),
                (SELECT id FROM lk_color WHERE code = ${user.color}))
        ON CONFLICT DO NOTHING
        RETURNING user_id`;
      if (!row) return 'duplicate';
      return (await this.findUserById(row.user_id)) ?? 'duplicate';
    },
  };
}
