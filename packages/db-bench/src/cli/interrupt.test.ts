import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from '@rota-perf/rota-db';
import { describe, expect, it } from 'vitest';
import { BIN_PATH } from '../test-support/run-bin.js';

// The postgres server a process started: a direct child named postgres, its -D dir and -p port.
function postgresChildOf(pid: number): { pid: number; dataDir: string; port: string } | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      if (!status.includes(`\nPPid:\t${pid}\n`)) continue;
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const d = argv.indexOf('-D');
      const p = argv.indexOf('-p');
      if (argv[0]?.endsWith('postgres') && d !== -1 && p !== -1) {
        return { pid: Number(entry), dataDir: argv[d + 1] as string, port: argv[p + 1] as string };
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

async function hasSyntheticUser(url: string): Promise<boolean> {
  try {
    const connection = await connect(url, { max: 1, connectTimeoutSeconds: 2 });
    try {
      const rows = await connection.client`select 1 from users where email = 'perf-db@example.com'`;
      return rows.length === 1;
    } finally {
      await connection.close();
    }
  } catch {
    return false; // not accepting connections or not migrated yet
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('interrupting db-bench (built command)', () => {
  it('SIGTERM stops the embedded PostgreSQL, removes its data dir and exits 105 (k6 and the README)', async () => {
    const child = spawn(
      process.execPath,
      [BIN_PATH, '--fixture', 'small', '--iterations', '1000000', '--warmup', '0'],
      { env: { ...process.env, DATABASE_URL: undefined }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      let server: ReturnType<typeof postgresChildOf> = null;
      for (let i = 0; i < 600 && server === null; i++) {
        await sleep(100);
        server = postgresChildOf(child.pid as number);
      }
      expect(server, 'postgres never started').not.toBeNull();
      // Wait until the synthetic user exists: the context is prepared, the cases are running.
      const url = `postgres://postgres:postgres@127.0.0.1:${server?.port}/postgres`;
      let prepared = false;
      for (let i = 0; i < 360 && !prepared; i++) {
        await sleep(250);
        prepared = await hasSyntheticUser(url);
      }
      expect(prepared, 'the run never reached its cases').toBe(true);
      child.kill('SIGTERM');
      expect(await exited).toBe(105);
      expect(stderr).toContain('db-bench: SIGTERM received, stopping cleanly');
      expect(stderr).toContain('db-bench: interrupted');
      expect(stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(`/proc/${server?.pid}`)).toBe(false);
      expect(existsSync(server?.dataDir as string)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  // SIGINT at moments spread over the start (database started, migrating, seeding) and the
  // cases; half to the process alone, half to its process group as a terminal's Ctrl-C does
  // (postgres got it too and shut down under the pool: `Cannot read properties of null
  // (reading 'write')` from the driver, exit 1).
  const DELAYS_MS = [0, 300, 700, 1200, 1800, 2500, 3200, 4000, 5000, 6500];
  it(`SIGINT at ${DELAYS_MS.length} moments: always exit 105, no stack trace, no postgres or data dir left`, async () => {
    const outcomes: string[] = [];
    for (const [i, delay] of DELAYS_MS.entries()) {
      const toGroup = i % 2 === 1;
      const child = spawn(
        process.execPath,
        [BIN_PATH, '--fixture', 'small', '--iterations', '1000000', '--warmup', '0'],
        {
          env: { ...process.env, DATABASE_URL: undefined },
          stdio: ['ignore', 'ignore', 'pipe'],
          detached: true, // its own process group, as a shell's foreground job
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      let server: ReturnType<typeof postgresChildOf> = null;
      try {
        // From postgres's start: a signal while node still loads its modules kills it the
        // default way (exit by signal), as for any program.
        while (server === null && child.exitCode === null) {
          await sleep(20);
          server = postgresChildOf(child.pid as number);
        }
        const until = Date.now() + delay;
        while (Date.now() < until) {
          await sleep(50);
          server ??= postgresChildOf(child.pid as number);
        }
        process.kill(toGroup ? -(child.pid as number) : (child.pid as number), 'SIGINT');
        const code = await exited;
        const trace = /\n\s+at |TypeError/.test(stderr);
        const left = server !== null && existsSync(`/proc/${server.pid}`);
        const folder = server !== null && existsSync(server.dataDir);
        outcomes.push(
          `${delay} ms ${toGroup ? 'group' : 'pid'}: exit ${code}${trace ? ' TRACE' : ''}${left ? ' POSTGRES LEFT' : ''}${folder ? ' DATA DIR LEFT' : ''}`,
        );
        if (code !== 105 || trace) outcomes.push(stderr);
      } finally {
        try {
          process.kill(-(child.pid as number), 'SIGKILL');
        } catch {
          // The group is gone already.
        }
      }
    }
    const expected = DELAYS_MS.map((d, i) => `${d} ms ${i % 2 === 1 ? 'group' : 'pid'}: exit 105`);
    expect(outcomes).toEqual(expected);
  }, 300_000);
});
