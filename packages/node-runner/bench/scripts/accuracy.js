// constant-arrival-rate at RATE/s: how late each iteration starts against its slot.
import exec from 'k6/execution';
import http from 'k6/http';
import { Rate, Trend } from 'k6/metrics';

const rate = Number(__ENV.RATE || 2000);
const lag = new Trend('start_lag_ms', true);
const onTime = new Rate('start_within_5ms');

export const options = {
  summaryTrendStats: ['avg', 'med', 'p(99)', 'max'],
  scenarios: {
    accuracy: {
      executor: 'constant-arrival-rate',
      rate,
      timeUnit: '1s',
      duration: __ENV.DURATION || '10s',
      preAllocatedVUs: 200,
      maxVUs: 400,
    },
  },
};

export default async function () {
  const slot = exec.scenario.startTime + (exec.scenario.iterationInTest * 1000) / rate;
  const late = Math.max(0, Date.now() - slot);
  lag.add(late);
  onTime.add(late <= 5);
  // HTTP=0 measures the scheduler alone; otherwise each iteration also sends one GET.
  if (__ENV.HTTP !== '0') await http.asyncRequest('GET', __ENV.BASE);
}
