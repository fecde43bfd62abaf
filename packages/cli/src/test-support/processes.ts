// Process-table helpers for the interrupt test: which processes descend from a pid, and
// whether they are still alive afterwards (pid reuse is told apart by start time).
import { readdirSync, readFileSync } from 'node:fs';

/** A process seen in /proc. */
export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** Start time in clock ticks after boot (field 22 of /proc/<pid>/stat). */
  start: string;
  state: string;
  cmdline: string;
}

function readEntry(pid: number): ProcessEntry | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may contain spaces and parentheses: fields follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    return {
      pid,
      ppid: Number(fields[1]),
      state: fields[0] ?? '',
      start: fields[19] ?? '',
      cmdline,
    };
  } catch {
    return null;
  }
}

/** Every process whose ancestry includes `root` (root excluded). */
export function descendantsOf(root: number): ProcessEntry[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readEntry(Number(name)))
    .filter((e): e is ProcessEntry => e !== null);
  const children = new Map<number, ProcessEntry[]>();
  for (const e of all) children.set(e.ppid, [...(children.get(e.ppid) ?? []), e]);
  const found: ProcessEntry[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

/** True when the same process (same pid and start time) still runs (zombies count as gone). */
export function stillRunning(entry: ProcessEntry): boolean {
  const now = readEntry(entry.pid);
  return now !== null && now.start === entry.start && now.state !== 'Z';
}

/**
 * The entries still running after up to `timeoutMs`. A short grace is needed: rota-db's
 * orphan watchdog (`while kill -0 <pid>; do sleep 1; done`) notices its parent's exit within a
 * second, so its last `sleep 1` may outlive the command briefly.
 */
export async function survivorsAfter(
  entries: ProcessEntry[],
  timeoutMs: number,
): Promise<ProcessEntry[]> {
  const deadline = Date.now() + timeoutMs;
  let left = entries.filter(stillRunning);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    left = left.filter(stillRunning);
  }
  return left;
}
