import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { connect } from './connect.js';
import { findFreePort, STATEMENT_STATISTICS_SETTINGS, startEmbeddedDatabase } from './embedded.js';
import { RotaDbError } from './errors.js';

const CHILD = fileURLToPath(new URL('../test-support/child-db.mjs', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/index.js', import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

async function startChild(mode?: string): Promise<{
  child: ReturnType<typeof spawn>;
  pid: number;
  dataDir: string;
}> {
  const child = spawn(process.execPath, [CHILD, ...(mode ? [mode] : [])], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk) => {
      buffer += String(chunk);
      if (buffer.includes('\n')) resolve(buffer.split('\n')[0] as string);
    });
    child.once('exit', (code) => reject(new Error(`child exited early (${code})`)));
  });
  const info = JSON.parse(line) as { pid: number; dataDir: string };
  return { child, ...info };
}

// Processes whose parent is `pid` (postgres's own workers), from /proc.
/** The POSIX shared-memory segments (`/dev/shm/PostgreSQL.*`) that these processes map. */
function sharedSegmentsOf(pids: number[]): string[] {
  const found = new Set<string>();
  for (const pid of pids) {
    try {
      for (const m of readFileSync(`/proc/${pid}/maps`, 'utf8').matchAll(
        /\/dev\/shm\/PostgreSQL\.\d+/g,
      ))
        found.add(m[0]);
    } catch {
      // Gone already.
    }
  }
  return [...found];
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) found.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

describe('startEmbeddedDatabase', () => {
  it('reports a taken port in one line naming it', async () => {
    const port = await findFreePort();
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      const error = await startEmbeddedDatabase({ port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RotaDbError);
      expect((error as Error).message).toBe(
        `Cannot start PostgreSQL: port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      blocker.close();
    }
  });

  it('keeps a persistent data dir across restarts and deletes nothing of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rota-db-persist-test-'));
    // The postgres user must be able to traverse the parent (mkdtemp makes it 0700).
    await chmod(dir, 0o755);
    const dataDir = join(dir, 'data');
    try {
      const first = await startEmbeddedDatabase({ dataDir, durable: false });
      const c1 = await connect(first.url);
      await c1.client`create table kept (n int)`;
      await c1.client`insert into kept values (7)`;
      await c1.close();
      await first.stop();
      expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
      const second = await startEmbeddedDatabase({ dataDir, durable: false });
      const c2 = await connect(second.url);
      expect(await c2.client`select n from kept`).toEqual([{ n: 7 }]);
      await c2.close();
      await second.stop();
      await second.stop(); // idempotent
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('stop() ends postgres and removes the temporary data dir', async () => {
    const db = await startEmbeddedDatabase();
    expect(alive(db.pid)).toBe(true);
    await db.stop();
    expect(alive(db.pid)).toBe(false);
    expect(existsSync(db.dataDir)).toBe(false);
  });

  it('passes settings to the server: statement statistics load pg_stat_statements', async () => {
    const db = await startEmbeddedDatabase({ settings: STATEMENT_STATISTICS_SETTINGS });
    const connection = await connect(db.url, { max: 1 });
    try {
      const [loaded] = await connection.client<{ libraries: string; query_id: string }[]>`
        select current_setting('shared_preload_libraries') as libraries,
               current_setting('compute_query_id') as query_id`;
      expect(loaded).toEqual({ libraries: 'pg_stat_statements', query_id: 'on' });
      await connection.client`create extension pg_stat_statements`;
      const [seen] = await connection.client<{ calls: number }[]>`
        select coalesce(sum(calls), 0)::int as calls from pg_stat_statements
        where query like 'select current_setting%'`;
      expect(seen?.calls).toBe(1);
    } finally {
      await connection.close();
      await db.stop();
    }
  });

  it('names a setting the server refuses', async () => {
    const error = await startEmbeddedDatabase({ settings: { no_such_setting: '1' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RotaDbError);
    expect((error as Error).message).toMatch(/no_such_setting/);
  });
});

describe('a postgres that does not stop', () => {
  it('is killed after 15 s and its shared memory removed (postgres only removes it itself)', async () => {
    const db = await startEmbeddedDatabase();
    const workers = childrenOf(db.pid);
    const segments = sharedSegmentsOf([db.pid]);
    expect(segments.length).toBeGreaterThan(0);
    // A stopped process cannot handle the fast-shutdown SIGINT: only the SIGKILL ends it.
    process.kill(db.pid, 'SIGSTOP');
    await db.stop();
    expect(alive(db.pid)).toBe(false);
    expect(segments.filter((segment) => existsSync(segment))).toEqual([]);
    expect(existsSync(db.dataDir)).toBe(false);
    // Its workers notice the postmaster's death and exit.
    expect(await waitFor(() => workers.filter(alive).length === 0, 10_000)).toBe(true);
  }, 40_000);
});

describe('no orphaned postgres when the parent dies', () => {
  if (!existsSync(DIST)) {
    it('needs the built package (pnpm build)', () => {
      expect.fail(`${DIST} is missing: run pnpm --filter @rota-perf/rota-db build first`);
    });
    return;
  }
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGKILL'] as const) {
    it(`parent ${signal}: postgres of that data dir is gone and the dir is deleted`, async () => {
      const { child, pid, dataDir } = await startChild();
      expect(alive(pid)).toBe(true);
      // Postgres removes its shared-memory segments on a clean shutdown only: the watchdog's
      // SIGINT (fast shutdown) must be what stops it, not a SIGKILL.
      const segments = sharedSegmentsOf([pid, ...childrenOf(pid)]);
      expect(segments.length).toBeGreaterThan(0);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
      // SIGKILL leaves the work to the watchdog, which polls once a second.
      expect(await waitFor(() => !alive(pid), 20_000)).toBe(true);
      expect(await waitFor(() => !existsSync(dataDir), 10_000)).toBe(true);
      expect(segments.filter((segment) => existsSync(segment))).toEqual([]);
    });
  }

  // The worst moment: postgres has exited and the folder is not removed yet (issue 16, item 4).
  for (const mode of ['die-after-postgres-stops', 'die-during-stop'] as const) {
    it(`owner SIGKILLed right after postgres stops (${mode}): folder removed, no postgres left`, async () => {
      const { child, pid, dataDir } = await startChild(mode);
      const workers = childrenOf(pid);
      expect(workers.length).toBeGreaterThan(0);
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.once('exit', (_code, signal) => resolve(signal)),
      );
      child.stdin?.write('go\n');
      expect(await exited).toBe('SIGKILL');
      expect(await waitFor(() => !existsSync(dataDir), 10_000)).toBe(true);
      expect(alive(pid)).toBe(false);
      expect(workers.filter(alive)).toEqual([]);
    });
  }
});
