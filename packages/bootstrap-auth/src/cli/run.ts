import { type BootstrapResult, bootstrap } from '../core/bootstrap.js';
import { configFromEnv, type EnvMap } from '../core/config.js';
import { BootstrapError, ConfigError } from '../core/errors.js';
import { scenariosSkippedFor } from '../core/skips.js';
import type { HttpClient } from '../core/types.js';
import { createNodeClient } from '../node/client.js';

/** Where the command writes; injectable so tests read what a user would see. */
export interface CommandIo {
  out(line: string): void;
  err(line: string): void;
}

const USAGE = `usage: rota-bootstrap [--json]

Logs in (or registers) the synthetic user at BASE_URL, enrols in the first trail and prints
the dataset the load scenarios would use. Configuration comes from the environment:
BASE_URL, AUTH_EMAIL, AUTH_PASSWORD, AUTH_USERNAME, SESSION_COOKIE_NAME, CSRF_COOKIE_NAME,
SESSION_COOKIE_ALIASES, CSRF_COOKIE_ALIASES, LOGIN_USER_POOL, INSECURE_SKIP_TLS_VERIFY.

  --json   print the whole result (credentials, session, dataset, login pool) as JSON
  --help   show this text`;

/** Runs `rota-bootstrap`; resolves to the exit code (0 ok, 1 bootstrap failed, 2 usage). */
export async function runBootstrapCommand(
  argv: string[],
  env: EnvMap,
  io: CommandIo,
  makeClient: (insecure: boolean) => HttpClient & { close?(): void } = (insecure) =>
    createNodeClient({ insecureSkipTlsVerify: insecure }),
): Promise<number> {
  let json = false;
  for (const arg of argv) {
    if (arg === '--help' || arg === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (arg !== '--json') {
      io.err(`rota-bootstrap: unknown argument "${arg}": expected --json or --help`);
      return 2;
    }
    json = true;
  }
  let config: ReturnType<typeof configFromEnv>;
  try {
    config = configFromEnv(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`rota-bootstrap: ${error.message}`);
    return 2;
  }
  const client = makeClient(config.insecureSkipTlsVerify);
  try {
    const result = await bootstrap(client, config, { warn: (message) => io.err(message) });
    if (json) io.out(JSON.stringify(result, null, 2));
    else for (const line of summarise(result)) io.out(line);
    return 0;
  } catch (error) {
    if (!(error instanceof BootstrapError)) throw error;
    io.err(`rota-bootstrap: ${error.message}`);
    return 1;
  } finally {
    client.close?.();
  }
}

function summarise(result: BootstrapResult): string[] {
  const { session, dataset } = result;
  const skipped = scenariosSkippedFor(dataset).map((skip) => skip.scenario);
  return [
    `user:        ${result.credentials.email} (id ${session.userId ?? 'unknown'})`,
    `cookies:     ${session.sessionCookieName}, ${session.csrfCookieName}; CSRF token ${session.csrfToken === null ? 'missing' : 'present'}`,
    `trail:       ${dataset.trailId ?? '-'}  section: ${dataset.sectionId ?? '-'}`,
    `item:        ${dataset.itemId ?? '-'} (${dataset.itemType ?? '-'}, ${dataset.itemDurationSeconds} s)`,
    `form item:   ${dataset.formItemId ?? '-'} (${dataset.formQuestions?.length ?? 0} questions)`,
    `login pool:  ${result.loginPool.length} users`,
    `skipped:     ${skipped.length === 0 ? 'none' : skipped.join(', ')}`,
  ];
}
