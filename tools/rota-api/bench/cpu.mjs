// CPU time of the server under test, from /proc (Linux): the API's Node process and, separately,
// its descendants (the embedded PostgreSQL). CPU ms per request is what a busy shared machine
// distorts least; req/s and latency depend on what else runs.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS };
  } catch {
    return undefined;
  }
}

function descendants(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(name);
    if (!s) continue;
    const list = children.get(s.ppid) ?? [];
    list.push(Number(name));
    children.set(s.ppid, list);
  }
  const out = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length > 0) {
    const pid = queue.shift();
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** CPU ms so far of `pid` itself and of all its descendants (null off Linux). */
export function cpuOf(pid) {
  const own = stat(pid);
  if (!own) return null;
  const db = descendants(pid).reduce((sum, child) => sum + (stat(child)?.cpuMs ?? 0), 0);
  return { node: own.cpuMs, db };
}

/** `node X ms + postgres Y ms` per request between two `cpuOf` readings. */
export function perRequest(before, after, requests) {
  if (!before || !after || requests === 0) return 'n/a';
  const node = (after.node - before.node) / requests;
  const db = (after.db - before.db) / requests;
  return `node ${node.toFixed(2)} ms + postgres ${db.toFixed(2)} ms = ${(node + db).toFixed(2)} ms`;
}
