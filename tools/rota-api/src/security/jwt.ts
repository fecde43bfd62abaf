import { createHmac, timingSafeEqual } from 'node:crypto';

/** Claims of the Rota session JWT (docs/rota-api.md §1.4). */
export interface SessionClaims {
  iat: number;
  exp: number;
  id: number;
  email: string;
  role: string;
  username: string;
}

export const SESSION_LIFETIME_SECONDS = 24 * 60 * 60;

// PyJWT serialises header and payload with sorted keys and compact separators.
const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

function base64url(text: string | Buffer): string {
  return Buffer.from(text).toString('base64url');
}

function sign(input: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** Issues an HS256 session token that expires 24 h after `nowSeconds`. */
export function signSessionToken(
  user: { id: number; email: string; role: string | null; username: string | null },
  secret: string,
  nowSeconds: number,
): string {
  const payload = {
    email: user.email,
    exp: nowSeconds + SESSION_LIFETIME_SECONDS,
    iat: nowSeconds,
    id: user.id,
    role: user.role,
    username: user.username,
  };
  const body = `${HEADER}.${base64url(JSON.stringify(payload))}`;
  return `${body}.${sign(body, secret).toString('base64url')}`;
}

/** Verifies signature, algorithm and expiry; returns the claims or null for any invalid token. */
export function verifySessionToken(
  token: string,
  secret: string,
  nowSeconds: number,
): SessionClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts as [string, string, string];
  const expected = sign(`${header}.${payload}`, secret);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as unknown;
    if (!isRecord(head) || head.alg !== 'HS256') return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    if (!isRecord(claims)) return null;
    const { exp, iat, id } = claims;
    if (typeof exp !== 'number' || exp < nowSeconds) return null;
    if (iat !== undefined && (typeof iat !== 'number' || iat > nowSeconds)) return null;
    if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
    return claims as unknown as SessionClaims;
  } catch {
    return null;
  }
}

// Verified tokens by token text. A browser or load generator sends the same session cookie
// on every request; a hit skips the HMAC and two JSON parses but still checks the times.
// Only valid tokens are kept (forged ones cannot fill it) and the map is bounded.
const verified = new Map<string, { secret: string; claims: SessionClaims }>();
const VERIFIED_MAX = 4096;

/** `verifySessionToken` with a bounded cache of tokens that verified under `secret`. */
export function verifySessionTokenCached(
  token: string,
  secret: string,
  nowSeconds: number,
): SessionClaims | null {
  const hit = verified.get(token);
  if (hit && hit.secret === secret) {
    const { exp, iat } = hit.claims;
    if (exp < nowSeconds || (iat !== undefined && iat > nowSeconds)) return null;
    return hit.claims;
  }
  const claims = verifySessionToken(token, secret, nowSeconds);
  if (claims) {
    if (verified.size >= VERIFIED_MAX) verified.clear();
    verified.set(token, { secret, claims });
  }
  return claims;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
