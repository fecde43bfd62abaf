// The variables every k6 script reads (target, user, cookies, results folder). Defaults and
// descriptions are Markdown: the README's tables are generated from them.
import type { VariableDoc } from './types.js';

/**
 * The values behind the shared variables' documented defaults, for the readers that are not
 * bound to one script (bootstrap-auth in k6 and Node, the summary writer): the table below
 * shows these values, so a default cannot change in one place only.
 */
export const SHARED_DEFAULTS = {
  BASE_URL: 'https://127.0.0.1:8001',
  INSECURE_SKIP_TLS_VERIFY: true,
  AUTH_PASSWORD: 'PerfTest@123',
  SESSION_COOKIE_NAME: 'rota_session',
  CSRF_COOKIE_NAME: 'rota_csrf',
  LOGIN_USER_POOL: 0,
  SUMMARY_STDOUT: true,
  RESULTS_DIR: 'performance',
} as const;

/** A value as the README's tables show a literal. */
const code = (value: string | number | boolean) => `\`${value}\``;

/** Variables shared by all scripts. */
export const SHARED_VARIABLES: readonly VariableDoc[] = [
  {
    name: 'BASE_URL',
    default: `${code(SHARED_DEFAULTS.BASE_URL)} (\`rota-perf\` and \`bench\` start the embedded API when it is unset)`,
    description: 'Target API; a trailing `/` is dropped.',
  },
  {
    name: 'INSECURE_SKIP_TLS_VERIFY',
    default: code(SHARED_DEFAULTS.INSECURE_SKIP_TLS_VERIFY),
    description: 'Accept self-signed certificates.',
  },
  {
    name: 'AUTH_EMAIL',
    default: 'generated `perf-<ms>@example.com`',
    description: 'Synthetic user. Setup logs in first and registers the user if that fails.',
  },
  {
    name: 'AUTH_PASSWORD',
    default: code(SHARED_DEFAULTS.AUTH_PASSWORD),
    description: 'Its password.',
  },
  {
    name: 'AUTH_USERNAME',
    default: '`perf_<ms>`, or the local part of `AUTH_EMAIL`',
    description: 'Username used at registration.',
  },
  {
    name: 'SESSION_COOKIE_NAME',
    default: code(SHARED_DEFAULTS.SESSION_COOKIE_NAME),
    description: 'Session cookie.',
  },
  {
    name: 'CSRF_COOKIE_NAME',
    default: code(SHARED_DEFAULTS.CSRF_COOKIE_NAME),
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
    default: `auto (performance), else ${code(SHARED_DEFAULTS.LOGIN_USER_POOL)}`,
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
    default: code(SHARED_DEFAULTS.SUMMARY_STDOUT),
    description:
      'Print the summary text on stdout. `rota-perf probe --adaptive` turns it off for its level runs.',
  },
  {
    name: 'RESULTS_DIR',
    default: `${code(SHARED_DEFAULTS.RESULTS_DIR)} (relative to the working directory)`,
    description: 'Where the results JSON goes. `rota-perf --out` sets it.',
  },
];
