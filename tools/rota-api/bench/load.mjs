// One autocannon run in its own process (so the load generator shares no event loop with the
// orchestrator). Config: JSON in argv[2]. Prints one JSON line with the figures we report.
import autocannon from 'autocannon';

const config = JSON.parse(process.argv[2] ?? '{}');
const result = await autocannon({
  url: config.url,
  connections: config.connections ?? 20,
  duration: config.duration ?? 10,
  ...(config.overallRate ? { overallRate: config.overallRate } : {}),
  ...(config.requests ? { requests: config.requests } : {}),
  ...(config.method ? { method: config.method, body: config.body } : {}),
  headers: config.headers ?? {},
  timeout: 10,
});
const summary = {
  requests: result.requests.total,
  rps: result.requests.average,
  latencyMs: {
    p50: result.latency.p50,
    p90: result.latency.p90,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    avg: result.latency.average,
  },
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  durationSeconds: result.duration,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
