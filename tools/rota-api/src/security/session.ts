import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RotaApiConfig } from '../config.js';
import { abort } from '../http/errors.js';
import { parseCookieHeader, serializeCookie } from './cookies.js';
import { issueCsrfToken, safeEqual, verifyCsrfToken } from './csrf.js';
import {
  SESSION_LIFETIME_SECONDS,
  type SessionClaims,
  signSessionToken,
  verifySessionTokenCached,
} from './jwt.js';

/** What the session cookie of a request says. */
export type SessionState =
  | { kind: 'none' }
  | { kind: 'invalid' }
  | { kind: 'ok'; claims: SessionClaims };

const CSRF_HEADERS = ['x-csrf-token', 'x-csrftoken', 'x-xsrf-token', 'x-xsrftoken'];

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function cookiesOf(request: FastifyRequest): Map<string, string> {
  return parseCookieHeader(request.headers.cookie);
}

/** Reads and verifies the session cookie without failing. */
export function readSession(request: FastifyRequest, config: RotaApiConfig): SessionState {
  const token = cookiesOf(request).get(config.cookieName);
  if (!token) return { kind: 'none' };
  const claims = verifySessionTokenCached(token, config.jwtSecret, nowSeconds());
  return claims ? { kind: 'ok', claims } : { kind: 'invalid' };
}

/** The session claims, or 401 "Não autenticado" / "Sessão inválida". */
export function requireSession(request: FastifyRequest, config: RotaApiConfig): SessionClaims {
  const state = readSession(request, config);
  if (state.kind === 'none') throw abort(401, 'Não autenticado');
  if (state.kind === 'invalid') throw abort(401, 'Sessão inválida');
  return state.claims;
}

function headerToken(request: FastifyRequest, config: RotaApiConfig): string | undefined {
  for (const name of [...CSRF_HEADERS, config.csrfCookieName.toLowerCase()]) {
    const value = request.headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (text) return text;
  }
  return undefined;
}

/** `enforce_csrf` (docs/rota-api.md §1.5): 403 missing/mismatch, then 401 session, then 403 invalid. */
export function enforceCsrf(request: FastifyRequest, config: RotaApiConfig): SessionClaims {
  const header = headerToken(request, config);
  const cookie = cookiesOf(request).get(config.csrfCookieName);
  if (!header || !cookie) throw abort(403, 'CSRF token ausente');
  if (!safeEqual(header, cookie)) throw abort(403, 'CSRF token inválido');
  const claims = requireSession(request, config);
  if (!verifyCsrfToken(header, claims.id, config.csrfSecret, nowSeconds())) {
    throw abort(403, 'CSRF token expirado ou inválido');
  }
  return claims;
}

/** Secure when ENV is not `dev`, or the request came over HTTPS (directly or per proxy). */
export function isSecureRequest(request: FastifyRequest, config: RotaApiConfig): boolean {
  if (config.env !== 'dev') return true;
  if (request.protocol === 'https') return true;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first === 'https';
}

/** Sets the session and CSRF cookies and the `X-CSRF-Token` header after register/login. */
export function issueAuthCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  config: RotaApiConfig,
  user: { userId: number; email: string; role: string | null; username: string | null },
  remember: boolean,
): void {
  const now = Date.now();
  const seconds = Math.floor(now / 1000);
  const session = signSessionToken(
    { id: user.userId, email: user.email, role: user.role, username: user.username },
    config.jwtSecret,
    seconds,
  );
  const csrf = issueCsrfToken(user.userId, config.csrfSecret, seconds);
  const secure = isSecureRequest(request, config);
  const maxAge = remember ? SESSION_LIFETIME_SECONDS : undefined;
  reply.header('set-cookie', [
    serializeCookie(config.cookieName, session, { httpOnly: true, secure, maxAge }, now),
    serializeCookie(config.csrfCookieName, csrf, { httpOnly: false, secure, maxAge }, now),
  ]);
  reply.header('x-csrf-token', csrf);
}

/** Expires both cookies (logout). */
export function clearAuthCookies(
  request: FastifyRequest,
  reply: FastifyReply,
  config: RotaApiConfig,
) {
  const secure = isSecureRequest(request, config);
  const now = Date.now();
  reply.header('set-cookie', [
    serializeCookie(config.cookieName, '', { httpOnly: true, secure, clear: true }, now),
    serializeCookie(config.csrfCookieName, '', { httpOnly: false, secure, clear: true }, now),
  ]);
}

/** Echoes the request's CSRF cookie in `X-CSRF-Token` (GET /me). */
export function echoCsrfCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: RotaApiConfig,
) {
  const cookie = cookiesOf(request).get(config.csrfCookieName);
  if (cookie) reply.header('x-csrf-token', cookie);
}

/** Rate-limit client id: first X-Forwarded-For entry, else the socket address. */
export function clientIdOf(request: FastifyRequest): string {
  const forwarded = request.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || request.socket.remoteAddress || 'unknown';
}
