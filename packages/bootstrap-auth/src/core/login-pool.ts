import { poolCredentials } from './config.js';
import { postRegister } from './ensure-session.js';
import { BootstrapError } from './errors.js';
import { bodyExcerpt } from './http.js';
import type { BootstrapConfig, Credentials, HttpClient } from './types.js';

/**
 * Registers `n` extra users for the login scenario, so that the auth rate limiter (per email)
 * does not turn the login benchmark into a 429 benchmark. Stops at the first failure.
 */
export async function prepareLoginPool(
  client: HttpClient,
  config: BootstrapConfig,
  n: number,
): Promise<Credentials[]> {
  if (!Number.isInteger(n) || n < 0) {
    throw new BootstrapError(`login pool size must be a whole number >= 0, got ${n}`);
  }
  const pool: Credentials[] = [];
  for (let index = 0; index < n; index++) {
    const credentials = poolCredentials(config, index);
    // 409: the user exists already. Instances of one split test (execution segments) start
    // together, so their pool names (from the start time) can match; the other instance
    // registered it with the same password, so it serves this instance's logins too.
    const response = await postRegister(client, config, credentials, [200, 409]);
    if (response.status !== 200 && response.status !== 409) {
      const excerpt = bodyExcerpt(response.body);
      throw new BootstrapError(
        `login pool: registering user ${index + 1} of ${n} (${credentials.email}) failed: POST ${config.baseUrl}/auth/register returned ${response.status}${excerpt === '' ? '' : `; body: ${excerpt}`}`,
      );
    }
    pool.push(credentials);
  }
  return pool;
}
