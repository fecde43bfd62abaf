#!/usr/bin/env node
// The loopback HTTP server the k6 recordings in this folder were made against, as test support:
// tests run a script under node-runner against it and compare with what k6 logged. Every route
// answers exactly what the recordings show (status, body bytes, header names and values), so
// keep Node's default headers (Date, Connection, Keep-Alive, Content-Length) and add no others.
//
//   node server.mjs [port]        or  PORT=18181 node server.mjs   (port 0 = any free port)
//
// Prints one line, `k6-golden server listening on http://127.0.0.1:<port>`, once it accepts
// connections. It stops on SIGINT/SIGTERM/SIGHUP and when the process that started it goes away.
import { createServer } from 'node:http';

const HOST = '127.0.0.1';
const RECORDED_PORT = 18181;
/** /slow never waits longer than this, whatever `ms` asks for. */
const MAX_SLOW_MS = 10_000;
/** Request bodies above this size are refused with 413 (the recordings send a few bytes). */
const MAX_BODY_BYTES = 1024 * 1024;

function fail(message) {
  process.stderr.write(`k6-golden server: ${message}\n`);
  process.exit(2);
}

function readPort() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: set by whoever spawns the server, not a Turbo task input.
  const raw = process.argv[2] ?? process.env.PORT ?? String(RECORDED_PORT);
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    fail(`port ${JSON.stringify(raw)} is invalid: expected an integer from 0 to 65535`);
  }
  return Number(raw);
}

/** `?name=` as a whole number within [min, max], the default when absent, null when invalid. */
function queryInt(url, name, fallback, min, max) {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

function send(res, status, body, headers = {}) {
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}

// Pending /slow answers, so that shutdown does not wait for them.
const pendingTimers = new Set();

const routes = {
  // A login: two cookies (one HttpOnly) and the CSRF token echoed in a response header.
  '/login': (_req, res) =>
    send(res, 200, JSON.stringify({ user: { id: 1, email: 'a@b.c' } }), {
      'Set-Cookie': [
        'rota_session=sess123; Path=/; HttpOnly; SameSite=Lax',
        'rota_csrftoken=csrf456; Path=/; SameSite=Lax',
      ],
      'X-CSRF-Token': 'csrf456',
      'Content-Type': 'application/json',
    }),
  // What the client sent: method, Cookie header, X-CSRF-Token header and raw body. The
  // lower-case header name shows how the client canonicalises names.
  '/echo': (req, res, _url, body) =>
    send(
      res,
      200,
      JSON.stringify({
        method: req.method,
        cookie: req.headers.cookie || null,
        csrf: req.headers['x-csrf-token'] || null,
        body,
      }),
      { 'Content-Type': 'application/json', 'x-lower-case-header': 'v' },
    ),
  // Answers `slow` after `ms` milliseconds (default 200): the timeout recording uses it.
  '/slow': (_req, res, url) => {
    const ms = queryInt(url, 'ms', 200, 0, MAX_SLOW_MS);
    if (ms === null) return send(res, 400, `ms must be an integer from 0 to ${MAX_SLOW_MS}`);
    const timer = setTimeout(() => {
      pendingTimers.delete(timer);
      send(res, 200, 'slow');
    }, ms);
    pendingTimers.add(timer);
    // A client that gave up (k6's timeout) needs no answer.
    res.on('close', () => {
      clearTimeout(timer);
      pendingTimers.delete(timer);
    });
  },
  // Any status the caller asks for (default 500), with the plain-text body `status`.
  '/status': (_req, res, url) => {
    const code = queryInt(url, 'code', 500, 200, 599);
    if (code === null) return send(res, 400, 'code must be an integer from 200 to 599');
    send(res, code, 'status');
  },
  '/redirect': (_req, res) => send(res, 302, '', { Location: '/echo' }),
};

function handle(req, res) {
  const chunks = [];
  let size = 0;
  req.on('data', (chunk) => {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  });
  req.on('end', () => {
    if (size > MAX_BODY_BYTES) return send(res, 413, 'body too large');
    const url = new URL(req.url ?? '/', `http://${HOST}`);
    const route = routes[url.pathname];
    if (!route) return send(res, 404, 'nf');
    route(req, res, url, Buffer.concat(chunks).toString('utf8'));
  });
}

const server = createServer(handle);

function shutdown() {
  for (const timer of pendingTimers) clearTimeout(timer);
  pendingTimers.clear();
  server.close(() => process.exit(0));
  server.closeAllConnections();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.once(signal, shutdown);
// Orphaned (the parent died, whatever the signal): the process is re-parented, so stop.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) shutdown();
}, 500).unref();
process.once('disconnect', shutdown);

server.on('error', (error) => fail(`cannot listen on ${HOST}: ${error.message}`));
server.listen(readPort(), HOST, () => {
  process.stdout.write(`k6-golden server listening on http://${HOST}:${server.address().port}\n`);
});
