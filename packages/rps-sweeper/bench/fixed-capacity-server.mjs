#!/usr/bin/env node
// A system under test whose capacity is known: SLOTS requests are served at once, each holding
// its slot SERVICE_MS milliseconds (a timer, so it costs almost no CPU); requests beyond that
// wait in a first-in first-out queue, unbounded, and are never refused. Its capacity is
// SLOTS / SERVICE_MS requests per millisecond; above it the latency grows with the queue
// until the load generator runs out of VUs (Little's law), which is what the sweep verdicts
// must recognise as the system's limit.
//
//   node fixed-capacity-server.mjs --slots 10 --service-ms 50 [--port 0]
//
// Prints `fixed-capacity server listening on http://127.0.0.1:<port>` once it accepts
// connections. GET /stats answers { slots, service_ms, served, mean_hold_ms, capacity_rps }:
// the capacity from the slot hold times actually measured (timers fire late on a busy
// machine), which is the true capacity the benchmarks compare the found ceiling with.
// Stops on SIGINT/SIGTERM, and when the parent that piped its stdin goes away.
import { fstatSync } from 'node:fs';
import { createServer } from 'node:http';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i < 0 ? fallback : process.argv[i + 1];
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < (name === 'port' ? 0 : 1)) {
    console.error(
      `--${name} must be a ${name === 'port' ? 'port number' : 'positive integer'}, got ${JSON.stringify(raw)}`,
    );
    process.exit(2);
  }
  return value;
}

const slots = option('slots');
const serviceMs = option('service-ms');
const port = option('port', '0');

const queue = [];
let busy = 0;
let served = 0;
let heldMs = 0;

function serveNext() {
  while (busy < slots && queue.length > 0) {
    const res = queue.shift();
    // A request given up while it queued (an interrupted iteration) takes no slot.
    if (res.destroyed || res.writableEnded) continue;
    busy++;
    const start = performance.now();
    setTimeout(() => {
      busy--;
      served++;
      heldMs += performance.now() - start;
      if (!res.destroyed) res.end('ok');
      serveNext();
    }, serviceMs);
  }
}

const server = createServer((req, res) => {
  if (req.url === '/stats') {
    const meanHoldMs = served > 0 ? heldMs / served : null;
    const capacity = meanHoldMs === null ? null : (slots * 1000) / meanHoldMs;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify({
        slots,
        service_ms: serviceMs,
        served,
        mean_hold_ms: meanHoldMs,
        capacity_rps: capacity,
      }),
    );
    return;
  }
  req.resume();
  req.on('end', () => {
    queue.push(res);
    serveNext();
  });
});

server.on('error', (error) => {
  console.error(`fixed-capacity server: ${error.message}`);
  process.exit(2);
});
server.listen(port, '127.0.0.1', () => {
  console.log(`fixed-capacity server listening on http://127.0.0.1:${server.address().port}`);
});

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
// Started by a test or a benchmark with a pipe on stdin: its end means the parent is gone.
if (fstatSync(0).isFIFO()) {
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
}
