import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createProcfsSource, parseProcStat } from './procfs.js';

const onLinux = process.platform === 'linux';

describe('parseProcStat', () => {
  it('reads a name with spaces and parentheses', () => {
    const fields = Array.from({ length: 50 }, (_, i) => String(i + 3));
    fields[0] = 'S';
    const stat = parseProcStat(`123 (my (odd) name) ${fields.join(' ')}`);
    expect(stat).toMatchObject({ pid: 123, name: 'my (odd) name', state: 'S', ppid: 4 });
    // utime (14) + stime (15), start (22), vsize (23), rss pages (24): field n holds n here.
    expect(stat).toMatchObject({ cpuTicks: 14 + 15, startTicks: 22, vmsBytes: 23, rssPages: 24 });
  });

  it('returns null for text that is not a stat line', () => {
    expect(parseProcStat('garbage')).toBeNull();
  });
});

describe.runIf(onLinux)('createProcfsSource on this machine', () => {
  it('reads this process: pid, parent, RSS close to what Node reports', async () => {
    const own = parseProcStat(await readFile('/proc/self/stat', 'utf8'));
    expect(own?.pid).toBe(process.pid);
    expect(own?.ppid).toBe(process.ppid);

    const source = createProcfsSource();
    const usage = (await source.readUsage([process.pid])).get(process.pid);
    const rss = process.memoryUsage().rss;
    expect(usage).toBeDefined();
    expect(Math.abs((usage?.rssBytes ?? 0) - rss)).toBeLessThan(rss * 0.2);
    expect(usage?.vmsBytes).toBeGreaterThan(usage?.rssBytes ?? 0);
    expect(usage?.cpuPercent).toBeGreaterThanOrEqual(0);
  });

  it('lists processes with full command lines and omits pids that do not exist', async () => {
    const source = createProcfsSource();
    const self = (await source.listProcesses()).find((x) => x.pid === process.pid);
    const expected = [process.argv[0], ...process.execArgv, ...process.argv.slice(1)].join(' ');
    expect(self?.command).toBe(expected);
    expect(self?.ppid).toBe(process.ppid);
    expect((await source.readUsage([2 ** 22 + 1])).size).toBe(0);
  });

  it('treats a zombie as gone: not listed, no usage', async () => {
    // sh starts a short child, then becomes `sleep`, which never reaps it: a real zombie.
    const parent = spawn('sh', ['-c', 'sleep 0.05 & echo $!; exec sleep 3'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const zombie = await new Promise<number>((resolve) =>
        parent.stdout.once('data', (d) => resolve(Number(String(d).trim()))),
      );
      let state = '';
      for (let i = 0; i < 40 && state !== 'Z'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        state = parseProcStat(await readFile(`/proc/${zombie}/stat`, 'utf8'))?.state ?? '';
      }
      expect(state).toBe('Z');
      const source = createProcfsSource();
      expect((await source.readUsage([zombie])).size).toBe(0);
      expect((await source.listProcesses()).map((p) => p.pid)).not.toContain(zombie);
      expect((await source.listProcesses()).map((p) => p.pid)).toContain(parent.pid);
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
