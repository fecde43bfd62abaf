// A series' totals, for tests that check a series against the run's summary (node-runner's
// series test, cli's e2e tests; they import it by path: test support is not published).
import type { RunSeries } from '../run/series.js';

/** The series' totals, named as the k6 summary metrics they must equal. */
export function seriesMetricTotals(s: Pick<RunSeries, 'requests' | 'scenarios'>) {
  const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((a, r) => a + f(r), 0);
  return {
    http_reqs: sum(s.requests, (r) => r.requests),
    http_req_failed: sum(s.requests, (r) => r.failed),
    iterations: sum(s.scenarios, (r) => r.iterations),
    dropped_iterations: sum(s.scenarios, (r) => r.dropped_iterations),
    data_sent: sum(s.scenarios, (r) => r.data_sent),
    data_received: sum(s.scenarios, (r) => r.data_received),
    checks_passed: sum(s.scenarios, (r) => r.checks_passed),
    checks_failed: sum(s.scenarios, (r) => r.checks_failed),
  };
}
