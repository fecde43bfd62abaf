// The facts of the machine and of the toolkit a run record names: host (taken when the run
// starts, so the load average is the one the run began with), tool version and git commit.
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { cpus, hostname, loadavg, platform, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { RunRecord } from '@rota-perf/core';
import { packageVersionOf } from '@rota-perf/core/node';
import { REPO_ROOT } from '../outputs.js';

/** The host as it is now. */
export function hostFacts(): RunRecord['host'] {
  const [one = 0, five = 0, fifteen = 0] = loadavg();
  return {
    hostname: hostname(),
    platform: platform(),
    cpus: cpus().length,
    cpu_model: cpus()[0]?.model.trim() || 'unknown',
    memory_bytes: totalmem(),
    load_average: [one, five, fifteen],
    node: process.version,
  };
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    }).trim();
  } catch {
    return null; // no git, or not a checkout: the record says null
  }
}

const same = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
};

/**
 * The commit of the toolkit's checkout; null when git is missing or the toolkit is not a
 * checkout of its own (installed inside someone else's repository: that commit is not ours).
 */
export function toolCommit(): string | null {
  const top = git(['rev-parse', '--show-toplevel']);
  if (top === null || !same(top, REPO_ROOT)) return null;
  return git(['rev-parse', 'HEAD']);
}

/** rota-perf's name, version (the cli package's) and commit. */
export function toolFacts(): RunRecord['tool'] {
  const version = packageVersionOf(fileURLToPath(import.meta.url)) ?? 'unknown';
  return { name: 'rota-perf', version, git_commit: toolCommit() };
}
