import { exitCodeFor } from '@rota-perf/core';
import { type BootedApi, type BootOptions, bootRotaApi } from '../boot.js';

// Entry of the child process that `startRotaApi` spawns. Options arrive as JSON in an env
// variable; readiness and errors go to the parent over IPC. The child exits when the parent
// asks, on SIGINT/SIGTERM, and when the IPC channel closes (the parent died).
const OPTIONS_VAR = 'ROTA_API_CHILD_OPTIONS';

function send(message: Record<string, unknown>): void {
  if (process.connected) process.send?.(message);
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env[OPTIONS_VAR] ?? '{}') as BootOptions;
  delete process.env[OPTIONS_VAR];
  let api: BootedApi | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      await api?.shutdown();
    } finally {
      process.exit(code);
    }
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  process.on('disconnect', () => void stop(0));
  process.on('message', (message: { type?: string }) => {
    if (message?.type === 'stop') void stop(0);
  });
  try {
    api = await bootRotaApi({ ...options, env: { ...process.env, ...options.env } });
  } catch (error) {
    // The exit code travels with the message: a bad setting stays exit 2 in the parent.
    send({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      exitCode: exitCodeFor(error),
    });
    process.exit(1);
  }
  if (stopping) return void (await api.shutdown());
  send({ type: 'ready', url: api.url, databaseUrl: api.databaseUrl, pid: process.pid });
}

void main();
