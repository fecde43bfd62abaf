// Many requests through a few VUs; logs the runner's RSS after 10k requests and at the end.
import exec from 'k6/execution';
import http from 'k6/http';
import { Trend } from 'k6/metrics';

const total = Number(__ENV.REQUESTS || 1000000);
const custom = new Trend('custom_trend_ms', true);

export const options = {
  scenarios: {
    memory: { executor: 'shared-iterations', vus: 50, iterations: total, maxDuration: '30m' },
  },
};

export default async function () {
  const r = await http.asyncRequest('GET', __ENV.BASE, null, { tags: { endpoint: 'memory' } });
  custom.add(r.timings.duration, { endpoint: 'memory' });
  const i = exec.scenario.iterationInTest;
  if (i === 10000 || i === total - 1) console.log(`RSS ${i + 1} ${process.memoryUsage().rss}`);
}
