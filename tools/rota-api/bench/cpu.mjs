// CPU time of the server under test, from /proc (Linux): the API's Node process and, separately,
// its descendants (the embedded PostgreSQL). CPU ms per request is what a busy shared machine
// distorts least; req/s and latency depend on what else runs. /proc parsing and the process tree
// are mem-monitor's.
import { readdirSync, readFileSync } from 'node:fs';
import { parseProcStat, withDescendants } from '@rota-perf/mem-monitor';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid) {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null; // exited, or not Linux
  }
}

function processTable() {
  const table = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (s) table.push({ pid: s.pid, ppid: s.ppid });
  }
  return table;
}

/** CPU ms so far of `pid` itself and of all its descendants (null off Linux). */
export function cpuOf(pid) {
  const own = stat(pid);
  if (!own) return null;
  const children = withDescendants(processTable(), [pid]).filter((p) => p !== pid);
  const db = children.reduce((sum, child) => sum + (stat(child)?.cpuTicks ?? 0) * TICK_MS, 0);
  return { node: own.cpuTicks * TICK_MS, db };
}

/** `node X ms + postgres Y ms` per request between two `cpuOf` readings. */
export function perRequest(before, after, requests) {
  if (!before || !after || requests === 0) return 'n/a';
  const node = (after.node - before.node) / requests;
  const db = (after.db - before.db) / requests;
  return `node ${node.toFixed(2)} ms + postgres ${db.toFixed(2)} ms = ${(node + db).toFixed(2)} ms`;
}
