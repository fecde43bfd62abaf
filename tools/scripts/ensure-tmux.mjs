#!/usr/bin/env node
// rota-perf's live progress is tested on a real terminal: a tmux pane (packages/cli,
// progress.e2e.test.ts). On a fresh Debian machine (as root) install Debian's tmux so that
// `pnpm test` works as the README says; elsewhere, say what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

try {
  execFileSync('tmux', ['-V'], { stdio: 'ignore' });
  process.exit(0);
} catch {
  // not installed: install it below
}

const canApt =
  process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  console.error(
    'tmux not found: install it (Debian: apt-get install tmux, macOS: brew install tmux).',
  );
  process.exit(1);
}
console.log('Installing Debian tmux for the live-progress terminal test…');
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
execFileSync('apt-get', ['install', '-y', '-qq', 'tmux'], { stdio: 'inherit', env });
