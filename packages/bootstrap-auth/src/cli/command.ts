// `rota-perf bootstrap`: log in or register the synthetic user at BASE_URL, enrol in the first
// trail and print the dataset the load scenarios would use.
import type { CommandDef } from '@rota-perf/core';
import { type BootstrapResult, bootstrap } from '../core/bootstrap.js';
import { configFromEnv } from '../core/config.js';
import { scenariosSkippedFor } from '../core/skips.js';
import type { HttpClient } from '../core/types.js';
import { createNodeClient } from '../node/client.js';

/** Makes the HTTP client (tests script one; users get the Node client). */
export type ClientFactory = (insecure: boolean) => HttpClient & { close?(): void };

/** The bootstrap command over a client factory. */
export function createBootstrapCommand(
  makeClient: ClientFactory = (insecure) => createNodeClient({ insecureSkipTlsVerify: insecure }),
): CommandDef {
  return {
    name: 'bootstrap',
    summary: 'log in or register the synthetic user and print the dataset the scripts use',
    description: `Logs in (or registers) the synthetic user at BASE_URL, enrols in the first trail and prints
the dataset the load scenarios would use. Configuration comes from the environment:
BASE_URL, AUTH_EMAIL, AUTH_PASSWORD, AUTH_USERNAME, SESSION_COOKIE_NAME, CSRF_COOKIE_NAME,
SESSION_COOKIE_ALIASES, CSRF_COOKIE_ALIASES, LOGIN_USER_POOL, INSECURE_SKIP_TLS_VERIFY.
Exit codes: 0 ok, 1 bootstrap failed, 2 a malformed variable or option.`,
    options: {
      json: {
        type: 'boolean',
        description: 'print the whole result (credentials, session, dataset, login pool) as JSON',
      },
    },
    async run(args, io) {
      const config = configFromEnv(io.env);
      const client = makeClient(config.insecureSkipTlsVerify);
      try {
        const result = await bootstrap(client, config, { warn: (message) => io.err(message) });
        if (args.values.json === true) io.out(JSON.stringify(result, null, 2));
        else for (const line of summarise(result)) io.out(line);
        return 0;
      } finally {
        client.close?.();
      }
    },
  };
}

/** The bootstrap command with the Node HTTP client. */
export const bootstrapCommand: CommandDef = createBootstrapCommand();

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
