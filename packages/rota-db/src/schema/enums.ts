import { pgEnum } from 'drizzle-orm/pg-core';

/** Legacy item type of `trail_items."type"`; the API reads `item_type_id` instead. */
export const itemTypeEnum = pgEnum('item_type', ['VIDEO', 'DOC', 'FORM']);
/** Declared by the original DDL but used by no column. */
export const questionTypeEnum = pgEnum('question_type', [
  'ESSAY',
  'TRUE_OR_FALSE',
  'SINGLE_CHOICE',
]);
/** Legacy role of `users."role"`. */
export const rolesEnum = pgEnum('roles_enum', ['Admin', 'User', 'Manager']);
/** Legacy sex of `users.sex`. */
export const sexTypeEnum = pgEnum('sex_type', ['M', 'F', 'O', 'N']);
