import { bigserial, date, integer, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { rolesEnum, sexTypeEnum } from './enums.js';
import { lkColor, lkRole, lkSex } from './lookups.js';

// Nullability follows the SQL DDL, not the ORM models (docs/rota-api.md §3.3, §7.12).
export const users = pgTable('users', {
  userId: bigserial('user_id', { mode: 'number' }).primaryKey(),
  sex: sexTypeEnum('sex'),
  passwordHash: text('password_hash').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }),
  email: varchar('email').notNull().unique('users_email_key'),
  birthday: date('birthday', { mode: 'string' }).notNull(),
  nameForCertificate: text('name_for_certificate').notNull(),
  username: text('username').unique('users_username_key'),
  socialName: varchar('social_name'),
  role: rolesEnum('role').notNull().default('User'),
  profilePicUrl: text('profile_pic_url'),
  bannerPicUrl: text('banner_pic_url'),
  roleId: integer('role_id').references(() => lkRole.id),
  sexId: integer('sex_id').references(() => lkSex.id),
  createdAtUtc: timestamp('created_at_utc'),
  colorId: integer('color_id')
    .notNull()
    .references(() => lkColor.id),
});
