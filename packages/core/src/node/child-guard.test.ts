// A parent process guards a child and is then SIGKILLed or exits: the child must go too.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirWatchdogScript, watchdogScript } from './child-guard.js';

const GUARD = fileURLToPath(new URL('../../dist/node/child-guard.js', import.meta.url));

// A zombie counts as gone: the container's init may take its time to reap an orphan.
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

async function goneWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (alive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return !alive(pid);
}

/**
 * Starts a parent that spawns `childCode` guarded with `options`, prints the child's pid, then
 * runs `then` (its event loop stays free, or it exits).
 */
async function startParent(childCode: string, options: object, then = '') {
  const code = `
    import { spawn } from 'node:child_process';
    import { guardChild } from ${JSON.stringify(GUARD)};
    const child = spawn(process.execPath, ['-e', ${JSON.stringify(childCode)}], { stdio: 'ignore' });
    guardChild(child, ${JSON.stringify(options)});
    console.log(child.pid);
    setInterval(() => {}, 1000);
    ${then}`;
  const parent = spawn(process.execPath, ['--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const childPid = await new Promise<number>((resolve, reject) => {
    parent.stdout.once('data', (chunk) => resolve(Number(String(chunk).trim())));
    parent.once('exit', () => reject(new Error('parent exited early')));
  });
  // Let the child start its loop (and install its handlers) before the parent goes.
  await new Promise((r) => setTimeout(r, 300));
  return { parent, childPid };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rota-guard-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('guardChild', () => {
  it('a SIGKILLed parent: the watchdog stops the child with its stop signal', async () => {
    const { parent, childPid } = await startParent('setInterval(() => {}, 1000)', {});
    parent.kill('SIGKILL');
    expect(await goneWithin(childPid, 3000)).toBe(true);
  });

  it('a child whose event loop is blocked is killed after killAfterMs', async () => {
    const { parent, childPid } = await startParent('for (;;) {}', { killAfterMs: 300 });
    parent.kill('SIGKILL');
    expect(await goneWithin(childPid, 4000)).toBe(true);
  });

  it('process.exit in the parent (a second Ctrl-C) stops the child before it exits', async () => {
    const { parent, childPid } = await startParent(
      'setInterval(() => {}, 1000)',
      {},
      'setTimeout(() => process.exit(105), 1000);',
    );
    await new Promise((r) => parent.once('exit', r));
    // No watchdog poll needed: the exit handler sent SIGTERM synchronously.
    expect(await goneWithin(childPid, 500)).toBe(true);
  });

  it('with a tempDir, the watchdog removes the folder once the child is gone', async () => {
    const folder = await mkdtemp(join(dir, 'data-'));
    const { parent, childPid } = await startParent('setInterval(() => {}, 1000)', {
      tempDir: folder,
    });
    parent.kill('SIGKILL');
    expect(await goneWithin(childPid, 3000)).toBe(true);
    const deadline = Date.now() + 2000;
    while (existsSync(folder) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(folder)).toBe(false);
  });

  it('guardTempDir: the folder goes afterMs after its SIGKILLed owner, not before', async () => {
    const folder = await mkdtemp(join(dir, 'scratch-'));
    const code = `
      import { guardTempDir } from ${JSON.stringify(GUARD)};
      guardTempDir(${JSON.stringify(folder)}, 2000);
      console.log('guarded');
      setInterval(() => {}, 1000);`;
    const owner = spawn(process.execPath, ['--input-type=module', '-e', code], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve) => owner.stdout.once('data', resolve));
    owner.kill('SIGKILL');
    const killedAt = Date.now();
    while (existsSync(folder) && Date.now() - killedAt < 6000)
      await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(folder)).toBe(false);
    // Not before the children's time to stop has passed.
    expect(Date.now() - killedAt).toBeGreaterThanOrEqual(1900);
  });

  it('quotes the folder for the shell', () => {
    expect(tempDirWatchdogScript(1, "/tmp/a'b", 500)).toContain(
      `while alive 1; do sleep 1; done; sleep 1; rm -rf '/tmp/a'\\''b'`,
    );
    expect(watchdogScript(1, 2, { tempDir: "/tmp/a'b" })).toContain(`rm -rf '/tmp/a'\\''b'`);
    expect(watchdogScript(1, 2, { stopSignal: 'SIGINT' })).toContain('kill -INT 2');
  });
});
