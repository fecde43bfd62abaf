// Where the built k6 bundles live, and the names users may give them.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The four scripts, by bundle name. */
export const SCRIPT_NAMES = [
  'performance',
  'rps_probe',
  'progress_probe',
  'progress_write',
] as const;

/** A bundle name. */
export type ScriptName = (typeof SCRIPT_NAMES)[number];

/** The repository root (bundles and results live under its `performance/`). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Absolute path of a built bundle. */
export function bundlePath(name: ScriptName): string {
  return fileURLToPath(new URL(`../../../../performance/k6/${name}.test.js`, import.meta.url));
}

/** Accepts `rps_probe`, `rps-probe` and `rps_probe.test.js`; throws a one-line error otherwise. */
export function parseScriptName(text: string): ScriptName {
  const name = text.replace(/\.test\.js$/, '').replace(/-/g, '_');
  for (const known of SCRIPT_NAMES) if (known === name) return known;
  throw new UsageError(`unknown script "${text}": expected one of ${SCRIPT_NAMES.join(', ')}`);
}

/** True when the bundle exists (it is a build output). */
export function isBuilt(name: ScriptName): boolean {
  return existsSync(bundlePath(name));
}

/** A user mistake: printed as one line, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
