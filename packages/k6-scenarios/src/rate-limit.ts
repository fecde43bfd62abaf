// ENABLE_RATE_LIMIT_SCENARIOS: check that the auth limiter admits exactly `limit` logins per
// window and answers the next with 429 and a Retry-After (docs/rota-api.md §1.6, §6 point 12). The
// original's verification omitted the required `color` and could never pass; this one registers
// a complete body through bootstrap-auth.
import { type BootstrapConfig, ensureSession, type HttpClient } from '@rota-perf/bootstrap-auth';
import { REQUEST_NAMES } from '@rota-perf/core';
import { sleep } from 'k6';

/** What the verification observed. */
export interface RateLimitOutcome {
  limit: number;
  allowedCount: number;
  limitedCount: number;
  firstLimitedAt: number | null;
  retryAfterSeconds: number | null;
  email: string;
  passed: boolean;
}

function headerValue(headers: Record<string, string>, name: string): string | undefined {
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

/** Registers a throwaway user, then sends limit+3 logins 0.2 s apart. */
export async function verifyRateLimit(
  client: HttpClient,
  config: BootstrapConfig,
  limit: number,
): Promise<RateLimitOutcome> {
  const stamp = config.stamp;
  const credentials = {
    email: `ratelimit-${stamp}-limit@example.com`,
    password: config.credentials.password,
    username: `ratelimit_${stamp}`,
  };
  // Generated credentials make ensureSession register without a login attempt, so the
  // limiter's login budget for this email is untouched when the loop starts.
  await ensureSession(client, { ...config, credentials, generatedCredentials: true });
  const outcome: RateLimitOutcome = {
    limit,
    allowedCount: 0,
    limitedCount: 0,
    firstLimitedAt: null,
    retryAfterSeconds: null,
    email: credentials.email,
    passed: false,
  };
  const body = JSON.stringify({
    email: credentials.email,
    password: credentials.password,
    remember: true,
  });
  for (let attempt = 0; attempt < limit + 3; attempt++) {
    const response = await client.request(
      'POST',
      `${config.baseUrl}/auth/login`,
      body,
      { 'Content-Type': 'application/json' },
      {
        tags: {
          endpoint: 'rate_limit_verification',
          phase: 'setup',
          name: REQUEST_NAMES.auth_login,
        },
        expectedStatuses: [200, 429],
      },
    );
    if (response.status === 429) {
      outcome.limitedCount++;
      if (outcome.firstLimitedAt === null) outcome.firstLimitedAt = attempt;
      const retryAfter = Number(headerValue(response.headers, 'retry-after'));
      if (Number.isFinite(retryAfter)) outcome.retryAfterSeconds = retryAfter;
    } else if (response.status === 200) outcome.allowedCount++;
    // k6's sleep blocks the VU and returns nothing (awaiting it is harmless); node-runner's
    // returns a Promise and pauses only when awaited.
    await sleep(0.2);
  }
  outcome.passed =
    outcome.firstLimitedAt === limit &&
    outcome.allowedCount === limit &&
    (outcome.retryAfterSeconds ?? 0) > 0;
  return outcome;
}
