import { integer, pgTable, serial, varchar } from 'drizzle-orm/pg-core';

// lk_color is the only lookup with a SERIAL id; the others use GENERATED ALWAYS AS IDENTITY.
export const lkColor = pgTable('lk_color', {
  id: serial('id').primaryKey(),
  code: varchar('code', { length: 8 }).notNull().unique('lk_color_code_key'),
});

/** A lookup table: an identity id and a unique code of at most `codeLength` characters. */
function lookupTable<Name extends string>(name: Name, codeLength: number) {
  return pgTable(name, {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    code: varchar('code', { length: codeLength }).notNull().unique(`${name}_code_key`),
  });
}

export const lkEnrollmentStatus = lookupTable('lk_enrollment_status', 32);
export const lkItemType = lookupTable('lk_item_type', 32);
export const lkProgressStatus = lookupTable('lk_progress_status', 32);
export const lkQuestionType = lookupTable('lk_question_type', 32);
export const lkRole = lookupTable('lk_role', 32);
export const lkSex = lookupTable('lk_sex', 8);
