#!/usr/bin/env node
// Self-check of server.mjs against the recording 01-response-shape.out: starts the server on a
// free port, replays every request k6 logged there (method, URL, headers, body) and checks that
// the answers are what k6 received (status, final URL, body, header names and values except
// Date), then checks the timeout route, the bounds and the shutdown. Exit code 0 when all
// match; otherwise it prints each mismatch and exits 1.
//
//   node test-data/k6-golden/check-server.mjs
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const RECORDED_BASE = 'http://127.0.0.1:18181';
const STEP_TIMEOUT_MS = 5000;
const failures = [];

function expectEqual(what, actual, expected) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) failures.push(`${what}: got ${a}, expected ${e}`);
}

/** The `LABEL {json}` console messages of a k6 log, decoded from logfmt. */
function recordedMessages(file) {
  const messages = new Map();
  for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
    const match = /level=info msg="((?:[^"\\]|\\.)*)" source=console/.exec(line);
    if (!match) continue;
    const message = JSON.parse(`"${match[1]}"`);
    const space = message.indexOf(' ');
    messages.set(message.slice(0, space), message.slice(space + 1));
  }
  return messages;
}

/** Go's canonical header name, as k6 reports it: `x-csrf-token` -> `X-Csrf-Token`. */
function canonical(name) {
  return name
    .toLowerCase()
    .replace(/(^|-)([a-z])/g, (_m, dash, letter) => dash + letter.toUpperCase());
}

/** The response headers as k6 shows them: canonical names, repeated values joined by `, `. */
function k6Headers(rawHeaders) {
  const headers = {};
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = canonical(rawHeaders[i]);
    headers[name] = name in headers ? `${headers[name]}, ${rawHeaders[i + 1]}` : rawHeaders[i + 1];
  }
  return headers;
}

const agent = new Agent({ keepAlive: true });

function send(method, url, { headers = {}, body, timeoutMs = STEP_TIMEOUT_MS } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode,
          headers: k6Headers(res.rawHeaders),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body || undefined);
  });
}

async function startServer() {
  const child = spawn(process.execPath, [join(here, 'server.mjs'), '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), STEP_TIMEOUT_MS);
    child.stdout.once('data', (data) => {
      clearTimeout(timer);
      resolve(String(data));
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const base = /(http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
  if (!base) throw new Error(`unexpected first line from the server: ${line}`);
  return { child, base };
}

async function replayRecording(base) {
  // Every logged response the server gave (status 0: refused by port 9, or the timeout below).
  const answered = [...recordedMessages('01-response-shape.out')]
    .filter(([, payload]) => payload.startsWith('{"status":'))
    .map(([label, payload]) => [label, JSON.parse(payload)])
    .filter(([, shape]) => shape.status !== 0);
  expectEqual('replayed probes', answered.length, 5);
  for (const [label, want] of answered) {
    const headers = Object.fromEntries(
      Object.entries(want.request.headers).map(([name, values]) => [name, values[0]]),
    );
    let url = want.request.url.replace(RECORDED_BASE, base);
    let got = await send(want.request.method, url, { headers, body: want.request.body });
    // k6 follows redirects with the same headers and reports the final response.
    for (let hops = 0; got.status >= 300 && got.status < 400 && hops < 5; hops++) {
      url = new URL(got.headers.Location, url).href;
      got = await send('GET', url, { headers });
    }
    expectEqual(`${label} status`, got.status, want.status);
    expectEqual(`${label} url`, url, want.url.replace(RECORDED_BASE, base));
    expectEqual(`${label} body`, got.body, want.body);
    expectEqual(
      `${label} header names`,
      Object.keys(got.headers).sort(),
      Object.keys(want.headers).sort(),
    );
    for (const [name, value] of Object.entries(want.headers)) {
      if (name !== 'Date') expectEqual(`${label} header ${name}`, got.headers[name], value);
    }
  }
  // TIMEOUT: k6 gave up after 200 ms on /slow?ms=1500; the server must still be waiting then.
  const timedOut = await send('GET', `${base}/slow?ms=1500`, { timeoutMs: 200 }).then(
    () => false,
    () => true,
  );
  expectEqual('/slow?ms=1500 still unanswered after 200 ms', timedOut, true);
  const slow = await send('GET', `${base}/slow?ms=50`);
  expectEqual('/slow?ms=50', [slow.status, slow.body], [200, 'slow']);
  // JSON_PARSE_ERROR: k6's message quotes the first byte of the 404 body ('s').
  const notJson = await send('GET', `${base}/status?code=404`);
  expectEqual('/status?code=404', [notJson.status, notJson.body], [404, 'status']);
}

async function checkBounds(base) {
  expectEqual('/slow above the cap', (await send('GET', `${base}/slow?ms=999999`)).status, 400);
  expectEqual('/status?code=42', (await send('GET', `${base}/status?code=42`)).status, 400);
  const big = Buffer.alloc(1024 * 1024 + 1, 'x');
  expectEqual('oversized body', (await send('POST', `${base}/echo`, { body: big })).status, 413);
  expectEqual('unknown path', (await send('GET', `${base}/nowhere`)).body, 'nf');
}

async function stopServer(child) {
  const exited = new Promise((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STEP_TIMEOUT_MS);
  expectEqual('exit after SIGTERM', await exited, { code: 0, signal: null });
  clearTimeout(timer);
}

const { child, base } = await startServer();
try {
  await replayRecording(base);
  await checkBounds(base);
} catch (error) {
  failures.push(`request failed: ${error.message}`);
} finally {
  agent.destroy();
  await stopServer(child);
}
if (failures.length > 0) {
  for (const failure of failures) process.stderr.write(`MISMATCH ${failure}\n`);
  process.exit(1);
}
process.stdout.write('server.mjs answers as recorded in 01-response-shape.out\n');
