import { type ChildProcess, fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { guardChild } from '@rota-perf/core/node';
import type { BootOptions } from './boot.js';

/** Options of `startRotaApi`. */
export type StartOptions = BootOptions & {
  /** Milliseconds to wait for readiness (default 300 000: seeding the large fixture takes ~1 min on a busy 2-core machine). */
  startTimeoutMs?: number;
};

/** A Rota API running in a child process. */
export interface StartedRotaApi {
  url: string;
  /** Pid of the child Node process that serves HTTP (for memory monitoring). */
  pid: number;
  databaseUrl: string;
  /** Stops the server and its embedded database, then waits for the child to exit. */
  stop(): Promise<void>;
}

// From dist the compiled child sits beside this file; from src (tests) use the built one.
function childEntry(): string {
  const local = fileURLToPath(new URL('./child/main.js', import.meta.url));
  if (existsSync(local)) return local;
  return fileURLToPath(new URL('../dist/child/main.js', import.meta.url));
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts the Rota API in a child Node process (its own event loop; `pid` can be monitored).
 * Without `databaseUrl` the child starts an embedded PostgreSQL with the `small` fixture.
 */
export function startRotaApi(options: StartOptions = {}): Promise<StartedRotaApi> {
  const { startTimeoutMs = 300_000, ...boot } = options;
  const child = fork(childEntry(), [], {
    env: { ...process.env, ROTA_API_CHILD_OPTIONS: JSON.stringify(boot) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // The parent's flags (loaders, --input-type, inspector) must not leak into the server.
    execArgv: [],
  });
  // Stopped with this process, even SIGKILLed ('disconnect' in the child, and the watchdog);
  // a server stuck past its shutdown deadline is killed (its postgres has its own guard).
  guardChild(child, { stopSignal: 'SIGTERM', killAfterMs: 20_000 });
  const stop = async () => {
    if (child.connected) child.send({ type: 'stop' });
    else child.kill('SIGTERM');
    await waitForExit(child, 15_000);
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`rota-api did not become ready within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.on(
      'message',
      (message: { type?: string; url?: string; databaseUrl?: string; message?: string }) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          // Do not keep the parent alive just for the child; when the parent exits the IPC
          // channel closes and the child shuts itself (and its database) down.
          child.unref();
          child.channel?.unref();
          resolve({
            url: message.url ?? '',
            pid: child.pid ?? 0,
            databaseUrl: message.databaseUrl ?? '',
            stop,
          });
        } else if (message.type === 'error') {
          clearTimeout(timer);
          reject(new Error(`rota-api failed to start: ${message.message}`));
        }
      },
    );
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`rota-api exited before it was ready (code ${code}, signal ${signal})`));
    });
  });
}
