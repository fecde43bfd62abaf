import { type ChildProcess, spawn } from 'node:child_process';

const running = new Set<ChildProcess>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

// Fast shutdown of every postgres we started; synchronous so it also works in 'exit'.
function stopAll(): void {
  for (const child of running) child.kill('SIGINT');
}

function onSignal(signal: NodeJS.Signals): void {
  stopAll();
  // If nobody else handles this signal, keep the default behaviour: die by it.
  if (process.listenerCount(signal) === 1) {
    uninstall();
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', stopAll);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', stopAll);
  for (const s of SIGNALS) process.off(s, onSignal);
}

/**
 * Ties a postgres child to this process: stopped on exit and on SIGINT/SIGTERM/SIGHUP, and —
 * through a detached watchdog shell — even when this process is SIGKILLed. Returns `release`,
 * which ends the watchdog.
 *
 * With a `tempDir` the watchdog also removes that folder once postgres is gone, so the owner
 * must call `release` only after it has removed the folder itself: releasing first (as on
 * postgres's exit) left a window in which a second Ctrl-C killed the owner mid-removal and the
 * folder stayed in /dev/shm. Without one, the watchdog ends with postgres.
 */
export function guardChild(child: ChildProcess, tempDir?: string): () => void {
  running.add(child);
  install();
  const cleanupDir = tempDir
    ? `; while kill -0 ${child.pid} 2>/dev/null; do sleep 0.2; done; rm -rf '${tempDir}'`
    : '';
  const watchdog = spawn(
    'sh',
    [
      '-c',
      `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -INT ${child.pid} 2>/dev/null${cleanupDir}`,
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.on('error', () => {}); // no sh: signal handlers still cover the common cases
  watchdog.unref();
  const forget = () => {
    running.delete(child);
    if (running.size === 0) uninstall();
  };
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    forget();
    if (watchdog.exitCode === null) watchdog.kill('SIGKILL');
  };
  child.once('exit', tempDir ? forget : release);
  return release;
}
