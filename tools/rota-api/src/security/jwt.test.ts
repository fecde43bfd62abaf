import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SESSION_LIFETIME_SECONDS,
  signSessionToken,
  verifySessionToken,
  verifySessionTokenCached,
} from './jwt.js';

const SECRET = 'a-test-secret-of-enough-length';
const USER = { id: 7, email: 'a@example.com', role: 'User', username: 'a' };

function decodePart(token: string, index: number): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8'));
}

describe('session JWT', () => {
  it('carries the original claims with exp = iat + 24 h and an HS256 header', () => {
    const now = 1_700_000_000;
    const token = signSessionToken(USER, SECRET, now);
    expect(decodePart(token, 0)).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(decodePart(token, 1)).toEqual({
      ...USER,
      iat: now,
      exp: now + SESSION_LIFETIME_SECONDS,
    });
    const [h, p, s] = token.split('.');
    const expected = createHmac('sha256', SECRET).update(`${h}.${p}`).digest('base64url');
    expect(s).toBe(expected);
  });

  it('verifies a valid token and rejects forged, expired and alg-swapped ones', () => {
    const now = 1_700_000_000;
    const token = signSessionToken(USER, SECRET, now);
    expect(verifySessionToken(token, SECRET, now + 10)?.id).toBe(7);
    expect(verifySessionToken(token, 'another-secret-of-length', now)).toBeNull();
    expect(verifySessionToken(token, SECRET, now + SESSION_LIFETIME_SECONDS + 1)).toBeNull();
    const [, payload] = token.split('.');
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${payload}.`;
    expect(verifySessionToken(none, SECRET, now)).toBeNull();
    const tampered = token.replace(/\.([^.]+)\./, (_m, p: string) => `.${p.slice(0, -2)}AA.`);
    expect(verifySessionToken(tampered, SECRET, now)).toBeNull();
    expect(verifySessionToken('not-a-jwt', SECRET, now)).toBeNull();
  });

  it('the cached verifier answers like the plain one, also on a hit (expiry, other secret)', () => {
    const now = 1_700_000_000;
    const token = signSessionToken({ ...USER, id: 8 }, SECRET, now);
    const plain = verifySessionToken(token, SECRET, now + 5);
    expect(verifySessionTokenCached(token, SECRET, now + 5)).toEqual(plain);
    expect(verifySessionTokenCached(token, SECRET, now + 6)).toEqual(plain);
    expect(verifySessionTokenCached(token, 'another-secret-of-length', now)).toBeNull();
    expect(verifySessionTokenCached(token, SECRET, now + SESSION_LIFETIME_SECONDS + 1)).toBeNull();
    expect(verifySessionTokenCached(token, SECRET, now - 1)).toBeNull();
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(verifySessionTokenCached(forged, SECRET, now)).toBeNull();
    expect(verifySessionTokenCached(forged, SECRET, now)).toBeNull();
  });
});
