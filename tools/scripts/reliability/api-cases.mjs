// The reference API cases of the reliability suite (issue 16, items 6–9) and the "rows changed"
// figure of db-bench. Each case starts `rota-perf serve --port 0` as a user would (an embedded
// PostgreSQL with the small fixture), attacks it on loopback, bounded in time and count, checks
// that the server is still alive ("crashes") and stops it. A case may report, besides
// `{ ok, detail, started }`: `tried` (requests or checks it counts as cases), `serverErrors`
// (answers ≥ 500), `crashes` and `rowsChanged`; the suite adds them up.
import { readFileSync } from 'node:fs';
import { connect as connectSocket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { authHeaders, registerUser } from '../../rota-api/dist/client.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CLI = `${ROOT}packages/cli/dist/bin/rota-perf.js`;
const DB_BENCH = `${ROOT}packages/db-bench/dist/bin/db-bench.js`;
// The embedded PostgreSQL's credentials (rota-db's defaults); serve prints its URL redacted.
const EMBEDDED_CREDENTIALS = 'postgres:postgres';
// The API's default bounds (tools/rota-api/src/config.ts): item 9 runs with them.
const REQUEST_TIMEOUT_MS = 30_000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- the server -----------------------------------------------------------------------------
/**
 * Runs `body(api)` against a fresh `rota-perf serve`, then stops the server with SIGINT (as
 * Ctrl-C does; it exits 0). Adds `crashes` (the server died before it was stopped) and `started` (its
 * processes, which the suite checks are gone).
 */
async function withServe(tools, body, env = {}) {
  const run = tools.start(process.execPath, [CLI, 'serve', '--port', '0'], {
    env: { ...process.env, BASE_URL: '', DATABASE_URL: '', NO_COLOR: '1', ...env },
  });
  await tools.waitFor(run, /Press Ctrl-C to stop/, 300_000);
  const listening = /listening on (\S+) \(pid (\d+)\)/.exec(run.output());
  const database = /Database: postgres:\/\/[^@\s]+@([^\s/]+)\/(\S+)/.exec(run.output());
  if (!listening || !database) throw new Error(`serve printed no URL: ${run.output()}`);
  const started = tools.descendantsOf(run.child.pid);
  const api = {
    url: listening[1],
    pid: Number(listening[2]),
    databaseUrl: `postgres://${EMBEDDED_CREDENTIALS}@${database[1]}/${database[2]}`,
    alive: () =>
      run.child.exitCode === null && run.child.signalCode === null && processExists(api.pid),
  };
  const outcome = await body(api);
  const crashes = api.alive() ? 0 : 1;
  run.child.kill('SIGINT');
  const { code } = await run.done;
  // The API prints one line per 500 with its cause: the first names what went wrong.
  const firstError = /^rota-api: .* -> 500: .*$/m.exec(run.output())?.[0];
  return {
    ...outcome,
    ok: outcome.ok && crashes === 0 && code === 0,
    detail: `${outcome.detail}; serve ${crashes ? 'CRASHED' : 'alive'}, exit ${code} on SIGINT${firstError ? `; ${firstError.slice(0, 300)}` : ''}`,
    crashes,
    started,
  };
}
function processExists(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
/** The server's resident memory in kB (`VmRSS` of /proc/<pid>/status). */
function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
}

// --- a client -------------------------------------------------------------------------------
/** Registers a fresh user; returns the headers of its authenticated, CSRF-protected writes. */
async function register(url) {
  const user = await registerUser(url, {}, 'reliability');
  return {
    userId: user.userId,
    headers: authHeaders(user, { 'content-type': 'application/json' }),
  };
}
/** A 4xx with a JSON error in either of the API's styles ({detail} or {error, message}). */
async function isJsonError(response) {
  const text = await response.text();
  if (response.status < 400 || response.status >= 500) return false;
  if (!String(response.headers.get('content-type')).startsWith('application/json')) return false;
  try {
    const body = JSON.parse(text);
    return 'detail' in body || ('error' in body && 'message' in body);
  } catch {
    return false;
  }
}
/** The status of a response, its body read (so the connection is reused). */
async function statusOf(response) {
  await response.arrayBuffer();
  return response.status;
}
/** Any JSON answer below 500. */
async function isJsonBelow500(response) {
  await response.arrayBuffer();
  return (
    response.status < 500 &&
    String(response.headers.get('content-type')).startsWith('application/json')
  );
}
/** Runs `task(i)` for i < count, `width` at a time (bounded concurrency). */
async function inBatches(count, width, task) {
  const results = [];
  for (let start = 0; start < count; start += width)
    results.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(width, count - start) }, (_, i) => task(start + i)),
      )),
    );
  return results;
}
/** The first trail of the fixture and its first DOC and FORM (generated first in section 0). */
async function fixtureItems(url, headers) {
  const trails = await (await fetch(`${url}/trails/`, { headers })).json();
  const trail = (Array.isArray(trails) ? trails : (trails.items ?? trails.trails))[0].id;
  const sections = await (
    await fetch(`${url}/trails/${trail}/sections-with-items`, { headers })
  ).json();
  const items = (Array.isArray(sections) ? sections : sections.sections)[0].items;
  return { trail, doc: items[0].id, form: items[1].id };
}

// --- item 8: hostile input ------------------------------------------------------------------
const deepArray = (depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const NUL = 'a\u0000b';
const HUGE = 'u'.repeat(500_000);
const INT4_MAX = 2_147_483_647;
const DEEP = [
  ['array nested 3,000 deep', deepArray(3000)],
  ['object nested 3,000 deep', deepObject(3000)],
  ['array nested 50,000 deep', deepArray(50_000)],
];
const REGISTER = {
  email: 'hostile@example.com',
  password: 'PerfTest@123',
  name_for_certificate: 'Hostile',
  username: 'hostile',
  sex: 'M',
  color: 'NS',
  role: 'User',
  birthday: '1990-01-01',
};
/**
 * [label, method, path, body, session, want]: a 4xx with a JSON error, or for reads of ids that
 * match nothing any JSON answer below 500 (the original lists nothing for them, with a 200).
 */
function hostileRequests({ trail, doc, form }) {
  const progress = `/trails/${trail}/items/${doc}/progress`;
  const submit = `/trails/${trail}/items/${form}/form-submissions`;
  const json = (value) => JSON.stringify(value);
  const bodies = [
    ...['/auth/register', '/auth/login', progress, submit].flatMap((path) =>
      DEEP.map(([name, body]) => [`${path}: ${name}`, path, body]),
    ),
    ...['name_for_certificate', 'username', 'password', 'sex', 'color', 'role'].map((f) => [
      `register: NUL in ${f}`,
      '/auth/register',
      json({ ...REGISTER, [f]: NUL }),
    ]),
    ['register: NUL in email', '/auth/register', json({ ...REGISTER, email: `a${NUL}@x.com` })],
    [
      'register: 500,000-character username',
      '/auth/register',
      json({ ...REGISTER, username: HUGE }),
    ],
    ['login: NUL in email', '/auth/login', json({ email: `a${NUL}@x.com`, password: 'x' })],
    ['login: NUL in password', '/auth/login', json({ email: 'a@x.com', password: NUL })],
    [
      'login: 500,000-character password',
      '/auth/login',
      json({ email: 'a@x.com', password: HUGE }),
    ],
    ['login: malformed JSON', '/auth/login', '{"email": "a@x.com", "password"'],
    ['login: body is null', '/auth/login', 'null'],
    ['login: 2 MB body', '/auth/login', json({ email: 'a@x.com', password: 'p'.repeat(2 << 20) })],
    ...[INT4_MAX + 1, -INT4_MAX - 2, Number.MAX_SAFE_INTEGER, '99999999999', 1e300].map((v) => [
      `progress: progress_value ${v}`,
      progress,
      json({ status: 'IN_PROGRESS', progress_value: v }),
    ]),
    ['progress: NUL in status', progress, json({ status: NUL })],
    ...[INT4_MAX + 1, -INT4_MAX - 2, Number.MAX_SAFE_INTEGER].map((v) => [
      `form: duration_seconds ${v}`,
      submit,
      json({ answers: [], duration_seconds: v }),
    ]),
    [
      'form: ids beyond int8',
      submit,
      json({ answers: [{ question_id: Number.MAX_SAFE_INTEGER, selected_option_id: 2 ** 62 }] }),
    ],
  ].map(([label, path, body]) => [
    label,
    path.includes('progress') ? 'PUT' : 'POST',
    path,
    body,
    true,
  ]);
  const ids = ['0', '2147483648', '9007199254740993', '9223372036854775808', '1e3', '-1'];
  const params = ids.flatMap((id) =>
    [
      `/trails/${id}`,
      `/trails/${id}/sections?page=${id}&page_size=${id}`,
      `/trails/${id}/sections-with-items`,
      `/trails/${trail}/items/${id}`,
      `/user-trails/${id}/progress`,
      `/user-trails/${id}/items-progress`,
    ].map((path) => [`GET ${path}`, 'GET', path, undefined, true, 'below 500']),
  );
  // The session and CSRF flow: writes without a token, with a wrong one, with a forged session.
  const write = json({ status: 'COMPLETED' });
  const csrf = [
    ['progress without a session', 'PUT', progress, write, false],
    ['progress with a forged session', 'PUT', progress, write, 'forged'],
    ['progress without the CSRF header', 'PUT', progress, write, 'no-csrf'],
    ['progress with a wrong CSRF token', 'PUT', progress, write, 'wrong-csrf'],
  ];
  return [...bodies, ...params, ...csrf];
}
function headersFor(session, how) {
  if (how === true) return session.headers;
  if (how === false) return { 'content-type': 'application/json' };
  const { cookie, 'x-csrf-token': token, ...rest } = session.headers;
  if (how === 'forged')
    return {
      ...rest,
      cookie: cookie.replace(/rota_session=[^;]+/, 'rota_session=eyJ.forged.x'),
      'x-csrf-token': token,
    };
  if (how === 'no-csrf') return { ...rest, cookie };
  return { ...rest, cookie, 'x-csrf-token': `${token}x` };
}
const hostileCase = {
  item: 8,
  name: 'hostile bodies, ids and sessions (deep JSON, NUL, beyond int4, 500,000 chars): 4xx JSON errors only',
  run(tools) {
    return withServe(tools, async (api) => {
      const session = await register(api.url);
      const requests = hostileRequests(await fixtureItems(api.url, session.headers));
      const wrong = [];
      let serverErrors = 0;
      for (const [label, method, path, body, how, want] of requests) {
        const response = await fetch(`${api.url}${path}`, {
          method,
          headers: headersFor(session, how),
          body,
          signal: AbortSignal.timeout(30_000),
        });
        if (response.status >= 500) serverErrors++;
        if (!(await (want ? isJsonBelow500 : isJsonError)(response)))
          wrong.push(`${label} → ${response.status}`);
        if (!api.alive()) break;
      }
      return {
        ok: wrong.length === 0,
        detail: `${requests.length} requests, ${serverErrors} answers ≥ 500, ${wrong.length} not a 4xx JSON error${wrong.length ? ` (${wrong.slice(0, 5).join('; ')})` : ''}`,
        tried: requests.length,
        serverErrors,
      };
    });
  },
};

// --- item 6: concurrent writers on different items of one trail -----------------------------
const RACE_USERS = 16;
const RACE_ITEMS = 12;
const raceCase = {
  item: 6,
  name: `${RACE_USERS} users × ${RACE_ITEMS} concurrent COMPLETED PUTs on one trail: each 100 % / COMPLETED with a certificate`,
  run(tools) {
    return withServe(tools, async (api) => {
      // A trail of twelve unlocked DOC items (the fixture's lock rules would refuse some PUTs):
      // one lost update shows as 91.67 % / IN_PROGRESS without a certificate.
      const { connect } = await import(`${ROOT}packages/rota-db/dist/index.js`);
      const db = await connect(api.databaseUrl, { max: 1 });
      let trail;
      let items;
      try {
        [trail] = await db.client`
          INSERT INTO trails (name, thumbnail_url) VALUES ('Reliability race', 'https://img/r.png') RETURNING id`;
        const [section] = await db.client`
          INSERT INTO trail_sections (trail_id, title, order_index) VALUES (${trail.id}, 'All', 0) RETURNING id`;
        items = await db.client`
          INSERT INTO trail_items (trail_id, section_id, order_index, type, item_type_id, url, title, requires_completion)
          SELECT ${trail.id}, ${section.id}, n, 'DOC', (SELECT id FROM lk_item_type WHERE code = 'DOC'),
                 'https://example.org/race/' || n, 'Doc ' || n, false
          FROM generate_series(1, ${RACE_ITEMS}) AS n RETURNING id`;
      } finally {
        await db.close();
      }
      const users = await inBatches(RACE_USERS, 4, () => register(api.url));
      const statuses = await Promise.all(
        users.flatMap((u) =>
          items.map((item) =>
            fetch(`${api.url}/trails/${trail.id}/items/${item.id}/progress`, {
              method: 'PUT',
              headers: u.headers,
              body: JSON.stringify({ status: 'COMPLETED' }),
              signal: AbortSignal.timeout(60_000),
            }).then(statusOf),
          ),
        ),
      );
      const progress = await Promise.all(
        users.map(async (u) =>
          (
            await fetch(`${api.url}/user-trails/${trail.id}/progress`, { headers: u.headers })
          ).json(),
        ),
      );
      const complete = progress.filter(
        (p) => p.status === 'COMPLETED' && p.computed_progress_percent === 100 && p.certificate,
      ).length;
      const serverErrors = statuses.filter((s) => s >= 500).length;
      const not200 = statuses.filter((s) => s !== 200).length;
      const short = progress.find((p) => p.status !== 'COMPLETED' || !p.certificate);
      return {
        ok: complete === RACE_USERS && not200 === 0,
        detail: `${statuses.length} PUTs (${not200} not 200, ${serverErrors} ≥ 500), ${complete}/${RACE_USERS} users 100 % / COMPLETED with a certificate${short ? ` (one: ${short.computed_progress_percent} % ${short.status})` : ''}`,
        serverErrors,
      };
    });
  },
};

// --- item 7: the rate limiter's memory under unique huge X-Forwarded-For values --------------
const WARMUP_LOGINS = 1_000;
const FLOOD_LOGINS = 8_000;
const XFF_BYTES = 12_000;
// Before the fix each such login kept ~13 kB (60k logins: 111 → 911 MB); 8,000 would add ~100 MB.
const RSS_BOUND_MB = 40;
const floodCase = {
  item: 7,
  name: `${FLOOD_LOGINS} logins with unique ${XFF_BYTES / 1000} kB X-Forwarded-For values: RSS growth ≤ ${RSS_BOUND_MB} MB, no 500`,
  run(tools) {
    return withServe(tools, async (api) => {
      const filler = 'f'.repeat(XFF_BYTES);
      const login = (i) =>
        fetch(`${api.url}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': `${i}-${filler}` },
          body: JSON.stringify({ email: 'flood@example.com', password: 'nope' }),
          signal: AbortSignal.timeout(30_000),
        }).then(statusOf);
      // The warm-up grows the heap to its working size; growth after it is what the keys keep.
      await inBatches(WARMUP_LOGINS, 24, login);
      const before = rssKb(api.pid);
      const begun = Date.now();
      const statuses = await inBatches(FLOOD_LOGINS, 24, (i) => login(WARMUP_LOGINS + i));
      const seconds = (Date.now() - begun) / 1000;
      await sleep(1000);
      const after = rssKb(api.pid);
      const growthMb = (after - before) / 1024;
      const serverErrors = statuses.filter((s) => s >= 500).length;
      const not401 = statuses.filter((s) => s !== 401).length;
      const health = (await fetch(`${api.url}/healthz`)).status;
      return {
        ok: growthMb <= RSS_BOUND_MB && not401 === 0 && health === 200,
        detail: `RSS ${Math.round(before / 1024)} → ${Math.round(after / 1024)} MB (${growthMb.toFixed(1)} MB) over ${FLOOD_LOGINS} logins in ${seconds.toFixed(1)} s, ${not401} not 401, ${serverErrors} ≥ 500, healthz ${health}`,
        serverErrors,
      };
    });
  },
};

// --- item 9: slow request bodies ------------------------------------------------------------
const SLOW_CONNECTIONS = 20;
// Node checks connections every second (tools/rota-api/src/app.ts); allow that plus a loaded CPU.
const SLACK_MS = 5_000;
/** Sends `head`, then one byte of `body` a second, until the server closes (or 3× the bound). */
function trickle(port, head, body) {
  return new Promise((resolve) => {
    const started = Date.now();
    let response = '';
    let sent = 0;
    const socket = connectSocket(port, '127.0.0.1', () => socket.write(head));
    const timer = setInterval(() => {
      if (sent < body.length && !socket.destroyed) socket.write(body[sent++]);
    }, 1000);
    const giveUp = setTimeout(() => socket.destroy(), 3 * REQUEST_TIMEOUT_MS);
    socket.on('data', (chunk) => (response += String(chunk)));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      clearTimeout(giveUp);
      resolve({ closedAfterMs: Date.now() - started, status: response.slice(9, 12) });
    });
  });
}
const slowCase = {
  item: 9,
  name: `${SLOW_CONNECTIONS} connections sending a body a byte a second: closed at the ${REQUEST_TIMEOUT_MS / 1000} s request timeout, others still served`,
  run(tools) {
    return withServe(tools, async (api) => {
      const body = JSON.stringify({ email: 'slow@example.com', password: 'x'.repeat(200) });
      const head = `POST /auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
      const slow = Promise.all(
        Array.from({ length: SLOW_CONNECTIONS }, () => trickle(new URL(api.url).port, head, body)),
      );
      await sleep(REQUEST_TIMEOUT_MS / 2);
      const meanwhile = await fetch(`${api.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'normal@example.com', password: 'nope' }),
        signal: AbortSignal.timeout(10_000),
      });
      const outcomes = await slow;
      const times = outcomes.map((o) => o.closedAfterMs);
      const inTime = times.filter(
        (t) => t >= REQUEST_TIMEOUT_MS - 1000 && t <= REQUEST_TIMEOUT_MS + SLACK_MS,
      ).length;
      const statuses = [...new Set(outcomes.map((o) => o.status || 'none'))].join(',');
      return {
        ok: inTime === SLOW_CONNECTIONS && meanwhile.status === 401,
        detail: `${inTime}/${SLOW_CONNECTIONS} closed in ${Math.min(...times)}–${Math.max(...times)} ms (status ${statuses}), a normal login meanwhile: ${meanwhile.status}`,
        serverErrors: outcomes.filter((o) => o.status >= '500').length,
      };
    });
  },
};

// --- rows changed: db-bench --include-writes against the API's database ---------------------
const BENCH_EMAIL = 'reliability-db@example.com';
// The only rows a run may add: its synthetic user and that user's enrolment (its set-up).
const SYNTHETIC_ROWS = {
  users: `email = '${BENCH_EMAIL}'`,
  user_trails: `user_id in (select user_id from users where email = '${BENCH_EMAIL}')`,
};
/** Every table of schema public as the set of its rows' md5 (a changed row is one out, one in). */
async function rowDigests(client) {
  const tables = await client`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`;
  const digests = new Map();
  for (const { name } of tables) {
    const where = SYNTHETIC_ROWS[name] ? `where not (${SYNTHETIC_ROWS[name]})` : '';
    const rows = await client.unsafe(`select md5(t::text) as d from "${name}" t ${where}`);
    digests.set(name, new Set(rows.map((r) => r.d)));
  }
  return digests;
}
function rowsChangedBetween(before, after) {
  let changed = 0;
  for (const [table, rows] of before) {
    const now = after.get(table) ?? new Set();
    for (const d of rows) if (!now.has(d)) changed++;
    for (const d of now) if (!rows.has(d)) changed++;
  }
  return changed;
}
const rowsCase = {
  item: 0,
  name: 'db-bench --include-writes against the API database: rows changed',
  run(tools) {
    return withServe(tools, async (api) => {
      const { connect } = await import(`${ROOT}packages/rota-db/dist/index.js`);
      const db = await connect(api.databaseUrl, { max: 1 });
      try {
        const before = await rowDigests(db.client);
        const bench = tools.start(process.execPath, [
          DB_BENCH,
          '--include-writes',
          '--iterations',
          '5',
          '--warmup',
          '1',
          '--user-email',
          BENCH_EMAIL,
          '--database-url',
          api.databaseUrl,
        ]);
        const { code } = await bench.done;
        const rowsChanged = rowsChangedBetween(before, await rowDigests(db.client));
        const rows = [...before.values()].reduce((n, s) => n + s.size, 0);
        const cases = bench.output().match(/^\s*\w+Repository\.\w+/gm)?.length ?? 0;
        return {
          ok: code === 0 && rowsChanged === 0,
          detail: `db-bench exit ${code} (${cases} cases × 5 iterations), ${rows} rows in ${before.size} tables, ${rowsChanged} changed`,
          rowsChanged,
        };
      } finally {
        await db.close();
      }
    });
  },
};

/** The cases, given the suite's process helpers (start, waitFor, descendantsOf). */
export function apiCases(tools) {
  return [hostileCase, raceCase, floodCase, slowCase, rowsCase].map((c) => ({
    item: c.item,
    name: c.name,
    run: () => c.run(tools),
  }));
}
