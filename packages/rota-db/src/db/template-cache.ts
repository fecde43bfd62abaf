import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { initialise, isInitialised, type LogSink, type Owner } from './initdb.js';

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

/** The names in the temp root; none when it cannot be read (not made yet, or not ours). */
async function entriesOf(root: string): Promise<string[]> {
  try {
    return await readdir(root);
  } catch {
    return [];
  }
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
  for (const name of await entriesOf(root)) {
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

const CLUSTER_PREFIX = 'rota-db-';
/** A temporary cluster younger than this may still be being copied (no postmaster.pid yet). */
const STARTING_CLUSTER_MS = 2 * 60 * 1000;

/** Whether the postgres named in a cluster's postmaster.pid still runs. */
async function clusterRunning(dir: string): Promise<boolean> {
  try {
    const pid = Number((await readFile(join(dir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists under another user (postgres runs as `postgres` under root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `pnpm clean:temp`: removes every rota-db folder in the temp root that no running server
 * uses — the cached templates (the next start makes one again, in about a second), staging
 * and trash folders, and temporary clusters whose postgres is gone (a process killed
 * mid-removal). Returns the names it removed.
 */
export async function removeTemporaryClusters(root: string, nowMs = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await entriesOf(root)) {
    if (!name.startsWith(CLUSTER_PREFIX)) continue;
    const dir = join(root, name);
    try {
      const cached = name.startsWith(TEMPLATE_PREFIX) || name.startsWith(STAGING_PREFIX);
      if (!cached) {
        if (await clusterRunning(dir)) continue;
        if (nowMs - (await stat(dir)).mtimeMs < STARTING_CLUSTER_MS) continue;
      }
      await rm(dir, { recursive: true, force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
  return removed;
}

// One initialised cluster per (binary version, user, password) in the temp root, created
// atomically and shared by every checkout (named and swept as above).
export async function ensureTemplate(
  root: string,
  bins: { initdb: string; version: string },
  user: string,
  password: string,
  owner: Owner,
  env: NodeJS.ProcessEnv,
  record: LogSink,
): Promise<string> {
  const name = templateName(bins.version, user, password);
  const template = join(root, name);
  await sweepOnce(root, name);
  if (!(await isInitialised(template)))
    await adoptLegacyTemplate(root, bins.initdb, user, password, template);
  if (await isInitialised(template)) {
    await markUsed(template);
    return template;
  }
  const staging = await mkdtemp(join(root, 'rota-db-staging-'));
  try {
    await initialise(bins.initdb, staging, user, password, owner, env, record, true);
    await rename(staging, template);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another process may have won the race; its template is as good as ours.
    if (await isInitialised(template)) return template;
    throw error;
  }
  return template;
}

const swept = new Set<string>();

// Once per process and root: a start should not pay for a directory scan every time.
async function sweepOnce(root: string, keep: string): Promise<void> {
  if (swept.has(root)) return;
  swept.add(root);
  await sweepStaleTemplates(root, keep);
}

// This checkout's template under the earlier per-checkout name (same binaries): renamed to the
// shared name rather than initialising a second one beside it.
async function adoptLegacyTemplate(
  root: string,
  initdb: string,
  user: string,
  password: string,
  template: string,
): Promise<void> {
  const legacy = join(root, legacyTemplateName(initdb, user, password));
  if (await isInitialised(legacy)) await rename(legacy, template).catch(() => {});
}
