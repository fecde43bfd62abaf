import { spawn } from 'node:child_process';
import { request } from 'node:https';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startRotaApi } from './start.js';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntilDead(pid: number, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!isAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isAlive(pid);
}

function httpsStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startRotaApi', () => {
  it('serves the small fixture from a child process over HTTPS and stops it with its database', async () => {
    const api = await startRotaApi({ tls: true, port: 0 });
    try {
      expect(api.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(api.pid).not.toBe(process.pid);
      expect(isAlive(api.pid)).toBe(true);
      expect(api.databaseUrl).toMatch(/^postgres:\/\//);
      expect(await httpsStatus(`${api.url}/healthz`)).toBe(200);
      expect(await httpsStatus(`${api.url}/trails/`)).toBe(200);
      // Verification must fail for the self-signed certificate.
      await expect(fetch(`${api.url}/healthz`)).rejects.toThrow();
    } finally {
      await api.stop();
    }
    expect(await waitUntilDead(api.pid, 5000)).toBe(true);
  });

  it('the child shuts down when its parent dies', async () => {
    const script = `
      import { startRotaApi } from ${JSON.stringify(new URL('./start.ts', import.meta.url).href.replace('/src/start.ts', '/dist/start.js'))};
      const api = await startRotaApi();
      process.stdout.write(JSON.stringify({ pid: api.pid }) + '\\n');
      setInterval(() => {}, 1000);
    `;
    const parent = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const line = await new Promise<string>((resolve, reject) => {
      parent.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
      parent.once('exit', (code) => reject(new Error(`parent exited early (${code})`)));
    });
    const { pid } = JSON.parse(line) as { pid: number };
    expect(isAlive(pid)).toBe(true);
    parent.kill('SIGKILL');
    expect(await waitUntilDead(pid, 15_000)).toBe(true);
  });
});
