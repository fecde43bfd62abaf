import { integer, pgTable, serial, varchar } from 'drizzle-orm/pg-core';

// lk_color is the only lookup with a SERIAL id; the others use GENERATED ALWAYS AS IDENTITY.
export const lkColor = pgTable('lk_color', {
  id: serial('id').primaryKey(),
  code: varchar('code', { length: 8 }).notNull().unique('lk_color_code_key'),
});

export const lkEnrollmentStatus = pgTable('lk_enrollment_status', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: varchar('code', { length: 32 }).notNull().unique('lk_enrollment_status_code_key'),
});

export const lkItemType = pgTable('lk_item_type', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: varchar('code', { length: 32 }).notNull().unique('lk_item_type_code_key'),
});

export const lkProgressStatus = pgTable('lk_progress_status', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: varchar('code', { length: 32 }).notNull().unique('lk_progress_status_code_key'),
});

export const lkQuestionType = pgTable('lk_question_type', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: varchar('code', { length: 32 }).notNull().unique('lk_question_type_code_key'),
});

export const lkRole = pgTable('lk_role', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: varchar('code', { length: 32 }).notNull().unique('lk_role_code_key'),
});

export const lkSex = pgTable('lk_sex', {
  id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
  code: varchar('code', { length: 8 }).notNull().unique('lk_sex_code_key'),
});
