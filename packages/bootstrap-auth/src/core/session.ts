import {
  candidateNames,
  csrfTokenFromHeaders,
  findCookie,
  USUAL_CSRF_COOKIES,
  USUAL_SESSION_COOKIES,
} from './cookies.js';
import type { BootstrapConfig, HttpResponse, Session } from './types.js';

/** Cookie lookup settings a Session needs; a subset of BootstrapConfig. */
export type CookieNaming = Pick<
  BootstrapConfig,
  'sessionCookieName' | 'csrfCookieName' | 'sessionCookieAliases' | 'csrfCookieAliases'
>;

/** Reads the session cookie, CSRF cookie and CSRF token of a login/register response. */
export function extractSession(
  response: HttpResponse,
  naming: CookieNaming,
  baseUrl: string,
): Session | null {
  const session = findCookie(
    response.cookies,
    candidateNames(naming.sessionCookieName, naming.sessionCookieAliases, USUAL_SESSION_COOKIES),
    ['session'],
  );
  if (!session) return null;
  const csrf = findCsrfCookie(response, naming);
  const csrfCookieName = csrf ? csrf.name : naming.csrfCookieName;
  const csrfCookie = csrf ? csrf.value : null;
  const result: Session = {
    baseUrl,
    userId: readUserId(response.body),
    sessionCookieName: session.name,
    sessionCookie: session.value,
    csrfCookieName,
    csrfCookie,
    csrfToken: csrfTokenFromHeaders(response) ?? csrfCookie,
    cookieHeader: '',
  };
  result.cookieHeader = buildCookieHeader(result);
  return result;
}

/** Headers for an authenticated request: Accept, Cookie and (when known) X-CSRF-Token. */
export function sessionHeaders(session: Session): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Cookie: session.cookieHeader,
  };
  if (session.csrfToken !== null) headers['X-CSRF-Token'] = session.csrfToken;
  return headers;
}

/**
 * Takes a new CSRF token (header or cookie) or session cookie from any response into the
 * session. Returns true when something changed. Mutates `session` so every holder sees it.
 */
export function refreshFrom(
  session: Session,
  response: HttpResponse,
  naming?: CookieNaming,
): boolean {
  const before = `${session.sessionCookie}|${session.csrfCookie}|${session.csrfToken}`;
  const sessionCookie = findCookie(
    response.cookies,
    candidateNames(
      session.sessionCookieName,
      naming?.sessionCookieAliases ?? [],
      USUAL_SESSION_COOKIES,
    ),
    ['session'],
  );
  if (sessionCookie) {
    session.sessionCookieName = sessionCookie.name;
    session.sessionCookie = sessionCookie.value;
  }
  const csrfCookie = findCsrfCookie(response, {
    csrfCookieName: session.csrfCookieName,
    csrfCookieAliases: naming?.csrfCookieAliases ?? [],
  });
  const headerToken = csrfTokenFromHeaders(response);
  if (csrfCookie) {
    session.csrfCookieName = csrfCookie.name;
    session.csrfCookie = csrfCookie.value;
  } else if (headerToken !== null && headerToken !== session.csrfToken) {
    // The server checks header == cookie and always issues both with one value (§1.5), so
    // a new header token without a cookie means the cookie must follow it.
    session.csrfCookie = headerToken;
  }
  const token = headerToken ?? csrfCookie?.value ?? null;
  if (token !== null) session.csrfToken = token;
  session.cookieHeader = buildCookieHeader(session);
  return before !== `${session.sessionCookie}|${session.csrfCookie}|${session.csrfToken}`;
}

function findCsrfCookie(
  response: HttpResponse,
  naming: Pick<CookieNaming, 'csrfCookieName' | 'csrfCookieAliases'>,
) {
  return findCookie(
    response.cookies,
    candidateNames(naming.csrfCookieName, naming.csrfCookieAliases, USUAL_CSRF_COOKIES),
    ['csrf', 'xsrf'],
  );
}

function buildCookieHeader(session: Session): string {
  const parts = [`${session.sessionCookieName}=${session.sessionCookie}`];
  if (session.csrfCookie !== null) parts.push(`${session.csrfCookieName}=${session.csrfCookie}`);
  return parts.join('; ');
}

function readUserId(body: string | null): number | null {
  if (body === null) return null;
  try {
    const parsed = JSON.parse(body) as { user?: { user_id?: unknown } };
    const id = parsed.user?.user_id;
    return typeof id === 'number' ? id : null;
  } catch {
    return null;
  }
}
