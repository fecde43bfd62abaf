import { createHash, randomBytes } from 'node:crypto';
import { readdir, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The initialised cluster that temporary clusters are copied from lives in the temp root (see
 * `tempRoot`) as `rota-db-template-<PostgreSQL package version>-<credentials hash>`: one per
 * binary version and user/password, shared by every checkout that has those binaries. Each use
 * touches it; templates (of other versions, or of the older per-checkout naming) not used for
 * STALE_TEMPLATE_DAYS are removed by the next start, and so are initdb staging folders a killed
 * process left behind.
 */
export const STALE_TEMPLATE_DAYS = 3;
const STALE_STAGING_MS = 60 * 60 * 1000;
const TEMPLATE_PREFIX = 'rota-db-template-';
const STAGING_PREFIX = 'rota-db-staging-';

/** The template folder name for these binaries and credentials. */
export function templateName(version: string, user: string, password: string): string {
  const credentials = createHash('sha256')
    .update(`v3\0${user}\0${password}`)
    .digest('hex')
    .slice(0, 8);
  return `${TEMPLATE_PREFIX}${version.replace(/[^A-Za-z0-9.-]/g, '_')}-${credentials}`;
}

/** The name earlier versions gave the template of one checkout (keyed by the initdb path). */
export function legacyTemplateName(initdb: string, user: string, password: string): string {
  const key = createHash('sha256')
    .update(`v2\0${initdb}\0${user}\0${password}`)
    .digest('hex')
    .slice(0, 16);
  return `${TEMPLATE_PREFIX}${key}`;
}

/** Records a use of the template (its mtime), which keeps it from being swept. */
export async function markUsed(template: string, nowMs = Date.now()): Promise<void> {
  const now = new Date(nowMs);
  await utimes(template, now, now).catch(() => {});
}

/**
 * Removes templates other than `keep` that were not used for STALE_TEMPLATE_DAYS and staging
 * folders older than an hour. A folder is renamed away first, so a concurrent start never sees
 * half of one. Returns the names it removed.
 */
export async function sweepStaleTemplates(
  root: string,
  keep: string,
  nowMs = Date.now(),
): Promise<string[]> {
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return removed;
  }
  for (const name of names) {
    const template = name.startsWith(TEMPLATE_PREFIX) && name !== keep;
    if (!template && !name.startsWith(STAGING_PREFIX)) continue;
    const maxAge = template ? STALE_TEMPLATE_DAYS * 24 * 60 * 60 * 1000 : STALE_STAGING_MS;
    try {
      const info = await stat(join(root, name));
      if (nowMs - info.mtimeMs < maxAge) continue;
      const trash = join(root, `rota-db-trash-${randomBytes(6).toString('hex')}`);
      await rename(join(root, name), trash);
      await rm(trash, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Gone already (another process swept it) or not ours to remove: leave it.
    }
  }
  return removed;
}
