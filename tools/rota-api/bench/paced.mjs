// Open-loop load at a constant arrival rate (as k6's constant-arrival-rate): request i is due at
// start + i/rate and its latency counts from that due time, so a slow server cannot slow the
// load down (no coordinated omission). autocannon's `overallRate` instead lets every
// connection fire back to back until its per-second quota is used, then idle until the next
// second: its latencies are those of a saturating burst, even against a hello-world.
// Config: JSON in argv[2] { url, rate, duration, connections, headers, requests: [{ path }] }.
// Prints one JSON line shaped like load.mjs's.
import { Agent, request } from 'node:http';
import { quantile } from '@rota-perf/core';

const config = JSON.parse(process.argv[2] ?? '{}');
const rate = config.rate ?? 1000;
const total = Math.round(rate * (config.duration ?? 10));
const paths = (config.requests ?? [{ path: '/' }]).map((r) => r.path);
const agent = new Agent({ keepAlive: true, maxSockets: config.connections ?? 50 });
const base = new URL(config.url);
const timeoutMs = 10_000;
const latencies = [];
let errors = 0;
let timeouts = 0;
let non2xx = 0;
let sent = 0;
let settled = 0;

function send(due) {
  const path = paths[sent % paths.length];
  sent += 1;
  const req = request(
    { host: base.hostname, port: base.port, path, agent, headers: config.headers ?? {} },
    (res) => {
      res.on('data', () => {});
      res.on('end', () => {
        if (res.statusCode < 200 || res.statusCode >= 300) non2xx += 1;
        else latencies.push(performance.now() - due);
        settled += 1;
      });
    },
  );
  req.setTimeout(timeoutMs, () => {
    timeouts += 1;
    req.destroy(new Error('timeout'));
  });
  req.on('error', () => {
    errors += 1;
    settled += 1;
  });
  req.end();
}

const start = performance.now();
await new Promise((resolve) => {
  // A 1 ms tick sends every request that has come due (a late tick catches up at once).
  const timer = setInterval(() => {
    // Request i is due at i/rate: at time t, requests 0 … floor(t·rate) are due.
    const due = Math.min(total, Math.floor(((performance.now() - start) * rate) / 1000) + 1);
    while (sent < due) send(start + (sent * 1000) / rate);
    if (sent >= total) {
      clearInterval(timer);
      resolve();
    }
  }, 1);
});
const deadline = performance.now() + timeoutMs + 1000;
while (settled < total && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
const elapsedSeconds = (performance.now() - start) / 1000;
agent.destroy();
latencies.sort((a, b) => a - b);
const at = (q) => Number(quantile(latencies, q, true).toFixed(2));
process.stdout.write(
  `${JSON.stringify({
    requests: settled,
    rps: settled / elapsedSeconds,
    latencyMs: {
      p50: at(0.5),
      p90: at(0.9),
      p95: at(0.95),
      p97_5: at(0.975),
      p99: at(0.99),
      max: Number((latencies.at(-1) ?? Number.NaN).toFixed(2)),
    },
    errors,
    timeouts,
    non2xx,
    durationSeconds: elapsedSeconds,
  })}\n`,
);
