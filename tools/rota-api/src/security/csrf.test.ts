import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CSRF_LIFETIME_SECONDS, issueCsrfToken, verifyCsrfToken } from './csrf.js';

const SECRET = 'csrf-secret-for-tests';

describe('CSRF token', () => {
  it('has the format <issued_at>:<22-char nonce>:<64 hex hmac of user:issued:nonce>', () => {
    const token = issueCsrfToken(42, SECRET, 1_700_000_000);
    const [issued, nonce, sig] = token.split(':');
    expect(issued).toBe('1700000000');
    expect(nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const expected = createHmac('sha256', SECRET).update(`42:${issued}:${nonce}`).digest('hex');
    expect(sig).toBe(expected);
  });

  it('is bound to the user, expires after 12 h and accepts a future issued_at', () => {
    const now = 1_700_000_000;
    const token = issueCsrfToken(42, SECRET, now);
    expect(verifyCsrfToken(token, 42, SECRET, now + CSRF_LIFETIME_SECONDS)).toBe(true);
    expect(verifyCsrfToken(token, 42, SECRET, now + CSRF_LIFETIME_SECONDS + 1)).toBe(false);
    expect(verifyCsrfToken(token, 43, SECRET, now)).toBe(false);
    expect(verifyCsrfToken(token, 42, 'other-secret', now)).toBe(false);
    expect(verifyCsrfToken(token, 42, SECRET, now - 1000)).toBe(true);
    expect(verifyCsrfToken('a:b', 42, SECRET, now)).toBe(false);
    expect(verifyCsrfToken(token.replace(/^\d+/, 'x'), 42, SECRET, now)).toBe(false);
  });
});
