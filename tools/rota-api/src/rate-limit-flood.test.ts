import { describe, expect, it } from 'vitest';
import { SlidingLogRateLimiter } from './security/rate-limiter.js';
import { postJson, registerUser } from './test-support/client.js';
import { useHarness } from './test-support/harness.js';

// Issue 16, item 7: logins with unique 8-15 KB X-Forwarded-For values grew the server by
// hundreds of MB. Through the real server: a bounded flood, then the limiter's footprint, the
// server's health and the limit of a repeated key.
const MAX_KEYS = 300;
const FLOOD = 1200;
const limiter = new SlidingLogRateLimiter(5, 60, { maxKeys: MAX_KEYS, maxKeyLength: 256 });

const login = (xff: string, email = 'flood@example.com') =>
  postJson(`${h.url}/auth/login`, { email, password: 'nope' }, { 'x-forwarded-for': xff });

const h = useHarness(
  { AUTH_RATE_LIMIT_MAX_ATTEMPTS: '5', AUTH_RATE_LIMIT_WINDOW_SECONDS: '60' },
  { rateLimiter: limiter },
);
describe('rate limiter under unique huge X-Forwarded-For values', () => {
  it(`${FLOOD} logins with unique 12 KB client ids: bounded keys, healthy server, a repeated key still limited`, async () => {
    const filler = 'f'.repeat(12_000);
    const statuses: number[] = [];
    // 24 at a time: bounded in count and concurrency, on loopback.
    for (let start = 0; start < FLOOD; start += 24) {
      const batch = Array.from({ length: Math.min(24, FLOOD - start) }, (_, i) =>
        login(`${start + i}-${filler}`).then(async (r) => {
          await r.arrayBuffer();
          return r.status;
        }),
      );
      statuses.push(...(await Promise.all(batch)));
    }
    // Each client id was used once: every attempt passed the limiter and failed the password.
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(limiter.size).toBeLessThanOrEqual(MAX_KEYS);
    expect(Math.max(...[...limiter.keys()].map((k) => k.length))).toBeLessThanOrEqual(256);

    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    const user = await registerUser(h.url);
    expect(
      (await postJson(`${h.url}/auth/login`, { email: user.email, password: user.password }))
        .status,
    ).toBe(200);

    const repeated = `r-${filler}`;
    for (let i = 0; i < 5; i += 1) expect((await login(repeated)).status).toBe(401);
    const limited = await login(repeated);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toEqual({
      detail: 'Muitas tentativas. Aguarde antes de tentar novamente.',
    });
  });
});
