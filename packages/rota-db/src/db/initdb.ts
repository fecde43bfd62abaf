import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import {
  access,
  chmod,
  chown,
  mkdir,
  mkdtemp,
  readdir,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** uid/gid the cluster files must belong to (empty when not root). */
export type Owner = { uid?: number; gid?: number };
/** Receives initdb/postgres output. */
export type LogSink = (chunk: Buffer | string) => void;

/**
 * Where temporary clusters live: ROTA_DB_TMPDIR, else /dev/shm when writable (a throwaway
 * cluster in RAM starts in well under a second even when the disk is busy), else os.tmpdir().
 */
export async function tempRoot(): Promise<string> {
  const fromEnv = process.env.ROTA_DB_TMPDIR;
  if (fromEnv) return fromEnv;
  try {
    await access('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

export async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(dataDir)).includes('PG_VERSION');
  } catch {
    return false;
  }
}

// cp -a keeps the postgres user's ownership and the 0700 mode that postgres insists on.
export async function copyDir(from: string, to: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn('cp', ['-a', `${from}/.`, to], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr?.on('data', (c) => {
      err += String(c);
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`cp -a failed: ${err.trim()}`)),
    );
  });
  const info = await stat(from);
  await chown(to, info.uid, info.gid);
  await chmod(to, 0o700);
}

export async function initialise(
  initdb: string,
  dataDir: string,
  user: string,
  password: string,
  owner: Owner,
  env: NodeJS.ProcessEnv,
  record: LogSink,
  fast: boolean,
): Promise<void> {
  const pwDir = await mkdtemp(join(tmpdir(), 'rota-db-pw-'));
  const pwFile = join(pwDir, 'pw');
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await writeFile(pwFile, `${password}\n`, { mode: 0o600 });
    if (owner.uid !== undefined) {
      await chown(dataDir, owner.uid, owner.gid ?? owner.uid);
      await chown(pwDir, owner.uid, owner.gid ?? owner.uid);
      await chown(pwFile, owner.uid, owner.gid ?? owner.uid);
    }
    const args = [
      `--pgdata=${dataDir}`,
      `--username=${user}`,
      `--pwfile=${pwFile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--wal-segsize=1',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--no-instructions',
      // A throwaway cluster needs no fsync at the end of initdb (seconds on a loaded machine).
      ...(fast ? ['--no-sync'] : []),
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(initdb, args, { ...owner, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout?.on('data', record);
      child.stderr?.on('data', record);
      child.once('error', reject);
      child.once('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb exited with code ${code}`)),
      );
    });
  } finally {
    await rm(pwDir, { recursive: true, force: true });
  }
}
