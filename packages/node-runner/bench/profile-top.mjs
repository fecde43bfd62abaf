// Reads a V8 .cpuprofile (node --cpu-prof) and prints where the time went, by self time:
// the top functions and a breakdown by origin (runner code, undici, Node internals, GC, idle).
// Usage: node bench/profile-top.mjs <file.cpuprofile> [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-top.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfTicks = new Map();
for (const id of profile.samples) selfTicks.set(id, (selfTicks.get(id) ?? 0) + 1);
const total = profile.samples.length;

function origin(url, name) {
  if (name === '(garbage collector)') return 'GC';
  if (name === '(idle)') return 'idle';
  if (name === '(program)') return 'program (native, outside JS)';
  if (url.includes('/node-runner/dist/') || url.includes('/node-runner/src/')) return 'runner';
  if (url.includes('/undici/')) return 'undici';
  if (url.includes('hdr-histogram')) return 'hdr-histogram';
  if (url.startsWith('node:') || url === '') return 'Node internals / native';
  return 'script / other';
}

const fns = new Map();
const origins = new Map();
for (const [id, ticks] of selfTicks) {
  const n = byId.get(id);
  const { functionName, url, lineNumber } = n.callFrame;
  const name = functionName || '(anonymous)';
  const short = url.replace(/^.*\/(node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?)?/, '');
  const key = `${name} ${short}:${lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + ticks);
  const o = origin(url, name);
  origins.set(o, (origins.get(o) ?? 0) + ticks);
}
const pct = (t) => `${((t * 100) / total).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${total} samples`);
console.log('\nby origin (self time):');
for (const [o, t] of [...origins].sort((a, b) => b[1] - a[1])) console.log(`  ${pct(t)}  ${o}`);
console.log(`\ntop ${Number(topArg) || 25} functions (self time):`);
for (const [k, t] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(topArg) || 25))
  console.log(`  ${pct(t)}  ${k}`);
