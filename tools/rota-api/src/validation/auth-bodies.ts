import type { HttpError } from '../http/errors.js';
import { checkEmail } from './email.js';
import { readBool, readLiteral, readString, valueError } from './fields.js';
import { type FieldSource, validateModel } from './issues.js';

/** A validated `RegisterIn`, with sex and color already mapped to lookup codes. */
export interface RegisterBody {
  email: string;
  password: string;
  nameForCertificate: string;
  username: string;
  sex: string;
  color: string;
  birthday: string;
  role: 'Admin' | 'User' | 'Manager';
  socialName: string | null;
  remember: boolean;
}

/** A validated `LoginIn`. */
export interface LoginBody {
  email: string;
  password: string;
  remember: boolean;
}

const SEX_ALIASES: Record<string, string> = {};
for (const [code, aliases] of Object.entries({
  MC: ['MC', 'M', 'MALE', 'MAN', 'HOMEM', 'MANCIS', 'HOMEMCIS'],
  MT: ['MT', 'MANT', 'HOMEMTRANS'],
  WC: ['WC', 'F', 'FEMALE', 'WOMAN', 'MULHER', 'MULHERCIS', 'FEMININO'],
  WT: ['WT', 'MULHERTRANS', 'WOMANTRANS'],
  OT: ['OT', 'O', 'OTHER', 'OUTRO', 'OUTRA'],
  NS: ['NS', 'N', 'NAOESPECIFICADO', 'NAOESPECIFICO', 'NAOESPECIFICADA', 'NOTSPECIFIED'],
})) {
  for (const alias of aliases) SEX_ALIASES[alias] = code;
}

/**
 * The original has no rule, but `users.username` carries a unique B-tree index whose entries
 * cannot exceed 2,704 bytes: a longer name failed the insert (a 500). 255 characters of at most
 * 4 UTF-8 bytes each always fit.
 */
export const USERNAME_MAX_LENGTH = 255;

const COLOR_CODES = ['BR', 'PR', 'PA', 'AM', 'IN', 'OU', 'NS'];
const COLOR_NAMES = ['White', 'Black', 'Brown', 'Yellow', 'Indigenous', 'Other', 'NotSpecified'];

function readEmail(src: FieldSource): string | undefined {
  const raw = readString(src, 'email', true);
  if (raw === undefined) return undefined;
  const result = checkEmail(raw);
  if (result.ok) return result.email;
  return src.issues.add({
    type: 'value_error',
    loc: [...src.loc, 'email'],
    msg: `value is not a valid email address: ${result.reason}`,
    input: raw,
    ctx: { reason: result.reason },
  });
}

function readSex(src: FieldSource): string | undefined {
  const raw = readString(src, 'sex', true);
  if (raw === undefined) return undefined;
  const code = SEX_ALIASES[raw.replace(/[\s_-]/g, '').toUpperCase()];
  return code ?? valueError(src, 'sex', raw, 'Sexo inválido');
}

function readColor(src: FieldSource): string | undefined {
  const raw = readString(src, 'color', true);
  if (raw === undefined) return undefined;
  if (COLOR_CODES.includes(raw)) return raw;
  const index = COLOR_NAMES.indexOf(raw);
  return index >= 0 ? COLOR_CODES[index] : valueError(src, 'color', raw, 'Cor inválida');
}

/** Validates a register body; returns the body or the 422 error. */
export function validateRegisterBody(input: unknown): RegisterBody | HttpError {
  return validateModel<RegisterBody>(input, 'RegisterIn', (src) => ({
    email: readEmail(src),
    password: readString(src, 'password', true),
    nameForCertificate: readString(src, 'name_for_certificate', true),
    username: readString(src, 'username', true, USERNAME_MAX_LENGTH),
    sex: readSex(src),
    color: readColor(src),
    birthday: readString(src, 'birthday', true),
    role: readLiteral(src, 'role', ['Admin', 'User', 'Manager'] as const, 'User'),
    socialName: readString(src, 'social_name', false),
    remember: readBool(src, 'remember', false),
  }));
}

/** Validates a login body; returns the body or the 422 error. */
export function validateLoginBody(input: unknown): LoginBody | HttpError {
  return validateModel<LoginBody>(input, 'LoginIn', (src) => ({
    email: readEmail(src),
    password: readString(src, 'password', true),
    remember: readBool(src, 'remember', false),
  }));
}
