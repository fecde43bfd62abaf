import { hash, verify } from '@node-rs/bcrypt';

/** bcrypt cost of the original backend (passlib's default). */
export const BCRYPT_COST = 12;

/** Hashes a password with bcrypt at cost 12 (`$2b$…`, as passlib writes it). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { cost: BCRYPT_COST });
}

/** Checks a password against a stored bcrypt hash; false for malformed hashes. */
export function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
  return verify(password, passwordHash);
}
