// Every process the kit starts stops when its parent goes away: the one guard for child
// processes (postgres, the reference API, node-runner's engine process, the k6 binary).
import { type ChildProcess, spawn } from 'node:child_process';

/** How a guarded child is stopped once its parent is gone. */
export interface GuardOptions {
  /** The signal that asks the child to stop (default SIGTERM; postgres: SIGINT, fast shutdown). */
  stopSignal?: NodeJS.Signals;
  /**
   * After the stop signal, the watchdog sends SIGKILL if the child still runs this long after
   * (a child whose event loop is blocked never handles the stop signal). Default: never.
   */
  killAfterMs?: number;
  /**
   * A folder the watchdog removes once the child is gone. The owner must then call `release`
   * only after it has removed the folder itself: releasing first left a window in which a second
   * Ctrl-C killed the owner mid-removal and the folder stayed (in /dev/shm).
   */
  tempDir?: string;
}

const guarded = new Map<ChildProcess, NodeJS.Signals>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

// Synchronous, so it also runs in 'exit': process.exit (a second Ctrl-C) stops the children first.
function stopAll(): void {
  for (const [child, signal] of guarded) child.kill(signal);
}

function onSignal(signal: NodeJS.Signals): void {
  // Someone else handles this signal (a bin's orderly stop): it stops its children in order
  // (a database pool before its database); 'exit' and the watchdog cover the rest.
  if (process.listenerCount(signal) > 1) return;
  // Nobody does: keep the default behaviour, die by the signal, children first.
  stopAll();
  uninstall();
  process.kill(process.pid, signal);
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
 * How long an engine child (node-runner's process, k6) may take to stop once its parent is gone
 * (abort, teardown, handleSummary writing the partial results) before its watchdog kills it.
 */
export const ENGINE_STOP_GRACE_MS = 5000;

const quoted = (path: string) => `'${path.replace(/'/g, `'\\''`)}'`;
// `alive PID`: the process exists and is not a zombie. `kill -0` succeeds on a zombie, and an
// orphan whose parent was SIGKILLed can stay one for a while where PID 1 reaps late (containers),
// so the watchdog would wait on a process that is gone. Builtins only: it runs every tick.
const ALIVE = `alive() { read -r s 2>/dev/null </proc/$1/stat || return 1; s=\${s##*') '}; [ "\${s%% *}" != Z ]; }`;
const waitForParent = (parentPid: number) => `while alive ${parentPid}; do sleep 1; done`;

/** The shell loop of the watchdog: wait for this process to go, then stop the child. */
export function watchdogScript(parentPid: number, childPid: number, options: GuardOptions): string {
  const steps = [
    ALIVE,
    waitForParent(parentPid),
    `kill -${(options.stopSignal ?? 'SIGTERM').replace(/^SIG/, '')} ${childPid} 2>/dev/null`,
  ];
  if (options.killAfterMs !== undefined) {
    const ticks = Math.max(1, Math.ceil(options.killAfterMs / 200));
    steps.push(
      `i=0; while alive ${childPid} && [ $i -lt ${ticks} ]; do sleep 0.2; i=$((i+1)); done`,
      `kill -KILL ${childPid} 2>/dev/null`,
    );
  }
  if (options.tempDir !== undefined) {
    steps.push(`while alive ${childPid}; do sleep 0.2; done`, `rm -rf ${quoted(options.tempDir)}`);
  }
  return steps.join('; ');
}

/**
 * Ties a child to this process: stopped when this process exits (process.exit included), on
 * SIGINT/SIGTERM/SIGHUP that nobody else handles, and — through a detached watchdog shell that
 * polls this process every second — even when this process is SIGKILLed or its event loop is
 * stuck. Returns `release`, which ends the watchdog (called by itself when the child exits,
 * unless a `tempDir` is to be removed).
 */
export function guardChild(child: ChildProcess, options: GuardOptions = {}): () => void {
  if (child.pid === undefined) return () => {};
  guarded.set(child, options.stopSignal ?? 'SIGTERM');
  install();
  const watchdog = startWatchdog(watchdogScript(process.pid, child.pid, options));
  const forget = () => {
    guarded.delete(child);
    if (guarded.size === 0) uninstall();
  };
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    forget();
    if (watchdog.exitCode === null) watchdog.kill('SIGKILL');
  };
  child.once('exit', options.tempDir !== undefined ? forget : release);
  return release;
}

/** Starts a watchdog shell that outlives this process (its own process group, not waited for). */
function startWatchdog(script: string): ChildProcess {
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.on('error', () => {}); // no sh: the exit and signal handlers still cover most cases
  watchdog.unref();
  return watchdog;
}

/** The shell loop of a folder's watchdog: wait for this process to go, then for `afterMs`, then remove it. */
export function tempDirWatchdogScript(parentPid: number, dir: string, afterMs: number): string {
  return [
    ALIVE,
    waitForParent(parentPid),
    `sleep ${Math.ceil(afterMs / 1000)}`,
    `rm -rf ${quoted(dir)}`,
  ].join('; ');
}

/**
 * Removes a temporary folder of this process should it die without removing it (SIGKILL):
 * `afterMs` after it is gone, the time its guarded children may still write into the folder
 * before their own watchdogs kill them. Returns `release`, to call once the folder is removed.
 */
export function guardTempDir(dir: string, afterMs: number): () => void {
  const watchdog = startWatchdog(tempDirWatchdogScript(process.pid, dir, afterMs));
  return () => {
    if (watchdog.exitCode === null) watchdog.kill('SIGKILL');
  };
}
