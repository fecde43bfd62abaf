import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const CSRF_LIFETIME_SECONDS = 12 * 60 * 60;

function signature(userId: number, issuedAt: string, nonce: string, secret: string): string {
  return createHmac('sha256', secret).update(`${userId}:${issuedAt}:${nonce}`).digest('hex');
}

/** Mints `<issued_at>:<nonce>:<hex hmac>` bound to the user id (docs/rota-api.md §1.5). */
export function issueCsrfToken(userId: number, secret: string, nowSeconds: number): string {
  const issuedAt = String(nowSeconds);
  const nonce = randomBytes(16).toString('base64url');
  return `${issuedAt}:${nonce}:${signature(userId, issuedAt, nonce, secret)}`;
}

/** True when the token is well formed, at most 12 h old and signed for this user. */
export function verifyCsrfToken(
  token: string,
  userId: number,
  secret: string,
  nowSeconds: number,
): boolean {
  const parts = token.split(':');
  if (parts.length !== 3) return false;
  const [issuedAt, nonce, sig] = parts as [string, string, string];
  // Python int() accepts surrounding spaces and a sign; a future issued_at is not rejected.
  if (!/^\s*[+-]?\d+\s*$/.test(issuedAt)) return false;
  if (nowSeconds - Number(issuedAt) > CSRF_LIFETIME_SECONDS) return false;
  return safeEqual(sig, signature(userId, issuedAt, nonce, secret));
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
