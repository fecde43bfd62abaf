import { describe, expect, it } from 'vitest';
import { spawnWithAbort } from './spawn.js';

describe('spawnWithAbort', () => {
  it('with onLine, hands over every line of both streams before it settles', async () => {
    const lines: string[] = [];
    const script =
      'for (let i = 0; i < 500; i++) console.log("out " + i); console.error("err last"); process.exitCode = 3;';
    const ended = await spawnWithAbort(process.execPath, ['-e', script], {
      onLine: (line, channel) => lines.push(`${channel}:${line}`),
    });
    expect(ended).toEqual({ code: 3, signal: null });
    expect(lines.filter((l) => l.startsWith('stdout:'))).toEqual(
      Array.from({ length: 500 }, (_, i) => `stdout:out ${i}`),
    );
    expect(lines.filter((l) => l.startsWith('stderr:'))).toEqual(['stderr:err last']);
  });

  it('an abort passes Ctrl-C on to the child', async () => {
    const controller = new AbortController();
    const run = spawnWithAbort(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], {
      signal: controller.signal,
      onLine: () => {},
    });
    setTimeout(() => controller.abort(), 200);
    expect(await run).toEqual({ code: null, signal: 'SIGINT' });
  });
});
