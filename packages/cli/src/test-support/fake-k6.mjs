#!/usr/bin/env node
// A stand-in for the real k6 binary (k6 cannot be installed on our machines), selected with
// K6_BINARY in tests of the real-k6 path. `k6 version` prints what v0.49 prints; `k6 run
// --out json=F --summary-export S -e K=V … bundle` replays the recording of the real k6
// (test-data/k6-golden/06-out-json.ndjson) into F in real time, times moved to now, then
// writes S and the script's results file (RESULTS_DIR, RUN_ID) as handleSummary would.
// Knobs (process env): FAKE_K6_REPEAT (replays, 2 s each; default 1), FAKE_K6_SCENARIO (the
// scenario tag to give the samples, default the recording's), FAKE_K6_EXIT (exit code),
// FAKE_K6_SUMMARY_THROWS (handleSummary throws: k6 logs it, writes no results file, exits 0).
// On SIGINT it stops replaying, writes what it has and exits 105, as k6 does.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

const GOLDEN = new URL('../../../../test-data/k6-golden/06-out-json.ndjson', import.meta.url);
const REPLAY_MS = 2000;

const [command, ...rest] = process.argv.slice(2);
if (command === 'version') {
  process.stdout.write('k6 v0.49.0 (go1.21.6, linux/amd64)\n');
  process.exit(0);
}
if (command !== 'run') {
  process.stderr.write(`fake k6: unknown command ${command}\n`);
  process.exit(2);
}

const env = {};
let out = null;
let summaryExport = null;
let bundle = null;
for (let i = 0; i < rest.length; i++) {
  const arg = rest[i];
  if (arg === '--out') out = rest[++i].replace(/^json=/, '');
  else if (arg === '--summary-export') summaryExport = rest[++i];
  else if (arg === '-e') {
    const [key, ...value] = rest[++i].split('=');
    env[key] = value.join('=');
  } else if (!arg.startsWith('-')) bundle = arg;
}
if (basename(bundle ?? '') !== 'performance.test.js') {
  process.stderr.write(`fake k6: only performance.test.js is replayed, got ${bundle}\n`);
  process.exit(107);
}

const repeat = Number(process.env.FAKE_K6_REPEAT ?? 1);
const scenario = process.env.FAKE_K6_SCENARIO;
const lines = readFileSync(GOLDEN, 'utf8').split('\n').filter(Boolean);
const points = lines.map((line) => JSON.parse(line));
const firstMs = Date.parse(points.find((p) => p.type === 'Point').data.time);
const startMs = Date.now() + 300; // "setup" takes a moment
const counts = { requests: 0, failed: 0, iterations: 0, checks: 0 };

// RFC 3339 with nanoseconds, as k6 writes it.
const k6Time = (ms) => new Date(ms).toISOString().replace(/Z$/, '123456Z');

function lineAt(point, round) {
  if (point.type !== 'Point') return round === 0 ? JSON.stringify(point) : null;
  const ms = startMs + round * REPLAY_MS + (Date.parse(point.data.time) - firstMs);
  const tags = { ...point.data.tags };
  if (scenario && tags.scenario) tags.scenario = scenario;
  return {
    ms,
    text: JSON.stringify({ ...point, data: { ...point.data, time: k6Time(ms), tags } }),
  };
}

const queue = [];
for (let round = 0; round < repeat; round++) {
  for (const point of points) {
    const entry = lineAt(point, round);
    if (entry === null) continue;
    queue.push(typeof entry === 'string' ? { ms: startMs, text: entry } : entry);
  }
}
const plannedRequests = queue.filter((e) => e.text.startsWith('{"metric":"http_reqs"')).length;

writeFileSync(out, '');
let next = 0;
function flush(untilMs) {
  let chunk = '';
  while (next < queue.length && queue[next].ms <= untilMs) {
    const line = queue[next++].text;
    const point = JSON.parse(line);
    // What was written so far: the summary of an interrupted run covers just that.
    if (point.type === 'Point') {
      if (point.metric === 'http_reqs') counts.requests++;
      if (point.metric === 'http_req_failed' && point.data.value === 1) counts.failed++;
      if (point.metric === 'iterations') counts.iterations++;
      if (point.metric === 'checks') counts.checks++;
    }
    chunk += `${line}\n`;
  }
  if (chunk) appendFileSync(out, chunk);
}

function finish(code) {
  clearInterval(timer);
  const seconds = Math.max(0.001, (Date.now() - startMs) / 1000);
  writeFileSync(
    summaryExport,
    JSON.stringify({
      root_group: {
        name: '',
        path: '',
        id: 'd41d8cd98f00b204e9800998ecf8427e',
        groups: {},
        checks: {
          'status is 200': {
            name: 'status is 200',
            path: '::status is 200',
            id: 'x',
            passes: counts.checks,
            fails: 0,
          },
        },
      },
      metrics: {
        http_reqs: { count: counts.requests, rate: counts.requests / seconds },
        'http_req_duration{name:echo}': { max: 21.76, thresholds: { 'p(95)<1000': false } },
        http_req_failed: {
          passes: counts.failed,
          fails: counts.requests - counts.failed,
          value: 0.5,
          thresholds: { 'rate<0.01': true },
        },
      },
    }),
  );
  const results = {
    run_id: env.RUN_ID ?? null,
    duration_seconds: seconds,
    total_requests: counts.requests,
    requests_per_second: counts.requests / seconds,
    requests_per_minute: (60 * counts.requests) / seconds,
    throughput_bytes_per_second: null,
    throughput_kib_per_second: null,
    rate_limit_verification_enabled: false,
    rate_limit_verification: null,
    main_phase_failures: [],
    write_phase_failures: [],
    steady_state_seconds: seconds,
    steady_state_rps: counts.requests / seconds,
    non_steady_phase_seconds: 0,
    non_steady_phase_share_percent: 0,
    failed_requests: counts.failed,
    failure_rate: counts.requests === 0 ? null : counts.failed / counts.requests,
    data_received_bytes: null,
    data_sent_bytes: null,
    steady_state_requests: counts.requests,
    checks: { passes: counts.checks, fails: 0, rate: 1 },
    failed_thresholds: [],
    endpoints: [],
    skipped_scenarios: [],
  };
  if (process.env.FAKE_K6_SUMMARY_THROWS) {
    // What k6 v0.49 does when handleSummary throws: one log line, no outputs, exit code kept.
    process.stderr.write(
      `time="${new Date().toISOString()}" level=error msg="failed to handle the end-of-test summary" error="${process.env.FAKE_K6_SUMMARY_THROWS}"\n`,
    );
  } else {
    writeFileSync(
      join(env.RESULTS_DIR ?? '.', 'results.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );
  }
  process.stdout.write(`fake k6: replayed ${counts.requests} of ${plannedRequests} requests\n`);
  process.stderr.write('fake k6: done\n');
  process.exit(code);
}

process.on('SIGINT', () => {
  flush(Date.now());
  finish(105);
});
const timer = setInterval(() => {
  flush(Date.now());
  if (next >= queue.length) finish(Number(process.env.FAKE_K6_EXIT ?? 0));
}, 50);
