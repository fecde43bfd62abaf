// npm as a user runs it, but configured for one registry and one throw-away cache: nothing
// from the developer's ~/.npmrc or from the pnpm script that started the test leaks in.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** A child's output and how long it took. */
export interface Finished {
  stdout: string;
  stderr: string;
  milliseconds: number;
}

/** A child that failed: the message names the command; stdout is kept for callers that parse it. */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly stdout: string,
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

/** One npm/pnpm/node call may take this long before it is killed. */
export const CALL_TIMEOUT_MS = 120_000;

/** Runs `file args` in `cwd`; rejects with the command and its output when it fails. */
export function runTool(
  file: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<Finished> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: CALL_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) {
          const output = `${stdout}\n${stderr}`.trim();
          const message = `${file} ${args.join(' ')} failed in ${options.cwd}:\n${output}`;
          reject(new ToolError(message, stdout));
          return;
        }
        resolve({ stdout, stderr, milliseconds: performance.now() - started });
      },
    );
  });
}

/** Where third-party dependencies come from (this project's machines and CI reach it). */
export const PUBLIC_REGISTRY = 'https://registry.npmjs.org/';

/**
 * The environment npm runs in: ours, minus npm/pnpm settings inherited from the test runner,
 * with the .npmrc of writeNpmrc and a cache of its own in `folder`.
 */
export function npmEnvironment(folder: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(npm|pnpm)_/i.test(key)) env[key] = value;
  }
  return {
    ...env,
    npm_config_registry: PUBLIC_REGISTRY,
    npm_config_userconfig: join(folder, '.npmrc'),
    npm_config_cache: join(folder, 'npm-cache'),
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // Keep `resolved` in package-lock.json: it shows which registry each package came from.
    npm_config_omit_lockfile_registry_resolved: 'false',
  };
}

/**
 * Writes the .npmrc of npmEnvironment: `scope` from the local registry. npm refuses to publish
 * without a token for the registry; verdaccio lets anyone publish our scope, so any will do.
 */
export async function writeNpmrc(folder: string, scope: string, registry: string): Promise<void> {
  const host = registry.replace(/^https?:/, '');
  const lines = [`${scope}:registry=${registry}`, `${host}:_authToken=anonymous`];
  await writeFile(join(folder, '.npmrc'), `${lines.join('\n')}\n`);
}
