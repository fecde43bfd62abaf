// A terminal for tests: the command runs in a detached tmux session on a private socket (the
// user's tmux is never touched), the pane is read as a user would see it. tmux is part of
// the test setup (tools/scripts/ensure-tmux.mjs); its absence is an error, not a skip.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from './run-cli.js';

/** A command running in a tmux pane. */
export interface TmuxPane {
  /** The pane's text now. */
  capture(): string;
  /** Resolves once the pane matches (rejects after timeoutMs). */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Ends the session and its server. */
  close(): void;
}

function tmux(socket: string, args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
}

/** Runs `rota-perf <args>` (env added) in a `width`×`height` pane; `dir` holds its script. */
export function startInTmux(
  args: string[],
  env: Record<string, string>,
  dir: string,
  size = { width: 120, height: 40 },
): TmuxPane {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
  } catch {
    throw new Error('tmux is missing: run node tools/scripts/ensure-tmux.mjs (CI does)');
  }
  const socket = `rota-perf-test-${process.pid}-${Date.now()}`;
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const script = join(dir, 'run-in-tmux.sh');
  const exports = Object.entries({ NO_COLOR: '1', ...env })
    .map(([k, v]) => `export ${k}=${quote(v)}`)
    .join('\n');
  // The pane stays open after the command so its last screen can be read.
  writeFileSync(
    script,
    `#!/bin/sh\nunset BASE_URL DATABASE_URL\n${exports}\n${quote(process.execPath)} ${quote(BIN)} ${args.map(quote).join(' ')}\necho "[exit $?]"\nsleep 120\n`,
    { mode: 0o755 },
  );
  tmux(socket, [
    'new-session',
    '-d',
    '-s',
    'run',
    '-x',
    String(size.width),
    '-y',
    String(size.height),
    script,
  ]);
  const capture = () => tmux(socket, ['capture-pane', '-p', '-t', 'run']);
  return {
    capture,
    async waitFor(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = capture();
        if (pattern.test(text)) return text;
        if (Date.now() > deadline) throw new Error(`no ${pattern} in the pane:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close() {
      try {
        tmux(socket, ['kill-server']);
      } catch {
        // already gone
      }
    },
  };
}
