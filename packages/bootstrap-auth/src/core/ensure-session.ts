import { BootstrapError } from './errors.js';
import { send, unexpectedStatus } from './http.js';
import { extractSession } from './session.js';
import type { BootstrapConfig, Credentials, HttpClient, HttpResponse, Session } from './types.js';

// Register body of the original setup (docs/rota-api.md §5.1); every field §1.2 requires, `color` too.
const PROFILE = {
  name_for_certificate: 'Performance Tester',
  sex: 'M',
  color: 'NS',
  role: 'User',
  birthday: '1990-01-01',
  remember: true,
};

/**
 * Logs the configured user in, registering it first when needed: login → 401 → register →
 * 409 → login. Generated credentials cannot exist yet, so those go straight to register
 * (as the original did), which keeps a certain 401 out of k6's failure rate.
 */
export async function ensureSession(client: HttpClient, config: BootstrapConfig): Promise<Session> {
  const { credentials } = config;
  if (!config.generatedCredentials) {
    const login = await postLogin(client, config, credentials, [200, 401]);
    if (login.status === 200) return sessionFrom(login, config, '/auth/login');
    if (login.status !== 401) throw unexpectedStatus('POST', loginUrl(config), login);
  }
  const register = await postRegister(client, config, credentials, [200, 409]);
  if (register.status >= 200 && register.status < 300) {
    return sessionFrom(register, config, '/auth/register');
  }
  if (register.status !== 409) {
    throw unexpectedStatus('POST', `${config.baseUrl}/auth/register`, register);
  }
  const retry = await postLogin(client, config, credentials, [200]);
  if (retry.status === 200) return sessionFrom(retry, config, '/auth/login');
  if (retry.status === 401) {
    throw new BootstrapError(
      `cannot log in as ${credentials.email}: POST ${loginUrl(config)} returned 401 and register said the email or username is taken (409) — wrong AUTH_PASSWORD for an existing user, or AUTH_USERNAME "${credentials.username}" belongs to another account`,
    );
  }
  throw unexpectedStatus('POST', loginUrl(config), retry);
}

/** Registers one user; resolves to the raw response so callers decide what 409 means. */
export function postRegister(
  client: HttpClient,
  config: Pick<BootstrapConfig, 'baseUrl'>,
  credentials: Credentials,
  expectedStatuses: number[],
): Promise<HttpResponse> {
  const { email, password, username } = credentials;
  const body = { email, password, username, ...PROFILE };
  return postAuth(client, config, 'register', body, expectedStatuses);
}

function postLogin(
  client: HttpClient,
  config: BootstrapConfig,
  credentials: Credentials,
  expectedStatuses: number[],
): Promise<HttpResponse> {
  const body = { email: credentials.email, password: credentials.password, remember: true };
  return postAuth(client, config, 'login', body, expectedStatuses);
}

// POST /auth/<step>: the step names both the path and the request in error messages.
function postAuth(
  client: HttpClient,
  config: Pick<BootstrapConfig, 'baseUrl'>,
  step: 'register' | 'login',
  body: Record<string, unknown>,
  expectedStatuses: number[],
): Promise<HttpResponse> {
  const path = `/auth/${step}`;
  return send(client, {
    method: 'POST',
    baseUrl: config.baseUrl,
    path,
    route: step === 'login' ? 'auth_login' : 'auth_register',
    body,
    step,
    expectedStatuses,
  });
}

function sessionFrom(response: HttpResponse, config: BootstrapConfig, path: string): Session {
  const session = extractSession(response, config, config.baseUrl);
  if (session === null) {
    const names = Object.keys(response.cookies);
    throw new BootstrapError(
      `POST ${config.baseUrl}${path} returned ${response.status} but no session cookie: looked for ${config.sessionCookieName}${aliasNote(config.sessionCookieAliases)} or a name containing "session", got ${names.length === 0 ? 'no cookies' : `cookies ${names.join(', ')}`} (set SESSION_COOKIE_NAME)`,
    );
  }
  return session;
}

function aliasNote(aliases: string[]): string {
  return aliases.length === 0 ? '' : `, ${aliases.join(', ')}`;
}

function loginUrl(config: BootstrapConfig): string {
  return `${config.baseUrl}/auth/login`;
}
