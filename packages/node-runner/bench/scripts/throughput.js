// 50 VUs, one GET per iteration, for a fixed time (compared with autocannon -c 50).
import http from 'k6/http';

export const options = {
  scenarios: { load: { executor: 'constant-vus', vus: 50, duration: __ENV.DURATION || '10s' } },
};

export default async function () {
  await http.asyncRequest('GET', __ENV.BASE);
}
