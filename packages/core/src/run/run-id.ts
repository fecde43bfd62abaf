// Run ids and what a run record may show of its settings: a target URL without credentials,
// variables with their secrets masked. Pure (the root entry runs in k6 too: no URL global).

/**
 * A run's id: its UTC start to the second, then a random suffix (`2026-12-01T06-40-12Z-4f3a`).
 * Sorts by time and is safe in file names.
 */
export function createRunId(startedAt: Date, randomSuffix: string): string {
  const time = startedAt.toISOString().slice(0, 19).replace(/:/g, '-');
  return `${time}Z-${randomSuffix}`;
}

/** What a masked value reads as. */
export const MASKED = '***';

// Names whose value is a secret, whatever the script (AUTH_PASSWORD, *_SECRET, *_TOKEN …).
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|CREDENTIAL|PRIVATE_KEY|API_KEY)/i;
// Query parameters that carry credentials in connection strings and URLs.
const SECRET_QUERY =
  /([?&](?:password|passwd|pwd|secret|token|api_key|apikey|sslpassword)=)[^&#]*/gi;

/**
 * The URL without `user:password@` and with credential query parameters masked; text that is
 * not a URL with a scheme is returned as it is.
 */
export function urlWithoutCredentials(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)?(.*)$/i.exec(url);
  if (match === null) return url;
  return `${match[1]}${match[3]}`.replace(SECRET_QUERY, `$1${MASKED}`);
}

/** A URL with its password masked but the user kept (`postgres://perf:***@host/db`). */
export function maskUrlPassword(value: string): string {
  return value
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, `$1:${MASKED}@`)
    .replace(SECRET_QUERY, `$1${MASKED}`);
}

/** The variables as a run record shows them: secret names masked, URL passwords masked. */
export function maskSecrets(variables: Readonly<Record<string, string>>): Record<string, string> {
  const shown: Record<string, string> = {};
  for (const name of Object.keys(variables).sort()) {
    const value = variables[name] as string;
    shown[name] = SECRET_NAME.test(name) && value !== '' ? MASKED : maskUrlPassword(value);
  }
  return shown;
}
