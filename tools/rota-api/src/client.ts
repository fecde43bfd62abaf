// A client of the API for the code around it (its tests, its benchmarks, the reliability suite):
// a freshly registered user and the headers of its writes. No server code: bench scripts load
// it from dist/client.js without Fastify or the database driver.

/** Cookies and CSRF token of a logged-in user, and the credentials it registered with. */
export interface Session {
  userId: number;
  session: string;
  csrf: string;
  cookie: string;
  email: string;
  password: string;
}

let counter = 0;

/**
 * A register body like the k6 setup sends (docs/rota-api.md §5.1), unique per call; `label`
 * starts its email and username, so a caller's users can be told apart in the database.
 */
export function registerBody(overrides: Record<string, unknown> = {}, label = 'perf') {
  counter += 1;
  const tag = `${process.pid}-${Date.now()}-${counter}`;
  return {
    email: `${label}-${tag}@example.com`,
    password: 'PerfTest@123',
    name_for_certificate: 'Performance Tester',
    username: `${label}_${tag}`,
    sex: 'M',
    color: 'NS',
    role: 'User',
    birthday: '1990-01-01',
    remember: true,
    ...overrides,
  };
}

/** The cookies of a response as name → value. */
export function cookiesOf(response: Response): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = (pair ?? '').indexOf('=');
    map.set((pair ?? '').slice(0, eq), (pair ?? '').slice(eq + 1));
  }
  return map;
}

/** POSTs JSON. */
export function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** Registers a fresh user (see registerBody) and returns its session; throws unless 200. */
export async function registerUser(
  baseUrl: string,
  overrides: Record<string, unknown> = {},
  label = 'perf',
): Promise<Session> {
  const body = registerBody(overrides, label);
  const response = await postJson(`${baseUrl}/auth/register`, body);
  if (response.status !== 200)
    throw new Error(`register failed: ${response.status} ${await response.text()}`);
  const json = (await response.json()) as { user: { user_id: number } };
  const cookies = cookiesOf(response);
  const session = cookies.get('rota_session') ?? '';
  const csrf = cookies.get('rota_csrf') ?? '';
  return {
    userId: json.user.user_id,
    session,
    csrf,
    cookie: `rota_session=${session}; rota_csrf=${csrf}`,
    email: body.email,
    password: body.password,
  };
}

/** Headers of an authenticated CSRF-protected write. */
export function authHeaders(s: Session, extra: Record<string, string> = {}) {
  return { cookie: s.cookie, 'x-csrf-token': s.csrf, ...extra };
}
