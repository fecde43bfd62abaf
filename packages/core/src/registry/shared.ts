// The variables every k6 script reads (target, user, cookies, results folder). Defaults and
// descriptions are Markdown: the README's tables are generated from them.
import type { VariableDoc } from './types.js';

/** Variables shared by all scripts. */
export const SHARED_VARIABLES: readonly VariableDoc[] = [
  {
    name: 'BASE_URL',
    default:
      '`https://127.0.0.1:8001` (`rota-perf` and `bench` start the embedded API when it is unset)',
    description: 'Target API; a trailing `/` is dropped.',
  },
  {
    name: 'INSECURE_SKIP_TLS_VERIFY',
    default: '`true`',
    description: 'Accept self-signed certificates.',
  },
  {
    name: 'AUTH_EMAIL',
    default: 'generated `perf-<ms>@example.com`',
    description: 'Synthetic user. Setup logs in first and registers the user if that fails.',
  },
  { name: 'AUTH_PASSWORD', default: '`PerfTest@123`', description: 'Its password.' },
  {
    name: 'AUTH_USERNAME',
    default: '`perf_<ms>`, or the local part of `AUTH_EMAIL`',
    description: 'Username used at registration.',
  },
  { name: 'SESSION_COOKIE_NAME', default: '`rota_session`', description: 'Session cookie.' },
  {
    name: 'CSRF_COOKIE_NAME',
    default: '`rota_csrf`',
    description: 'CSRF cookie. `rota_csrftoken` is found as well.',
  },
  {
    name: 'SESSION_COOKIE_ALIASES',
    default: '—',
    description: 'Extra session cookie names, comma-separated.',
  },
  {
    name: 'CSRF_COOKIE_ALIASES',
    default: '—',
    description: 'Extra CSRF cookie names, comma-separated.',
  },
  {
    name: 'LOGIN_USER_POOL',
    default: 'auto (performance), else `0`',
    description:
      'Extra users (0–1000) registered for the login scenario, so no user trips the auth rate limiter.',
  },
  {
    name: 'ENABLE_WRITE_SCENARIOS',
    default: '`true`',
    description: 'Include enrol, PUT progress and form submission (performance, rps probe).',
  },
  {
    name: 'RUN_ID',
    default: 'unset (`rota-perf` sets it)',
    description:
      'The run id stamped into the results JSON as `run_id` (`null` when unset), so a report never mixes runs.',
  },
  {
    name: 'SUMMARY_STDOUT',
    default: '`true`',
    description:
      'Print the summary text on stdout. `rota-perf probe --adaptive` turns it off for its level runs.',
  },
  {
    name: 'RESULTS_DIR',
    default: '`performance` (relative to the working directory)',
    description: 'Where the results JSON goes. `rota-perf --out` sets it.',
  },
];
