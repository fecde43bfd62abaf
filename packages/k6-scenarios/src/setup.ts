// setup() shared by the four scripts: session, enrolment and dataset through bootstrap-auth,
// and the optional rate-limiter verification (the config, login pool included, is read at
// init by script-settings.ts).
import { type BootstrapConfig, bootstrap, scenariosSkippedFor } from '@rota-perf/bootstrap-auth';
import { createK6Client } from '@rota-perf/bootstrap-auth/k6';
import { fail } from 'k6';
import { endpointByKey } from './catalogue.js';
import { verifyRateLimit } from './rate-limit.js';
import type { ScenarioData } from './request.js';

/** What setup needs besides the bootstrap config. */
export interface SetupOptions {
  /** Endpoint keys this script runs; skips are reported only for these. */
  keys: readonly string[];
  rateLimit?: { maxAttempts: number; windowSeconds: number; verify: boolean };
}

/** The body of setup(): fails the test with one line when the target cannot be used. */
export async function runSetup(
  config: BootstrapConfig,
  options: SetupOptions,
): Promise<ScenarioData> {
  const client = createK6Client({ tags: { phase: 'setup' } });
  try {
    const result = await bootstrap(client, config);
    const skipped = scenariosSkippedFor(result.dataset)
      .filter((s) => options.keys.indexOf(s.scenario) >= 0)
      .map((s) => ({
        key: s.scenario,
        label: endpointByKey(s.scenario).label,
        missing: s.missing,
      }));
    const data: ScenarioData = { ...result, skipped };
    if (options.rateLimit?.verify) {
      data.rateLimitVerification = await verifyRateLimit(
        client,
        config,
        options.rateLimit.maxAttempts,
      );
    }
    return data;
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
    throw error;
  }
}
