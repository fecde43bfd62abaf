import { enrol } from './enrol.js';
import { ensureSession } from './ensure-session.js';
import { BootstrapError } from './errors.js';
import { findFirstTrail, hydrateDataset } from './hydrate.js';
import { prepareLoginPool } from './login-pool.js';
import { describeMissing } from './skips.js';
import type { BootstrapConfig, Credentials, Dataset, HttpClient, Session } from './types.js';

// The core compiles without Node or DOM typings (see tsconfig.core.json); k6 and Node both
// provide console, so declare just the part used here.
declare const console: { warn(message: string): void };

/** What a load script's setup() needs: plain JSON data, safe to hand to k6 VUs. */
export interface BootstrapResult {
  credentials: Credentials;
  session: Session;
  dataset: Dataset;
  /** Extra users for the login scenario; empty unless `config.loginUserPool` > 0. */
  loginPool: Credentials[];
}

/** Options for `bootstrap`; `warn` receives the one incomplete-dataset report. */
export interface BootstrapOptions {
  warn?: (message: string) => void;
}

/**
 * The whole setup: session → first trail of `GET /trails/` → enrol → hydrate → login pool.
 * Missing content is reported once through `warn` (console.warn by default), never silently.
 */
export async function bootstrap(
  client: HttpClient,
  config: BootstrapConfig,
  options: BootstrapOptions = {},
): Promise<BootstrapResult> {
  const session = await ensureSession(client, config);
  const trail = await findFirstTrail(client, session);
  let enrolProblem: string | null = null;
  if (trail.trailId !== null) {
    if (session.csrfToken === null) {
      enrolProblem =
        'the server sent no CSRF token at login, so nothing can be enrolled or written';
    } else {
      try {
        await enrol(client, session, trail.trailId);
      } catch (error) {
        // A failed enrolment only disables the scenarios that need it; report, do not abort.
        if (!(error instanceof BootstrapError)) throw error;
        enrolProblem = `enrolment failed: ${error.message}`;
      }
    }
  }
  const dataset =
    trail.trailId === null
      ? await hydrateDataset(client, session)
      : await hydrateDataset(client, session, { trailId: trail.trailId });
  if (session.csrfToken === null) markMissing(dataset, ['csrfToken', 'enrolment'], enrolProblem);
  else if (enrolProblem !== null) markMissing(dataset, ['enrolment'], enrolProblem);
  const loginPool =
    config.loginUserPool > 0 ? await prepareLoginPool(client, config, config.loginUserPool) : [];
  const report = describeMissing(dataset);
  if (report !== null) (options.warn ?? console.warn)(report);
  return { credentials: config.credentials, session, dataset, loginPool };
}

function markMissing(dataset: Dataset, fields: Dataset['missing'], problem: string | null): void {
  for (const field of fields) if (!dataset.missing.includes(field)) dataset.missing.push(field);
  if (problem !== null) dataset.problems.push(problem);
}
