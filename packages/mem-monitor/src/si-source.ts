// Portable fallback over systeminformation. processes() runs `ps` (and on Linux a `cat` of
// every /proc/<pid>/stat) per call and caches its answer for 500 ms, so it is heavy: the
// monitor only uses it where /proc is missing. See docs/benchmarks.md, section mem-monitor.
import si from 'systeminformation';
import type { ProcessInfo, ProcessSource, ProcessUsage } from './types.js';

type SiProcess = Awaited<ReturnType<typeof si.processes>>['list'][number];

function commandLineOf(p: SiProcess): string {
  const executable = p.path ? `${p.path}/${p.command}` : p.command;
  return p.params ? `${executable} ${p.params}` : executable;
}

/** A ProcessSource over systeminformation's processes() (any platform it supports). */
export function createSystemInformationSource(): ProcessSource {
  return {
    name: 'systeminformation',
    async listProcesses(): Promise<ProcessInfo[]> {
      const { list } = await si.processes();
      return list
        .filter((p) => p.state !== 'zombie')
        .map((p) => ({
          pid: p.pid,
          ppid: p.parentPid,
          name: p.name,
          command: commandLineOf(p),
        }));
    },
    async readUsage(pids: readonly number[]): Promise<Map<number, ProcessUsage>> {
      const wanted = new Set(pids);
      const usage = new Map<number, ProcessUsage>();
      const { list } = await si.processes();
      for (const p of list) {
        if (!wanted.has(p.pid) || p.state === 'zombie') continue;
        usage.set(p.pid, {
          pid: p.pid,
          name: p.name,
          // ps reports kilobytes.
          rssBytes: p.memRss * 1024,
          vmsBytes: p.memVsz * 1024,
          cpuPercent: p.cpu,
        });
      }
      return usage;
    },
  };
}
