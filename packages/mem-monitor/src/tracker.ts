// Finds the target processes and reads their usage, one step per sample. The process table
// is listed only while waiting for a match and, with includeChildren, every few seconds to
// pick up new workers; between those a step reads only the known pids.
import type { MonitorSettings } from './options.js';
import { chooseMatches, withDescendants } from './select.js';
import type { MonitorEvent, ProcessSource } from './types.js';

/** How often the process tree is re-listed with includeChildren, ms. */
const TREE_RESCAN_MS = 2000;

/** The summed usage of the tracked processes at one moment. */
export interface TrackedUsage {
  pid: number;
  name: string;
  rssBytes: number;
  vmsBytes: number;
  cpuPercent: number;
  processCount: number;
}

/** What one step found. */
export type TrackerStep =
  | { kind: 'waiting' }
  | { kind: 'sample'; usage: TrackedUsage }
  | { kind: 'exited' }
  | { kind: 'not-found' };

const short = (text: string) => (text.length > 200 ? `${text.slice(0, 197)}...` : text);

/** Creates the per-sample step function for the given settings. */
export function createTracker(
  settings: MonitorSettings,
  source: ProcessSource,
  emit: (event: MonitorEvent) => void,
) {
  let roots: number[] = [];
  let tracked: number[] = [];
  let lastTreeScan = 0;

  let sampledOnce = false;
  let announcePid = false;

  async function findRoots(at: number): Promise<boolean> {
    const { target } = settings;
    if (target.kind === 'pid') {
      // Announced after the first read, which also tells whether the pid exists.
      roots = [target.pid];
      announcePid = true;
    } else {
      const table = await source.listProcesses();
      const { chosen, nestedMatches } = chooseMatches(table, target.matches, process.pid);
      if (chosen.length === 0) return false;
      roots = chosen.map((p) => p.pid);
      const first = chosen[0] as (typeof chosen)[number];
      const what =
        chosen.length === 1
          ? `pid ${first.pid} (${first.name}): ${short(first.command)}`
          : `${chosen.length} top-level processes, summed: pids ${roots.join(', ')}`;
      const nested = nestedMatches.length
        ? `; ${nestedMatches.length} nested match(es) (pids ${nestedMatches.map((p) => p.pid).join(', ')}) ${settings.includeChildren ? 'counted as children' : 'not counted (use --include-children)'}`
        : '';
      emit({ kind: 'matched', pids: roots, message: `matched ${what}${nested}` });
    }
    tracked = roots;
    if (settings.includeChildren) await rescanTree(at);
    return true;
  }

  async function rescanTree(at: number): Promise<void> {
    lastTreeScan = at;
    const next = withDescendants(await source.listProcesses(), roots);
    if (next.length !== tracked.length) {
      emit({
        kind: 'children',
        pids: next,
        message: `process tree: ${next.length} process(es), pids ${next.join(', ')}`,
      });
    }
    tracked = next;
  }

  return async function step(at: number): Promise<TrackerStep> {
    if (roots.length === 0) {
      if (!(await findRoots(at))) return { kind: 'waiting' };
    } else if (settings.includeChildren && at - lastTreeScan >= TREE_RESCAN_MS) {
      await rescanTree(at);
    }
    const usage = await source.readUsage(tracked);
    const alive = roots.filter((pid) => usage.has(pid));
    const gone = roots.filter((pid) => !usage.has(pid));
    roots = alive;
    if (gone.length > 0 && sampledOnce) {
      emit({ kind: 'exited', pids: gone, message: `pid ${gone.join(', ')} exited` });
    }
    if (alive.length === 0) {
      tracked = [];
      if (sampledOnce) return { kind: 'exited' };
      // Matched but gone before the first reading: a pid is simply not there; a pattern waits.
      return { kind: settings.target.kind === 'pid' ? 'not-found' : 'waiting' };
    }
    const main = usage.get(alive[0] as number);
    sampledOnce = true;
    if (announcePid) {
      announcePid = false;
      emit({ kind: 'matched', pids: roots, message: `monitoring pid ${roots[0]} (${main?.name})` });
    }
    const sum: TrackedUsage = {
      pid: alive[0] as number,
      name: main?.name ?? '',
      rssBytes: 0,
      vmsBytes: 0,
      cpuPercent: 0,
      processCount: usage.size,
    };
    for (const u of usage.values()) {
      sum.rssBytes += u.rssBytes;
      sum.vmsBytes += u.vmsBytes;
      sum.cpuPercent += u.cpuPercent;
    }
    return { kind: 'sample', usage: sum };
  };
}
