// Which processes a sample covers. The rule (also in the README and printed on each match):
// every process whose command line matches is a candidate, except the monitor itself and its
// ancestors (the shell that launched it has the pattern in its own command line). Its own
// children stay candidates: the CLI starts the server it monitors. Of the candidates, those that descend from another candidate are dropped, and
// the remaining top-level matches are SUMMED. With includeChildren each chosen process also
// brings its whole process tree.
import type { CommandMatcher } from './pattern.js';
import type { ProcessInfo } from './types.js';

/** The outcome of matching the process table. */
export interface MatchChoice {
  /** Top-level matches, lowest pid first; their figures are summed. */
  chosen: ProcessInfo[];
  /** Matches that descend from a chosen process (counted only via includeChildren). */
  nestedMatches: ProcessInfo[];
}

function ancestorsOf(pid: number, byPid: Map<number, ProcessInfo>): Set<number> {
  const seen = new Set<number>();
  let current = byPid.get(pid);
  while (current && current.ppid > 0 && !seen.has(current.ppid)) {
    seen.add(current.ppid);
    current = byPid.get(current.ppid);
  }
  return seen;
}

/** Applies the matching rule above to a process table. */
export function chooseMatches(
  table: readonly ProcessInfo[],
  matches: CommandMatcher,
  selfPid: number,
): MatchChoice {
  const byPid = new Map(table.map((p) => [p.pid, p]));
  const selfAncestors = ancestorsOf(selfPid, byPid);
  const candidates = table.filter(
    (p) => matches(p.command) && p.pid !== selfPid && !selfAncestors.has(p.pid),
  );
  const candidatePids = new Set(candidates.map((p) => p.pid));
  const chosen: ProcessInfo[] = [];
  const nestedMatches: ProcessInfo[] = [];
  for (const p of candidates) {
    const nested = [...ancestorsOf(p.pid, byPid)].some((a) => candidatePids.has(a));
    (nested ? nestedMatches : chosen).push(p);
  }
  chosen.sort((a, b) => a.pid - b.pid);
  return { chosen, nestedMatches };
}

/** The given roots plus all their descendants in the table, roots first. */
export function withDescendants(table: readonly ProcessInfo[], roots: readonly number[]): number[] {
  const children = new Map<number, number[]>();
  for (const p of table) {
    const list = children.get(p.ppid) ?? [];
    list.push(p.pid);
    children.set(p.ppid, list);
  }
  const result: number[] = [];
  const seen = new Set<number>();
  const queue = [...roots];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    if (seen.has(pid)) continue;
    seen.add(pid);
    result.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return result;
}
