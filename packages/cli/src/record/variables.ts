// Every effective variable of a run as the record shows it: the script's documented variables
// with the registry defaults filled in (computed ones from the plan), the process environment
// and `-e` values over them, the orchestrator's own (BASE_URL, RESULTS_DIR, RUN_ID), secrets
// masked.
import {
  literalDefault,
  maskSecrets,
  type ScriptName,
  scriptVariables,
  urlWithoutCredentials,
} from '@rota-perf/core';

type Env = Readonly<Record<string, string | undefined>>;

/** A documented default as plain text (`` `30s` `` → `30s`, rules kept in words). */
function plainDefault(markdown: string): string {
  return markdown.replace(/`/g, '');
}

/** The values a script reads from the process environment: its documented variables only. */
export function scriptProcessEnv(script: ScriptName, processEnv: Env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const v of scriptVariables(script)) {
    const value = processEnv[v.name];
    if (value !== undefined) env[v.name] = value;
  }
  return env;
}

/**
 * The variables of a run of `script`: `given` is what the script received (process env and
 * `-e`, BASE_URL, RESULTS_DIR, RUN_ID), `computed` the plan's values of rule defaults.
 */
export function effectiveVariables(
  script: ScriptName,
  given: Readonly<Record<string, string>>,
  computed: Readonly<Record<string, string>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const v of scriptVariables(script)) {
    values[v.name] = computed[v.name] ?? literalDefault(script, v.name) ?? plainDefault(v.default);
  }
  Object.assign(values, given);
  if (values.BASE_URL !== undefined) values.BASE_URL = urlWithoutCredentials(values.BASE_URL);
  return maskSecrets(values);
}
