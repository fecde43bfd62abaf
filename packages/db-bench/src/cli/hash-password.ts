import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

interface Bcrypt {
  hash(password: string, options?: { cost?: number }): Promise<string>;
}

// The cost the original's bcrypt.gensalt() uses.
const BCRYPT_COST = 12;

let bcrypt: Bcrypt | undefined;

/**
 * bcrypt-hashes the synthetic user's password. The binding is rota-db's own dependency
 * (@node-rs/bcrypt), loaded from rota-db's location rather than duplicated here.
 */
export async function hashPassword(password: string): Promise<string> {
  if (bcrypt === undefined) {
    const require = createRequire(fileURLToPath(import.meta.resolve('@rota-perf/rota-db')));
    bcrypt = require('@node-rs/bcrypt') as Bcrypt;
  }
  return bcrypt.hash(password, { cost: BCRYPT_COST });
}
